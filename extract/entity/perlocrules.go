package entity

import (
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Rules of Arabic news language for people and places that the tagger
// misses: the names of countries and regions standing alone
// (countryNames), and a person's first name between a title and the
// surname the tagger found (titleFirstNames).

// regionNames returns the normalized Arabic names of one word of the
// countries and territories of CLDR (الفلبين، السويد، نيبال), read from
// golang.org/x/text's display tables once. The numeric areas of UN M.49
// are left out: العالم (001) is a common noun.
var regionNames = sync.OnceValue(func() map[string]bool {
	names := display.Regions(language.Arabic)
	out := map[string]bool{}
	add := func(code string) {
		r, err := language.ParseRegion(code)
		if err != nil {
			return
		}
		if n := normalizePhrase(names.Name(r)); n != "" && !strings.Contains(n, " ") {
			out[n] = true
		}
	}
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			add(string([]rune{a, b}))
		}
	}
	return out
})

// countryNames adds a place's mention for each untagged word, outside the
// mentions, that is the name of a country or region of one word
// (regionNames), maybe with a proclitic (والسويد، بنيبال): the tagger
// misses those its training data rarely has. A name without the article
// whose form with the article is a frequent word of the unlabelled corpus
// is an adjective or noun too (مالي: المالي؛ بنين: البنين) and is left
// alone.
func (t *Tagger) countryNames(ms []mention, labels []int, tokens []Token, words, keys []string) []mention {
	regions := regionNames()
	var (
		held  []bool
		added []mention
	)
	for i, k := range keys {
		if labels[i] != 0 || !t.regionWord(k, regions) {
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

// regionWord reports whether the normalized word k, or k without its
// proclitic, is a region's name of regionNames that is no common word.
func (t *Tagger) regionWord(k string, regions map[string]bool) bool {
	b := k
	if !regions[b] {
		if _, b = splitClitic(k); b == k || !regions[b] {
			return false
		}
	}
	if utf8.RuneCountInString(b) < 3 || t.gaz.an.IsStopword(b) {
		return false
	}
	if !strings.HasPrefix(b, "ال") && unpackFreq(t.gaz.stats["ال"+b]) >= minCommonFreq {
		return false
	}
	return true
}
