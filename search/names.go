package search

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// nameLikeMinRunes is the least length of a stem NameLike accepts: shorter
// stems are nearly all Arabic roots (كتب, سار, قال), and their name keys
// collide the most.
const nameLikeMinRunes = 4

// nameLikeRatio is how many times more often a name-like stem must occur
// bare than with the article ال, or with a verb or feminine affix.
const nameLikeRatio = 10

// NameLike reports whether stem (an analyzer stem) looks like a foreign name
// written in Arabic letters (ترامب, بوتين, نتنياهو), whose spellings vary,
// rather than an Arabic word: it is in Arabic script, at least four letters
// long, and in the corpus lexicon lex it rarely takes the article ال
// (الكاتب, الحوار), a verb prefix (يكتب, تعمل) or a feminine or plural
// suffix (كاتبة, طلبات). A stem the lexicon does not hold is name-like:
// rare words of news text are mostly new names.
//
// arabic.NameKey folds the spellings of a name to one key, and conflates
// ordinary words as well (كاتب, كتاب and كتب share a key). Matching by name
// key only between name-like stems keeps ترامب with ترمب and keeps كاتب
// from كتب.
func NameLike(lex *arabic.Lexicon, stem string) bool {
	if !nameLikeLength(stem) {
		return false
	}
	// The analyzer folds ة to ه, the lexicon keeps it (حكومة, not حكومه):
	// a stem ending in ه is looked up in both spellings.
	bases := [2]string{stem}
	if t, ok := strings.CutSuffix(stem, "ه"); ok {
		bases[1] = t + "ة"
	}
	f, other := 0, 0
	var buf [64]byte
	b := buf[:0]
	for _, base := range bases {
		if base == "" {
			continue
		}
		f += lex.Freq(base)
		for _, p := range [...]string{"ال", "ي", "ت"} {
			b = append(append(b[:0], p...), base...)
			other += lex.Freq(string(b))
		}
	}
	stemEnd := strings.TrimSuffix(stem, "ه") // حكومات, not حكومهات
	for _, s := range [...]string{"ة", "ات"} {
		b = append(append(b[:0], stemEnd...), s...)
		if string(b) != bases[1] { // counted above as the stem itself
			other += lex.Freq(string(b))
		}
	}
	return other*nameLikeRatio <= f
}

// nameLikeLength reports whether stem passes the first tests of NameLike,
// the cheap ones: Arabic script and length.
func nameLikeLength(stem string) bool {
	return stem != "" && stem[0] >= utf8.RuneSelf && utf8.RuneCountInString(stem) >= nameLikeMinRunes
}
