package entity

import (
	"strings"

	"github.com/marsad/marsad/extract/lexicon"
)

// Cue word classes: words that are not names themselves but often stand
// next to a name of a type, by general rules of Arabic news writing.
const (
	cueORG uint8 = 1 << iota // a kind of organization: وزارة, شركة, حزب ...
	cuePER                   // a title or role before a person: الرئيس, الشيخ ...
	cueLOC                   // a kind of place: مدينة, محافظة ...
	cueSay                   // a verb of saying, often next to a person: قال ...
)

// cueWords maps normalized cue words, without the article ال, to their
// classes. It is built once and never changed. The titles (cuePER) and the
// verbs of saying (cueSay) are those of the shared lexicon that the model
// was trained with (lexicon.PersonCue, lexicon.SayCue).
var cueWords = func() map[string]uint8 {
	m := map[string]uint8{}
	for bit, words := range map[uint8]string{
		cueORG: `وزارة هيئة جامعة شركة مجلس منظمة حزب بنك وكالة مؤسسة اتحاد نادي جمعية لجنة
			حركة صحيفة جريدة مجلة قناة إذاعة تلفزيون فريق تنظيم جبهة محكمة مصرف صندوق مركز معهد
			أكاديمية كلية مدرسة مستشفى شبكة مجموعة جماعة منتدى رابطة نقابة برلمان حكومة مكتب
			دائرة إدارة سلطة مديرية مجمع بورصة سوق كتلة تيار ائتلاف تحالف مفوضية لجان شركات
			وكالات منظمات أحزاب صحف قنوات فرق بنوك جامعات`,
		cueLOC: `مدينة محافظة منطقة ولاية عاصمة دولة بلدة قرية إقليم جزيرة شمال جنوب شرق غرب وسط
			ضواحي حي مخيم ميناء مطار نهر بحر جبل صحراء مقاطعة إمارة مملكة جمهورية بلاد بلدية`,
	} {
		for _, w := range strings.Fields(words) {
			m[stripAl(normalize(w))] |= bit
		}
	}
	// Titles and verbs of saying are shared with the other stages.
	for _, w := range lexicon.Titles(lexicon.PersonCue) {
		m[stripAl(w)] |= cuePER
	}
	for _, v := range lexicon.Verbs(lexicon.SayCue) {
		m[v.Masc] |= cueSay
		m[v.Fem] |= cueSay
	}
	return m
}()

// stripAl removes a leading article ال from a normalized word when at
// least two runes remain (ال of الي, الا is not the article).
func stripAl(w string) string {
	if len(w) > len("ال")+2 && strings.HasPrefix(w, "ال") {
		return w[len("ال"):]
	}
	return w
}

// cueOf returns the cue classes of a token from its normalized form and
// its form without proclitics.
func cueOf(norm, base string) uint8 {
	c := cueWords[stripAl(norm)]
	if base != norm {
		c |= cueWords[stripAl(base)]
	}
	return c
}
