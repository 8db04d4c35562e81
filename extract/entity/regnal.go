package entity

import "slices"

// regnalOrdinals are the ordinals that follow a sovereign's or a pope's
// name (normalized): الحسن الثاني، عبدالله الثاني، فرناندو الثالث.
var regnalOrdinals = map[string]bool{
	"الاول": true, "الثاني": true, "الثالث": true, "الرابع": true, "الخامس": true,
	"السادس": true, "السابع": true, "الثامن": true, "التاسع": true, "العاشر": true,
}

// royalTitles are the titles of sovereigns (normalized, with a proclitic
// too) before a name with an ordinal.
var royalTitles = map[string]bool{
	"الملك": true, "الملكه": true, "البابا": true, "الشاه": true, "السلطان": true, "الامبراطور": true,
	"الامبراطوره": true, "القيصر": true,
}

// minRegnalUses is how many times a name must stand with the same ordinal
// after it for regnalNames to read the ordinal as part of it when no
// sovereign's title stands before it.
const minRegnalUses = 2

// royalBefore reports whether a title of royalTitles stands right before
// token i in its sentence.
func royalBefore(keys []string, breaks []bool, i int) bool {
	return i > 0 && !breaks[i] && inSetClitic(keys[i-1], royalTitles)
}

// regnalUses counts the persons' mentions of ms with the words of m
// followed by the ordinal keys[j].
func regnalUses(ms []mention, keys []string, m mention, j int) int {
	n := 0
	for _, o := range ms {
		// A mention grown already holds the ordinal: compare its first words.
		e := o.tok + len(m.keys)
		if o.typ == 1 && len(o.keys) >= len(m.keys) && e < len(keys) && keys[e] == keys[j] &&
			slices.Equal(o.keys[:len(m.keys)], m.keys) {
			n++
		}
	}
	return n
}

// regnalNames takes into a person's mention the untagged ordinal right
// after it in its sentence (الحسن الثاني، جيمس الأول), and عشر after the
// ordinal (ألفونسو الثالث عشر): the ordinal is part of a sovereign's name
// (ANERcorp, all five blocks: 33 times in the name, 6 out, all six the
// rank of a player: غونزاليز العاشر، برديتش الثاني عشر). In a sports report
// (sportsReport) the ordinal is a rank and is left out, and so it is
// elsewhere unless a sovereign's title stands before the name (الملك،
// البابا) or the name stands with the ordinal twice or more in the article
// (ترتيب محفوظ الثاني: ranked second). It returns ms.
//
// Prefilter: the word after each person's mention looked up in
// regnalOrdinals; the article is scanned for sports words only when one is
// found, and nothing is allocated but the grown mentions.
func regnalNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	var sports lazySports
	for k, m := range ms {
		j := m.tok + len(m.keys)
		if m.typ != 1 || j >= len(keys) || breaks[j] || labels[j] != 0 || !regnalOrdinals[keys[j]] ||
			m.start != tokens[m.tok].Start || covered(ms, j, j+1) {
			continue
		}
		if sports.of(keys) || !royalBefore(keys, breaks, m.tok) && regnalUses(ms, keys, m, j) < minRegnalUses {
			continue
		}
		e := j + 1
		if e < len(keys) && !breaks[e] && labels[e] == 0 && keys[e] == "عشر" {
			e++
		}
		n := newMention(1, m.tok, e, tokens, words, keys)
		n.cue = m.cue
		ms[k] = n
	}
	return ms
}

// covered reports whether a mention of ms overlaps tokens [i, j).
func covered(ms []mention, i, j int) bool {
	for _, m := range ms {
		if m.tok < j && i < m.tok+len(m.keys) {
			return true
		}
	}
	return false
}
