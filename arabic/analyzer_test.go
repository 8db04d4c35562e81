package arabic

import "testing"

// TestMatches checks the spellings that must share one search term.
func TestMatches(t *testing.T) {
	a := New(DefaultOptions())
	groups := [][]string{
		{"الروسى", "الروسي"},
		{"الحُوَار", "الحوار"},
		{"وواشنطن", "بواشنطن", "واشنطن"},
		{"للكونغرس", "الكونغرس"},
		{"٢٠٢١", "2021"},
		{"مسـؤول", "مسؤول"},
	}
	for _, g := range groups {
		want := a.Terms(g[0])
		if len(want) != 1 {
			t.Errorf("Terms(%q) = %q, want one term", g[0], want)
			continue
		}
		for _, w := range g[1:] {
			if got := a.Terms(w); len(got) != 1 || got[0] != want[0] {
				t.Errorf("Terms(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
}
