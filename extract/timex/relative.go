package timex

import (
	"strings"
	"time"
)

// This file holds relative expressions counted from the reference date or
// from the last date of the text: اليوم التالي, قبل أمس, الأسبوع بعد القادم,
// الجمعة بعد المقبلة, ثلاثة أيام من الآن, and a day of the month alone
// (يوم 15, في الخامس عشر).

// nextDayWords and prevDayWords are the adjectives of اليوم التالي and
// اليوم السابق.
var (
	nextDayWords = map[string]bool{"التالي": true, "الموالي": true, "اللاحق": true}
	prevDayWords = map[string]bool{"السابق": true, "الفائت": true}
)

// anchorWindow is how many tokens back the time that "the day after" or
// "the same month" refers to may be.
const anchorWindow = 60

// anchor returns the value of the last time of the text that is not vague
// and ends at most anchorWindow tokens before token i; found is false when
// there is none (then far is true when there is one further back).
func (m *matcher) anchor(i int) (v string, found, far bool) {
	for k := len(m.out) - 1; k >= 0; k-- {
		h := m.out[k]
		if h.value == "" || h.value[0] < '0' || h.value[0] > '9' {
			continue // a vague reference
		}
		if i-h.last > anchorWindow {
			return "", false, true
		}
		return h.value, true, false
	}
	return "", false, false
}

// anchorDay returns the day that "the day after/before" at token i counts
// from: the last time of the text before it when that is a day, or the
// reference date when no time comes before (for the day after, only in a
// clause about the future: في اليوم التالي in a story counts from one of
// its events). ok is false when the last time is not a day (a month, a
// year: وصل في أكتوبر وغادر في اليوم التالي), is too far back, or there is
// nothing to count from.
func (m *matcher) anchorDay(i, days int) (time.Time, bool) {
	v, found, far := m.anchor(i)
	switch {
	case found:
		if len(v) != len("2006-01-02") {
			return time.Time{}, false
		}
		t, err := time.Parse("2006-01-02", v)
		return t, err == nil
	case far || !m.hasRef:
		return time.Time{}, false
	case days > 0 && !m.futureBefore(i):
		return time.Time{}, false
	}
	return m.ref, true
}

// atNextDay handles اليوم التالي and اليوم السابق at token i (اليوم), the
// adjective being at i+1: the day after or before the last day of the text,
// or the reference date.
func (m *matcher) atNextDay(i, start int) (int, bool) {
	n := m.w(i + 1)
	days := 0
	switch {
	case nextDayWords[n]:
		days = 1
	case prevDayWords[n]:
		days = -1
	default:
		return i, false
	}
	// اليوم التالي لـ.../من...: the day after an event named after it.
	if x := m.w(i + 2); strings.HasPrefix(x, "ل") && x != "لذلك" || x == "من" || x == "علي" {
		return i + 2, true
	}
	t, ok := m.anchorDay(i, days)
	if !ok {
		return i + 2, true
	}
	m.emit(start, i+1, fmtDate(t.AddDate(0, 0, days)))
	return i + 2, true
}

// isNow reports whether w ends "من الآن" or "من اليوم" (from now).
func isNow(w string) bool { return w == "الان" || w == "اليوم" }

// atThisDay handles هذا اليوم: the reference date; "مثل هذا اليوم من العام
// الماضي/عام 1990" is the same day of that year, and "في مثل هذا اليوم"
// alone (on this day, in an earlier year) is left out.
func (m *matcher) atThisDay(i, start int) int {
	if p := m.w(i - 1); p == "مثل" || p == "بمثل" || p == "لمثل" {
		return m.atSameDay(i, start, i+2)
	}
	return m.atToday(i+1, start) // هذا اليوم (الاثنين)
}

// beyondDir reads "بعد القادم" or "قبل الماضي" at token j (the week after
// next, the month before last): the direction ±2 and true, or false.
func beyondDir(w, rel string) (int, bool) {
	dir, ok := dualDir(rel)
	switch {
	case !ok:
		return 0, false
	case w == "بعد" && dir > 0:
		return 2, true
	case w == "قبل" && dir < 0:
		return -2, true
	}
	return 0, false
}

// atFromNow handles "COUNT UNIT من الآن" at token i (ثلاثة أيام من الآن, 5
// أسابيع من الآن, أسبوعين من الآن): the reference date that far ahead.
func (m *matcher) atFromNow(i, start int) (int, bool) {
	count, j, ok := m.numberAt(i)
	if !ok {
		count, j = 0, i
	}
	u, ok := durationUnits[m.w(j)]
	if !ok || m.w(j+1) != "من" || !isNow(m.w(j+2)) {
		return i, false
	}
	// قبل نحو عام من الآن: counted back.
	p := m.w(i - 1)
	if countCue[p] || p == "قرابه" || p == "نحو" {
		p = m.w(i - 2)
	}
	back := p == "قبل" || p == "منذ"
	switch {
	case count == 0 && u[1] == 0:
		return i, false
	case count == 0:
		count = u[1]
	case u[1] != 0 && u[1] != 1:
		return i, false
	}
	if count > 100 || u[0] == unitHour || u[0] == unitMinute {
		return i, false
	}
	if !m.hasRef {
		return j + 3, true
	}
	if back {
		count = -count
	}
	m.emitShift(start, j+2, u[0], count)
	return j + 3, true
}

// emitShift emits the reference date shifted by count units (days, weeks,
// months: a day; years: the year) from start to token last.
func (m *matcher) emitShift(start, last, unit, count int) {
	switch unit {
	case unitDay:
		m.emit(start, last, fmtDate(m.ref.AddDate(0, 0, count)))
	case unitWeek:
		m.emit(start, last, fmtDate(m.ref.AddDate(0, 0, 7*count)))
	case unitMonth:
		m.emit(start, last, fmtDate(addMonths(m.ref, count)))
	case unitYear:
		m.emit(start, last, fmtYear(m.ref.Year()+count))
	}
}

// firstOfMonth returns the first day of the month n months after t's.
func firstOfMonth(t time.Time, n int) time.Time {
	return time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
}

// addMonths shifts t by n months, keeping its day or taking the last day
// of a shorter month (31 March + 1 month = 30 April).
func addMonths(t time.Time, n int) time.Time {
	first := firstOfMonth(t, n)
	last := first.AddDate(0, 1, -1).Day()
	d := t.Day()
	if d > last {
		d = last
	}
	return first.AddDate(0, 0, d-1)
}

// bareDayNext are the words after which a day of the month may stand alone
// (يوم 15 إلى..., في الخامس عشر حيث...): prepositions and conjunctions.
var bareDayNext = map[string]bool{
	"الي": true, "في": true, "حيث": true, "حتي": true, "علي": true, "عند": true, "ثم": true,
	"و": true, "بعد": true, "قبل": true, "لكن": true, "ان": true, "اذا": true,
}

// bareDayEnds reports whether token k may follow a day of the month standing
// alone: the end of the text, punctuation, or a preposition or conjunction
// (but not the start of a range: من يوم 3 إلى 4 أغسطس).
func (m *matcher) bareDayEnds(k int) bool {
	if k >= len(m.d.toks) {
		return true
	}
	if w := m.w(k); w == "الي" || w == "حتي" || w == "و" || m.isP(k, '-') {
		if _, _, ok := m.dayMonthAt(k + 1); ok {
			return false
		}
	}
	t := m.tok(k)
	if t.kind == punct {
		return t.r != '%' && t.r != '/' && t.r != '-' && t.r != ':'
	}
	if t.kind != word {
		return false
	}
	w := m.d.str(t)
	if w == "و" && m.tok(k+1).kind == num {
		return false // 10 و11 و12 شوال: a list of days
	}
	return bareDayNext[w]
}

// emitBareDay emits a day of the month given alone (يوم 15, في الخامس عشر):
// that day of the reference month, or of the next month in a clause about
// the future when the day is past; when the month has no such day, the
// nearest month that has one, forward in a clause about the future,
// backward otherwise.
func (m *matcher) emitBareDay(start, last, day, i int) {
	if !m.hasRef || day < 1 || day > 31 {
		return
	}
	step := -1
	first := time.Date(m.ref.Year(), m.ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m.futureBefore(i) {
		step = 1
		if day < m.ref.Day() {
			first = first.AddDate(0, 1, 0)
		}
	}
	for k := 0; k < 3; k++ {
		if t, ok := mkDate(first.Year(), int(first.Month()), day); ok {
			m.emit(start, last, fmtDate(t))
			return
		}
		first = first.AddDate(0, step, 0)
	}
}

// atDayNumber handles يوم + a day number alone (يوم 15) at token i (يوم),
// the word before the number.
func (m *matcher) atDayNumber(i, start int) (int, bool) {
	t := m.tok(i + 1)
	if t.kind != num || t.nd > 2 || t.n < 1 || t.n > 31 || i+1 >= len(m.d.toks) {
		return i, false
	}
	if _, _, ok := m.dayMonthAt(i + 1); ok {
		return i, false // يوم 15 مارس: the number's own rule
	}
	if !m.bareDayEnds(i + 2) {
		return i, false
	}
	m.emitBareDay(start, i+1, t.n, i)
	return i + 2, true
}

// atBareOrdinal handles an ordinal day alone after في or يوم at token i
// (the ordinal): في الخامس عشر, يوم العشرين. The span starts at start (يوم
// is part of it, في is not).
func (m *matcher) atBareOrdinal(i, start int) int {
	w := m.w(i)
	if strings.HasPrefix(w, "و") {
		return i
	}
	day, j, ok := m.ordinalAt(i, w)
	if !ok {
		return i
	}
	p := m.w(i - 1)
	if (p != "في" && p != "يوم") || !m.bareDayEnds(j) {
		return i
	}
	// After في, a tens alone is an age more often than a day (في العشرين),
	// الأول is "at first", and a unit (في الثالث) may be an elided noun
	// (the third game) except in a clause about the future (سأعود في
	// الخامس).
	if p == "في" && j == i+1 && (ordinalTens[w] != 0 || w == "الاول" || !m.futureBefore(i)) {
		return i
	}
	if p == "في" {
		start = m.tok(i).start
	}
	m.emitBareDay(start, j-1, day, i)
	return j
}

// atSameDay handles نفس/ذات/مثل هذا اليوم at token i, the rest starting at
// token k: followed by "من PERIOD REL" (من الأسبوع المقبل, من العام الماضي)
// or "من عام 1990", the reference date's day in that week, month or year;
// alone, the last day of the text within anchorWindow tokens (وفي نفس
// اليوم), or nothing.
func (m *matcher) atSameDay(i, start, k int) int {
	if m.w(k) == "من" {
		if y, _, e, ok := m.yearAt(k, false); ok && m.hasRef {
			if t, ok := mkDate(y, int(m.ref.Month()), m.ref.Day()); ok {
				m.emit(start, e-1, fmtDate(t))
			}
			return e
		}
		unit := periods[m.w(k+1)]
		if dir, ok := relDir(m.w(k + 2)); ok && unit != 0 {
			if m.hasRef {
				var t time.Time
				switch unit {
				case unitWeek:
					t = m.ref.AddDate(0, 0, 7*dir)
				case unitMonth:
					t = addMonths(m.ref, dir)
				case unitYear:
					t = addMonths(m.ref, 12*dir)
				}
				m.emit(start, k+2, fmtDate(t))
			}
			return k + 3
		}
	}
	if m.w(i) == "هذا" || m.w(i) == "هذه" {
		return k // في مثل هذا اليوم: a day of another year
	}
	if v, found, _ := m.anchor(i); found && len(v) == len("2006-01-02") {
		m.emit(start, k-1, v)
	}
	return k
}

// weekdayOfWeek reads "[يوم] WEEKDAY" at token k after a week dir weeks
// from the reference week (الأسبوع المقبل يوم الجمعة) and emits that day
// from start, weeks beginning on Sunday.
func (m *matcher) weekdayOfWeek(k, dir, start int) (int, bool) {
	if m.w(k) == "يوم" {
		k++
	}
	wd, ok := weekdays[m.w(k)]
	if !ok {
		return 0, false
	}
	if m.hasRef {
		sunday := m.ref.AddDate(0, 0, -int(m.ref.Weekday()))
		m.emit(start, k, fmtDate(sunday.AddDate(0, 0, 7*dir+int(wd))))
	}
	return k + 1, true
}

// weekdayDay handles a weekday and a day of the month alone at token j (the
// day, a number or an ordinal): الجمعة 13, الجمعة الحادي والعشرين. The date is the nearest one to the reference date, at most
// six months away, on which that day of the month falls on the weekday
// (ties go forward in a clause about the future, else back).
func (m *matcher) weekdayDay(j int, wd time.Weekday, start int) (int, bool) {
	day, e, ok := m.dayAt(j)
	if !ok || !m.bareDayEnds(e) {
		return j, false
	}
	if !m.hasRef {
		return e, true
	}
	future := m.futureBefore(j - 1)
	first := time.Date(m.ref.Year(), m.ref.Month(), 1, 0, 0, 0, 0, time.UTC)
	for dist := 0; dist <= 6; dist++ {
		steps := []int{-dist, dist}
		if future {
			steps = []int{dist, -dist}
		}
		for _, s := range steps {
			mo := first.AddDate(0, s, 0)
			if d, ok := mkDate(mo.Year(), int(mo.Month()), day); ok && d.Weekday() == wd {
				m.emit(start, e-1, fmtDate(d))
				return e, true
			}
		}
	}
	return j, false
}
