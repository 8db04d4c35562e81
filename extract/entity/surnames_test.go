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
		r := newRuleText(c.text, c.spans)
		got := joinedWords(tg.definiteSurnames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks))
		if got != strings.Join(c.want, "|") {
			t.Errorf("definiteSurnames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
