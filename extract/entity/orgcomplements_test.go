package entity

import (
	"strings"
	"testing"
)

func TestOrgComplements(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // type:words of the mentions after the rule
	}{
		// The field with لل and its adjective.
		{"زار وفد الهيئة الدولية للطاقة النظيفة البلاد", [][3]int{{3, 2, 2}}, []string{"3:الهيئة الدولية للطاقة النظيفة"}},
		{"أعلن البنك الأفريقي للتنمية أمس", [][3]int{{3, 1, 2}}, []string{"3:البنك الأفريقي للتنمية"}},
		// With a proclitic on the noun.
		{"شكر للمنظمة العالمية للأرصاد الجوية جهودها", [][3]int{{3, 1, 2}}, []string{"3:للمنظمة العالمية للأرصاد الجوية"}},
		// Not today after the field.
		{"قالت المنظمة الدولية للهجرة اليوم إن", [][3]int{{3, 1, 2}}, []string{"3:المنظمة الدولية للهجرة"}},
		// A noun of time is no field.
		{"أعلن الاتحاد الأوروبي للمرة الأولى", [][3]int{{3, 1, 2}}, []string{"3:الاتحاد الأوروبي"}},
		// No noun of a kind of organization first, no nisba last, or the
		// next sentence.
		{"قالت الولايات المتحدة للصحفيين", [][3]int{{3, 1, 2}}, []string{"3:الولايات المتحدة"}},
		{"قال مجلس الأمن للصحفيين", [][3]int{{3, 1, 2}}, []string{"3:مجلس الأمن"}},
		{"تحدث البنك الدولي . للتنمية", [][3]int{{3, 1, 2}}, []string{"3:البنك الدولي"}},
		// Only an organization's mention.
		{"زار الهيئة الدولية للطاقة", [][3]int{{5, 1, 2}}, []string{"5:الهيئة الدولية"}},
	} {
		r := newRuleText(c.text, c.spans)
		if got := typedWords(tg.orgComplements(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks)); got != strings.Join(c.want, "|") {
			t.Errorf("orgComplements(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
