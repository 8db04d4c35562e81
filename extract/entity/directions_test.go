package entity

import (
	"strings"
	"testing"
)

func TestDropDirections(t *testing.T) {
	for _, c := range []struct {
		text  string
		spans [][3]int // mentions: type, first token, words
		want  []string // the words of the mentions kept
	}{
		{"هو عصفور من الشرق", [][3]int{{5, 3, 1}}, nil},
		{"أجمل ما في الغرب والشرق من شعر", [][3]int{{5, 3, 1}, {5, 4, 1}}, nil},
		{"وظهرت المستوطنات بالشرق قرب قطر", [][3]int{{5, 2, 1}, {5, 4, 1}}, []string{"قطر"}},
		// With an adjective it may name a region.
		{"زار الشرق الأوسط", [][3]int{{5, 1, 2}}, []string{"الشرق الأوسط"}},
	} {
		ms, _ := mentionsIn(c.text, c.spans...)
		got := joinedWords(dropDirections(ms))
		if got != strings.Join(c.want, "|") {
			t.Errorf("dropDirections(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
