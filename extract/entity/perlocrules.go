package entity

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/marsad/marsad/extract/lexicon"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Rules of Arabic news language for people and places that the tagger
// misses: the names of countries standing alone (countryNames), a
// person's first name between a title and the surname the tagger found
// (titleFirstNames), a person's name alone after a title (titleNames),
// and the name of a town, quarter or street after its noun (placeNames).

// regionNames returns the set of the normalized Arabic names of one word
// of the countries and territories of CLDR (الفلبين، السويد، نيبال), read
// from golang.org/x/text's display tables once, with the older spelling
// of a final alif as ة (هولندة، بولندة). The numeric areas of UN M.49
// are left out: العالم (001) is a common noun.
var regionNames = sync.OnceValue(func() *cliticSet {
	names := display.Regions(language.Arabic)
	out := map[string]bool{}
	add := func(code string) {
		r, err := language.ParseRegion(code)
		if err != nil {
			return
		}
		n := normalizePhrase(names.Name(r))
		if n == "" || strings.Contains(n, " ") {
			return
		}
		out[n] = true
		// The older spelling with ة for the final alif (هولندة، بولندة);
		// not after ي, where it is a nisba adjective (روسية).
		if b, ok := strings.CutSuffix(n, "ا"); ok && !strings.HasSuffix(b, "ي") {
			out[b+"ه"] = true
		}
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			add(string([]rune{a, b}))
		}
	}
	return newCliticSet(out)
})

// countryNames adds a place's mention for each untagged word, outside the
// mentions, that is the name of a country or region of one word
// (regionNames), maybe with a proclitic (والسويد، بنيبال): the tagger
// misses those its training data rarely has. A name without the article
// whose form with the article is a frequent word of the unlabelled corpus
// is an adjective or noun too (مالي: المالي؛ بنين: البنين) and is left
// alone. tl holds the lists of the keys.
func (t *Tagger) countryNames(ms []mention, labels []int, tokens []Token, words, keys []string, tl *tokenLists) []mention {
	var (
		held  []bool
		added []mention
	)
	for i, k := range keys {
		if labels[i] != 0 {
			continue
		}
		if b, ok := tl.base(i, k, listRegion); !ok || !t.regionWord(b) {
			continue
		}
		if held == nil {
			held = heldTokens(ms, len(keys))
		}
		if held[i] {
			continue
		}
		added = append(added, newMention(5, i, i+1, tokens, words, keys))
	}
	return addMentions(ms, added)
}

// regionWord reports whether b, a region's name of regionNames that a
// token is alone or after its proclitic, is no common word.
func (t *Tagger) regionWord(b string) bool {
	if utf8.RuneCountInString(b) < 3 || t.gaz.an.IsStopword(b) {
		return false
	}
	if !strings.HasPrefix(b, "ال") && unpackFreq(t.gaz.stats["ال"+b]) >= minCommonFreq {
		return false
	}
	return true
}

// callings are the callings of artists and athletes, normalized, that
// stand before a person's name like the titles of leadTitles (الشاعرة
// مايا أنجيلو، المدافع ألفارو ميخيا).
var callings = map[string]bool{
	"الشاعر": true, "الشاعره": true, "الممثل": true, "المخرج": true, "المطرب": true, "المطربه": true,
	"المغني": true, "المذيع": true, "المذيعه": true, "الروائي": true, "الروائيه": true, "الرسام": true,
	"المدافع": true, "المهاجم": true, "الحارس": true, "العداء": true, "العداءه": true, "الملاكم": true,
}

// titleFirstNames extends a person's mention to the untagged word right
// before it, in its sentence, when a title or calling stands before that
// word, maybe with adjectives between (titledAt: الفنان طلعت [زكريا]،
// الشاعرة مايا [أنجيلو]، الرئيس الصيني شي [جين بينغ]): between a title and
// the surname the tagger found there is the first name. The word must be
// one that may be a first name there (firstNameSlot: no word with the
// article, an adjective in الرئيس الأمريكي [أوباما], nor a stopword,
// title, rank or verb). tl holds the lists of the keys. It returns ms.
func (t *Tagger) titleFirstNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention {
	var marks *tokenMarks
	for k, m := range ms {
		i := m.tok - 1
		if m.typ != 1 || i < 1 || breaks[m.tok] || breaks[i] || labels[i] != 0 || m.start != tokens[m.tok].Start ||
			!t.titledAt(keys, labels, breaks, tl, i) || !t.firstNameSlot(keys[i]) {
			continue
		}
		if marks == nil {
			marks = &tokenMarks{ms: ms, n: len(keys)}
		}
		if marks.held(i) {
			continue
		}
		ms[k] = extendMention(m, i, m.tok+len(m.keys), tokens, words, keys)
		marks.hold(i)
	}
	return ms
}

// titledAt reports whether a title (titleAt) stands before token i, right
// before it or before one or two untagged adjectives with the article
// (المذيعة الأميركية الشهيرة أوبرا، الرئيس المصري حسني).
func (t *Tagger) titledAt(keys []string, labels []int, breaks []bool, tl *tokenLists, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if titleAt(keys, tl, j) {
			return true
		}
		if breaks[j+1] || labels[j] != 0 || !strings.HasPrefix(keys[j], "ال") || t.gaz.an.IsStopword(keys[j]) {
			return false
		}
	}
	return false
}

// titleAt reports whether token i of keys, whose lists tl holds, is a
// title of leadTitles or a calling of callings, maybe with a proclitic
// (للفنان: titleSet), that is no part of a name of عبد and a divine name (عبد الرقيب، عبد الملك).
func titleAt(keys []string, tl *tokenLists, i int) bool {
	return tl.has(i, keys[i], listTitle) && (i == 0 || keys[i-1] != "عبد")
}

// titleSet holds the titles of leadTitles and the callings of callings.
var titleSet = func() *cliticSet {
	m := map[string]bool{}
	for w := range leadTitles {
		m[w] = true
	}
	for w := range callings {
		m[w] = true
	}
	return newCliticSet(m)
}()

// firstNameSlot reports whether the normalized word k may be a first name
// after a title: an Arabic word of two letters or more without the
// article, no stopword or day, not باسم (المتحدث باسم: on behalf of),
// and, unless the gazetteer has it as a person's name (أمين، يوسف، ليلى),
// no proclitic on a frequent word, no word of a title or rank itself
// (العقيد ركن، اللواء دكتور، الرقيب أول), no reporting verb (الرئيس قال)
// and no verb of the present by its prefix (الفنان يتمتع، الملك يصافح).
func (t *Tagger) firstNameSlot(k string) bool {
	if !arabicWord(k) || utf8.RuneCountInString(k) < 2 || strings.HasPrefix(k, "ال") || t.gaz.an.IsStopword(k) || isDay(k) ||
		k == "باسم" {
		return false
	}
	if t.gaz.words[k]&gPER != 0 {
		return true
	}
	_, b := splitClitic(k)
	if b != k && (strings.HasPrefix(b, "ال") || unpackFreq(t.gaz.stats[b]) >= minCommonFreq) {
		return false
	}
	if titleParts[k] || titleParts["ال"+k] || reportingVerbs[k] {
		return false
	}
	return !presentVerbForm(b)
}

// presentVerbForm reports whether the normalized word k has the form of a
// verb of the present, third person: ي or ت and three letters or more
// (يصافح، يقطنها; not the names of three letters يطا، تشي).
func presentVerbForm(k string) bool {
	return (strings.HasPrefix(k, "ي") || strings.HasPrefix(k, "ت")) && utf8.RuneCountInString(k) >= 4
}

// titleParts are the words of titles and ranks, normalized: the titles
// of the lexicon (all uses), with the article and without, and the words
// that complete a military rank after it (العقيد ركن، الرقيب أول، اللواء
// متقاعد).
var titleParts = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Titles(^lexicon.TitleUse(0)) {
		m[w] = true
		if !strings.HasPrefix(w, "ال") {
			m["ال"+w] = true
		}
	}
	for w := range leadTitles {
		m[w] = true
	}
	for _, w := range [...]string{"اول", "ثاني", "ركن", "متقاعد", "مظلي", "طيار", "بحري", "سابقا", "حاليا"} {
		m[w] = true
	}
	return m
}()

// reportingVerbs are the reporting verbs of the lexicon, both forms.
var reportingVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range lexicon.Verbs(^lexicon.VerbUse(0)) {
		m[v.Masc], m[v.Fem] = true, true
	}
	return m
}()

// settlementNouns are the nouns of towns, quarters and streets, normalized,
// whose genitive right after them is the place's name (حي الشجاعية، بلدة
// الدجيل، شارع السعدون، محافظة فوجيان). Not منطقة or ساحة, whose genitive
// is as often a common noun (منطقة التجارة الحرة، ساحة المعركة), nor
// مقاطعة (also a boycott: مقاطعة المنتجات), ولاية or عاصمة.
var settlementNouns = map[string]bool{
	"حي": true, "شارع": true, "حاره": true, "بلده": true, "بلدتي": true, "مدينه": true, "مدينتي": true,
	"قريه": true, "قريتي": true, "محافظه": true, "منتجع": true, "مزارع": true, "مخيم": true,
	"ضاحيه": true,
}

// settlementSet is settlementNouns, with the proclitics read cheaply.
var settlementSet = newCliticSet(settlementNouns)

// toponymHeads are the first words of place names of two words (كفر كلا،
// درب قرمز، أم سفير, normalized): after a noun of settlementNouns the word
// after one of them belongs to the name.
var toponymHeads = map[string]bool{
	"كفر": true, "درب": true, "ام": true, "عين": true, "بئر": true, "تل": true, "دير": true, "جسر": true,
	"باب": true, "بيت": true, "راس": true, "جبل": true, "وادي": true, "سيدي": true,
}

// placeNames adds a place's mention for the untagged word right after a
// noun of settlementNouns (maybe with a proclitic: بحي، وبلدة) in its
// sentence:
//   - a word with the article, no nisba adjective (بلدة الثاني), no title
//     (شارع الملك فهد), whose bare form is no frequent word (حي الشجاعية;
//     not قرية الطفل, مدينة التمور: things named by common nouns);
//   - a word without it that the unlabelled corpus rarely has, never with
//     the article, with no verb's or participle's form and no proclitic
//     before a known word (محافظة فوجيان; not مدينة تجارية, nor مدينة
//     مقدسة: المقدسة is a word, nor مدينة يقطنها، شارع متعرج، مدينة لأخرى);
//   - a head of toponymHeads with the word after it (بلدة كفر كلا).
//
// The noun must be written with its ة where it has one: بلده is also "his
// country". tl holds the lists of the keys. It returns the mentions.
func (t *Tagger) placeNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention {
	var (
		marks *tokenMarks
		added []mention
	)
	n := len(keys)
	free := func(i int) bool {
		if marks == nil {
			marks = &tokenMarks{ms: ms, n: n}
		}
		return i < n && !breaks[i] && labels[i] == 0 && !marks.held(i)
	}
	for i := 1; i < n; i++ {
		if !settlementNoun(words[i-1], keys[i-1], tl, i-1) || !free(i) {
			continue
		}
		k := keys[i]
		if !arabicWord(k) || t.gaz.an.IsStopword(k) || isDay(k) || strings.HasPrefix(k, "و") && !strings.HasPrefix(k, "وادي") {
			continue
		}
		j := i + 1
		switch {
		case toponymHeads[k]:
			if !free(j) || !arabicWord(keys[j]) || t.gaz.an.IsStopword(keys[j]) {
				continue
			}
			j++
		case strings.HasPrefix(k, "ال"):
			if isNisba(k) || placeNouns[k] || titleParts[k] || unpackFreq(t.gaz.stats[k[len("ال"):]]) >= minCommonFreq {
				continue
			}
		default:
			if unpackFreq(t.gaz.stats[k]) >= minCommonFreq || t.gaz.stats["ال"+k] != 0 || presentVerbForm(k) ||
				strings.HasPrefix(k, "مت") || t.cliticOnWord(k) {
				continue
			}
		}
		added = append(added, newMention(5, i, j, tokens, words, keys))
		for d := i; d < j; d++ {
			marks.hold(d)
		}
	}
	return addMentions(ms, added)
}

// settlementNoun reports whether the word w, normalized k, token i of
// those of tl, is a noun of settlementNouns, maybe after a proclitic,
// written with its ة where the noun has one.
func settlementNoun(w, k string, tl *tokenLists, i int) bool {
	b, ok := tl.base(i, k, listSettlement)
	return ok && (!strings.HasSuffix(b, "ه") || strings.HasSuffix(w, "ة"))
}

// titleNames adds a person's mention for the untagged word right after a
// title or calling (titleAt) in its sentence when the word may be a first
// name there (firstNameSlot) and is a person's name by the gazetteer or
// the auto-tagging (knownFirst) or a word of a person's mention elsewhere
// in the article (الرئيس بري beside نبيه بري). The name must end there:
// the sentence, a punctuation mark or a stopword follows it (السيدة خديجة
// وهي); another word may be its surname (الدكتور علي جمعة), which the
// rule would cut off. على, the preposition, is none (الملك على الحاجة).
// tl holds the lists of the keys. It returns the mentions.
func (t *Tagger) titleNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention {
	var (
		marks *tokenMarks
		named map[string]bool
		added []mention
	)
	n := len(keys)
	for i := 1; i < n; i++ {
		if breaks[i] || labels[i] != 0 || !titleAt(keys, tl, i-1) || !t.firstNameSlot(keys[i]) {
			continue
		}
		if marks == nil {
			marks = &tokenMarks{ms: ms, n: n}
			named = map[string]bool{}
			for _, m := range ms {
				if m.typ == 1 {
					for _, k := range m.keys {
						named[k] = true
					}
				}
			}
		}
		if marks.held(i) || i+1 < n && marks.held(i+1) && !breaks[i+1] {
			continue
		}
		if !t.knownFirst(keys[i]) && !named[keys[i]] || words[i] == "على" {
			continue
		}
		if j := i + 1; j < n && !breaks[j] && arabicWord(keys[j]) && !t.gaz.an.IsStopword(keys[j]) {
			continue
		}
		added = append(added, newMention(1, i, i+1, tokens, words, keys))
		marks.hold(i)
	}
	return addMentions(ms, added)
}

// knownFirst reports whether the normalized word k is a person's name by
// the gazetteer (of no other type) or by the auto-tagging (labelled a
// person's in 40% or more of its uses): the evidence of strongFirst but
// its guess from the form of words the unlabelled corpus does not know,
// which after a title takes adjectives too (الوزير متحمس).
func (t *Tagger) knownFirst(k string) bool {
	g := t.gaz.words[k]
	if g&(gORG|gLOC) != 0 {
		return false
	}
	if g&gPER != 0 {
		return true
	}
	b, ok := t.gaz.auto[k]
	return ok && int(b&3) >= minAutoPER
}
