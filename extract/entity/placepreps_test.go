package entity

import (
	"strings"
	"testing"
)

func TestPlacePrepositions(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  string   // TYPE:name of the entities
	}{
		// A name read as a person after في is a place in all its mentions.
		{"أقمنا في هونج كونج أسبوعا . وتعيش هونج كونج على التجارة",
			[][3]int{{1, 2, 2}, {1, 7, 2}}, "LOC:هونج كونج"},
		// Not after another preposition (إلى بوتين: a gift to Putin).
		{"سلم السلطة إلى فلاديمير بوتين", [][3]int{{1, 3, 2}}, "PER:فلاديمير بوتين"},
		// Not a first name of a longer person's name, nor a name with بن.
		{"رأيي في هيفاء كبير . وغنت هيفاء وهبي", [][3]int{{1, 2, 1}, {1, 6, 2}}, "PER:هيفاء|PER:هيفاء وهبي"},
		{"ممثلة في زيغولاكوف بن زيغولاكوفي", [][3]int{{1, 2, 3}}, "PER:زيغولاكوف بن زيغولاكوفي"},
		// Not when a mention follows a reporting verb.
		{"ثقتنا في زيغولاكوف كبيرة . وقال زيغولاكوف إن", [][3]int{{1, 2, 1}, {1, 6, 1}}, "PER:زيغولاكوف"},
	} {
		r := newRuleText(c.text, c.spans)
		tg.placeCues(r.ms, r.ws, r.keys, r.breaks)
		tg.placePrepositions(r.ms, r.keys)
		var got []string
		for _, e := range tg.group(r.ms, &groupBufs{}) {
			got = append(got, e.Type+":"+e.Text)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("placePrepositions(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
