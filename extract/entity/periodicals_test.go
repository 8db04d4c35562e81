package entity

import (
	"strings"
	"testing"
)

func TestPeriodicalNames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // type:words of the mentions after the rule, * marks one kept apart
	}{
		// An untagged name with the article after the noun, with a
		// proclitic on the noun too.
		{"ونقلت صحيفة الأنوار عن مصدر", nil, []string{"3:الأنوار"}},
		{"كتب مقالا لجريدة الصباح أمس", nil, []string{"3:الصباح"}},
		// A second word of the name, but no nisba adjective nor today.
		{"صدر عدد من مجلة الفنون الجميلة", nil, []string{"3:الفنون الجميلة"}},
		{"قالت صحيفة الأنوار اللبنانية", nil, []string{"3:الأنوار"}},
		{"نشرت صحيفة الأنوار اليوم تقريرا", nil, []string{"3:الأنوار"}},
		// A place's name: the newspaper, apart from the town.
		{"زار القدس وقرأ جريدة القدس", [][3]int{{5, 1, 1}, {5, 4, 1}}, []string{"5:القدس", "3:القدس*"}},
		// No article (إلكترونية normalized starts as الكترونيه), a noun of
		// a kind of organization, a stopword, today, or the next sentence:
		// no name.
		{"كتب في صحيفة يومية", nil, nil},
		{"أنجح صحيفة إلكترونية", nil, nil},
		{"نشرت في مجلة الجمعية الأميركية", nil, nil},
		{"نشرت صحيفة التي تصدر", nil, nil},
		{"قالت صحيفة اليوم إن", nil, nil},
		{"قرأ الصحيفة . الأنوار", nil, nil},
		// A person's mention is left as it is.
		{"قالت مجلة الحسن بن علي", [][3]int{{1, 2, 3}}, []string{"1:الحسن بن علي"}},
	} {
		r := newRuleText(c.text, c.spans)
		if got := typedWords(tg.periodicalNames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks, newTokenLists(r.keys))); got != strings.Join(c.want, "|") {
			t.Errorf("periodicalNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
