package entity

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize folds an Arabic word for matching: it drops diacritics, tatweel
// and invisible format marks, maps alef variants to ا, ى to ي and ة to ه.
// Latin letters are lower-cased. It returns s itself when nothing changes.
func normalize(s string) string {
	clean := true
	for _, r := range s {
		if foldRune(r) != r || (r >= 'A' && r <= 'Z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = foldRune(r)
		if r < 0 {
			continue
		}
		if r >= 'A' && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// foldRune returns the folded form of r, or -1 when r is dropped.
func foldRune(r rune) rune {
	switch {
	case r >= 0x064B && r <= 0x0652, r == 0x0670, r == 0x0640: // harakat, superscript alef, tatweel
		return -1
	case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
		return 'ا'
	case r == 'ى':
		return 'ي'
	case r == 'ة':
		return 'ه'
	case r == utf8.RuneError:
		return -1
	case r == '\u200c' || r == '\u200d' || r == '\u200e' || r == '\u200f' || r == '\ufeff' || (r >= '\u202a' && r <= '\u202e'):
		return -1
	}
	return r
}

// proclitics are the prefixes stripped to find a word's base, longest first.
// Those ending in ال keep the article: وال+X has base ال+X.
var proclitics = []string{
	"وبال", "وكال", "وفال", "فبال", "ولل", "فلل",
	"وال", "فال", "بال", "كال", "لل",
	"وب", "ول", "وك", "فب", "فل", "فك",
	"و", "ف", "ب", "ل", "ك",
}

// splitClitic splits a normalized word into its longest proclitic and a
// base (see cliticSplits). The split is a guess: the caller decides whether
// to trust it.
func splitClitic(w string) (prefix, base string) {
	prefix, base, _ = nextSplit(w, 0)
	return prefix, base
}

// nextSplit returns the first split of w by proclitics[from:], longest
// first, and the index to continue from; it returns "", w, -1 when there is
// none. A base keeps at least two runes; a prefix ending in ال keeps ال on
// the base (وال+بيت → و + البيت), and لل becomes ل + ال.
func nextSplit(w string, from int) (prefix, base string, next int) {
	if !procliticLead(w) {
		// Most words: none of the 23 proclitics can match.
		return "", w, -1
	}
	for i := from; i < len(proclitics); i++ {
		p := proclitics[i]
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := w[len(p):]
		if utf8.RuneCountInString(rest) < 2 {
			continue
		}
		switch {
		case strings.HasSuffix(p, "لل"):
			return p[:len(p)-len("ل")], "ال" + rest, i + 1
		case strings.HasSuffix(p, "ال"):
			return p[:len(p)-len("ال")], w[len(p)-len("ال"):], i + 1
		}
		return p, rest, i + 1
	}
	return "", w, -1
}

// procliticLead reports whether w starts with the first letter of a
// proclitic: و، ف، ب، ل or ك.
func procliticLead(w string) bool {
	if len(w) < 2 {
		return false
	}
	switch w[0] {
	case 0xd8: // ب
		return w[1] == 0xa8
	case 0xd9: // و، ف، ل، ك
		return w[1] == 0x88 || w[1] == 0x81 || w[1] == 0x84 || w[1] == 0x83
	}
	return false
}

// isPunct reports whether a token is made only of punctuation or symbols.
func isPunct(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !unicode.IsPunct(r) && !unicode.IsSymbol(r) {
			return false
		}
	}
	return true
}
