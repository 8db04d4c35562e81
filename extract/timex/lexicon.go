package timex

import (
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabicrun"
)

// The tables below are immutable after package initialization. Every key is
// in normalized form (see fold): أ إ آ → ا, ى → ي, ة → ه, no diacritics.

// weekdays maps a weekday name (with the article) to its time.Weekday.
var weekdays = map[string]time.Weekday{
	"الاحد":    time.Sunday,
	"الاثنين":  time.Monday,
	"الاتنين":  time.Monday,
	"الثلاثاء": time.Tuesday,
	"الثلاثا":  time.Tuesday,
	"الاربعاء": time.Wednesday,
	"الاربعا":  time.Wednesday,
	"الخميس":   time.Thursday,
	"الجمعه":   time.Friday,
	"السبت":    time.Saturday,
}

// months maps one-word Gregorian month names (Egyptian/Gulf, Maghrebi and
// Levantine/Iraqi forms and common spelling variants) to month numbers.
var months = map[string]int{
	"يناير": 1, "جانفي": 1, "ينايير": 1,
	"فبراير": 2, "فبرير": 2, "فيفري": 2, "شباط": 2,
	"مارس": 3, "اذار": 3,
	"ابريل": 4, "افريل": 4, "نيسان": 4, "ابرايل": 4,
	"مايو": 5, "ماي": 5, "ايار": 5, "مايس": 5,
	"يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6, "يونيوز": 6,
	"يوليو": 7, "يوليه": 7, "يوليوز": 7, "جويليه": 7, "تموز": 7,
	"اغسطس": 8, "اغسطوس": 8, "غشت": 8, "اوت": 8, "اب": 8,
	"سبتمبر": 9, "شتنبر": 9, "ايلول": 9,
	"اكتوبر": 10,
	"نوفمبر": 11, "نونبر": 11,
	"ديسمبر": 12, "دجنبر": 12,
}

// weakMonths are month names that are also ordinary words (مارس "he
// practised", آب/اب "father", نيسان the car maker...): alone, without a day or a
// year, they count as a month only after a strong cue such as في or شهر.
var weakMonths = map[string]bool{
	"مارس": true, "اب": true, "اوت": true, "نيسان": true, "ماي": true,
	"جوان": true, "تموز": true, "مايس": true, "غشت": true,
}

// twoWordMonths are month names of two words: Levantine كانون/تشرين.
var twoWordMonths = map[string]map[string]int{
	"كانون": {"الثاني": 1, "ثاني": 1, "الاول": 12, "اول": 12},
	"تشرين": {"الاول": 10, "اول": 10, "الثاني": 11, "ثاني": 11},
}

// hijriMonths maps one-word Hijri month names to month numbers.
var hijriMonths = map[string]int{
	"محرم": 1, "المحرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
}

// hijriTwoWord maps two-word Hijri month names to month numbers.
var hijriTwoWord = map[string]map[string]int{
	"ربيع":  {"الاول": 3, "اول": 3, "الثاني": 4, "ثاني": 4, "الاخر": 4, "اخر": 4},
	"جمادي": {"الاولي": 5, "الاول": 5, "اولي": 5, "الاخره": 6, "الاخر": 6, "الثانيه": 6, "الثاني": 6, "اخره": 6},
	"ذو":    {"القعده": 11, "الحجه": 12},
	"ذي":    {"القعده": 11, "الحجه": 12},
}

// Relative modifiers after a period, month or weekday.
var (
	nextWords = map[string]bool{
		"المقبل": true, "المقبله": true, "القادم": true, "القادمه": true,
		"الجاي": true, "الجايه": true, // spoken: الأسبوع الجاي
	}
	lastWords = map[string]bool{
		"الماضي": true, "الماضيه": true, "المنصرم": true, "المنصرمه": true,
		"الفائت": true, "الفائته": true, "السابق": true, "السابقه": true,
	}
	thisWords = map[string]bool{
		"الجاري": true, "الجاريه": true, "الحالي": true, "الحاليه": true,
	}
)

// Period nouns: الأسبوع, الشهر, العام/السنة.
const (
	unitDay = iota + 1
	unitWeek
	unitMonth
	unitYear
	unitHour
	unitMinute
)

var periods = map[string]int{
	"الاسبوع": unitWeek, "الشهر": unitMonth, "العام": unitYear, "السنه": unitYear,
}

// partNouns are the parts of a month or year that an ordinal after them
// counts (الأسبوع الثاني من ديسمبر, النصف الأول من العام): the ordinal is
// not a day of the month.
var partNouns = map[string]bool{
	"الاسبوع": true, "الاسبوعين": true, "الاسابيع": true, "النصف": true, "الربع": true,
	"الثلث": true, "العشر": true, "العشره": true, "الشهر": true, "الفصل": true,
}

// durationUnits maps unit nouns after قبل/منذ/بعد to (unit, implied count):
// count 0 means the count is given by a preceding number, 1 a singular noun
// alone ("قبل عام"), 2 a dual ("قبل عامين").
var durationUnits = map[string][2]int{
	"يوم": {unitDay, 1}, "يوما": {unitDay, 0}, "ايام": {unitDay, 0}, "يومين": {unitDay, 2}, "يومان": {unitDay, 2},
	"اسبوع": {unitWeek, 1}, "اسبوعا": {unitWeek, 0}, "اسابيع": {unitWeek, 0}, "اسبوعين": {unitWeek, 2},
	"شهر": {unitMonth, 1}, "شهرا": {unitMonth, 0}, "اشهر": {unitMonth, 0}, "شهور": {unitMonth, 0}, "شهرين": {unitMonth, 2},
	"عام": {unitYear, 1}, "عاما": {unitYear, 0}, "اعوام": {unitYear, 0}, "عامين": {unitYear, 2},
	"ساعه": {unitHour, 1}, "ساعات": {unitHour, 0}, "ساعتين": {unitHour, 2}, "ساعتان": {unitHour, 2},
	"دقيقه": {unitMinute, 1}, "دقائق": {unitMinute, 0}, "دقيقتين": {unitMinute, 2},
	"سنه": {unitYear, 1}, "سنوات": {unitYear, 0}, "سنين": {unitYear, 0}, "سنتين": {unitYear, 2},
}

// numberWords are cardinal numbers written as words (3 to 10, both genders).
var numberWords = map[string]int{
	"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
	"ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
	"تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
}

// ordinals are ordinal day numbers as words, used in "الثالث من أكتوبر".
var ordinals = map[string]int{
	"الاول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
	"السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي": 1, "الواحد": 1,
}

// tens for ordinals 20 and 30 ("العشرين", "الحادي والعشرين").
var ordinalTens = map[string]int{
	"العشرين": 20, "والعشرين": 20, "الثلاثين": 30, "والثلاثين": 30,
	"العشرون": 20, "والعشرون": 20, "الثلاثون": 30, "والثلاثون": 30, // nominative
}

// decades maps the stem of a decade word (التسعينيات → تسعين) to its decade within a century.
var decades = map[string]int{
	"عشرين": 20, "ثلاثين": 30, "اربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90,
}

// Time-of-day words that may precede a day expression ("مساء أمس").
var dayParts = map[string]bool{
	"صباح": true, "مساء": true, "ظهر": true, "فجر": true, "ليل": true, "ليله": true,
	"عصر": true, "ظهيره": true, "صبيحه": true, "عشيه": true,
}

// Words before a bare month name that make it a month ("في مارس").
var monthCue = map[string]bool{
	"في": true, "شهر": true, "منذ": true, "حتي": true, "خلال": true, "مطلع": true, "اوائل": true,
	"اواخر": true, "منتصف": true, "نهايه": true, "بدايه": true, "اواسط": true, "اخر": true,
	"اول": true, "لشهر": true, "بشهر": true, "وشهر": true, "اشهر": true, "شهري": true,
}

// Words before a number that make it a year ("عام 2020", "انتخابات 2020").
var yearCue = map[string]bool{
	"عام": true, "العام": true, "عامي": true, "سنه": true, "السنه": true, "سنتي": true,
	"لعام": true, "وعام": true, "بعام": true, "للعام": true, "منذ": true, "حتي": true, "خلال": true,
	"في": true, "مطلع": true, "اوائل": true, "اواخر": true, "منتصف": true, "نهايه": true,
	"بدايه": true, "اواسط": true, "موسم": true, "انتخابات": true, "ميزانيه": true,
	"موازنه": true, "دستور": true, "رؤيه": true, "مونديال": true, "كاس": true, "اولمبياد": true,
	"بحلول": true, "نسخه": true, "دوره": true, "بطوله": true, "مونديالي": true, "ربيع": true, "صيف": true, "خريف": true, "شتاء": true, "قبل": true, "بعد": true,
}

// Words before a number that make it a count, not a year ("نحو 2000").
var countCue = map[string]bool{
	"نحو": true, "حوالي": true, "قرابه": true, "اكثر": true, "اقل": true, "عدد": true,
	"بلغ": true, "رقم": true, "مجموع": true, "اجمالي": true, "اصل": true, "زهاء": true,
}

// Vague references.
const (
	presentRef = "PRESENT_REF"
	pastRef    = "PAST_REF"
	futureRef  = "FUTURE_REF"
)

// vagueWords are one-word vague references.
var vagueWords = map[string]string{
	"قريبا": futureRef, "مستقبلا": futureRef, "لاحقا": futureRef,
	"مؤخرا": pastRef, "موخرا": pastRef, "سابقا": pastRef,
	"حاليا": presentRef, "الان": presentRef, "راهنا": presentRef,
}

// vagueAfterFi are vague references introduced by في ("في السابق").
var vagueAfterFi = map[string]string{
	"السابق": pastRef, "الماضي": pastRef, "المستقبل": futureRef,
}

// vagueTwo are two-word vague references ("الوقت الحالي", "الآونة الأخيرة").
var vagueTwo = map[string]map[string]string{
	"الوقت":  {"الحالي": presentRef, "الراهن": presentRef, "الحاضر": presentRef},
	"الاونه": {"الاخيره": pastRef},
	"وقت":    {"لاحق": futureRef, "قريب": futureRef, "سابق": pastRef},
}

// pluralPeriods are plural (and dual) time nouns that with a relative
// adjective make a vague reference ("الأيام المقبلة" → FUTURE_REF,
// "اليومين الماضيين" → PAST_REF).
var pluralPeriods = map[string]bool{
	"الايام": true, "الاسابيع": true, "الاشهر": true, "الشهور": true, "السنوات": true,
	"الاعوام": true, "السنين": true, "الساعات": true, "الفتره": true, "المرحله": true,
	"العقود": true, "العقد": true,
	"اليومين": true, "الاسبوعين": true, "الشهرين": true, "العامين": true, "السنتين": true,
	"الساعتين": true, "العقدين": true,
}

var vagueAdj = map[string]string{
	"المقبله": futureRef, "القادمه": futureRef, "المقبل": futureRef, "القادم": futureRef,
	"الماضيه": pastRef, "الماضي": pastRef, "الاخيره": pastRef, "الاخير": pastRef,
	"المنصرمه": pastRef, "الحاليه": presentRef, "الراهنه": presentRef, "الحالي": presentRef,
	// The dual's adjectives (after اليومين, الأسبوعين ...).
	"الماضيين": pastRef, "المقبلين": futureRef, "القادمين": futureRef, "الاخيرين": pastRef,
	"المنصرمين": pastRef,
}

// Words that announce the future near a bare weekday ("سيلتقي ... الخميس").
var futureCue = map[string]bool{
	"سوف": true, "المقرر": true, "المرتقب": true, "المزمع": true, "المنتظر": true,
	"يعتزم": true, "تعتزم": true, "يعتزمون": true, "يرتقب": true, "المتوقع": true, "يتوقع": true,
	"ستكون": true, "سيكون": true,
}

// Nouns that begin with س + a prefix letter, so look like future verbs
// (سيارة, ستة) but are not.
var notFutureVerb = map[string]bool{
	"سيد": true, "سيده": true, "سيدات": true, "سياسه": true, "سياسي": true, "سياسيه": true,
	"سياسات": true, "سياسيين": true, "سيارات": true, "سياره": true, "سيطره": true, "سيناء": true,
	"سينما": true, "سيناريو": true, "سيول": true, "ستين": true, "سته": true, "ستار": true,
	"سنوات": true, "سنه": true, "سنين": true, "سنتين": true, "سنغافوره": true, "ستوكهولم": true,
	"سياق": true, "سيادي": true, "سياده": true, "سيئه": true, "سيئ": true, "سيبيريا": true,
	"ساعه": true, "ساعات": true, "ساحه": true, "ساحات": true, "سابق": true, "سابقا": true,
	"سابقه": true, "ساهم": true, "ساهمت": true, "سالم": true, "سادس": true, "ساحل": true,
	"ساحلي": true, "سامي": true, "ساره": true, "سامر": true, "ساعدت": true, "ساعد": true,
	"سيله": true, "سيلة": true, "ستان": true, "سائح": true, "سائحا": true, "سائق": true, "ستيفن": true, "ستافان": true, "سيرغي": true,
	"سيرجي": true, "ستيف": true, "سيباستيان": true, "سيمون": true, "ستالين": true, "سيناتور": true,
	"سيدني": true, "سيريلانكا": true, "سيراليون": true, "سيلفا": true, "ستانلي": true,
	"سياحه": true, "سياحي": true, "سيطرت": true, "سيرا": true, "سيره": true, "سيف": true,
	"سيفساء": true, // فسيفساء, mosaic, after its ف is taken for a conjunction
	"ستاد":   true, "ستراتيجي": true, "سنويا": true, "سنوي": true, "سنويه": true,
}

// Words after اليوم that make it an ordinary noun ("اليوم نفسه").
var notTodayAfter = map[string]bool{"نفسه": true, "ذاته": true, "عينه": true}

// Words before اليوم that make it an ordinary noun or a name ("صحيفة اليوم").
var notTodayBefore = map[string]bool{
	"صحيفه": true, "جريده": true, "قناه": true, "موقع": true, "برنامج": true, "مجله": true,
	"ذلك": true, "نفس": true, "ذات": true, "تلك": true, "في": true, "بوابه": true,
	"مدار": true, "انتهاء": true, "طوال": true, "طيله": true, "خلال": true, "نهايه": true,
	"منتصف": true, "بدايه": true, "صحف": true, "كصحيفه": true, "عين": true,
}

// yearWords are the words that introduce a year ("عام 2020").
var yearWords = map[string]bool{
	"عام": true, "العام": true, "عامي": true, "سنه": true, "السنه": true, "لعام": true, "للعام": true,
}

// startFlag tells which of the tables that atWord asks hold a start word,
// so that it asks only those.
type startFlag uint32

const (
	isStartWord startFlag = 1 << iota // every start word has it
	inWeekdays
	inCountWords
	inMonths
	inTwoWordMonths
	inHijriMonths
	inHijriTwoWord
	inPeriods
	inVagueWords
	inVagueTwo
	inPluralPeriods
	inModWords
	inOrdinals
	inOrdinalTens
	inColloquial // yesterdayColloquial, todayColloquial or tomorrowColloquial
	inDayParts
	inYearWords
)

// startWords holds every word that can begin an expression, so that the
// matcher tries its patterns only on those: one map lookup per word form,
// which also tells the tables that hold the word.
var startWords = func() map[string]startFlag {
	s := map[string]startFlag{}
	add := func(keys ...string) {
		for _, k := range keys {
			s[k] |= isStartWord
		}
	}
	// set marks the words of a bool table that it holds true with f.
	set := func(f startFlag, t map[string]bool) {
		for k, v := range t {
			add(k)
			if v {
				s[k] |= f
			}
		}
	}
	markKeys(s, inWeekdays, weekdays)
	markKeys(s, inMonths, months)
	markKeys(s, inTwoWordMonths, twoWordMonths)
	markKeys(s, inHijriMonths, hijriMonths)
	markKeys(s, inHijriTwoWord, hijriTwoWord)
	markKeys(s, inPeriods, periods)
	markKeys(s, inVagueWords, vagueWords)
	markKeys(s, inVagueTwo, vagueTwo)
	set(inPluralPeriods, pluralPeriods)
	markKeys(s, inOrdinals, ordinals)
	markKeys(s, inOrdinalTens, ordinalTens)
	set(inDayParts, dayParts)
	for _, t := range []map[string]bool{yesterdayColloquial, todayColloquial, tomorrowColloquial} {
		set(inColloquial, t)
	}
	set(inYearWords, yearWords)
	for k := range decades {
		add(k+"يات", "ال"+k+"يات", k+"ات", "ال"+k+"ات")
	}
	set(inModWords, modWords)
	markKeys(s, inCountWords, countWords)
	add("عاشوراء", "عاشورا", "المولد", "راس", "غره", "وقفه")
	add("خلال", "غضون", "عيد", "القرن", "الربع", "النصف", "نفس", "ذات", "ثاني", "ثالث", "رابع", "خامس")
	add("اليوم", "امس", "الامس", "البارحه", "اول", "غدا", "يوم", "بعد", "قبل", "منذ", "في", "هذا", "هذه", "الليله")
	return s
}()

// markKeys marks every key of t in s as a start word held by t, with f.
func markKeys[V any](s map[string]startFlag, f startFlag, t map[string]V) {
	for k := range t {
		s[k] |= isStartWord | f
	}
}

// lamStarts maps the start words with the article ال to themselves
// without its ا, as they follow the clitic ل (للعام is ل + العام): the
// key is what is left of such a word with its clitic stripped.
var lamStarts = func() map[string]string {
	s := map[string]string{}
	for w := range startWords {
		if rest, ok := strings.CutPrefix(w, "ال"); ok {
			s["ل"+rest] = w
		}
	}
	return s
}()

// generalBefore are nouns after which العام is the adjective "general"
// (الأمين العام السابق, the former secretary-general).
var generalBefore = map[string]bool{
	"الامين": true, "المدير": true, "المدعي": true, "النائب": true, "المفتش": true,
	"المراقب": true, "المنسق": true, "المرشد": true, "القائد": true, "الراي": true,
	"القطاع": true, "الامن": true, "المشرف": true, "الرئيس": true, "المستشار": true,
	"الموتمر": true, "المؤتمر": true, "الاتحاد": true, "العفو": true,
}

// tailKey hashes the last two runes of a word (its last four bytes, in
// one load), or the bytes of a shorter word and their number; clitics only
// change the start of a word, so every form of a word has the same key.
func tailKey(w string) uint {
	n := len(w)
	if n < 4 {
		h := uint(n)
		for i := 0; i < n; i++ {
			h = h*131 + uint(w[i])
		}
		return h & (tailBits - 1)
	}
	x := uint32(w[n-4]) | uint32(w[n-3])<<8 | uint32(w[n-2])<<16 | uint32(w[n-1])<<24
	return uint(x*0x9E3779B1) >> (32 - tailLog)
}

const (
	tailLog  = 12
	tailBits = 1 << tailLog
)

// startTails is a bit set of the tailKey of every start word: a word whose
// key is not in it cannot begin an expression, in any of its forms.
var startTails = func() (b [tailBits / 64]uint64) {
	for w := range startWords {
		k := tailKey(w)
		b[k/64] |= 1 << (k % 64)
	}
	return b
}()

// startKeys holds every start word: a word it does not hold is no start
// word, and startWords need not be asked.
var startKeys = func() (s arabicrun.Words) {
	for w := range startWords {
		s.Add(w)
	}
	return s
}()

// startOf returns the flags of w in startWords, 0 when it is no start word.
func startOf(w string) startFlag {
	if !startKeys.Has(w) {
		return 0
	}
	return startWords[w]
}

// mayStart reports whether w or one of its clitic forms may be a start word.
func mayStart(w string) bool {
	if w == "" {
		return false
	}
	k := tailKey(w)
	return startTails[k/64]&(1<<(k%64)) != 0
}

// beforeMin are the words before من that make the number after it a year
// (الربع الأخير من 2015, اعتبارا من 2016).
var beforeMin = map[string]bool{
	"الربع": true, "النصف": true, "الاول": true, "الثاني": true, "الثالث": true, "الرابع": true,
	"الاخير": true, "الاخيره": true, "الاولي": true, "الثانيه": true, "مطلع": true, "منتصف": true,
	"نهايه": true, "بدايه": true, "اواخر": true, "اوائل": true, "الفتره": true, "اعتبارا": true,
	"ابتداء": true, "بدءا": true, "الشهر": true, "الاشهر": true, "الشهور": true, "صيف": true,
	"شتاء": true, "ربيع": true, "خريف": true,
}

// countWords are the words that may begin "COUNT UNIT من الآن": cardinals
// and unit nouns that carry their count (أسبوعين من الآن).
var countWords = func() map[string]bool {
	s := map[string]bool{}
	for k := range numberWords {
		s[k] = true
	}
	for k := range tensWords {
		s[k] = true
	}
	for k := range unitsForCompound {
		s[k] = true
	}
	for k, u := range durationUnits {
		if u[1] != 0 {
			s[k] = true
		}
	}
	return s
}()
