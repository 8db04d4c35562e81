package entity

import (
	"strings"
	"unicode/utf8"
)

// definitePrefixes are the article and a proclitic before it, in the order
// they are tried (longest first), as they stand before a normalized word.
var definitePrefixes = [...]string{"وال", "فال", "بال", "كال", "لل", "ال"}

// maxCommonNouns is the most words of person's mentions of one article that
// commonNouns tests.
const maxCommonNouns = 4

// minCommonNounUses is the least number of times a word must stand in an
// article both with the article and without it for commonNouns to read it
// as a common noun.
const minCommonNounUses = 2

// commonNouns drops the persons' mentions that start with a common noun the
// article uses as one: a word that is a surname too (الأسد، الصدر: an
// animal, a chest) is a name with a first name or a title before it, but an
// article that writes it both with the article and without it, each at
// least twice (أسد، الأسد، لأسد), and never after another word of a
// person's name (بشار الأسد), is about the thing (حيث يعيش 300 أسد, an
// encyclopaedia article on the lion read as some 40 false persons); a
// mention of one word of another type goes too (أسد read as a place). A
// mention whose later words make a person's name (personsName: عيد بن
// نايف beside عيد الفطر) stays, and a stopword (على, normalized علي) is
// never such a noun. A name
// keeps its form in an article: ال is part of a surname (الحكيم) and a
// first name takes none.
//
// Prefilter: the first word of a person's mention must be a frequent
// common noun (its form with the article frequent in the unlabelled
// corpus); only then is the article scanned, once per such word.
func (t *Tagger) commonNouns(ms []mention, keys []string) []mention {
	var cand [maxCommonNouns]string
	nc := 0
	for _, m := range ms {
		if m.typ != 1 || nc == len(cand) || len(m.keys) == 0 {
			continue
		}
		w := nounStem(m.keys[0])
		if w == "" || inStrings(cand[:nc], w) || t.gaz.an.IsStopword(w) || !t.definiteFrequent(w) {
			continue
		}
		cand[nc] = w
		nc++
	}
	if nc == 0 {
		return ms
	}
	var common [maxCommonNouns]bool
	found := false
	for c, w := range cand[:nc] {
		common[c] = usedAsNoun(ms, keys, w)
		found = found || common[c]
	}
	if !found {
		return ms
	}
	out := ms[:0]
	for _, m := range ms {
		if len(m.keys) > 0 && (m.typ == 1 && !t.personsName(m.keys[1:]) || len(m.keys) == 1) {
			if c := indexString(cand[:nc], nounStem(m.keys[0])); c >= 0 && common[c] {
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// usedAsNoun reports whether the article (keys, normalized) uses w as a
// common noun: at least minCommonNounUses times with the article (and a
// proclitic before it) and as often without (w alone, outside a person's
// mention of two words or more), and w is no later word of a person's
// mention.
func usedAsNoun(ms []mention, keys []string, w string) bool {
	for _, m := range ms {
		if m.typ != 1 || len(m.keys) < 2 {
			continue
		}
		for _, k := range m.keys[1:] {
			if nounStem(k) == w {
				return false
			}
		}
	}
	def, bare := 0, 0
	for i, k := range keys {
		switch {
		case k == w:
			// A first name in a person's name of two words or more (عمر
			// المهنا beside من العمر) is no use as a common noun.
			if !inLongPerson(ms, i) {
				bare++
			}
		case len(k) > len(w) && strings.HasSuffix(k, w) && isDefinitePrefix(k[:len(k)-len(w)]):
			def++
		}
	}
	return def >= minCommonNounUses && bare >= minCommonNounUses
}

// personsName reports whether the later words of a person's mention make
// it a person's name whatever its first word: a word that links the parts
// of a name (بن، أبو: عيد بن نايف العتيبي beside عيد الفطر) or a gazetteer
// person's name without the article (علي محمد; with it, الحبشي is an
// adjective too), or a word with the article that the tagger labels a
// person's in 40% or more of its uses in the unlabelled corpus (عيد
// العتيبي).
func (t *Tagger) personsName(rest []string) bool {
	for _, k := range rest {
		if nameLinks[k] || !strings.HasPrefix(k, "ال") && t.gaz.words[k]&gPER != 0 {
			return true
		}
		if b, ok := t.gaz.auto[k]; ok && strings.HasPrefix(k, "ال") && int(b&3) >= minAutoPER {
			return true
		}
	}
	return false
}

// inLongPerson reports whether token i is in a person's mention of two
// words or more.
func inLongPerson(ms []mention, i int) bool {
	for _, m := range ms {
		if m.typ == 1 && len(m.keys) > 1 && i >= m.tok && i < m.tok+len(m.keys) {
			return true
		}
	}
	return false
}

// definiteFrequent reports whether w with the article is a frequent word of
// the unlabelled corpus (a common noun or a well-known surname).
func (t *Tagger) definiteFrequent(w string) bool {
	var buf [64]byte
	if len(w)+len("ال") > len(buf) {
		return false
	}
	b := append(append(buf[:0], "ال"...), w...)
	return unpackFreq(t.gaz.stats[string(b)]) >= minDefiniteFreq
}

// nounStem returns k (normalized) without the article and a proclitic
// before it, or k itself when it has no article; "" when what is left has
// fewer than three letters.
func nounStem(k string) string {
	for _, p := range definitePrefixes {
		if strings.HasPrefix(k, p) {
			k = k[len(p):]
			break
		}
	}
	if utf8.RuneCountInString(k) < 3 {
		return ""
	}
	return k
}

func isDefinitePrefix(p string) bool {
	for _, d := range definitePrefixes {
		if p == d {
			return true
		}
	}
	return false
}

func inStrings(s []string, w string) bool { return indexString(s, w) >= 0 }

func indexString(s []string, w string) int {
	for i, x := range s {
		if x == w {
			return i
		}
	}
	return -1
}
