package arabic

import (
	"strings"
	"unicode/utf8"
)

// stopwordList holds Arabic function words in normalized form (alef, yeh and
// teh marbuta folded, no diacritics), so that they match whatever spelling
// the text used: "فِي", "فى" and "في" are all the normalized "في".
const stopwordList = `
في فيه فيها فيهم من منه منها منهم مما ممن عليه عليها عليهم الي اليه اليها اليهم الا عن عنه عنها
مع معه معها عند عنده عندها لدي لديه لديها لديهم بين بينه بينها حتي منذ خلال نحو عبر ضد دون لدي
ان انه انها انهم انما اننا اني لان لانه لانها كان كانت كانوا يكون تكون يكونوا كنت كنا ليس ليست
لا لم لن ما ماذا متي اين كيف كم هل قد لقد سوف اذ اذا اذن لو لولا كي كيلا لكي لكن لكنه لكنها بل
او ام ثم و ف ب ل ك يا اي ايضا كل كلا كلتا بعض غير سوي جميع عده كما مثل حيث حين بينما عندما لما
هذا هذه هذان هاتان هؤلاء ذلك ذلكم تلك اولئك هنا هناك هنالك ثمه الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي
هو هي هم هما هن انا نحن انت انتم انتما انتن اياه اياها اياهم
به بها بهم بهما له لها لهم لهما لنا لي لك لكم منا مني عنا علينا الينا معنا فيما عما بما لما كلما
تم يتم وقد فقد وكان وكانت ولا ولم ولن وما وهو وهي وهم وهذا وهذه وذلك وفي ومن والي وعن ومع وان وانه
اما الا اذ قبل بعد امام خلف فوق تحت اثناء حول لدن عدا خلا حاشا
`

// maqsuraStops are function words whose normalized form is also a name:
// على (on) folds to علي (Ali). They are stopwords only as written, with
// alef maqsura (على، وعلى، عَلى), so that the name stays searchable, as in
// Lucene's Arabic analyzer, which removes stopwords before normalizing.
// Text that spells the name with alef maqsura too (Egyptian print writes
// every final ي as ى) loses it: the preposition is far the more frequent.
var maqsuraStops = [...]string{"علي"}

// stopwords is the set built from stopwordList.
type stopwords map[string]struct{}

func newStopwords() stopwords {
	m := make(stopwords, 256)
	for _, w := range strings.Fields(stopwordList) {
		m[w] = struct{}{}
	}
	return m
}

// contains reports whether the normalized word is a stopword, also when it
// carries a leading conjunction و or ف ("وفي", "فهذا").
func (s stopwords) contains(norm string) bool {
	if _, ok := s[norm]; ok {
		return true
	}
	if len(norm) > 2 && (strings.HasPrefix(norm, "و") || strings.HasPrefix(norm, "ف")) {
		_, ok := s[norm[2:]]
		return ok
	}
	return false
}

// maqsura reports whether a word, written text and normalized norm, is one
// of maqsuraStops written with alef maqsura, also after a conjunction و
// or ف.
func maqsura(text, norm string) bool {
	if !strings.HasSuffix(norm, "ي") || !endsInAlefMaqsura(text) {
		return false
	}
	if len(norm) > 2 && (strings.HasPrefix(norm, "و") || strings.HasPrefix(norm, "ف")) {
		norm = norm[2:]
	}
	for _, w := range maqsuraStops {
		if norm == w {
			return true
		}
	}
	return false
}

// endsInAlefMaqsura reports whether the last letter of s, before any
// diacritics or tatweel, is alef maqsura (ى).
func endsInAlefMaqsura(s string) bool {
	for len(s) > 0 {
		r, n := utf8.DecodeLastRuneInString(s)
		switch {
		case r == 'ى':
			return true
		case foldRune(r, NormalizeOptions{StripDiacritics: true}) < 0: // a mark or tatweel
			s = s[:len(s)-n]
		default:
			return false
		}
	}
	return false
}
