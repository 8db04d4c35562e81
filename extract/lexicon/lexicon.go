// Package lexicon holds the word tables that several stages of extraction
// share: the verbs that report speech (قال، أكدت) and the titles, roles
// and honorifics that stand next to a person's name (الرئيس، المتحدثة،
// الشيخ). Each word is listed once, with the uses the stages make of it,
// so that a word added or corrected here reaches every stage that reads
// it.
//
// Words are in the normalized form every stage matches on: without
// diacritics or tatweel, alef variants as ا, ى as ي, ة as ه (the forms
// arabic.Normalize gives them). The tables are immutable: the functions
// return copies.
package lexicon

// VerbUse is a set of the uses of a reporting verb.
type VerbUse uint8

const (
	// Statement verbs introduce an attributed statement (extract/quote):
	// وقال إن ...، وأكدت أن ... Both forms are read, with their gender.
	Statement VerbUse = 1 << iota
	// PersonSubject verbs make a name right after them, without the
	// article, most likely a person's (extract/entity): the masculine form
	// only, since places and organizations without the article take the
	// feminine (قالت موسكو). It takes verbs of stance too (دعا، طالب،
	// أعرب، ردّ) that do not introduce a statement of their own.
	PersonSubject
	// SayCue verbs are the tagger's "verb of saying" cue class
	// (extract/entity cues), both forms. The trained model's features
	// were computed with exactly this set: changing it needs retraining
	// (see extract/entity/MODEL.md).
	SayCue
)

// Verb is a reporting verb: its masculine and feminine forms (the third
// person singular of the past, or of the present for يقول and the like).
type Verb struct {
	Masc, Fem string
	Use       VerbUse
}

// verbs lists the reporting verbs. The uses differ where the stages differ
// today; some differences are likely gaps rather than choices (أفاد،
// أردف، نوّه are no PersonSubject verbs, and رأى is none because its
// former entry there was written with ى and never matched), but closing
// them changes outputs, so it is left to a change measured on its own.
var verbs = [...]Verb{
	{"قال", "قالت", PersonSubject | SayCue | Statement},
	{"اكد", "اكدت", PersonSubject | SayCue | Statement},
	{"اضاف", "اضافت", PersonSubject | SayCue | Statement},
	{"اوضح", "اوضحت", PersonSubject | SayCue | Statement},
	{"اشار", "اشارت", PersonSubject | SayCue | Statement},
	{"صرح", "صرحت", PersonSubject | SayCue | Statement},
	{"ذكر", "ذكرت", PersonSubject | SayCue | Statement},
	{"اعلن", "اعلنت", PersonSubject | SayCue | Statement},
	{"شدد", "شددت", PersonSubject | Statement},
	{"تابع", "تابعت", PersonSubject | Statement},
	{"اعتبر", "اعتبرت", PersonSubject | SayCue | Statement},
	{"راي", "رات", Statement},
	{"لفت", "لفتت", PersonSubject | Statement},
	{"افاد", "افادت", Statement},
	{"كشف", "كشفت", PersonSubject | Statement},
	{"اردف", "اردفت", Statement},
	{"استطرد", "استطردت", PersonSubject | Statement},
	{"نوه", "نوهت", Statement},
	{"اعترف", "اعترفت", Statement},
	{"زعم", "زعمت", PersonSubject | Statement},
	{"كتب", "كتبت", Statement},
	{"غرد", "غردت", Statement},
	{"حذر", "حذرت", PersonSubject | Statement},
	{"يقول", "تقول", SayCue | Statement},
	{"يري", "تري", Statement},
	{"يؤكد", "تؤكد", Statement},
	{"يضيف", "تضيف", Statement},
	{"نفي", "نفت", PersonSubject | SayCue},
	{"اعرب", "اعربت", PersonSubject},
	{"دعا", "دعت", PersonSubject | SayCue},
	{"طالب", "طالبت", PersonSubject | SayCue},
	{"رد", "ردت", PersonSubject},
	{"علق", "علقت", PersonSubject},
	{"اقر", "اقرت", PersonSubject},
	{"ختم", "ختمت", PersonSubject},
}

// Verbs returns the reporting verbs with any of the uses in u.
func Verbs(u VerbUse) []Verb {
	return pick(verbs[:], func(v Verb) (Verb, bool) { return v, v.Use&u != 0 })
}

// TitleUse is a set of the uses of a title word.
type TitleUse uint16

const (
	// TitleBefore words, right before a name or before a nisba adjective
	// before it (الرئيس بايدن، الرئيس الأمريكي بايدن), make it a person's
	// (extract/entity).
	TitleBefore TitleUse = 1 << iota
	// PersonCue words are the tagger's "title or role before a person" cue
	// class (extract/entity cues), matched without the article. Like
	// SayCue, the trained model was computed with exactly this set.
	PersonCue
	// Spokesperson words are the titles of a spokesperson before باسم
	// (المتحدث باسم البيت الأبيض: extract's organizations).
	Spokesperson
	// NotOrgName words are the persons' titles that do not start or
	// continue an organization's name after باسم (المتحدث باسم الرئيس).
	NotOrgName
	// TitleHead words, without the article, head the title of a person
	// (وزير الخارجية، رئيس الوزراء: extract/quote).
	TitleHead
	// BareTitle heads, alone with the article, refer back to the one
	// person of the text who holds such a title (الوزير، المتحدث:
	// extract/quote). الرئيس and الأمير are none: they name too many.
	BareTitle
	// FemPerson words are feminine titles and nouns of a person that make
	// the subject of a feminine verb a woman (المتحدثة، الوزيرة:
	// extract/quote).
	FemPerson
	// InPlaceName words stand inside the names of places and
	// organizations named after a person (جامعة الملك سعود، مسجد الشيخ
	// زايد، مستشفى الدكتور سليمان): a person's name after them does not
	// split the name (extract/entity).
	InPlaceName
	// Honorific words are the titles proper among InPlaceName (of kings,
	// princes, sheikhs, sultans, imams) that extract/quote reads between
	// an organization's head noun and a person's name (مطار الأمير نايف),
	// or at the end of an organization's name. The other InPlaceName words
	// (الرئيس، السيد، الدكتور، ابن، أبو) are left out there, a difference
	// not measured: after a head noun they mostly name a person's office or
	// government (حكومة الرئيس هادي), not a place named after them.
	Honorific
)

// titleWord is a title word and its uses.
type titleWord struct {
	Word string
	Use  TitleUse
}

// titles lists the title, role and honorific words, with the article
// where a stage matches them with it.
var titles = [...]titleWord{
	{"الرئيس", InPlaceName | NotOrgName | TitleBefore},
	{"السيد", InPlaceName | TitleBefore},
	{"السيده", FemPerson | TitleBefore},
	{"الوزير", NotOrgName | TitleBefore},
	{"الوزيره", FemPerson | TitleBefore},
	{"الدكتور", InPlaceName | TitleBefore},
	{"الدكتوره", FemPerson | TitleBefore},
	{"الشيخ", Honorific | InPlaceName | NotOrgName | TitleBefore},
	{"الامير", Honorific | InPlaceName | NotOrgName | TitleBefore},
	{"الملك", Honorific | InPlaceName | NotOrgName | TitleBefore},
	{"الجنرال", TitleBefore},
	{"المستشار", TitleBefore},
	{"المستشاره", FemPerson | TitleBefore},
	{"النائب", TitleBefore},
	{"السفير", TitleBefore},
	{"السفيره", FemPerson | TitleBefore},
	{"اللواء", TitleBefore},
	{"العميد", TitleBefore},
	{"العقيد", TitleBefore},
	{"المتحدث", Spokesperson | TitleBefore},
	{"المتحدثه", FemPerson | Spokesperson | TitleBefore},
	{"نظيره", TitleBefore},
	{"نظيرته", TitleBefore},
	{"المرشح", TitleBefore},
	{"المرشحه", FemPerson | TitleBefore},
	{"الناطق", Spokesperson | TitleBefore},
	{"القاضي", TitleBefore},
	{"المبعوث", TitleBefore},
	{"الامين", NotOrgName | TitleBefore},
	{"الناطقه", FemPerson | Spokesperson},
	{"متحدث", BareTitle | PersonCue | Spokesperson | TitleHead},
	{"متحدثه", PersonCue | Spokesperson | TitleHead},
	{"ناطق", BareTitle | PersonCue | Spokesperson | TitleHead},
	{"ناطقه", Spokesperson | TitleHead},
	{"المتحدثون", Spokesperson},
	{"وزير", BareTitle | PersonCue | TitleHead},
	{"وزيره", FemPerson | PersonCue | TitleHead},
	{"رئيس", PersonCue | TitleHead},
	{"رئيسه", FemPerson | PersonCue | TitleHead},
	{"ملك", PersonCue | TitleHead},
	{"امير", PersonCue | TitleHead},
	{"سفير", BareTitle | PersonCue | TitleHead},
	{"سفيره", TitleHead},
	{"مبعوث", BareTitle | PersonCue | TitleHead},
	{"مستشار", BareTitle | PersonCue | TitleHead},
	{"زعيم", PersonCue | TitleHead},
	{"نائب", PersonCue | TitleHead},
	{"قائد", PersonCue | TitleHead},
	{"مدير", PersonCue | TitleHead},
	{"امين", PersonCue | TitleHead},
	{"شيخ", PersonCue | TitleHead},
	{"ولي", PersonCue | TitleHead},
	{"سلطان", TitleHead},
	{"مفتي", TitleHead},
	{"محافظ", BareTitle | PersonCue | TitleHead},
	{"مندوب", BareTitle | PersonCue | TitleHead},
	{"ممثل", PersonCue | TitleHead},
	{"مدرب", BareTitle | PersonCue | TitleHead},
	{"رئيسا", TitleHead},
	{"الرئيسه", FemPerson},
	{"النائبه", FemPerson},
	{"المندوبه", FemPerson},
	{"المديره", FemPerson},
	{"الامينه", FemPerson},
	{"الملكه", FemPerson},
	{"الاميره", FemPerson | Honorific | InPlaceName},
	{"الشيخه", FemPerson | InPlaceName},
	{"المبعوثه", FemPerson},
	{"المفوضه", FemPerson},
	{"الممثله", FemPerson},
	{"الكاتبه", FemPerson},
	{"الصحفيه", FemPerson},
	{"الاعلاميه", FemPerson},
	{"الناشطه", FemPerson},
	{"الفنانه", FemPerson},
	{"المغنيه", FemPerson},
	{"اللاعبه", FemPerson},
	{"البطله", FemPerson},
	{"عضوه", FemPerson},
	{"الامام", Honorific | InPlaceName},
	{"السلطان", Honorific | InPlaceName},
	{"الشهيد", InPlaceName},
	{"الخليفه", InPlaceName},
	{"خادم", InPlaceName},
	{"الحرمين", InPlaceName},
	{"ابن", InPlaceName | PersonCue},
	{"بن", InPlaceName},
	{"ابو", InPlaceName},
	{"ام", InPlaceName},
	{"سيد", PersonCue},
	{"سيده", PersonCue},
	{"دكتور", PersonCue},
	{"عقيد", PersonCue},
	{"لواء", PersonCue},
	{"عميد", PersonCue},
	{"جنرال", PersonCue},
	{"قاضي", PersonCue},
	{"امام", PersonCue},
	{"لاعب", PersonCue},
	{"كاتب", PersonCue},
	{"فنان", PersonCue},
	{"مراسل", PersonCue},
	{"حاكم", PersonCue},
	{"عاهل", PersonCue},
	{"سمو", PersonCue},
	{"معالي", PersonCue},
	{"فخامه", PersonCue},
	{"سعاده", PersonCue},
	{"صاحب", PersonCue},
	{"مهندس", PersonCue},
	{"استاذ", PersonCue},
	{"بروفيسور", PersonCue},
	{"نجم", PersonCue},
	{"مطرب", PersonCue},
	{"شاعر", PersonCue},
	{"روائي", PersonCue},
	{"مخرج", PersonCue},
	{"ممثله", PersonCue},
	{"كابتن", PersonCue},
	{"مساعد", PersonCue},
	{"نجل", PersonCue},
	{"بنت", PersonCue},
	{"زوجه", PersonCue},
	{"ارمله", PersonCue},
	{"فريق", PersonCue},
	{"مشير", PersonCue},
	{"رقيب", PersonCue},
}

// Titles returns the title words with any of the uses in u.
func Titles(u TitleUse) []string {
	return pick(titles[:], func(t titleWord) (string, bool) { return t.Word, t.Use&u != 0 })
}

// pick returns, in order, the values f gives for the entries of es that it
// keeps; nil when it keeps none.
func pick[E, R any](es []E, f func(E) (R, bool)) []R {
	var out []R
	for _, e := range es {
		if r, ok := f(e); ok {
			out = append(out, r)
		}
	}
	return out
}

// Set returns words as a set.
func Set(words []string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
