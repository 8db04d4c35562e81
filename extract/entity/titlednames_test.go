package entity

import (
	"strings"
	"testing"
)

func TestTitledNames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // the words of the mentions after the rule
	}{
		// A foreign name the corpus does not know after a title and a nisba.
		{"وقال اللاعب المغربي زيغولاكوف بوريتشكا إن السباق صعب", nil, []string{"زيغولاكوف بوريتشكا"}},
		{"وتتهم الشيخة زيغولاكوفا الحكومة بالفساد", nil, []string{"زيغولاكوفا"}},
		// A word of the corpus after a title is no name (a verb, a noun).
		{"ونفى الرئيس السابق وجود أي إرهابيين", nil, nil},
		{"وشدد الرئيس الفلسطيني على ضرورة الوحدة", nil, nil},
		// A name the tagger found is left alone; so is a title inside a name.
		{"وقال الدكتور زيغولاكوف بوريتشكا إن", [][3]int{{1, 2, 2}}, []string{"زيغولاكوف بوريتشكا"}},
		{"محمد الشيخ زيغولاكوف", [][3]int{{1, 0, 1}}, []string{"محمد"}},
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
		var got []string
		for _, m := range tg.titledNames(ms, labels, tokens, ws, keys, make([]bool, len(ws))) {
			got = append(got, strings.Join(m.words, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("titledNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
