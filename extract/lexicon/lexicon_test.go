package lexicon

import (
	"testing"

	"github.com/marsad/marsad/arabic"
)

func TestWordsNormalized(t *testing.T) {
	o := arabic.DefaultNormalizeOptions()
	seen := map[string]bool{}
	check := func(w string) {
		if w == "" || arabic.Normalize(w, o) != w {
			t.Errorf("%q is not in normalized form (%q)", w, arabic.Normalize(w, o))
		}
	}
	for _, v := range verbs {
		check(v.Masc)
		check(v.Fem)
		if v.Use == 0 {
			t.Errorf("verb %q has no use", v.Masc)
		}
		if seen[v.Masc] || seen[v.Fem] {
			t.Errorf("verb %q/%q listed twice", v.Masc, v.Fem)
		}
		seen[v.Masc], seen[v.Fem] = true, true
	}
	seen = map[string]bool{}
	for _, w := range titles {
		check(w.Word)
		if w.Use == 0 {
			t.Errorf("title %q has no use", w.Word)
		}
		if seen[w.Word] {
			t.Errorf("title %q listed twice", w.Word)
		}
		seen[w.Word] = true
	}
}

func TestSelect(t *testing.T) {
	for _, c := range []struct {
		name      string
		got       map[string]bool
		want, not []string
	}{
		{"statement verbs", verbSet(Verbs(Statement)), []string{"قال", "قالت", "يقول", "غردت"}, []string{"دعا", "ختم"}},
		{"person-subject verbs", verbSet(Verbs(PersonSubject)), []string{"قال", "دعا", "ختم"}, []string{"غرد", "يقول"}},
		{"say cues", verbSet(Verbs(SayCue)), []string{"قال", "نفت", "تقول"}, []string{"كتب"}},
		{"titles before a name", Set(Titles(TitleBefore)), []string{"الرئيس", "الوزيره", "نظيره"}, []string{"رئيس"}},
		{"title heads", Set(Titles(TitleHead)), []string{"وزير", "رئيس"}, []string{"الوزير"}},
		{"honorifics are names of places' words", Set(Titles(InPlaceName)), []string{"الملك", "ابن"}, nil},
		{"quote's honorifics", Set(Titles(Honorific)), []string{"الملك", "السلطان"}, []string{"ابن", "الرئيس"}},
		{"either use", Set(Titles(Spokesperson | BareTitle)), []string{"الناطقه", "مندوب"}, []string{"الرئيس"}},
	} {
		for _, w := range c.want {
			if !c.got[w] {
				t.Errorf("%s: %q missing", c.name, w)
			}
		}
		for _, w := range c.not {
			if c.got[w] {
				t.Errorf("%s: %q unexpected", c.name, w)
			}
		}
	}
	if Verbs(0) != nil || Titles(0) != nil {
		t.Error("no use selects words")
	}
}

func TestHonorificsAmongPlaceNameWords(t *testing.T) {
	in := Set(Titles(InPlaceName))
	for _, w := range Titles(Honorific) {
		if !in[w] {
			t.Errorf("honorific %q is no InPlaceName word", w)
		}
	}
}

func verbSet(vs []Verb) map[string]bool {
	m := map[string]bool{}
	for _, v := range vs {
		m[v.Masc], m[v.Fem] = true, true
	}
	return m
}
