package entity

import "testing"

// TestCountryNames checks that an untagged country's name of one word
// becomes a place's mention, with a proclitic too, and that a country's
// name that is also a common word, a word inside another mention and a
// word the tagger labelled are left alone.
func TestCountryNames(t *testing.T) {
	tg := defaultTagger(t)
	if tg.gaz.stats == nil {
		t.Skip("model without word statistics")
	}
	for _, c := range []struct {
		text string
		held []int // tokens of a person's mention another rule added
		want string
	}{
		{"وصل الوفد إلى الفلبين أمس بعد زيارة لنيبال", nil, "LOC:الفلبين|LOC:لنيبال"},
		{"وتقدمت السويد والدانمرك على المكسيك", nil, "LOC:السويد|LOC:والدانمرك|LOC:المكسيك"},
		// مالي and بنين are words too (المالي: financial; البنين: sons).
		{"وقدم الصندوق دعما مالي للأسر من بنين وبنات", nil, ""},
		// Inside another mention: left to it.
		{"وقال هايتي جونسون إن الخطة جاهزة", []int{1, 2}, "PER:هايتي جونسون"},
		// A word the tagger labelled: left to it.
		{"وفاز مولدوفا على ضيفه", []int{1, 1}, "PER:مولدوفا"},
	} {
		labels, toks, words, keys, _ := untaggedInput(c.text)
		var ms []mention
		if c.held != nil {
			i, j := c.held[0], c.held[1]+1
			if j == i+1 {
				labels[i] = 1
			}
			ms = append(ms, newMention(1, i, j, toks, words, keys))
		}
		if got := mentionTexts(tg.countryNames(ms, labels, toks, words, keys)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
