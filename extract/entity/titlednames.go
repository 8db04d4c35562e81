package entity

import "strings"

// maxTitleModifiers is the most definite adjectives titledNames reads
// between a person's title and the name (العداء المغربي، الرئيس الأسبق).
const maxTitleModifiers = 2

// maxTitledName is the most words of a name titledNames adds.
const maxTitledName = 3

// titledNames adds the persons' names the tagger missed right after a
// person's title or calling with the article (leadTitles: الدكتور، الشيخة،
// العداء، اللاعب), with up to maxTitleModifiers definite adjectives between
// (العداء المغربي ربيع دكانة، الرئيس الأسبق أمين الجميل): news prose names a
// person after such a title, and a word there that has the form of a
// proper name the tagger does not know (nameLike) starts the name. The
// name is up to maxTitledName untagged words in one sentence, each a name
// by itself (a gazetteer person's name or a name's form the unlabelled
// corpus does not know), one of them at least a name's form. It returns
// the mentions in text order.
//
// Prefilter: one pass over the normalized words for an untagged title
// followed by an untagged word; nothing is allocated otherwise.
func (t *Tagger) titledNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var added []mention
	for i := 0; i+1 < n; i++ {
		if labels[i] != 0 || breaks[i+1] || i > 0 && !breaks[i] && labels[i-1] != 0 {
			continue
		}
		if labels[i+1] != 0 || !definiteForm(keys[i]) || !leadTitle(keys[i]) {
			continue
		}
		j := i + 1
		for d := 0; d < maxTitleModifiers && j < n && !breaks[j] && labels[j] == 0 &&
			titleModifier(keys[j]); d++ {
			j++
		}
		e := j
		for e < n && e-j < maxTitledName && !breaks[e] && labels[e] == 0 && t.titledWord(keys[e]) {
			e++
		}
		if e == j || e-j == maxTitledName && e < n && !breaks[e] && labels[e] == 0 && t.nameLike(keys[e]) {
			continue
		}
		if !t.anyNameLike(keys[j:e]) || covered(ms, j, e) {
			continue
		}
		added = append(added, newMention(1, j, e, tokens, words, keys))
		i = e - 1
	}
	return addMentions(ms, added)
}

// definiteForm reports cheaply whether k (normalized) may carry the
// article: ال or لل within its first letters (والرئيس، للدكتور), as every
// word of leadTitles does.
func definiteForm(k string) bool {
	h := k[:min(len(k), 8)]
	return strings.Contains(h, "ال") || strings.Contains(h, "لل")
}

// titledWord reports whether k (normalized) may be a word of a name after a
// title: a name by itself (strongName), without the article or a stopword,
// and not starting with و or ف unless it is a gazetteer person's name (a
// verb: فأنجبت، ويسمونها).
func (t *Tagger) titledWord(k string) bool {
	if strings.HasPrefix(k, "ال") || t.gaz.an.IsStopword(k) || isDay(k) {
		return false
	}
	if (strings.HasPrefix(k, "و") || strings.HasPrefix(k, "ف")) && t.gaz.words[k]&gPER == 0 {
		return false
	}
	return t.strongName(k)
}

// strongName reports whether k (normalized) is a name by itself: a
// gazetteer person's name of no other type, or a name's form the
// unlabelled corpus does not know (a foreign name: a verb or common noun
// the tagger does not know, ترسيم، وجود, is a word of the corpus).
func (t *Tagger) strongName(k string) bool {
	if g := t.gaz.words[k]; g&gPER != 0 && g&(gORG|gLOC) == 0 {
		return true
	}
	return t.nameLike(k) && t.gaz.stats[k] == 0
}

// titleModifiers are the definite adjectives of time that stand between a
// title and a name (الرئيس السابق، الأميرة الراحلة), normalized.
var titleModifiers = map[string]bool{
	"السابق": true, "السابقه": true, "الاسبق": true, "الراحل": true, "الراحله": true, "الحالي": true, "الحاليه": true,
	"الجديد": true, "الجديده": true, "المخضرم": true, "الشاب": true, "الشابه": true, "الدولي": true,
}

// titleModifier reports whether k (normalized) is an adjective that may
// stand between a title and a name: a definite nisba, masculine or
// feminine (المغربي، الروسية), or one of titleModifiers.
func titleModifier(k string) bool {
	return titleModifiers[k] || isNisba(k) || isNisba(strings.TrimSuffix(k, "ه")) && strings.HasSuffix(k, "يه")
}

// anyNameLike reports whether one of keys has a proper name's form.
func (t *Tagger) anyNameLike(keys []string) bool {
	for _, k := range keys {
		if t.nameLike(k) {
			return true
		}
	}
	return false
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
