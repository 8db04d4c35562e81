package entity

import (
	"strings"
	"testing"
)

func TestRegnalNames(t *testing.T) {
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // the words of the mentions after the rule
	}{
		// After a sovereign's title.
		{"استقبل الملك عبدالله الثاني الوفد", [][3]int{{1, 2, 1}}, []string{"عبدالله الثاني"}},
		{"توج البابا ألفونسو الثالث عشر", [][3]int{{1, 2, 1}}, []string{"ألفونسو الثالث عشر"}},
		// Twice with the same ordinal in the article.
		{"زار مسجد الحسن الثاني ثم غادر مسجد الحسن الثاني", [][3]int{{1, 2, 1}, {1, 7, 1}},
			[]string{"الحسن الثاني", "الحسن الثاني"}},
		// Once, without a title: a rank (ترتيب محفوظ الثاني).
		{"وكان ترتيب محفوظ الثاني على زملائه", [][3]int{{1, 2, 1}}, []string{"محفوظ"}},
		// In a sports report the ordinal is a rank, even twice.
		{"حل فرناندو الثالث في المباراة وسجل هدفا للفريق في البطولة مع المنتخب وحل فرناندو الثالث في الدوري",
			[][3]int{{1, 1, 1}, {1, 13, 1}}, []string{"فرناندو", "فرناندو"}},
	} {
		ms, keys := mentionsIn(c.text, c.spans...)
		ws := strings.Fields(c.text)
		labels := make([]int, len(ws))
		for _, s := range c.spans {
			labels[s[1]] = s[0]
		}
		tokens := make([]Token, len(ws))
		for i, w := range ws {
			tokens[i] = Token{Text: w, Start: i * 10, End: i*10 + len([]rune(w))}
		}
		for k := range ms { // offsets as the tokens' (mentionOf spaces them otherwise)
			ms[k] = newMention(ms[k].typ, ms[k].tok, ms[k].tok+len(ms[k].keys), tokens, ws, keys)
		}
		var got []string
		for _, m := range regnalNames(ms, labels, tokens, ws, keys, make([]bool, len(ws))) {
			got = append(got, strings.Join(m.words, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("regnalNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
