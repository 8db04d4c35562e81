package quote

import "testing"

// TestCuePrefilter checks that every reporting word with its clitics (the
// words of cueForms) passes mayCue, the cheap tests that rule a word out
// before it is looked up.
func TestCuePrefilter(t *testing.T) {
	for w := range cueForms {
		if !mayCue(w) {
			t.Errorf("reporting word %q is ruled out by mayCue", w)
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
