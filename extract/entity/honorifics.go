package entity

import "strings"

// respectWords are the adjectives of respect, mourning or renown and the
// British titles that stand before a person's name, after a title or
// alone (الصحابي الجليل سعد، الراحل نجيب محفوظ، اللورد ستيفنز، السير ...),
// normalized; ANERcorp leaves them out of the name (over its five blocks:
// الجليل 6، الراحل 6، اللورد 2 before a name, none in one).
var respectWords = map[string]bool{
	"الجليل": true, "الجليله": true, "الراحل": true, "الراحله": true, "المرحوم": true, "المرحومه": true,
	"الفقيد": true, "الفقيده": true, "المغفور": true, "اللورد": true, "السير": true, "الليدي": true,
	"الشهير": true, "الشهيره": true, "المعروف": true, "المعروفه": true,
}

// trimHonorifics cuts from the start of a person's mention of two words or
// more the respectWords (with a proclitic too: والراحل), a noun with the
// article before them (الصحابي الجليل) and the titles (leadTitle) that
// follow them (الراحل الرئيس ...). It returns ms.
//
// Prefilter: the first word of each person's mention of two words or more,
// and the second of one of three words or more, is looked up in a small
// set; nothing is allocated.
func trimHonorifics(ms []mention) []mention {
	for k := range ms {
		m := &ms[k]
		if m.typ != 1 || len(m.keys) < 2 {
			continue
		}
		cue := m.cue
		if !inSetClitic(m.keys[0], respectWords) {
			// A noun with the article before the adjective (الصحابي الجليل
			// سعد: a companion of the Prophet; فالصحابي) describes the
			// person too.
			if len(m.keys) < 3 || !inSetClitic(m.keys[1], respectWords) {
				continue
			}
			if _, b := splitClitic(m.keys[0]); !strings.HasPrefix(b, "ال") {
				continue
			}
			*m = m.slice(1, len(m.keys))
		}
		for len(m.keys) > 1 && (inSetClitic(m.keys[0], respectWords) || leadTitle(m.keys[0])) {
			*m = m.slice(1, len(m.keys))
		}
		m.cue = cue
	}
	return ms
}
