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

// TestCueForms checks that cueForms gives what cueByMap finds on every
// reporting word with clitics, and on words that are none, and that
// cueFormKeys holds every word of cueForms.
func TestCueForms(t *testing.T) {
	words := []string{"", "قال", "وقال", "فوقال", "ووفقال", "الرئيس", "وفقا", "ووفقا", "بحسبما", "نقلا"}
	for k := range cues {
		for _, p := range []string{"", "و", "ف", "وو", "وف", "فو", "فف", "ووف", "ال", "ب"} {
			words = append(words, p+k, p+k[:len(k)-2], p+k+"ه")
		}
	}
	for _, w := range words {
		c, n := cueByMap(w)
		want := tokCue{c, uint8(n)}
		if got := cueForms[w]; got != want {
			t.Errorf("cueForms[%q] = %v, want %v", w, got, want)
		}
	}
	for w := range cueForms {
		if !cueFormKeys.Has(w) {
			t.Errorf("cueFormKeys lacks %q", w)
		}
	}
}
