package entity

import (
	"slices"
	"strings"
)

// placePrepositions marks as placed (see placeCues) each mention the tagger
// read as a person's that stands right after the preposition في: news
// prose writes في before a place (في هونج كونج، في سافانا، في مارون الراس),
// rarely before a person. group then makes a place of the name in all its
// mentions unless one of them follows a person's title or a reporting verb
// (placeCues' titled). A name whose first word has the article, or is a
// gazetteer person's name (في صالح كل اليمنيين: in their interest), or
// with بن or أبو in it (ممثلة في أحمد بن عبدالعزيز), or that begins a longer person's
// mention of the article (في هيفاء ... هيفاء وهبي: a first name), is left
// alone.
//
// Prefilter: one test of the word before each person's mention; nothing is
// allocated.
func (t *Tagger) placePrepositions(ms []mention, keys []string) {
	for i := range ms {
		if t.afterIn(ms[i], keys) && !firstWordsOfPerson(ms, ms[i].keys) {
			ms[i].placed = true
		}
	}
}

// firstWordsOfPerson reports whether words are the first words of a
// longer person's mention of ms (هيفاء of هيفاء وهبي: a first name).
func firstWordsOfPerson(ms []mention, words []string) bool {
	for _, o := range ms {
		if o.typ == 1 && len(o.keys) > len(words) && slices.Equal(o.keys[:len(words)], words) {
			return true
		}
	}
	return false
}

// afterIn reports whether m is a person's mention right after في whose
// first word has no article and is no gazetteer person's name, and that has
// no word linking the parts of a person's name (بن، أبو).
func (t *Tagger) afterIn(m mention, keys []string) bool {
	if m.typ != 1 || m.tok <= 0 || m.tok >= len(keys) || keys[m.tok-1] != "في" || len(m.keys) == 0 ||
		strings.HasPrefix(m.keys[0], "ال") {
		return false
	}
	if t.gaz.words[m.keys[0]]&gPER != 0 {
		return false
	}
	for _, k := range m.keys[1:] {
		if nameLinks[k] {
			return false
		}
	}
	return true
}
