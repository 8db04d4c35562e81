package entity

import (
	"strings"
)

// cityClubs retypes as an organization, in a sports report, a mention of a
// place that is a club named after its town (هامبورغ الألماني، قطر القطري،
// بوردو ( فرنسا )): a place of one or two words followed by a masculine
// nisba adjective derived from a place (placeNisba: a town is feminine in
// Arabic, its team masculine; an adjective of finance or faith, السوق
// المالي، دبي الإسلامي, is no place's), or by its country in parentheses
// (the lists of results; not after في: في نجامينا (تشاد)). A town's rare nisba is taken into the club's
// name (المغرب التطواني, see rareNisba). Only that mention is retyped: it
// is marked apart and group keeps it apart from the town's other mentions,
// which stay places (قطر the country beside قطر القطري the club). Not after
// a noun of a venue or event (استاد القاهرة الدولي: the adjective is the
// stadium's). It returns ms.
//
// Prefilter: the word after each place's mention is tested for the form of
// a nisba or a parenthesis before the article is scanned for sports words;
// nothing is allocated but the grown mentions.
func (t *Tagger) cityClubs(ms []mention, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var sports lazySports // computed when a candidate is found
	for k := range ms {
		m := &ms[k]
		if m.typ != 5 || len(m.keys) == 0 || len(m.keys) > 2 {
			continue
		}
		j := m.tok + len(m.keys)
		if j >= n || breaks[j] {
			continue
		}
		nisba := isNisba(keys[j]) && !strings.HasSuffix(words[j], "ى")
		paren := !nisba && keys[j] == "(" && j+2 < n && keys[j+2] == ")"
		if !nisba && !paren {
			continue
		}
		if m.tok > 0 && !breaks[m.tok] && venueWord(keys[m.tok-1]) {
			continue
		}
		if covered(ms, j, j+1) {
			continue
		}
		switch {
		case nisba && !t.placeNisba(keys[j]):
			continue
		case paren && (t.gaz.words[keys[j+1]]&gLOC == 0 && !coveredType(ms, j+1, 5) || m.tok > 0 && keys[m.tok-1] == "في"):
			// في نجامينا (تشاد): a town and its country.
			continue
		}
		if !sports.of(keys) {
			return ms
		}
		if nisba && t.rareNisba(keys[j]) {
			e := newMention(3, m.tok, j+1, tokens, words, keys)
			copy(e.keys, m.keys)
			copy(e.words, m.words)
			e.start, e.starts[0] = m.start, m.start
			*m = e
		}
		m.typ = 3
		m.apart = true
	}
	return ms
}

// coveredType reports whether token i is the one word of a mention of type
// typ.
func coveredType(ms []mention, i, typ int) bool {
	for _, m := range ms {
		if m.tok == i && len(m.keys) == 1 && m.typ == typ {
			return true
		}
	}
	return false
}

// placeNisba reports whether the normalized definite nisba k is derived
// from the name of a place the gazetteers know: القطري from قطر، الفرنسي from
// فرنسا، الألماني from ألمانيا، المغربي from المغرب، السعودي from السعودية،
// الإنجليزي from إنجلترا. It builds no string: the candidate stems are
// looked up through a small buffer on the stack.
func (t *Tagger) placeNisba(k string) bool {
	b, ok := strings.CutPrefix(k, "ال")
	if !ok {
		return false
	}
	stem, ok := strings.CutSuffix(b, "ي")
	if !ok || len(stem) < 4 || compassStems[stem] {
		return false
	}
	var buf [64]byte
	look := func(parts ...string) bool {
		s := buf[:0]
		for _, p := range parts {
			s = append(s, p...)
		}
		if len(s) > len(buf) {
			return false
		}
		return t.gaz.words[string(s)]&gLOC != 0
	}
	if look(stem) || look(stem, "ا") || look(stem, "يا") || look(stem, "يه") || look("ال", stem) || look("ال", stem, "يه") {
		return true
	}
	// إنجليزي، انكليزي: the nisba of إنجلترا، انكلترا.
	if base, ok := strings.CutSuffix(stem, "يز"); ok {
		return look(base, "ترا")
	}
	return false
}

// compassStems are the stems of the nisbas of the points of the compass
// (ريف دمشق الغربي، الشرق الأوسط), normalized: a side of a place, no club.
// رياض is here too: الرياضي is "of sport" in a sports report, not "of
// Riyadh".
var compassStems = map[string]bool{"شرق": true, "غرب": true, "شمال": true, "جنوب": true, "وسط": true, "اوسط": true, "رياض": true}

// venueWords are the nouns whose genitive is a town in the names of
// venues and events (استاد القاهرة الدولي، معرض صنعاء الدولي), normalized:
// an adjective after the town is theirs.
var venueWords = map[string]bool{
	"استاد": true, "ستاد": true, "ملعب": true, "مطار": true, "معرض": true, "جامعه": true, "مدينه": true,
	"ميناء": true, "متحف": true, "مستشفي": true, "مهرجان": true, "مؤتمر": true, "بطوله": true, "كاس": true,
	"دوري": true, "سباق": true, "رالي": true, "ماراثون": true, "منتدي": true, "مركز": true,
}

// venueWord reports whether the normalized word k is a noun of venueWords,
// with a proclitic or not.
func venueWord(k string) bool { return inSetClitic(k, venueWords) }

// maxClubFreq is the most frequency bucket in the unlabelled corpus of a
// word foreignClubs takes as a club's name: common nouns in the construct
// state before a substantive nisba (على غرار البرازيلي، من نصيب السويسري،
// مع استمرار البرازيلي) are frequent (8 and more), foreign clubs rare
// (فنربخشه 5، لخويا 7).
const maxClubFreq = 7

// clubPreps are the words before a club's name in the reports of matches
// and transfers (أمام، على، من، إلى، مع، ضد), normalized.
var clubPreps = map[string]bool{"امام": true, "علي": true, "من": true, "الي": true, "مع": true, "ضد": true}

// foreignClubs adds, in a sports report, an organization for an untagged
// word of a foreign name's form (nameLike) followed by a masculine nisba
// derived from a place (placeNisba): a club named with its country's
// adjective (تعادل أمام بيهورا الروماني، فلومينيزي البرازيلي وفنربغشة التركي).
// The word stands after a preposition of matches and transfers
// (clubPreps) or carries the conjunction و after another such adjective
// (a list of clubs); a player's name, which follows a title (المهاجم ...
// البرازيلي), is left alone. It returns the mentions in text order.
//
// Prefilter: each word is tested for the form of a definite nisba (prefix
// and suffix) before anything else; nothing is allocated but the mentions
// added.
func (t *Tagger) foreignClubs(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var sports lazySports
	var added []mention
	for j := 2; j < n; j++ {
		// The last letter ي (U+064A, bytes D9 8A) first: most words fail it.
		if k := keys[j]; len(k) < 8 || k[len(k)-1] != 0x8a || k[len(k)-2] != 0xd9 || labels[j] != 0 || labels[j-1] != 0 ||
			breaks[j] || breaks[j-1] || !isNisba(k) {
			continue
		}
		i := j - 1
		k := keys[i]
		first := true
		if b, ok := strings.CutPrefix(k, "و"); ok && isNisba(keys[i-1]) {
			k, first = b, false
		} else if !clubPreps[keys[i-1]] {
			continue
		}
		if !t.nameLike(k) || unpackFreq(t.gaz.stats[k]) > maxClubFreq || t.gaz.words[k]&gPER != 0 || t.possessed(k) || strings.HasSuffix(words[j], "ى") || !t.placeNisba(keys[j]) ||
			covered(ms, i, j+1) {
			continue
		}
		if !sports.of(keys) {
			return ms
		}
		m := conjMention(3, i, i+1, first, tokens, words, keys)
		m.apart = true
		added = append(added, m)
	}
	return addMentions(ms, added)
}

// possessed reports whether the normalized word k is a common noun with a
// possessive pronoun (نظيرها، فريقهم): its stem, bare or with the article,
// is frequent in the unlabelled corpus.
func (t *Tagger) possessed(k string) bool {
	for _, p := range [...]string{"هما", "هم", "ها", "نا", "كم", "ه"} {
		if b, ok := strings.CutSuffix(k, p); ok && len(b) >= 4 {
			var buf [64]byte
			if len(b)+len("ال") > len(buf) {
				return false
			}
			s := append(append(buf[:0], "ال"...), b...)
			if unpackFreq(t.gaz.stats[b]) >= minCommonFreq || unpackFreq(t.gaz.stats[string(s)]) >= minDefiniteFreq {
				return true
			}
		}
	}
	return false
}
