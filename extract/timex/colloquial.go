package timex

import (
	"strings"
	"time"
)

// Colloquial day words (normalized): Egyptian, Levantine and Gulf forms.
var (
	// yesterdayColloquial are spoken forms of أمس (امبارح, مبارح).
	yesterdayColloquial = map[string]bool{"امبارح": true, "مبارح": true}
	// todayColloquial are spoken forms of اليوم (النهاردة).
	todayColloquial = map[string]bool{"النهارده": true, "النهاردا": true, "انهارده": true}
	// tomorrowColloquial are spoken forms of غدا (بكرة, بكرا), also the
	// noun "pulley, reel" (بكرة): see atBukra.
	tomorrowColloquial = map[string]bool{"بكره": true, "بكرا": true}
	// bukraAfter are the words after بكرة that make it "tomorrow": times of
	// day, spoken and written.
	bukraAfter = map[string]bool{
		"الصبح": true, "الصبحيه": true, "صباحا": true, "مساء": true, "مساءا": true, "الظهر": true,
		"بالليل": true, "العصر": true, "المغرب": true, "بدري": true, "ان": true, "انشاء": true,
	}
	// bukraBefore are the words before بكرة that make it "tomorrow".
	bukraBefore = map[string]bool{
		"من": true, "يوم": true, "حتي": true, "لحد": true, "لغايه": true, "بعد": true,
		"اليوم": true, "او": true, "الا": true, "الي": true,
	}
	// bukraPrep are the prepositions after which بكرة in a clause about the
	// future is "tomorrow" (سأعود بكرة إلى البيت).
	bukraPrep = map[string]bool{"في": true, "الي": true, "علي": true, "من": true, "مع": true, "عند": true, "و": true}
	// dayPartNouns are the times of day after هذا/هذه that name the
	// reference day (هذا المساء, هذه الليلة).
	dayPartNouns = map[string]bool{
		"المساء": true, "الصباح": true, "الليله": true, "الظهر": true, // not العصر, "this era"
	}
)

// atColloquial handles the spoken day words: امبارح (yesterday), أول
// امبارح (the day before), النهاردة (today) and بكرة (tomorrow), reporting
// whether w is one of them.
func (m *matcher) atColloquial(i int, w string, start int) (int, bool) {
	switch {
	case yesterdayColloquial[w]:
		return m.emitRel(start, m.trailWeekday(i+1), -1), true
	case todayColloquial[w]:
		return m.emitRel(start, m.trailWeekday(i+1), 0), true
	case tomorrowColloquial[w]:
		return m.atBukra(i, start), true
	}
	return i, false
}

// atBukra reads بكرة as tomorrow only where the noun "pulley, reel" does not
// fit: at the end of a clause (نشوفك بكرة.), before a time of day or a
// weekday (بكرة الصبح, بكرة الخميس), or after a word that introduces a time
// (من بكرة, لحد بكرة). Before another word (بكرة جديدة, بكرة وأصيلا) it is
// left out.
func (m *matcher) atBukra(i, start int) int {
	next := m.tok(i + 1)
	prev := m.w(i - 1)
	if m.tok(i).start != start { // a clitic: لبكرة, وبكرة
		prev = ""
	}
	switch {
	case i+1 >= len(m.d.toks), next.kind == punct && next.r != '%' && next.r != '/':
	case bukraAfter[m.w(i+1)]:
	case m.trailWeekday(i+1) > i:
		return m.emitRel(start, m.trailWeekday(i+1), 1)
	case bukraBefore[prev] || (m.tok(i).start != start && strings.HasPrefix(m.w(i), "ل")):
	case bukraPrep[m.w(i+1)] && (m.futureBefore(i) || strings.HasPrefix(prev, "ح") || strings.HasPrefix(prev, "ه")):
		// سأعود بكرة إلى البيت, حنسافر بكرة على الرياض: a spoken future.
	default:
		return i + 1
	}
	if prev == "راجعنا" || prev == "راجعني" {
		return i + 1 // "راجعنا بكرة": the clerk's put-off, not a day
	}
	return m.emitRel(start, i, 1)
}

// thisDayPart handles هذا المساء, هذه الليلة, هذا الصباح: the reference day.
func (m *matcher) thisDayPart(i, start int) (int, bool) {
	if !dayPartNouns[m.w(i+1)] {
		return i, false
	}
	if n := m.w(i + 2); n == "نفسه" || n == "نفسها" || n == "ذاته" || n == "ذاتها" {
		return i, false
	}
	return m.emitRel(start, i+1, 0), true
}

// nightlyNouns are nouns that الليلة follows as a misspelling of the
// adjective الليلية, "nightly" (النوادي الليلة, الحياة الليلة).
var nightlyNouns = map[string]bool{
	"النوادي": true, "الملاهي": true, "الانشطه": true, "الحياه": true, "الحفلات": true,
	"السهرات": true, "الرحلات": true, "الجولات": true, "الدوريات": true, "الدوريه": true,
	"المناوبات": true, "المناوبه": true, "الحراسه": true, "الزيارات": true, "العروض": true,
	"الاسواق": true, "الفعاليات": true, "البرامج": true, "الدروس": true, "المدارس": true,
	"المباريات": true, "الطلعات": true, "الغارات": true, "المعارك": true, "الفتره": true,
	"الساعات": true, "الاجواء": true, "الحركه": true, "الاضاءه": true, "الرؤيه": true,
	"النوبه": true, "النوبات": true, "الصلاه": true, "الصلوات": true, "المقاهي": true,
	"الاماكن": true, "الحياة": true, "الرياضه": true, "الجلسات": true, "الورديه": true,
}

// spendVerbs are the verbs "to spend (the night)" after which, directly or
// after a subject, الليلة is the night of the story, not tonight (قضى
// الليلة, أمضت الأسرة الليلة).
var spendVerbs = map[string]bool{
	"قضي": true, "قضت": true, "قضيت": true, "قضوا": true, "قضينا": true, "يقضي": true, "تقضي": true,
	"امضي": true, "امضت": true, "امضيت": true, "امضوا": true, "امضينا": true, "يمضي": true, "تمضي": true,
	"بات": true, "باتت": true, "باتوا": true, "مضت": true, "احيا": true, "احيت": true, "احيوا": true,
}

// spokenDir reads the spoken relative clause after a weekday or a period:
// اللي جاي/جاية (next), اللي فات/فاتت (last).
func spokenDir(w1, w2 string) (int, bool) {
	if w1 != "اللي" && w1 != "الي" {
		return 0, false
	}
	switch w2 {
	case "جاي", "جايه":
		return 1, true
	case "فات", "فاتت":
		return -1, true
	}
	return 0, false
}

// atTonight handles الليلة alone: tonight, the reference day, and الليلة قبل
// الماضية, the night before last; not the noun in تلك الليلة, الليلة
// الأولى, الليلة نفسها, في الليلة, اليوم والليلة (a day and night), the
// proverb ما أشبه الليلة بالبارحة, nor the misspelt adjective "nightly"
// after a definite noun (النوادي الليلة).
func (m *matcher) atTonight(i, start int) int {
	if d2, ok := beyondDir(m.w(i+1), m.w(i+2)); ok && d2 < 0 {
		return m.emitRel(start, i+2, -2)
	}
	next := m.w(i + 1)
	prev := m.w(i - 1)
	if m.tok(i).start != start {
		if strings.HasPrefix(m.w(i), "و") && (prev == "اليوم" || prev == "يوم" || prev == "النهار") {
			return i + 1
		}
		prev = ""
	}
	if strings.HasPrefix(next, "ال") || strings.HasPrefix(next, "بال") || notTodayAfter[next] ||
		next == "نفسها" || next == "ذاتها" || next == "عينها" || notTodayBefore[prev] ||
		prev == "تلك" || prev == "ليله" || prev == "طوال" || prev == "اشبه" || nightlyNouns[prev] ||
		spendVerbs[strings.TrimPrefix(prev, "و")] || spendVerbs[strings.TrimPrefix(m.w(i-2), "و")] ||
		next == "كلها" || next == "بطولها" {
		return i + 1
	}
	if m.isP(i+1, ')') || m.isP(i-1, '(') || m.isP(i-1, '«') || m.isP(i-1, '"') {
		return i + 1 // a title: «الليلة»
	}
	return m.emitRel(start, m.trailWeekday(i+1), 0)
}

// thisWeekday resolves هذا الاثنين, هذه الجمعة: the weekday of the reference
// week (weeks begin on Sunday), or the next one on or after the reference
// date in a clause about the future.
func (m *matcher) thisWeekday(i int, wd time.Weekday) time.Time {
	if m.futureBefore(i) {
		return m.weekday(wd, 2)
	}
	sunday := m.ref.AddDate(0, 0, -int(m.ref.Weekday()))
	return sunday.AddDate(0, 0, int(wd))
}

// approxWords are the words "about" between قبل/منذ/بعد and a span (قبل
// نحو أسبوع, منذ حوالي عشرة أيام): the day is still the one named.
var approxWords = map[string]bool{"نحو": true, "حوالي": true, "قرابه": true, "زهاء": true}
