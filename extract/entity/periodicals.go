package entity

import (
	"strings"
	"unicode/utf8"
)

// periodicalHeads are the nouns of a newspaper or a magazine, normalized:
// the word with the article right after one of them, in the construct
// state, is the periodical's name (صحيفة الأهرام، جريدة الحياة، مجلة
// العربي). ANERcorp tags the name alone, without the noun (over its five
// blocks: صحيفة, جريدة and مجلة are never in the name; a word with the
// article after them is the name 14 times and untagged twice).
var periodicalHeads = newCliticSet(map[string]bool{"صحيفه": true, "جريده": true, "مجله": true})

// periodicalNames reads the name with the article right after a noun of
// periodicalHeads (with a proclitic too: وجريدة، لصحيفة) as an
// organization's: an untagged word becomes one (definiteNameWord; not a noun
// of a kind of organization: مجلة الجمعية الأميركية is the association's
// journal), with a second word that is no nisba adjective
// (periodicalTail), and a place's mention of one or two words there
// (صحيفة القدس، صحيفة الشرق الأوسط) is retyped and kept apart from the
// place's other mentions (the town named elsewhere in the article stays a
// place). Foreign names without the article are companyNames', names in
// quotation marks mediaName's. It runs after repeatedNames, which would
// spread such a name over the common noun (الوطن، الحياة). tl holds the
// lists of the keys. It returns the mentions in text order.
//
// Prefilter: each word's lists (tl) hold periodicalHeads or not.
func (t *Tagger) periodicalNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention {
	n := len(keys)
	var added []mention
	for i := 0; i+1 < n; i++ {
		j := i + 1
		if breaks[j] || !tl.has(i, keys[i], listPeriodical) {
			continue
		}
		k := keys[j]
		if !t.definiteNameWord(words[j], k) || cueWords[stripAl(k)]&cueORG != 0 {
			continue
		}
		if x := mentionAt(ms, j); x >= 0 {
			if m := &ms[x]; m.typ == 5 && len(m.keys) <= 2 {
				m.typ, m.apart = 3, true
			}
			continue
		}
		if labels[j] != 0 || covered(ms, j, j+1) {
			continue
		}
		e := j + 1
		if e < n && !breaks[e] && labels[e] == 0 && t.periodicalTail(words[e], keys[e]) && !covered(ms, e, e+1) {
			e++
		}
		added = append(added, newMention(3, j, e, tokens, words, keys))
	}
	return addMentions(ms, added)
}

// definiteNameWord reports whether the word w, normalized k, may be a word
// with the article of a name (a periodical's, an organization's field): a
// word with the article (in w: the normalized
// الكترونيه of إلكترونية has none), three letters or more after it, no
// stopword, no day and not اليوم (today: صحيفة الرياض اليوم; and
// repeatedNames would spread a name اليوم over every today of the
// article).
func (t *Tagger) definiteNameWord(w, k string) bool {
	b, ok := strings.CutPrefix(k, "ال")
	return ok && strings.HasPrefix(w, "ال") && utf8.RuneCountInString(b) >= 3 && !t.gaz.an.IsStopword(k) && !isDay(k) && k != "اليوم"
}

// periodicalTail reports whether the word w, normalized k, after a
// periodical's name with the article, is the name's second word: a
// definiteNameWord that is no nisba adjective (مجلة الثقافة الجديدة, not
// جريدة الحياة اللندنية nor مجلة الكتاب الدورية).
func (t *Tagger) periodicalTail(w, k string) bool {
	return t.definiteNameWord(w, k) && !strings.HasSuffix(k, "ي") && !strings.HasSuffix(k, "يه")
}

// mentionAt returns the index in ms of the mention that starts at token
// i, or -1.
func mentionAt(ms []mention, i int) int {
	for x, m := range ms {
		if m.tok == i {
			return x
		}
	}
	return -1
}
