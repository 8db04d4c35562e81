package entity

// institutionHeads are the nouns of buildings that house a body and bear a
// name (a mosque, a laboratory), normalized: the name right after one of
// them in the construct state is the institution's (مسجد هوبان، معمل
// كافنديش), which ANERcorp tags as an organization without the noun (over
// its five blocks the name after مسجد is ORG 20 times, LOC 4, PER 2; after
// معمل ORG 4). Not سجن, a prison but also the verbal noun: حكم بسجن أحمد
// نظيف, the sentence of a person to prison.
var institutionHeads = newCliticSet(map[string]bool{"مسجد": true, "معمل": true, "مختبر": true})

// labHeads are the nouns of institutionHeads after which a place's name is
// the institution's too (معمل كافنديش، مختبر لوس ألاموس), normalized; after
// a mosque's it may be the town's (مسجد الكوفة).
var labHeads = map[string]bool{"معمل": true, "مختبر": true}

// institutionNames retypes as an organization a person's mention right after
// a noun of institutionHeads (with a proclitic too: لمسجد) in its sentence,
// and a place's after a laboratory's noun: the tagger reads the foreign
// name of a mosque as a person's, a laboratory's as a place's.
// A person's mention whose first word is a gazetteer person's name of no
// other type is left alone (مسجد الحسن الثاني: the mosque named after the
// king, which ANERcorp tags as the person). It returns ms.
//
// Prefilter: the word before each person's or place's mention is looked up
// in institutionHeads, a cliticSet.
func (t *Tagger) institutionNames(ms []mention, keys []string, breaks []bool) []mention {
	for k := range ms {
		m := &ms[k]
		if (m.typ != 1 && m.typ != 5) || m.tok == 0 || breaks[m.tok] || !institutionHeads.has(keys[m.tok-1]) {
			continue
		}
		if m.typ == 5 && !inSetClitic(keys[m.tok-1], labHeads) {
			continue
		}
		if g := t.gaz.words[m.keys[0]]; m.typ == 1 && g&gPER != 0 && g&(gORG|gLOC) == 0 {
			continue
		}
		m.typ = 3
	}
	return ms
}
