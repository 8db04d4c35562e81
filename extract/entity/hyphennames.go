package entity

import (
	"strings"
	"unicode/utf8"
)

// hyphenNames takes into a person's mention of two words or more a hyphen
// right after it and the untagged word after the hyphen when that word may
// be a part of a name (hyphenPart: short, no article, no place: كيم جونغ
// - إيل، ميشال أليو - ماري، كو يوغ - هوي): Korean and French compound
// names are written with a hyphen, which the tokenizer cuts out. A place
// after the hyphen (a dateline: فتحي محمود - القدس) is left alone, and so
// is a word followed by another word of a name's form. It returns ms.
//
// Prefilter: the token after each person's mention compared with the
// hyphens; nothing is allocated but the grown mentions.
func (t *Tagger) hyphenNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	for k, m := range ms {
		h := m.tok + len(m.keys)
		if m.typ != 1 || len(m.keys) < 2 || h+1 >= n || (words[h] != "-" && words[h] != "‐") || breaks[h] || breaks[h+1] ||
			labels[h] != 0 || labels[h+1] != 0 || m.start != tokens[m.tok].Start || covered(ms, h, h+2) {
			continue
		}
		if w := keys[h+1]; !t.hyphenPart(w) {
			continue
		}
		if h+2 < n && !breaks[h+2] && labels[h+2] == 0 && t.nameLike(keys[h+2]) {
			continue
		}
		e := newMention(1, m.tok, h+2, tokens, words, keys)
		e.cue = m.cue
		ms[k] = e
	}
	return ms
}

// maxHyphenPart is the most letters of the part of a name after a hyphen.
const maxHyphenPart = 5

// hyphenPart reports whether k (normalized) may be the part of a compound
// name after a hyphen: a short Arabic word without the article, no
// stopword, and no gazetteer place or organization.
func (t *Tagger) hyphenPart(k string) bool {
	if strings.HasPrefix(k, "ال") || utf8.RuneCountInString(k) > maxHyphenPart || !arabicWord(k) ||
		t.gaz.an.IsStopword(k) || t.gaz.words[k]&(gORG|gLOC) != 0 {
		return false
	}
	return true
}
