package entity

import "strings"

// placePrepositions marks as placed (see placeCues) each mention the tagger
// read as a person's that stands right after the preposition في: news
// prose writes في before a place (في هونج كونج، في سافانا، في مارون الراس),
// rarely before a person. group then makes a place of the name in all its
// mentions unless one of them follows a person's title or a reporting verb
// (placeCues' titled). A name whose first word has the article, or is a
// gazetteer person's name and no place, is left alone.
//
// Prefilter: one test of the word before each person's mention; nothing is
// allocated.
func (t *Tagger) placePrepositions(ms []mention, keys []string) {
	for i := range ms {
		if t.afterIn(ms[i], keys) {
			ms[i].placed = true
		}
	}
}

// afterIn reports whether m is a person's mention right after في whose
// first word has no article and is no gazetteer person's name only.
func (t *Tagger) afterIn(m mention, keys []string) bool {
	if m.typ != 1 || m.tok <= 0 || m.tok >= len(keys) || keys[m.tok-1] != "في" || len(m.keys) == 0 ||
		strings.HasPrefix(m.keys[0], "ال") {
		return false
	}
	g := t.gaz.words[m.keys[0]]
	return g&gPER == 0 || g&gLOC != 0
}
