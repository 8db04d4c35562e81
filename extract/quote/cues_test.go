package quote

import (
	"strings"
	"testing"
)

// TestCuePrefilter checks that every reporting word passes the cheap tests
// lookupCue makes before looking a word up, with two clitics too.
func TestCuePrefilter(t *testing.T) {
	for k := range cues {
		for _, w := range []string{k, "و" + k, "وف" + k} {
			if len(w) < 6 || len(w) > 18 || strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "وال") || strings.HasPrefix(w, "فال") {
				t.Errorf("reporting word %q is ruled out by the prefilter", w)
			}
		}
	}
}
