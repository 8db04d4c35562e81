package arabic

import "strings"

// stopwordList holds Arabic function words in normalized form (alef, yeh and
// teh marbuta folded, no diacritics), so that they match whatever spelling
// the text used: "فِي", "فى" and "في" are all the normalized "في".
const stopwordList = `
في فيه فيها فيهم من منه منها منهم مما ممن على عليه عليها عليهم الي اليه اليها اليهم الا عن عنه عنها
مع معه معها عند عنده عندها لدي لديه لديها لديهم بين بينه بينها حتي منذ خلال نحو عبر ضد دون لدي
ان انه انها انهم انما اننا اني لان لانه لانها كان كانت كانوا يكون تكون يكونوا كنت كنا ليس ليست
لا لم لن ما ماذا متي اين كيف كم هل قد لقد سوف اذ اذا اذن لو لولا كي كيلا لكي لكن لكنه لكنها بل
او ام ثم و ف ب ل ك يا اي ايضا كل كلا كلتا بعض غير سوي جميع عده كما مثل حيث حين بينما عندما لما
هذا هذه هذان هاتان هؤلاء ذلك ذلكم تلك اولئك هنا هناك هنالك ثمه الذي التي الذين اللذان اللتان اللواتي اللاتي اللائي
هو هي هم هما هن انا نحن انت انتم انتما انتن اياه اياها اياهم
به بها بهم بهما له لها لهم لهما لنا لي لك لكم منا مني عنا علينا الينا معنا فيما عما بما لما كلما
تم يتم وقد فقد وكان وكانت ولا ولم ولن وما وهو وهي وهم وهذا وهذه وذلك وفي ومن وعلي والي وعن ومع وان وانه
اما الا اذ قبل بعد امام خلف فوق تحت اثناء حول لدن عدا خلا حاشا
`

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
