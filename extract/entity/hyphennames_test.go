package entity

import (
	"strings"
	"testing"
)

func TestHyphenNames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // the words of the mentions after the rule
	}{
		{"وتوفيت كو يوغ - هوي ، الراقصة", [][3]int{{1, 1, 2}}, []string{"كو يوغ - هوي"}},
		// A place after the hyphen: a dateline.
		{"من فتحي محمود - القدس", [][3]int{{1, 1, 2}, {5, 4, 1}}, []string{"فتحي محمود", "القدس"}},
		// One word: no compound name.
		{"قال كيم - هوي", [][3]int{{1, 1, 1}}, []string{"كيم"}},
	} {
		r := newRuleText(c.text, c.spans)
		got := joinedWords(tg.hyphenNames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks))
		if got != strings.Join(c.want, "|") {
			t.Errorf("hyphenNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
