package entity

import (
	"strings"
	"unicode/utf8"
)

// orgComplements extends an organization's mention that starts with a noun
// of a kind of organization with the article and ends with a nisba
// adjective (الوكالة الدولية، المنظمة العالمية، البنك الآسيوي) over the
// complement with لل right after it in its sentence, untagged and no noun
// of time (timeNouns), and the word with the article that follows that one
// (definiteNameWord: not اليوم): the body's field is part of its name
// (الوكالة الدولية للطاقة الذرية، المنظمة العالمية للملكية الفكرية، البنك
// الآسيوي للتنمية). It returns ms.
//
// Prefilter: the last word of each organization's mention is tested for
// the form of a nisba, and the word after it for لل, before the first word
// is looked up.
func (t *Tagger) orgComplements(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	free := func(i int) bool { return i < n && !breaks[i] && labels[i] == 0 && !covered(ms, i, i+1) }
	for k := range ms {
		m := &ms[k]
		j := m.tok + len(m.keys)
		if m.typ != 3 || len(m.keys) < 2 || j >= n || !adjectiveNisba(m.keys[len(m.keys)-1]) {
			continue
		}
		c, ok := strings.CutPrefix(keys[j], "لل")
		if !ok || utf8.RuneCountInString(c) < 3 || timeNouns[c] || !orgNoun(m.keys[0]) || !free(j) {
			continue
		}
		e := j + 1
		if free(e) && t.definiteNameWord(words[e], keys[e]) {
			e++
		}
		g := newMention(3, m.tok, e, tokens, words, keys)
		copy(g.keys, m.keys)
		copy(g.words, m.words)
		g.start, g.starts[0] = m.start, m.start
		*m = g
	}
	return ms
}

// orgNoun reports whether the normalized word k is a noun of a kind of
// organization (cueORG) with the article, after a proclitic too
// (والمنظمة، للمنظمة).
func orgNoun(k string) bool {
	_, h := splitClitic(k)
	return strings.HasPrefix(h, "ال") && cueWords[stripAl(h)]&cueORG != 0
}

// timeNouns are nouns of time, normalized without the article: after an
// organization's name, لل and one of them is no field of the body's
// (الاتحاد الأوروبي للفترة من ...، للمرة الأولى).
var timeNouns = map[string]bool{"مره": true, "فتره": true, "عام": true, "سنه": true, "شهر": true, "يوم": true,
	"اسبوع": true, "موسم": true, "قرن": true, "وقت": true, "ساعه": true, "دقيقه": true}

// adjectiveNisba reports whether the normalized word k has the form of a
// nisba adjective with the article, masculine or feminine (الدولي،
// العالميه).
func adjectiveNisba(k string) bool {
	return isNisba(k) || strings.HasSuffix(k, "يه") && isNisba(strings.TrimSuffix(k, "ه"))
}
