package entity

import "strings"

// maxDefiniteSurnames is the most surnames with the article of one article
// that definiteSurnames looks for.
const maxDefiniteSurnames = 4

// minAutoPER is the least bucket of the share of a word's occurrences in
// the unlabelled corpus that the tagger labels a person's (auto-tag
// statistics: 2 is 40% or more) for definiteSurnames to take the word
// alone for a surname.
const minAutoPER = 2

// definiteSurnames adds the persons' surnames with the article that stand
// alone untagged (توفيق الحكيم ... ولا يتردد الحكيم، عباس محمود العقاد ...
// والعقاد): the last word of a person's mention of two words or more whose
// first word has no article and whose word before it does not link the
// parts of a name (nameLinks: أبو الإلكترون, a nickname), when the tagger
// labels that word a person's in 40% or more of its uses in the unlabelled corpus or the corpus does
// not know it (a nisba adjective, المصري، or an ordinal, الثاني, is no
// name alone), is a mention of that person wherever it stands untagged,
// with و، ف، ب، ك or ل before it too, unless a word of a name's form or a
// gazetteer person's name stands right before or after it. It returns
// the mentions in text order.
//
// Prefilter: the persons' mentions are scanned for such surnames; the
// article's words only when there is one, with a few string comparisons
// per word and nothing allocated but the added mentions.
func (t *Tagger) definiteSurnames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	var sur [maxDefiniteSurnames]string
	ns := 0
	for _, m := range ms {
		if m.typ != 1 || len(m.keys) < 2 || ns == len(sur) || strings.HasPrefix(m.keys[0], "ال") || nameLinks[m.keys[len(m.keys)-2]] {
			continue
		}
		s := m.keys[len(m.keys)-1]
		if !strings.HasPrefix(s, "ال") || len(s) < len("ال")+3*len("ا") || inStrings(sur[:ns], s) || regnalOrdinals[s] {
			continue
		}
		if b, ok := t.gaz.auto[s]; !(ok && int(b&3) >= minAutoPER) && t.gaz.stats[s] != 0 {
			continue
		}
		sur[ns] = s
		ns++
	}
	if ns == 0 {
		return ms
	}
	var added []mention
	n := len(keys)
	for i, k := range keys {
		if labels[i] != 0 || !strings.Contains(k, "ل") || !surnameForm(k, sur[:ns]) || covered(ms, i, i+1) {
			continue
		}
		if i > 0 && !breaks[i] && (labels[i-1] != 0 || t.nameWord(keys[i-1])) ||
			i+1 < n && !breaks[i+1] && (labels[i+1] != 0 || t.nameWord(keys[i+1])) {
			continue
		}
		added = append(added, newMention(1, i, i+1, tokens, words, keys))
	}
	return addMentions(ms, added)
}

// surnameForm reports whether k (normalized) is one of sur (words with the
// article), alone or after و، ف، ب، ك, or after ل (لل + the rest).
func surnameForm(k string, sur []string) bool {
	for _, s := range sur {
		if k == s {
			return true
		}
		if len(k) == len(s)+len("و") && strings.HasSuffix(k, s) && strings.ContainsRune("وفبك", firstRune(k)) {
			return true
		}
		if strings.HasPrefix(k, "لل") && k[len("لل"):] == s[len("ال"):] {
			return true
		}
	}
	return false
}

// nameWord reports whether k (normalized) is a word of a name next to a
// surname: a name's form or a gazetteer person's name.
func (t *Tagger) nameWord(k string) bool {
	return t.gaz.words[k]&gPER != 0 || t.nameLike(k)
}
