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
		ms, keys := mentionsIn(c.text, c.spans...)
		ws := strings.Fields(c.text)
		labels := make([]int, len(ws))
		for _, s := range c.spans {
			labels[s[1]] = s[0]
			for d := 1; d < s[2]; d++ {
				labels[s[1]+d] = s[0] + 1
			}
		}
		tokens := make([]Token, len(ws))
		for i, w := range ws {
			tokens[i] = Token{Text: w, Start: i * 10, End: i*10 + len([]rune(w))}
		}
		for k := range ms {
			ms[k] = newMention(ms[k].typ, ms[k].tok, ms[k].tok+len(ms[k].keys), tokens, ws, keys)
		}
		var got []string
		for _, m := range tg.hyphenNames(ms, labels, tokens, ws, keys, make([]bool, len(ws))) {
			got = append(got, strings.Join(m.words, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("hyphenNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
