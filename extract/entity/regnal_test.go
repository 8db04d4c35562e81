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
		r := newRuleText(c.text, c.spans)
		got := joinedWords(regnalNames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks))
		if got != strings.Join(c.want, "|") {
			t.Errorf("regnalNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
