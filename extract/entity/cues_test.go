package entity

import "testing"

func TestCueOf(t *testing.T) {
	cases := []struct {
		word string
		want uint8
	}{
		{"وزارة", cueORG},           // starts with و but is not و+زارة
		{"لوزارة", cueORG},          // proclitic ل
		{"الشركة", cueORG},          // article
		{"وللشركة", cueORG},         // و + لل
		{"الرئيس", cuePER},          // title
		{"والرئيس", cuePER},         // و + article
		{"الفريق", cueORG | cuePER}, // team, or a military rank
		{"مدينة", cueLOC},
		{"بمدينة", cueLOC},
		{"وقال", cueSay},
		{"أكدت", cueSay},
		{"القاهرة", 0},
		{"محمد", 0},
		{"ال", 0},
		{"", 0},
	}
	for _, c := range cases {
		n := normalize(c.word)
		_, b := splitClitic(n)
		if got := cueOf(n, b); got != c.want {
			t.Errorf("cueOf(%q) = %b, want %b", c.word, got, c.want)
		}
	}
}

func TestStripAl(t *testing.T) {
	cases := []struct{ in, want string }{
		{"الوزير", "وزير"},
		{"الي", "الي"},
		{"ال", "ال"},
		{"وزير", "وزير"},
		{"", ""},
	}
	for _, c := range cases {
		if got := stripAl(c.in); got != c.want {
			t.Errorf("stripAl(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
