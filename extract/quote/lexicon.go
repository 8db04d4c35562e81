package quote

import (
	"strings"

	"github.com/marsad/marsad/extract/lexicon"
	"github.com/marsad/marsad/internal/arabicrun"
)

// Word tables, in normalized form (see normalize). They are immutable.

// cue is what a reporting word is.
type cue uint8

const (
	cueVerb     cue = iota + 1 // a finite reporting verb: قال، أكدت
	cuePart                    // an active participle or masdar phrase: مضيفاً، قائلة، بالقول
	cueAccord                  // "according to": بحسب X، وفقاً لـ X
	cueTransmit                // نقل/نقلت X عن Y: Y is the speaker
)

// gender of a reporting word or a speaker.
type gender int8

const (
	gNone gender = iota // not marked / unknown
	gMasc
	gFem
)

type cueWord struct {
	cue cue
	g   gender
}

// cues maps normalized reporting words (without the clitics و and ف) to
// what they are.
var cues = func() map[string]cueWord {
	m := map[string]cueWord{}
	// Past tense, masculine and feminine, and a few present forms.
	for _, v := range lexicon.Verbs(lexicon.Statement) {
		m[v.Masc] = cueWord{cueVerb, gMasc}
		m[v.Fem] = cueWord{cueVerb, gFem}
	}
	// Participles (accusative, with or without the written tanween alef) in
	// masculine and feminine.
	for _, p := range []string{
		"قائل", "مضيف", "مؤكد", "موكد", "مشدد", "لافت", "موضح", "مشير", "معتبر",
		"معلن", "منوه", "محذر", "متابع", "مردف", "مستطرد", "كاشف",
	} {
		m[p+"ا"] = cueWord{cuePart, gMasc}
		m[p+"ه"] = cueWord{cuePart, gFem}
	}
	m["بالقول"] = cueWord{cuePart, gNone}
	for _, a := range []string{"بحسب", "حسب", "وفقا", "طبقا", "نقلا"} {
		m[a] = cueWord{cueAccord, gNone}
	}
	m["نقل"] = cueWord{cueTransmit, gMasc}
	m["نقلت"] = cueWord{cueTransmit, gFem}
	return m
}()

// cueEnds holds the last two letters of every word of cues, which its
// clitics leave as they are: most words are ruled out by theirs, unlooked.
var cueEnds = func() (p arabicrun.Pairs) {
	for w := range cues {
		p.Add(w[len(w)-4:])
	}
	return p
}()

// cueForms maps every word in which cueByMap finds a reporting word to
// what it finds: the words of cues with up to two clitics و or ف, so that
// lookupCue asks one map once. cueFormKeys holds them too, for a cheaper
// test first.
var cueForms, cueFormKeys = func() (m map[string]tokCue, keys arabicrun.Words) {
	m = map[string]tokCue{}
	for k := range cues {
		for _, p := range []string{"", "و", "ف", "وو", "وف", "فو", "فف"} {
			if c, n := cueByMap(p + k); c.cue != 0 {
				m[p+k] = tokCue{c, uint8(n)}
				keys.Add(p + k)
			}
		}
	}
	return m, keys
}()

// cueByMap returns the reporting word of cues that w is, with up to two
// clitics و or ف stripped (the fewest that make one), and the number of
// runes stripped.
func cueByMap(w string) (cueWord, int) {
	if c, ok := cues[w]; ok {
		return c, 0
	}
	for k := 0; k < 2 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")); k++ {
		w = w[len("و"):]
		if c, ok := cues[w]; ok {
			return c, k + 1
		}
	}
	return cueWord{}, 0
}

// bareComp are complementizers after which the statement starts; compPron
// are complementizers with an attached pronoun, which stay in the statement.
var bareComp = set("ان", "بان", "فان", "لان")

var compPron = set(
	"انه", "انها", "انهم", "انهما", "اننا", "انني", "اني", "انكم", "انهن",
	"بانه", "بانها", "بانهم", "باننا", "بانني", "فانه", "فانها", "فانهم", "فاننا",
)

// notComp are words after which ان is not the complementizer of a
// reporting verb (قبل أن، يجب أن ...).
var notComp = set("قبل", "بعد", "يجب", "ينبغي", "يمكن", "من", "منذ", "دون", "بدون", "بد",
	"حتي", "سبق", "عسي", "لابد", "يريد", "اراد", "تريد", "ارادت", "يستطيع", "تستطيع",
	"الا") // إلا أن: "but", a clause of the writer's

// preps are prepositions and words after which a name is not a subject.
var preps = set("في", "من", "الي", "علي", "عن", "مع", "لدي", "خلال", "عبر", "امام", "بين",
	"حول", "ضد", "نحو", "عند", "بعد", "قبل", "منذ", "حتي", "دون", "تجاه", "ازاء", "باسم",
	"لصالح", "بحق", "وفق", "حسب", "بحسب", "ضمن", "داخل", "خارج", "بشان", "حيال", "ل", "ب",
	"ك", "لـ", "نظيره", "نظيرته", "نظيرها", "لقائه", "لقائها", "مثل", "برئاسه", "بقياده",
	// nouns whose following name is a genitive, not their apposition
	"وزير", "رئيس", "سفير", "مبعوث", "متحدث", "مستشار", "زعيم", "وزيره", "رئيسه", "عضو",
	"اعضاء", "نائب", "قائد", "مدير", "امين", "مكتب", "اداره", "حكومه", "حزب", "فريق",
	"نجل", "زوجه", "ابن", "شقيق", "محامي", "ناطق", "مساعد", "معاون", "انصار", "خصوم")

// titleOK are words of a title between a verb and the name of its subject
// that preps would reject (المتحدث باسم ...، وزير ...، المبعوث إلى سوريا).
var titleOK = set("باسم", "ل", "لـ", "الي", "لدي", "وزير", "رئيس", "سفير", "مبعوث", "متحدث", "المتحدث",
	"المتحدثه", "مستشار", "زعيم", "وزيره", "رئيسه", "عضو", "نائب", "قائد", "مدير", "امين",
	"الامين", "مكتب")

// titleHeads are nouns that head the title of a person, without the
// article (وزير الخارجية، رئيس الوزراء، الملك).
var titleHeads = lexicon.Set(lexicon.Titles(lexicon.TitleHead))

// titleHeadEnds holds the last two letters of every word of titleHeads;
// shortTitleHead tells whether one has fewer than four bytes.
var titleHeadEnds, shortTitleHead = func() (p arabicrun.Pairs, short bool) {
	for w := range titleHeads {
		if len(w) < 4 {
			short = true
			continue
		}
		p.Add(w[len(w)-4:])
	}
	return p, short
}()

// titleForms holds every word w for which titleHeads holds stem1(w): the
// heads of titles with the affixes that stem1 drops (a prefix of its list,
// a final ه), so that headOfTitle need not stem a word. titleFormKeys
// holds them too, for a cheaper test first.
var titleForms, titleFormKeys = func() (m map[string]bool, keys arabicrun.Words) {
	m = map[string]bool{}
	for h := range titleHeads {
		for _, p := range []string{"", "بال", "لل", "ال", "ل"} {
			for _, e := range []string{"", "ه"} {
				if w := p + h + e; titleHeads[stem1(w)] {
					m[w] = true
					keys.Add(w)
				}
			}
		}
	}
	return m, keys
}()

// headOfTitle reports whether titleHeads holds stem1(w), for a normalized
// word w. Most words are ruled out unlooked by their last two letters
// (titleHeadEnds), or by the two before a final ه that stem1 drops.
func headOfTitle(w string) bool {
	if n := len(w); n >= 6 && !shortTitleHead && !titleHeadEnds.Has(w[n-4:]) &&
		!(strings.HasSuffix(w, "ه") && titleHeadEnds.Has(w[n-6:n-2])) {
		return false
	}
	return titleFormKeys.Has(w) && titleForms[w]
}

// titleBeforeName are the titles that stand right before a person's name
// (الأمير، الدكتور، اللواء).
var titleBeforeName = lexicon.Set(lexicon.Titles(lexicon.TitleBefore))

// enumWords introduce the names of a list, which are no subjects (وهم
// فلان، وفلان؛ ومنهم فلان؛ سواء أرامكو أو ...).
var enumWords = set("هم", "وهم", "هما", "وهما", "منهم", "ومنهم", "بينهم", "وبينهم", "ابرزهم", "ابرزها", "مثل", "سواء")

// bareHeads are head nouns of titles that, alone with the article, refer
// back to the one person of the text who holds such a title (الوزير،
// المتحدثة). الرئيس and الأمير are not among them: they name too many.
var bareHeads = lexicon.Set(lexicon.Titles(lexicon.BareTitle))

// femTitles are feminine titles of a person (المتحدثة باسم ...، الوزيرة).
var femTitles = lexicon.Set(lexicon.Titles(lexicon.FemPerson))

// orgHeads are nouns for a kind of organization that may precede its name
// (حركة حماس، صحيفة نيويورك تايمز، وكالة رويترز).
var orgHeads = set("حركه", "صحيفه", "جريده", "مجله", "وكاله", "منظمه", "شركه", "جماعه", "حزب",
	"مجلس", "جمعيه", "هيئه", "قناه", "شبكه", "موقع", "مجموعه", "تنظيم", "جبهه", "ائتلاف", "تحالف",
	"اتحاد", "مؤسسه", "صندوق", "بنك", "مصرف", "جامعه", "مركز", "لجنه", "وزاره", "محكمه", "نقابه",
	"كتله", "قوات", "ميليشيا", "ميليشيات", "فصائل", "حكومه", "بلديه", "اداره")

// placeHeads are nouns of places and works that may be named after a
// person (مطار الملك فهد، جائزة الملك فيصل).
var placeHeads = set("مطار", "مدينه", "مستشفي", "شارع", "طريق", "قاعه", "ملعب", "استاد", "جسر", "ميناء",
	"مسجد", "حي", "مجمع", "كليه", "مدرسه", "برنامج", "جائزه", "قصر", "كرسي", "معهد")

// regionHeads are nouns of the regions of a country and of settlements:
// a one-word name after them is a place's, whatever a tagger took it for
// (منطقة عسير، محافظة جدة).
var regionHeads = set("منطقه", "محافظه", "ولايه", "اقليم", "مقاطعه", "قريه", "بلده")

// honorifics stand between a noun and a person's name when a place bears
// it (جامعة الملك سعود، مطار الأمير نايف).
var honorifics = lexicon.Set(lexicon.Titles(lexicon.Honorific))

// titleStarts are the words, besides those with the article and the heads
// of titles, that may start the title between a reporting verb and the
// name of its subject (قال عضو مجلس الشورى ...، قال كبير المفاوضين ...).
var titleStarts = set("عضو", "عضوه", "اعضاء", "استاذ", "خبير", "خبيره", "مساعد", "مساعده", "كبير",
	"كبيره", "مفوض", "مراسل", "عميد", "لواء", "عقيد", "رائد", "نقيب", "مقدم", "العميد", "مدير",
	"مديره", "رئيس", "رئيسه", "نائب", "نائبه", "قائد", "امين", "امينه", "مؤسس", "صاحب", "سمو")

// notTitle are words that attach a clause or a relation to a subject, after
// which a name is not the subject (المقاومة الموالية لحكومة الرئيس هادي).
var notTitle = set("الموالي", "الموالية", "المواليه", "الموالين", "التابع", "التابعه", "المقرب",
	"المقربه", "المقربين", "المدعوم", "المدعومه", "القريب", "القريبه", "الذي", "التي", "الذين",
	"المؤيد", "المؤيده", "المؤيدين", "المناهض", "المناهضه", "الخاضع", "الخاضعه")

// objPrep are prepositions with a pronoun that may stand between a verb
// and its subject (صرّح به رئيس القسم، قال لها الوزير).
var objPrep = set("به", "بها", "له", "لها", "لهم", "لنا", "لي", "لهن", "لهما")

// timeWords may stand between a verb and its subject or complement.
var timeWords = set("اليوم", "امس", "غدا", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
	"الخميس", "الجمعه", "السبت", "يوم", "صباح", "مساء", "صباحا", "ليل", "ليله", "الليله",
	"الماضي", "الماضيه", "الحالي", "حاليا", "ايضا", "كذلك", "مجددا", "مرارا", "سابقا",
	"لاحقا", "بدوره", "بدورها", "اول", "فجر", "ظهر", "عصر", "الاسبوع", "الشهر", "العام",
	"يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو", "يوليو", "اغسطس", "سبتمبر",
	"اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "اذار", "نيسان", "ايار", "حزيران",
	"تموز", "اب", "ايلول", "تشرين", "الثاني", "الاول")

// clauseWords may precede a verb that starts a clause (كما أضاف، فيما أشارت).
var clauseWords = set("كما", "فيما", "بينما", "ثم", "حيث", "اذ", "كذلك", "لكن", "ولكن",
	"لكنه", "لكنها", "قد", "وقد", "فقد", "لقد", "كان", "وكان", "كانت", "وكانت", "بدوره",
	"بدورها", "جانبه", "جانبها", "جهته", "جهتها", "ناحيته", "ناحيتها", "ايضا", "اما",
	"فقط")

// clauseOpeners start, after a comma, a clause of the narrator's that
// sets something beside or against what came before: a complementizer
// after them is not that of a reporting verb before them (كشف X بدء
// البروفات، فيما تقرر أن ...). Causal حيث and إذ are not among them: the
// speaker's reasons follow them (، حيث إن ...).
var clauseOpeners = set("فيما", "بينما", "وبينما", "لكن", "ولكن")

// seeVerbs are the forms of رأى, which reports an opinion (رأى أن ...) but
// also means "saw"; whenWords are the conjunctions of time after which it
// does (كلما رأى، عندما رأت).
var (
	seeVerbs  = set("راي", "رات", "يري", "تري")
	whenWords = set("كلما", "عندما", "حينما", "حين", "لما", "متي", "اذا", "ولما", "وعندما", "وحين", "وكلما")
)

// citeBefore are words before a verb that make it a source citation
// (حسبما ذكرت وكالة ...), not a reporting clause of its own.
var citeBefore = set("حسبما", "بحسبما", "وفقما", "مثلما", "طبقالما")

// citeBeforeMa are words that cite a source with a following ما
// (بحسب ما ذكرت، وفق ما أعلن).
var citeBeforeMa = set("حسب", "بحسب", "وفق", "وفقا", "طبقا", "بناء")

// maleInTa are masculine first names that end in ة.
var maleInTa = set("اسامه", "حمزه", "عبيده", "طلحه", "معاويه", "عكرمه", "قتاده", "عروه",
	"جبله", "حذيفه", "ابوعبيده", "عطيه")

// femaleNames are frequent female first names that do not end in ة.
var femaleNames = set("مريم", "زينب", "هند", "سعاد", "نور", "جين", "هيلاري", "كامالا",
	"انجيلا", "انغيلا", "تيريزا", "ماريا", "ماري", "نانسي", "ليز", "اورسولا", "كريستين",
	"اليزابيث", "مارين", "ماريا", "كاترين", "كاثرين", "جوليا", "سارا", "ساره", "رانيا",
	"ليلي", "سلمي", "هدي", "مني", "نجلاء", "اسماء", "هيفاء", "وفاء", "دعاء", "الاء",
	"ميشيل", "كارين", "سوزان", "جانيت", "نيكي", "لورا", "انا", "ايفانكا", "ميلانيا",
	"غولدا", "بينظير", "تولسي", "كريستالينا", "جاسيندا", "ماغي", "ليندا", "ايمي", "اليسا")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
