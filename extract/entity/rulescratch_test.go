package entity

import (
	"maps"
	"slices"
	"testing"
)

// TestRuleScratchReuse checks that the scratch's buffers, handed out again
// for fewer mentions or tokens, hold nothing of their last use.
func TestRuleScratchReuse(t *testing.T) {
	long := []mention{mentionOf(1, 0, "محمد بن سلمان"), mentionOf(5, 4, "الرياض")}
	short := []mention{mentionOf(3, 1, "الأمم المتحدة")}
	var sc ruleScratch
	for _, c := range []struct {
		ms []mention
		n  int
	}{{long, 6}, {short, 4}, {nil, 2}, {long, 6}} {
		if got, want := sc.heldTokens(c.ms, c.n), heldTokens(c.ms, c.n); !slices.Equal(got, want) {
			t.Errorf("heldTokens(%d mentions, %d) = %v, want %v", len(c.ms), c.n, got, want)
		}
		if got, want := sc.mentionWords(c.ms), mentionWords(c.ms); !maps.Equal(got, want) {
			t.Errorf("mentionWords(%d mentions) = %v, want %v", len(c.ms), got, want)
		}
		if m := clearedMap(&sc.firsts); len(m) != 0 {
			t.Errorf("clearedMap: %d entries, want none", len(m))
		}
		sc.firsts["x"]++
	}
}
