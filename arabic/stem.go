package arabic

import (
	"strings"
	"unicode/utf8"
)

// Stem returns the light stem of a normalized Arabic word (see Normalize):
// clitic prefixes (conjunctions, prepositions, the article and their
// stacks such as "وبال", "فلل") and suffixes (pronouns, dual and plural
// endings, teh marbuta) are removed, with guards that keep short words
// intact. Words that are not Arabic are returned unchanged.
//
//	Stem("والحوار") == "حوار"
//	Stem("للكونغرس") == "كونغرس"
func Stem(w string) string {
	if w == "" || w[0] < utf8.RuneSelf {
		return w
	}
	w = stripPrefix(w)
	w = stripSuffix(w)
	return w
}

// articlePrefixes are the definite article with the clitics that may precede
// it, longest first. "لل" is ل + ال with the alef elided.
var articlePrefixes = []string{"وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}

// runes returns the number of runes of an Arabic string (two bytes each).
func runes(s string) int { return utf8.RuneCountInString(s) }

func stripPrefix(w string) string {
	n := runes(w)
	for _, p := range articlePrefixes {
		if strings.HasPrefix(w, p) && n-runes(p) >= 2 {
			return w[len(p):]
		}
	}
	// a conjunction, then a preposition: "وب", "فل", "وك"...
	if n >= 6 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		rest := w[2:]
		if strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك") {
			return rest[2:]
		}
	}
	if n >= 4 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
		return w[2:]
	}
	return w
}

// suffixes are removed longest first, once, when enough of the word remains.
var suffixes = []struct {
	s   string
	min int // runes that must remain
}{
	{"كما", 3}, {"هما", 3}, {"تين", 3}, {"تان", 3}, {"ات", 3}, {"ان", 3}, {"ين", 3}, {"ون", 3},
	{"هم", 3}, {"هن", 3}, {"كم", 3}, {"كن", 3}, {"نا", 3}, {"ها", 3}, {"يه", 3}, {"ه", 3}, {"ي", 3},
}

func stripSuffix(w string) string {
	n := runes(w)
	for _, s := range suffixes {
		if strings.HasSuffix(w, s.s) && n-runes(s.s) >= s.min {
			return w[:len(w)-len(s.s)]
		}
	}
	return w
}
