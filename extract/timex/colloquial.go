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

// monthDay handles a month followed by its day (أكتوبر 2, يوليو 13-15,
// تموز 13 إلى 15) where j is the index after the month. The day must end
// the clause, be followed by a relative word (الجاري) or start a range of
// days; a following word (أكتوبر 2 مليون) leaves it out.
func (m *matcher) monthDay(mo int, j, start int) (int, bool) {
	d := m.tok(j)
	if d.kind != num || d.nd > 2 || d.n < 1 || d.n > 31 || !m.hasRef {
		return j, false
	}
	// A range: يوليو 13-15, تموز 13 إلى 15.
	k := j + 1
	ranged := false
	switch {
	case (m.isP(k, '-') || m.isP(k, '–')) && !m.tok(k).space:
		ranged = true
	case m.w(k) == "الي" || m.w(k) == "حتي" || m.w(k) == "لغايه" || m.w(k) == "و":
		ranged = m.tok(k+1).kind == num
	}
	if ranged {
		if e := m.tok(k + 1); e.kind == num && e.nd <= 2 && e.n > d.n && e.n <= 31 && m.clauseEnd(k+2) {
			v1, _, ok1 := m.resolveDMY(d.n, mo, false, j+1)
			v2, _, ok2 := m.resolveDMY(e.n, mo, false, k+2)
			if ok1 && ok2 && v1 != "" && v2 != "" {
				m.emit(start, j, v1)
				m.emit(e.start, k+1, v2)
				return k + 2, true
			}
		}
		return j, false
	}
	if !m.dayEnds(j + 1) {
		return j, false
	}
	v, e, ok := m.resolveDMY(d.n, mo, false, j+1)
	if !ok || v == "" {
		return j, false
	}
	m.emit(start, e-1, v)
	return e, true
}

// dayEnds reports whether a day written after its month ends at token k:
// at the end of a clause, before a relative word (يوليو 13 الجاري) or
// before another month (يناير 5 وفبراير 7).
func (m *matcher) dayEnds(k int) bool {
	if _, rel := relDir(m.w(k)); rel || m.clauseEnd(k) {
		return true
	}
	w := m.w(k)
	if w == "و" {
		w = m.w(k + 1)
	} else if strings.HasPrefix(w, "و") {
		w = w[len("و"):]
	}
	_, another := months[w]
	return another
}

// clauseEnd reports whether token k ends a clause: the end of the text or
// punctuation other than a separator inside a number or a date.
func (m *matcher) clauseEnd(k int) bool {
	if k >= len(m.d.toks) {
		return true
	}
	t := m.tok(k)
	if t.kind != punct {
		return false
	}
	switch t.r {
	case '%', '/', '-', '–', ':', '.', '\\':
		return t.r == '.' && (k+1 >= len(m.d.toks) || m.tok(k+1).space)
	}
	return true
}

// alone reports whether tokens i to last make a sentence of their own (a
// caption, a list item, an answer): the text or a sentence begins before
// them, after an optional في, and ends after them. A span alone such as
// "بعد ثلاثة أيام" is then read from the reference date, there being no
// event of a story to count from.
func (m *matcher) alone(i, last int) bool {
	p := i - 1
	if m.w(p) == "في" {
		p--
	}
	return m.sentenceEdge(p) && m.sentenceEdge(last+1)
}

// sentenceEdge reports whether token k is outside the text or a
// sentence-ending mark.
func (m *matcher) sentenceEdge(k int) bool {
	if k < 0 || k >= len(m.d.toks) {
		return true
	}
	t := m.tok(k)
	return t.kind == punct && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == '؟')
}

// holidays are the feasts of fixed Gregorian date, by the word after عيد:
// عيد الميلاد (Christmas; عيد ميلاده, a birthday, has no article), عيد
// الحب, عيد الأم (21 March in the Arab world), عيد العمال.
var holidays = map[string][2]int{
	"الميلاد": {12, 25}, "الكريسماس": {12, 25}, "الحب": {2, 14}, "الام": {3, 21}, "العمال": {5, 1},
}

// atHoliday handles عيد + a feast of fixed date (عيد الميلاد, عيد الحب 2017):
// the date in the year given, or the nearest one (as a day and month
// without a year). عيد الميلاد الخمسين and عيد الميلاد الـ50 (a birthday)
// are left out.
func (m *matcher) atHoliday(i, start int) (int, bool) {
	h, ok := holidays[m.w(i+1)]
	if !ok {
		return i, false
	}
	j := i + 2
	n := m.w(j)
	age := n == "ال" || (m.tok(j).kind == num && m.tok(j).nd <= 3) || ordinals[n] != 0 ||
		ordinalTens[n] != 0 || tensWords[strings.TrimPrefix(n, "ال")] != 0
	switch {
	case age:
		return j, true // عيد الميلاد الخمسين, الـ50: an age
	case n == "المجيد" || n == "السعيد":
		j++
	}
	if y, hij, k, ok := m.yearAt(j, false); ok && !hij {
		if t, ok := mkDate(y, h[0], h[1]); ok {
			m.emit(start, k-1, fmtDate(t))
		}
		return k, true
	}
	if _, rel := relDir(m.w(j)); !rel && !m.holidayCue(i, start) {
		return j, true // كيف سرق غرينش عيد الميلاد, ما يسمى بعيد الحب: the feast, not a day
	}
	if !m.hasRef {
		return j, true
	}
	v, e, ok := m.resolveDMY(h[1], h[0], false, j)
	if ok && v != "" {
		m.emit(start, e-1, v)
	}
	return max(e, j), true
}

// holidayTime are the words before a feast that place something on its day.
var holidayTime = map[string]bool{
	"في": true, "خلال": true, "قبل": true, "بعد": true, "يوم": true, "ليله": true, "عشيه": true,
	"حتي": true, "منذ": true, "بمناسبه": true, "مناسبه": true, "اثناء": true, "عطله": true,
	"صباح": true, "مساء": true, "ايام": true, "اجازه": true,
}

// holidayCue reports whether the feast at token i (its text from start) is
// placed in time: after في, خلال, بمناسبة..., or after a verb of
// celebrating with ب, within three words (تحتفل الكنائس بعيد الميلاد).
func (m *matcher) holidayCue(i, start int) bool {
	prev := m.w(i - 1)
	if m.tok(i).start == start {
		return holidayTime[strings.TrimPrefix(prev, "و")]
	}
	if !strings.HasPrefix(m.w(i), "ب") {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3 && m.tok(k).kind == word; k-- {
		if strings.Contains(m.w(k), "حتفل") {
			return true
		}
	}
	return false
}

// approxWords are the words "about" between قبل/منذ/بعد and a span (قبل
// نحو أسبوع, منذ حوالي عشرة أيام): the day is still the one named.
var approxWords = map[string]bool{"نحو": true, "حوالي": true, "قرابه": true, "زهاء": true}

// atHijriDay handles the days of the Hijri calendar named without عيد, at
// token i whose word (maybe without a clitic) is w: عرفة or عرفات after يوم or وقفة (9 Dhu al-Hijja), عاشوراء (10
// Muharram), المولد النبوي (12 Rabi al-Awwal), رأس السنة الهجرية (1
// Muharram); and رأس السنة الميلادية (1 January). They are resolved as the
// feasts are (see atFeast).
func (m *matcher) atHijriDay(i int, w string, start int) (int, bool) {
	switch {
	case (w == "عرفه" || w == "عرفات") && (m.w(i-1) == "يوم" || m.w(i-1) == "وقفه"):
		return m.hijriFeast(i, start, i+1, [2]int{12, 9}), true
	case w == "وقفه" && (m.w(i+1) == "عرفه" || m.w(i+1) == "عرفات"):
		return m.hijriFeast(i, start, i+2, [2]int{12, 9}), true
	case w == "عاشوراء" || w == "عاشورا":
		// سرايا عاشوراء, a militia: the day needs a cue (ذكرى عاشوراء, في عاشوراء).
		if p := strings.TrimPrefix(m.w(i-1), "و"); m.tok(i).start == start && !holidayTime[p] && !ashuraCue[p] {
			return i + 1, true
		}
		return m.hijriFeast(i, start, i+1, [2]int{1, 10}), true
	case w == "المولد" && m.w(i+1) == "النبوي":
		return m.hijriFeast(i, start, i+2, [2]int{3, 12}), true
	case w == "راس" && m.w(i+1) == "السنه" && m.w(i+2) == "الهجريه":
		return m.hijriFeast(i, start, i+3, [2]int{1, 1}), true
	case w == "راس" && m.w(i+1) == "السنه" && m.w(i+2) == "الميلاديه":
		if y, hij, k, ok := m.yearAt(i+3, false); ok && !hij {
			m.emit(start, k-1, fmtYear(y)+"-01-01")
			return k, true
		}
		if !m.hasRef {
			return i + 3, true
		}
		if v, e, ok := m.resolveDMY(1, 1, false, i+3); ok && v != "" {
			m.emit(start, e-1, v)
			return e, true
		}
		return i + 3, true
	}
	return i, false
}

// ashuraCue are the words besides holidayTime before عاشوراء that make it
// the day (ذكرى عاشوراء, مراسم عاشوراء).
var ashuraCue = map[string]bool{
	"ذكري": true, "احياء": true, "مراسم": true, "صيام": true, "صوم": true, "احتفالات": true,
	"مسيرات": true, "طقوس": true, "شعائر": true, "مواكب": true, "مناسبات": true,
}

// feastDayWords are the ordinals before أيام in "ثاني أيام عيد الفطر".
var feastDayWords = map[string]int{"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4}

// atFeastDay handles the nth day of a feast: أول أيام عيد الأضحى, ثاني أيام
// عيد الفطر (the feast's date plus n-1 days). The span starts at the
// ordinal.
func (m *matcher) atFeastDay(i, start int) (int, bool) {
	n, ok := feastDayWords[m.w(i)]
	if !ok || m.w(i+1) != "ايام" || m.w(i+2) != "عيد" {
		return i, false
	}
	before := len(m.out)
	j := m.atFeast(i+2, m.tok(i+2).start)
	if len(m.out) != before+1 {
		return j, j > i+2
	}
	t, err := time.Parse("2006-01-02", m.out[before].value)
	if err != nil {
		return j, true
	}
	m.out[before].start = start
	m.out[before].value = fmtDate(t.AddDate(0, 0, n-1))
	return j, true
}

// atGhurra handles غرة, the first day of a month: غرة رمضان, غرة شهر
// شوال 1436, غرة الشهر المقبل.
func (m *matcher) atGhurra(i, start int) int {
	j := i + 1
	if m.w(j) == "شهر" {
		j++
	}
	if mo, hij, k, ok := m.monthAt(j, m.w(j)); ok {
		v, e, ok := m.resolveDMY(1, mo, hij, k)
		if ok && v != "" {
			m.emit(start, e-1, v)
		}
		if ok {
			return e
		}
		return i
	}
	if m.w(j) == "الشهر" {
		if v, e, ok := m.dayOfRelMonth(1, i, j); ok {
			if v != "" {
				m.emit(start, e-1, v)
			}
			return e
		}
	}
	return i
}
