package entity

import (
	"strings"
	"testing"
)

func TestTrimHonorifics(t *testing.T) {
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string
	}{
		{"زار الصحابي الجليل سعد بن أبي وقاص", [][3]int{{1, 2, 5}}, []string{"سعد بن أبي وقاص"}},
		// With a proclitic, and a title after the honorific.
		{"ذكرى والراحل الرئيس جمال عبد الناصر", [][3]int{{1, 1, 5}}, []string{"جمال عبد الناصر"}},
		{"قال اللورد ستيفنز", [][3]int{{1, 1, 2}}, []string{"ستيفنز"}},
		// A noun with the article before the honorific, with a proclitic
		// too; not one without the article, nor before a name alone.
		{"ذكر الشاعر الراحل أحمد رامي", [][3]int{{1, 1, 4}}, []string{"أحمد رامي"}},
		{"فالتابعي الجليل عامر الشعبي", [][3]int{{1, 0, 4}}, []string{"عامر الشعبي"}},
		{"قال محمد الراحل غدا", [][3]int{{1, 1, 2}}, []string{"محمد الراحل"}},
		{"قال العالم الجليل", [][3]int{{1, 1, 2}}, []string{"العالم الجليل"}},
		// One word alone is left; an organization too.
		{"قال الراحل", [][3]int{{1, 1, 1}}, []string{"الراحل"}},
		{"مسجد الجليل الكبير", [][3]int{{3, 1, 2}}, []string{"الجليل الكبير"}},
	} {
		ms, _ := mentionsIn(c.text, c.spans...)
		got := joinedWords(trimHonorifics(ms))
		if got != strings.Join(c.want, "|") {
			t.Errorf("trimHonorifics(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
