package entity

import (
	"strings"
	"testing"
)

func TestDefiniteSurnames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // the words of the mentions after the rule
	}{
		// The surname alone, and after و.
		{"كتب توفيق الحكيم رواية . ولكن الحكيم لا يتردد . والحكيم أديب",
			[][3]int{{1, 1, 2}}, []string{"توفيق الحكيم", "الحكيم", "والحكيم"}},
		// A nisba adjective (the tagger seldom labels it a person's) is no
		// surname alone.
		{"قال خالد المصري إن الفريق المصري فاز", [][3]int{{1, 1, 2}}, []string{"خالد المصري"}},
		// Not next to another word of a name.
		{"كتب توفيق الحكيم رواية . وقال محمد الحكيم", [][3]int{{1, 1, 2}}, []string{"توفيق الحكيم"}},
	} {
		ms, keys := mentionsIn(c.text, c.spans...)
		ws := strings.Fields(c.text)
		labels := make([]int, len(ws))
		breaks := make([]bool, len(ws))
		for i := 1; i < len(ws); i++ {
			breaks[i] = isStop(ws[i-1])
		}
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
		var got []string
		for _, m := range tg.definiteSurnames(ms, labels, tokens, ws, keys, breaks) {
			got = append(got, strings.Join(m.words, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("definiteSurnames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
