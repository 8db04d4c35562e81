package timex

import (
	"strings"
	"time"
	"unicode/utf8"
)

// atNumber tries the patterns that start with a number at token i.
func (m *matcher) atNumber(i int) int {
	t := m.tok(i)
	if j, ok := m.atFromNow(i, t.start); ok { // 5 أيام من الآن
		return j
	}
	if j, ok := m.countedVague(i); ok { // الـ24 ساعة الماضية
		return j
	}
	// Numeric dates: 19/3/2021, 19-03-2021, 2021-03-19, 2021/3/19.
	if j, ok := m.numericDate(i); ok {
		return j
	}
	// Month and year: 2/2013.
	if j, ok := m.monthYear(i); ok {
		return j
	}
	// Two-digit years: 1/10/16.
	if j, ok := m.shortYearDate(i); ok {
		return j
	}
	// 12/أكتوبر/2016
	if j, ok := m.dayNameMonth(i); ok {
		return j
	}
	// Day and month after a cue: يوم 3/11, في 1/10.
	if j, ok := m.dayMonthNum(i); ok {
		return j
	}
	// Day ranges: 13-15 يوليو, 13 إلى 15 يوليو, 13 و14 يوليو.
	if j, ok := m.dayRange(i); ok {
		return j
	}
	// Day and month.
	if v, j, ok := m.dayMonthAt(i); ok {
		if v != "" {
			m.emit(t.start, j-1, v)
		}
		return j
	}
	// Years standing alone.
	return m.bareYear(i)
}

// countedUnits are the singular time nouns that follow a number from 11
// up (24 ساعة, 30 عاما).
var countedUnits = map[string]bool{
	"ساعه": true, "يوما": true, "اسبوعا": true, "شهرا": true, "عاما": true, "سنه": true,
}

// countedVague matches a number of time units with a relative adjective,
// the article before the number or not: الـ24 ساعة الماضية, 30 عاما
// المقبلة. Like الأيام الماضية, it is a vague reference.
func (m *matcher) countedVague(i int) (int, bool) {
	if t := m.tok(i); t.nd > 3 || !countedUnits[m.w(i+1)] {
		return i, false
	}
	v, ok := vagueAdj[m.w(i+2)]
	if !ok {
		return i, false
	}
	start := m.tok(i).start
	if m.w(i-1) == "ال" {
		start = m.tok(i - 1).start
	}
	m.emit(start, i+2, v)
	return i + 3, true
}

// numericDate matches and emits a numeric date.
func (m *matcher) numericDate(i int) (int, bool) {
	v, j, ok := m.parseNumericDate(i)
	if !ok {
		return i, false
	}
	m.emit(m.tok(i).start, j-1, v)
	return j, true
}

// parseNumericDate reads d/m/yyyy, d-m-yyyy, yyyy-mm-dd or yyyy/mm/dd at
// token i (spaces are allowed around slashes), with an optional era suffix
// (م, هـ). A year in 1300–1500 or a هـ suffix makes the date Hijri.
func (m *matcher) parseNumericDate(i int) (string, int, bool) {
	if i+4 >= len(m.d.toks) {
		return "", i, false
	}
	a, s1, b, s2, c := m.tok(i), m.tok(i+1), m.tok(i+2), m.tok(i+3), m.tok(i+4)
	if a.kind != num || s1.kind != punct || b.kind != num || s2.kind != punct || c.kind != num || s1.r != s2.r {
		return "", i, false
	}
	switch s1.r {
	case '/':
	case '-':
		if s1.space || b.space || s2.space || c.space {
			return "", i, false
		}
	default:
		return "", i, false
	}
	if n := m.tok(i + 5); i+5 < len(m.d.toks) && !n.space && (n.kind == num || n.kind == numx || n.r == '/' || n.r == '-') {
		return "", i, false
	}
	var y, mo, d int
	switch {
	case a.nd == 4 && b.nd <= 2 && c.nd <= 2:
		y, mo, d = a.n, b.n, c.n
	case a.nd <= 2 && b.nd <= 2 && c.nd == 4 && b.n > 12 && a.n <= 12:
		y, mo, d = c.n, a.n, b.n // 11/13/2016: only month/day/year fits
	case a.nd <= 2 && b.nd <= 2 && c.nd == 4:
		y, mo, d = c.n, b.n, a.n
	default:
		return "", i, false
	}
	t, next, ok := m.eraDate(y, mo, d, i+5)
	if !ok {
		return "", i, false
	}
	return fmtDate(t), next, true
}

// eraDate resolves the day, month and year of a numeric date followed by
// token next: an era mark there (هـ or م) is part of the date and decides
// its calendar; without one a year in 1300-1500 is Hijri. It returns the
// Gregorian date and the token after the date, or false when the numbers
// make no date.
func (m *matcher) eraDate(y, mo, d, next int) (time.Time, int, bool) {
	hij := y >= 1300 && y <= 1500
	switch m.w(next) {
	case "ه", "هجري", "هجريه":
		hij = true
		next++
	case "م", "ميلادي", "ميلاديه":
		hij = false
		next++
	}
	if hij {
		t, ok := hijriToGregorian(y, mo, d)
		return t, next, ok
	}
	if y < 1900 || y > 2100 {
		return time.Time{}, next, false
	}
	t, ok := mkDate(y, mo, d)
	return t, next, ok
}

// monthYear matches m/yyyy written without spaces (2/2013).
func (m *matcher) monthYear(i int) (int, bool) {
	a, sl, y := m.tok(i), m.tok(i+1), m.tok(i+2)
	if i+2 >= len(m.d.toks) || a.nd > 2 || a.n < 1 || a.n > 12 || sl.kind != punct || sl.r != '/' || sl.space ||
		y.kind != num || y.space || y.nd != 4 || y.n < 1900 || y.n > 2100 {
		return i, false
	}
	if p := m.tok(i - 1); i > 0 && !a.space && (p.kind == num || p.r == '/' || p.r == '-') {
		return i, false
	}
	if n := m.tok(i + 3); i+3 < len(m.d.toks) && !n.space && (n.kind == num || n.kind == numx || n.r == '/' || n.r == '-') {
		return i, false
	}
	m.emit(a.start, i+2, fmtMonth(y.n, a.n))
	return i + 3, true
}

// dayRange matches "D1 (-|إلى|حتى|و) D2 MONTH [YEAR]" and emits both ends.
func (m *matcher) dayRange(i int) (int, bool) {
	t := m.tok(i)
	if t.nd > 2 || t.n < 1 || t.n > 31 {
		return i, false
	}
	j := i + 1
	switch {
	case m.isP(j, '-') || m.isP(j, '–'):
	case m.w(j) == "الي" || m.w(j) == "حتي" || m.w(j) == "و" || m.w(j) == "لغايه":
	default:
		return i, false
	}
	v2, k, ok := m.dayMonthAt(j + 1)
	if !ok || v2 == "" {
		return i, false
	}
	d2 := m.tok(j + 1)
	if d2.kind != num || d2.n <= t.n {
		return i, false
	}
	// The start has the end's month and year.
	end, err := time.Parse("2006-01-02", v2)
	if err != nil {
		return i, false
	}
	start, ok := mkDate(end.Year(), int(end.Month()), t.n)
	if !ok {
		return i, false
	}
	m.emit(t.start, i, fmtDate(start))
	m.emit(d2.start, k-1, v2)
	return k, true
}

// bareYear matches a four-digit number standing as a year: after a year cue
// (عام, في, منذ, انتخابات...), with an era suffix (2021م, 1436هـ), in a range
// of years, or alone before punctuation or the end of the text.
func (m *matcher) bareYear(i int) int {
	t := m.tok(i)
	if t.nd != 4 {
		return i
	}
	if p := m.tok(i - 1); i > 0 && !t.space && p.kind != word && p.r != '(' && p.r != '[' && !isQuote(p) {
		return i // glued to a preceding symbol: 1/2020, $2000
	}
	next := m.tok(i + 1)
	hasNext := i+1 < len(m.d.toks)
	// A season or academic year: 2014/2015, 1436/1437هـ.
	if k, y2, ok := m.yearRangeEnd(i); ok && m.isP(i+1, '/') && y2 == t.n+1 {
		hij := m.isEraSuffix(k+1) && m.w(k+1) != "م" || (t.n >= 1400 && t.n <= 1500)
		m.emitYear(t.start, i, t.n, hij)
		last := k
		if m.isEraSuffix(k + 1) {
			last = k + 1
		}
		m.emitYear(m.tok(k).start, last, y2, hij)
		return last + 1
	}
	if hasNext && !next.space && (next.kind == num || next.kind == numx || next.r == '%' || next.r == '/') {
		return i
	}
	// Era suffix.
	if y, hij, j, ok := m.yearAt(i, false); ok && j > i+1 {
		m.emitYear(t.start, j-1, y, hij)
		return j
	}
	if t.n < 1900 || t.n > 2100 {
		return i
	}
	prev := m.w(i - 1)
	// A clitic glued to the number (ب2013, و2021) is transparent.
	clitic := !t.space && (prev == "و" || prev == "ب" || prev == "ل" || prev == "ف")
	if clitic {
		prev = m.w(i - 2)
	}
	if strings.HasPrefix(prev, "و") && len(prev) > len("و") {
		prev = prev[len("و"):]
	}
	cue := yearCue[prev]
	if !cue && prev == "من" {
		before := i - 2
		if clitic {
			before--
		}
		cue = beforeMin[m.w(before)] // الربع الأخير من 2015
	}
	if !cue && clitic && m.w(i-1) == "و" {
		cue = m.lastIsYear(i - 2) // عامي 2015 و2016
	}
	if !cue {
		cue = m.lastIsYear(i - 1) // العام الماضي 2014
	}
	// A range of years: 2019-2021, (1982 - 1990), من 1987 حتى 1990, بين 1982 و1990.
	if k, y2, ok := m.yearRangeEnd(i); ok && (cue || prev == "من" || prev == "بين" || m.isP(i+1, '-') || m.isP(i+1, '–')) {
		m.emitYear(t.start, i, t.n, false)
		m.emitYear(m.tok(k).start, k, y2, false)
		return k + 1
	}
	if !cue {
		if countCue[prev] || t.n%100 == 0 {
			return i
		}
		if hasNext && !(next.kind == punct && next.r != '%' && next.r != '$') {
			return i
		}
	}
	m.emitYear(t.start, i, t.n, false)
	return i + 1
}

// yearRangeEnd reads the end of a range of years after the year at token i:
// "-", "/", إلى, حتى or و, then a later year of four digits. It returns the
// end's token and year.
func (m *matcher) yearRangeEnd(i int) (int, int, bool) {
	k := i + 1
	switch {
	case m.isP(k, '-') || m.isP(k, '–') || m.isP(k, '/'):
		if m.isP(k, '/') && (m.tok(k).space || m.tok(k+1).space) {
			return 0, 0, false
		}
	case m.w(k) == "الي" || m.w(k) == "حتي" || m.w(k) == "و":
	default:
		return 0, 0, false
	}
	k++
	t, y := m.tok(k), m.tok(i).n
	if t.kind != num || t.nd != 4 || t.n <= y || t.n > 2100 || t.n-y > 100 || k >= len(m.d.toks) {
		return 0, 0, false
	}
	if n := m.tok(k + 1); k+1 < len(m.d.toks) && !n.space && (n.kind == num || n.kind == numx || n.r == '/' || n.r == '%') {
		return 0, 0, false
	}
	return k, t.n, true
}

// isEraSuffix reports whether token i is an era suffix (م or هـ).
func (m *matcher) isEraSuffix(i int) bool {
	switch m.w(i) {
	case "م", "ه", "هجري", "هجريه", "ميلادي", "ميلاديه":
		return true
	}
	return false
}

// lastIsYear reports whether the last match is a year ending at token k.
func (m *matcher) lastIsYear(k int) bool {
	if len(m.out) == 0 || k < 0 {
		return false
	}
	h := m.out[len(m.out)-1]
	return h.last == k && len(h.value) == 4 && h.value[0] != 'P'
}

// emitYear emits a year (converting a Hijri year to the Gregorian year that
// holds its seventh month).
func (m *matcher) emitYear(start, last, y int, hij bool) {
	if hij {
		t, ok := hijriToGregorian(y, 7, 1)
		if !ok {
			return
		}
		y = t.Year()
	}
	if v := fmtYear(y); v != "" {
		m.emit(start, last, v)
	}
}

// atWord tries the patterns that start with the word w (token i, maybe with a
// clitic stripped) at normalized rune start; f is startWords[w], which tells
// the tables that hold w.
func (m *matcher) atWord(i int, w string, start int, f startFlag) int {
	if w == "" {
		return i
	}
	if f&inWeekdays != 0 {
		return m.atWeekday(i, weekdays[w], start)
	}
	if f&inCountWords != 0 {
		if j, ok := m.atFromNow(i, start); ok {
			return j
		}
	}
	if f&(inMonths|inTwoWordMonths|inHijriMonths|inHijriTwoWord) != 0 {
		return m.atMonth(i, w, start)
	}
	if f&inPeriods != 0 {
		return m.atPeriod(i, periods[w], start)
	}
	if f&inVagueWords != 0 {
		m.emit(start, i, vagueWords[w])
		return i + 1
	}
	if f&inVagueTwo != 0 {
		if v, ok := vagueTwo[w][m.w(i+1)]; ok {
			m.emit(start, i+1, v)
			return i + 2
		}
	}
	if f&inPluralPeriods != 0 {
		// الأيام المقبلة, الأيام الثلاثة المقبلة, الساعات الـ24 المقبلة
		k := i + 1
		if n := m.w(k); strings.HasPrefix(n, "ال") && numberWords[n[len("ال"):]] != 0 {
			k++
		} else if n == "ال" && m.tok(k+1).kind == num {
			k += 2
		} else if t := m.tok(k); t.kind == num && k < len(m.d.toks) && t.nd <= 3 {
			k++
		}
		if v, ok := vagueAdj[m.w(k)]; ok {
			m.emit(start, k, v)
			return k + 1
		}
		return i
	}
	if f&inModWords != 0 {
		if j := m.atModifier(i, w, start); j > i {
			return j
		}
	}
	if f&(inOrdinals|inOrdinalTens) != 0 {
		return m.atOrdinal(i, w, start)
	}
	if f&inColloquial != 0 {
		if j, ok := m.atColloquial(i, w, start); ok {
			return j
		}
	}
	if j, ok := m.atHijriDay(i, w, start); ok { // عاشوراء, المولد النبوي
		return j
	}
	if j, ok := m.atFeastDay(i, start); ok { // ثاني أيام عيد الفطر
		return j
	}
	if w == "غره" {
		return m.atGhurra(i, start)
	}
	switch w {
	case "اليوم":
		return m.atToday(i, start)
	case "امس", "الامس", "البارحه":
		return m.atYesterday(i, w, start)
	case "اول":
		if yesterdayColloquial[m.w(i+1)] { // أول امبارح
			return m.emitRel(start, m.trailWeekday(i+2), -2)
		}
		return m.atDayBeforeYesterday(i, start)
	case "غدا":
		return m.atTomorrow(i, start)
	case "يوم":
		if j, ok := m.atHijriDay(i+1, m.w(i+1), start); ok { // يوم عرفة, يوم عاشوراء
			return j
		}
		if n := m.w(i + 1); n == "غد" || n == "الغد" {
			return m.emitRel(start, m.trailWeekday(i+2), 1)
		}
		if j, ok := m.atDayNumber(i, start); ok {
			return j
		}
		return m.atBareOrdinal(i+1, start)
	case "بعد", "قبل", "منذ", "خلال", "غضون":
		return m.atDuration(i, w, start)
	case "عيد":
		return m.atFeast(i, start)
	case "القرن":
		return m.atCentury(i, start)
	case "الربع", "النصف":
		return m.atQuarter(i, w, start)
	case "في":
		if v, ok := vagueAfterFi[m.w(i+1)]; ok {
			m.emit(start, i+1, v)
			return i + 2
		}
		// سأعود في 15., سأعود في الـ22: a day number ending a sentence about
		// the future.
		k := i + 1
		if m.w(k) == "ال" && !m.tok(k+1).space {
			k++
		}
		if t := m.tok(k); t.kind == num && t.nd <= 2 && m.sentenceEdge(k+1) && m.futureBefore(i) {
			m.emitBareDay(t.start, k, t.n, i)
			return k + 1
		}
		// سنلتقي في الغد: tomorrow, in a clause about the future (not الأمل
		// في الغد, "hope in the future").
		if m.w(i+1) == "الغد" && m.clauseEnd(i+2) && m.futureBefore(i) {
			return m.emitRel(m.tok(i+1).start, i+1, 1)
		}
		return i
	case "ثاني", "ثالث", "رابع", "خامس":
		if j, ok := m.atFirstLast(i, w, start); ok { // ثاني جمعة من الشهر
			return j
		}
		return i
	case "نفس", "ذات":
		if m.w(i+1) == "اليوم" {
			return m.atSameDay(i, start, i+2)
		}
		return i
	case "هذا", "هذه":
		if m.w(i+1) == "اليوم" {
			return m.atThisDay(i, start)
		}
		if unit, ok := periods[m.w(i+1)]; ok {
			return m.emitPeriod(start, i+1, unit, 0)
		}
		if wd, ok := weekdays[m.w(i+1)]; ok && m.hasRef { // هذا الاثنين: this week's
			m.emit(start, i+1, fmtDate(m.thisWeekday(i, wd)))
			return i + 2
		}
		if j, ok := m.thisDayPart(i, start); ok { // هذا المساء
			return j
		}
		return i
	case "الليله":
		if lastWords[m.w(i+1)] {
			return m.emitRel(start, i+1, -1)
		}
		return m.atTonight(i, start)
	}
	if f&inDayParts != 0 {
		return m.atDayPart(i, start)
	}
	if j, ok := m.atDecade(i, w, start); ok {
		return j
	}
	// Year after a cue: عام 2020, عامي 2020 و2021.
	if f&inYearWords != 0 {
		return m.atYearWord(i, start)
	}
	return i
}

// emitRel emits the reference date shifted by days, from start to token last.
func (m *matcher) emitRel(start, last, days int) int {
	if !m.hasRef {
		return last + 1
	}
	m.emit(start, last, fmtDate(m.ref.AddDate(0, 0, days)))
	return last + 1
}

// atWeekday handles a weekday: with a date ("الأربعاء 17 مارس"), with a
// relative modifier, or bare.
func (m *matcher) atWeekday(i int, wd time.Weekday, start int) int {
	if k, ok := m.atNthWeekday(i, wd, start); ok { // الجمعة الأولى من يوليو
		return k
	}
	j := i + 1
	if m.isP(j, ',') {
		j++
	}
	if n := m.w(j); n == "الموافق" || n == "بتاريخ" || n == "وهو" {
		j++
	}
	if v, k, ok := m.dayMonthAt(j); ok {
		if v != "" {
			m.emit(start, k-1, m.yearOfWeekday(v, wd, j, k))
		}
		return k
	}
	if v, k, ok := m.parseNumericDate(j); ok {
		m.emit(start, k-1, v)
		return k
	}
	if k, ok := m.weekdayNumeric(j, wd, start); ok { // الأحد 13/11
		return k
	}
	if k, ok := m.weekdayDay(j, wd, start); ok { // الجمعة 13
		return k
	}
	if dir, ok := relDir(m.w(i + 1)); ok && dir != 0 {
		if m.hasRef {
			m.emit(start, i+1, fmtDate(m.weekday(wd, dir)))
		}
		return i + 2
	}
	if m.w(i+1) == "الاسبق" { // الأحد الأسبق: the one before last
		if m.hasRef {
			m.emit(start, i+1, fmtDate(m.weekday(wd, -1).AddDate(0, 0, -7)))
		}
		return i + 2
	}
	if dir, ok := spokenDir(m.w(i+1), m.w(i+2)); ok { // الجمعة اللي جاية
		if m.hasRef {
			m.emit(start, i+2, fmtDate(m.weekday(wd, dir)))
		}
		return i + 3
	}
	// الجمعة بعد القادمة: a week after the next one.
	if d2, ok := beyondDir(m.w(i+1), m.w(i+2)); ok {
		if m.hasRef {
			m.emit(start, i+2, fmtDate(m.weekday(wd, d2/2).AddDate(0, 0, 7*(d2/2))))
		}
		return i + 3
	}
	// الجمعة الأسبوع القادم: as with من.
	if dir, k, ok := m.relPeriod(i+1, "الاسبوع"); ok {
		if m.hasRef {
			sunday := m.ref.AddDate(0, 0, -int(m.ref.Weekday()))
			m.emit(start, k-1, fmtDate(sunday.AddDate(0, 0, 7*dir+int(wd))))
		}
		return k
	}
	// الجمعة في الأسبوع القادم: as with من.
	if dir, k, ok := m.relPeriod(i+2, "الاسبوع"); ok && m.w(i+1) == "في" {
		if m.hasRef {
			sunday := m.ref.AddDate(0, 0, -int(m.ref.Weekday()))
			m.emit(start, k-1, fmtDate(sunday.AddDate(0, 0, 7*dir+int(wd))))
		}
		return k
	}
	// الثلاثاء من الأسبوع المقبل: that weekday of the week before or after
	// the publication's (weeks begin on Sunday, as in the Gulf's calendar).
	if dir, k, ok := m.relPeriod(i+2, "الاسبوع"); ok && m.w(i+1) == "من" {
		if m.hasRef {
			sunday := m.ref.AddDate(0, 0, -int(m.ref.Weekday()))
			m.emit(start, k-1, fmtDate(sunday.AddDate(0, 0, 7*dir+int(wd))))
		}
		return k
	}
	if !m.hasRef {
		return i + 1
	}
	prev := m.w(i - 1)
	switch {
	case wd == time.Friday && (prev == "صلاه" || prev == "خطبه" || prev == "صلاتي" || prev == "خطيب"):
		return i + 1
	case wd == time.Monday && (prev == "بين" || prev == "كلا" || m.w(i+1) == "معا"):
		return i + 1
	case wd == time.Sunday && (prev == "الواحد" || prev == "الفرد"):
		return i + 1 // الواحد الأحد: God
	}
	dir := 0
	if m.futureBefore(i) {
		dir = 2
	}
	m.emit(start, i, fmtDate(m.weekday(wd, dir)))
	return i + 1
}

// yearOfWeekday returns the date v of a day and month written after
// weekday wd without a year (tokens j to k): when v's guessed year puts the
// day on another weekday and the year before or after puts it on wd, that
// year (الثلاثاء 12 يناير, read in November 2016: 12 January 2016 was a
// Tuesday). Only a Gregorian month alone: a written year, a relative word
// (المقبل) or a Hijri month leaves v as it is.
func (m *matcher) yearOfWeekday(v string, wd time.Weekday, j, k int) string {
	t, err := time.Parse("2006-01-02", v)
	if err != nil || t.Weekday() == wd {
		return v
	}
	greg := false
	for x := j; x < k; x++ {
		w := m.w(x)
		if t := m.tok(x); t.kind == num && t.nd >= 3 {
			return v
		}
		if _, rel := relDir(w); rel || yearWords[w] || hijriMonths[w] != 0 || hijriTwoWord[w] != nil {
			return v
		}
		if _, ok := months[w]; ok {
			greg = true
		}
	}
	if !greg {
		return v
	}
	for _, dy := range []int{-1, 1} {
		if u := t.AddDate(dy, 0, 0); u.Day() == t.Day() && u.Weekday() == wd {
			return fmtDate(u)
		}
	}
	return v
}

// futureBefore reports whether the clause before token i announces the
// future: سوف, من المقرر, or a verb with the future prefix س (سيلتقي, ستعقد).
func (m *matcher) futureBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-8; k-- {
		t := m.tok(k)
		if t.kind == punct {
			if t.r == '"' || t.r == '«' || t.r == '»' || t.r == '(' || t.r == ')' {
				continue
			}
			return false
		}
		if m.futureWord(k) {
			return true
		}
	}
	return false
}

// futureAfter reports whether the clause goes on into the future right
// after token j: a verb with the future prefix as the next word (بعد عشرة
// أيام سيعود), or سوف within three words (بعد 19 سنة قادمة سوف يشاهد). A
// word further on that merely looks like one is often a name (ستامفورد).
func (m *matcher) futureAfter(j int) bool {
	for k := j + 1; k < len(m.d.toks) && k <= j+3; k++ {
		if m.tok(k).kind == punct {
			return false
		}
		if m.futureWord(k) && (k == j+1 || futureCue[strings.TrimPrefix(m.w(k), "و")]) {
			return true
		}
	}
	return false
}

// futureWord reports whether token k, maybe after و or ف, is a future cue
// (سوف, المقرر) or a verb with the future prefix.
func (m *matcher) futureWord(k int) bool {
	t := m.tok(k)
	w := m.d.str(t)
	if strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف") {
		w = w[len("و"):]
	}
	if futureCue[w] {
		return true
	}
	// سأعود: the first person needs its hamza (سائح, سائق are nouns).
	return isFutureVerb(w) && (!strings.HasPrefix(w, "سا") || strings.Contains(m.d.text[t.ob:t.oeb], "سأ"))
}

// isFutureVerb reports whether w looks like an imperfect verb with the future
// prefix س: سيلتقي, ستعقد, سنعمل.
func isFutureVerb(w string) bool {
	if utf8.RuneCountInString(w) < 4 || notFutureVerb[w] {
		return false
	}
	return strings.HasPrefix(w, "سي") || strings.HasPrefix(w, "ست") || strings.HasPrefix(w, "سن") ||
		strings.HasPrefix(w, "سا") // سأعود
}

// atMonth handles a month name: with a year, with a relative modifier, or
// alone after a cue such as في or شهر.
func (m *matcher) atMonth(i int, w string, start int) int {
	mo, hij, j, ok := m.monthAt(i, w)
	if !ok {
		return i
	}
	if y, yh, k, ok := m.yearAt(j, hij); ok {
		switch {
		case yh && hij:
			t, ok := hijriToGregorian(y, mo, 15)
			if ok {
				m.emit(start, k-1, fmtMonth(t.Year(), int(t.Month())))
			}
		case !yh && !hij:
			m.emit(start, k-1, fmtMonth(y, mo))
		default:
			return i
		}
		return k
	}
	if hij {
		// رمضان الماضي, شهر رمضان المقبل: the Gregorian month of its 15th day.
		dir, ok := relDir(m.w(j))
		if !ok {
			return m.bareHijriMonth(i, mo, j, start)
		}
		if !m.hasRef {
			return i
		}
		hy, hm, ok := gregorianToHijri(m.ref)
		if !ok {
			return i
		}
		switch {
		case dir > 0 && mo <= hm:
			hy++
		case dir < 0 && mo >= hm:
			hy--
		}
		t, ok := hijriToGregorian(hy, mo, 15)
		if !ok {
			return i
		}
		m.emit(start, j, fmtMonth(t.Year(), int(t.Month())))
		return j + 1
	}
	// يناير 15، 2017: month, day, year.
	if d := m.tok(j); d.kind == num && d.nd <= 2 && d.n >= 1 && !hij {
		if y, yh, k, ok := m.yearAt(j+1, false); ok && !yh && (m.isP(j+1, ',') || m.tok(j+1).kind == num) {
			if t, ok := mkDate(y, mo, d.n); ok {
				m.emit(start, k-1, fmtDate(t))
				return k
			}
		}
	}
	if k, ok := m.monthDay(mo, j, start); ok { // أكتوبر 2, يوليو 13-15
		return k
	}
	if y, k, ok := m.relYearAt(j); ok { // أغسطس من العام الماضي
		m.emit(start, k-1, fmtMonth(y, mo))
		return k
	}
	if k, ok := m.monthRange(i, mo, j, start); ok {
		return k
	}
	if dir, ok := relDir(m.w(j)); ok {
		if !m.hasRef {
			return j + 1
		}
		y, mm := m.relMonth(mo, dir)
		if dir == 0 {
			y = m.ref.Year()
		}
		m.emit(start, j, fmtMonth(y, mm))
		return j + 1
	}
	// A month alone needs a cue before it.
	prev := m.w(i - 1)
	if m.tok(i).start != start { // a clitic was stripped: ومارس, بمارس
		prev = "في"
	}
	if p := prev; len(p) > len("و") && strings.HasPrefix(p, "و") && monthCue[p[len("و"):]] {
		prev = p[len("و"):]
	}
	cue := monthCue[prev]
	if weakMonths[w] {
		cue = cue && prev != "اول" && prev != "اخر"
		if m.tok(i).start != start && strings.HasPrefix(m.w(i), "و") {
			cue = false // ومارس: and he practised
		}
	} else if !cue {
		cue = prev == "من" || prev == "الي" || prev == "بعد" || prev == "قبل" || prev == "مع"
	}
	if !cue || !m.hasRef {
		return j
	}
	m.emit(start, j-1, fmtMonth(m.yearFor(mo), mo))
	return j
}

// atPeriod handles الأسبوع/الشهر/العام with a relative modifier, and العام 2020.
func (m *matcher) atPeriod(i, unit, start int) int {
	if unit == unitYear {
		if j := m.atYearWord(i, start); j > i {
			return j
		}
	}
	dir, ok := relDir(m.w(i + 1))
	if !ok {
		// الأسبوع بعد القادم, الشهر قبل الماضي
		if d2, ok := beyondDir(m.w(i+1), m.w(i+2)); ok {
			return m.emitPeriod(start, i+2, unit, d2)
		}
		if d, ok := spokenDir(m.w(i+1), m.w(i+2)); ok { // الأسبوع اللي فات
			return m.emitPeriod(start, i+2, unit, d)
		}
		return i
	}
	// الأمين العام السابق: "general", not "year".
	if unit == unitYear && m.tok(i).start == start && generalBefore[m.w(i-1)] {
		return i + 2
	}
	if unit == unitWeek { // الأسبوع المقبل يوم الجمعة: that weekday of the week
		if j, ok := m.weekdayOfWeek(i+2, dir, start); ok {
			return j
		}
	}
	return m.emitPeriod(start, i+1, unit, dir)
}

// emitPeriod emits the week, month or year dir steps from the reference date.
func (m *matcher) emitPeriod(start, last, unit, dir int) int {
	if !m.hasRef {
		return last + 1
	}
	switch unit {
	case unitWeek:
		m.emit(start, last, fmtDate(m.ref.AddDate(0, 0, 7*dir)))
	case unitMonth:
		t := firstOfMonth(m.ref, dir)
		m.emit(start, last, fmtMonth(t.Year(), int(t.Month())))
	case unitYear:
		m.emit(start, last, fmtYear(m.ref.Year()+dir))
	}
	return last + 1
}

// atYearWord handles "عام 2020", "العام 1436هـ", "عامي 2020 و2021".
func (m *matcher) atYearWord(i, start int) int {
	y, hij, j, ok := m.yearAt(i+1, false)
	if !ok || j != m.yearEnd(i+1) {
		return i
	}
	m.emitYear(start, j-1, y, hij)
	// عامي 2020 و2021 / عام 2020 و 2021
	k := j
	if m.w(k) == "و" {
		if t := m.tok(k + 1); t.kind == num && t.nd == 4 {
			if y2, h2, e, ok := m.yearAt(k+1, hij); ok {
				m.emitYear(t.start, e-1, y2, h2)
				return e
			}
		}
	}
	return j
}

// yearEnd returns the index after a year number that directly follows
// (without an intervening من or عام).
func (m *matcher) yearEnd(i int) int {
	if m.tok(i).kind != num {
		return -1
	}
	if m.isEraSuffix(i + 1) {
		return i + 2
	}
	return i + 1
}

// trailWeekday returns the index of the last token of an optional weekday
// that follows a relative day at token k ("أمس الخميس", "اليوم (الاثنين)"),
// or k-1 when there is none.
func (m *matcher) trailWeekday(k int) int {
	if _, ok := weekdays[m.w(k)]; ok {
		return k
	}
	if m.isP(k, '(') && m.isP(k+2, ')') {
		if _, ok := weekdays[m.w(k+1)]; ok {
			return k + 2
		}
	}
	return k - 1
}

// atToday handles اليوم, اليوم الأربعاء, اليوم (الاثنين), اليوم 19 مارس.
func (m *matcher) atToday(i, start int) int {
	if j, ok := m.atNextDay(i, start); ok { // اليوم التالي
		return j
	}
	if j, ok := m.atDayOfPeriod(i, start); ok { // اليوم الأخير من الشهر
		return j
	}
	if sameWords[m.w(i+1)] { // اليوم نفسه: the last day of the text
		return m.atSameDay(i, start, i+2)
	}
	next := m.w(i + 1)
	if last := m.trailWeekday(i + 1); last > i {
		if v, k, ok := m.dayMonthAt(last + 1); ok && v != "" {
			m.emit(start, k-1, v)
			return k
		}
		return m.emitRel(start, last, 0)
	}
	prev := m.w(i - 1)
	if m.tok(i).start != start {
		prev = ""
	}
	if len(prev) > len("ب") && (strings.HasPrefix(prev, "ب") || strings.HasPrefix(prev, "ل") || strings.HasPrefix(prev, "و")) && notTodayBefore[prev[len("ب"):]] {
		prev = prev[len("ب"):] // بجريدة اليوم
	}
	if notTodayBefore[prev] || notTodayAfter[next] {
		return i + 1
	}
	if i > 0 && isQuote(m.tok(i+1)) && (isQuote(m.tok(i-1)) || (i > 1 && isQuote(m.tok(i-2)) && m.tok(i-1).kind == word)) {
		return i + 1 // «اليوم», “عين اليوم”: a newspaper
	}
	if n := m.tok(i + 1); i > 0 && m.tok(i-1).kind == word && n.kind == punct && (n.r == '–' || n.r == '-' || n.r == '—') {
		return i + 1 // a byline: "عين اليوم – الرياض"
	}
	if strings.HasPrefix(next, "ال") && !thisWords[next] {
		return i + 1 // اليوم العالمي, اليوم التالي, اليوم الأول
	}
	return m.emitRel(start, i, 0)
}

// atYesterday handles أمس, بالأمس, البارحة, أمس الخميس, أمس الأول, البارحة الأولى.
func (m *matcher) atYesterday(i int, form string, start int) int {
	next := m.w(i + 1)
	if form == "امس" {
		// لامس "touched", بأمس الحاجة "in dire need": only و/ف may precede أمس.
		if w := m.w(i); w != form && (w != "و"+form && w != "ف"+form) {
			return i
		}
		if next == "الحاجه" || next == "الحاجات" {
			return i + 1
		}
	}
	if next == "الاول" || next == "الاولي" {
		return m.emitRel(start, m.trailWeekday(i+2), -2)
	}
	if form == "البارحه" && m.w(i) == "بالبارحه" && m.w(i-1) == "الليله" {
		return i + 1 // ما أشبه الليلة بالبارحة: a proverb
	}
	return m.emitRel(start, m.trailWeekday(i+1), -1)
}

// atDayBeforeYesterday handles أول أمس and أول من أمس.
func (m *matcher) atDayBeforeYesterday(i, start int) int {
	switch {
	case m.w(i+1) == "امس":
		return m.emitRel(start, m.trailWeekday(i+2), -2)
	case m.w(i+1) == "من" && m.w(i+2) == "امس":
		return m.emitRel(start, m.trailWeekday(i+3), -2)
	}
	return i
}

// atTomorrow handles غدا and غدا الخميس, but not the verb غدا "became" (غدا
// الوضع أسوأ).
func (m *matcher) atTomorrow(i, start int) int {
	next := m.w(i + 1)
	if last := m.trailWeekday(i + 1); last > i {
		return m.emitRel(start, last, 1)
	}
	if strings.HasPrefix(next, "ال") || next == "من" || next == "اكثر" || next == "اقل" {
		return i + 1
	}
	return m.emitRel(start, i, 1)
}

// atDayPart handles a time of day before a day expression: مساء أمس, صباح
// اليوم, صباح الغد, ليلة الخميس. The span includes the time of day.
func (m *matcher) atDayPart(i, start int) int {
	n := m.w(i + 1)
	if n == "الغد" || n == "غد" {
		return m.emitRel(start, i+1, 1)
	}
	switch n {
	case "اليوم", "امس", "الامس", "البارحه", "غدا":
	default:
		if _, ok := weekdays[n]; !ok {
			return i
		}
	}
	before := len(m.out)
	j := m.atWord(i+1, n, m.tok(i+1).start, startWords[n])
	if len(m.out) == before+1 {
		m.out[before].start = start
	}
	return j
}

// atOrdinal handles "الثالث من أكتوبر [2021]".
func (m *matcher) atOrdinal(i int, w string, start int) int {
	// الليلة الثانية والعشرون: the tens of a compound whose unit (here
	// feminine) was not read as a day.
	if _, tens := ordinalTens[w]; tens && m.tok(i).start != start && strings.HasPrefix(m.w(i-1), "ال") {
		return i
	}
	if partNouns[strings.TrimPrefix(m.w(i-1), "و")] {
		return i
	}
	day, j, ok := m.ordinalAt(i, w)
	if !ok {
		return i
	}
	hasMin := m.w(j) == "من"
	if hasMin {
		j++
	}
	if m.w(j) == "شهر" {
		j++
	}
	mo, hij, k, ok := m.monthAt(j, m.w(j))
	var v string
	var e int
	switch {
	case !ok && hasMin:
		v, e, ok = m.dayOfRelMonth(day, i, j)
	case !ok && !hasMin:
		return m.atBareOrdinal(i, start) // في الخامس عشر
	case !hasMin && !hij:
		return i
	case !hasMin && strings.HasPrefix(m.w(i-1), "ال"):
		return i // اللقاء الأول صفر/2: an adjective, and zero
	default:
		v, e, ok = m.resolveDMY(day, mo, hij, k)
		if !ok {
			// الحادي والثلاثين من نوفمبر: no such day; not "الثلاثين من نوفمبر" either.
			return k
		}
	}
	if !ok {
		return i
	}
	if v != "" {
		m.emit(start, e-1, v)
	}
	return e
}

// atDuration handles قبل/منذ/بعد with a duration: قبل يومين, منذ 3 سنوات,
// بعد أسبوع, بعد غد.
func (m *matcher) atDuration(i int, w string, start int) int {
	j := i + 1
	if w == "بعد" && (m.w(j) == "غد" || m.w(j) == "الغد" || tomorrowColloquial[m.w(j)]) {
		return m.emitRel(start, m.trailWeekday(j+1), 2)
	}
	if w == "قبل" && (m.w(j) == "امس" || m.w(j) == "الامس") { // قبل أمس: the day before yesterday
		return m.emitRel(start, m.trailWeekday(j+1), -2)
	}
	// يوما بعد يوم: day after day.
	if p := m.w(i - 1); durationUnits[p][0] != 0 {
		return i
	}
	if approxWords[m.w(j)] { // قبل نحو أسبوع: about a week ago, that day
		j++
	}
	count := 0
	if n, k, ok := m.numberAt(j); ok {
		count, j = n, k
	}
	u, ok := durationUnits[m.w(j)]
	if !ok {
		return i
	}
	future := w == "بعد" || w == "خلال" || w == "غضون"
	// بعد ثلاثة أيام من الآن: counted from the publication, whatever the
	// clause.
	fromNow := m.w(j+1) == "من" && isNow(m.w(j+2))
	switch n := m.w(j + 1); {
	case n == "ونصف" || n == "وربع" || n == "ونيف" || n == "ونصفا":
		return i // سنتين ونصف: a span the day of which is unknown
	case (n == "قليله" || n == "معدوده" || n == "تقريبا" || n == "فقط") && m.w(j+2) == "من":
		return i // قبل ساعات قليلة من الموعد: before an event
	case future && strings.HasPrefix(n, "ال") && u[1] == 0:
		return i // خلال ساعات الصوم: "during the hours of"
	}
	// منذ شهر فبراير, منذ يوم الخميس: a name follows, not a duration.
	if n := m.w(j + 1); u[0] == unitMonth || u[0] == unitDay {
		if _, isM := months[n]; isM {
			return i
		}
		if _, isW := weekdays[n]; isW || twoWordMonths[n] != nil || hijriMonths[n] != 0 || hijriTwoWord[n] != nil || n == "غد" || n == "الغد" || n == "عيد" {
			return i
		}
	}
	switch {
	case count == 0 && u[1] == 0:
		// قبل أيام, منذ سنوات: a vague past (or future, after بعد).
		if n := m.w(j + 1); n == "من" || n == "علي" || m.tok(j+1).kind == num {
			return i
		}
		switch {
		case !future && u[0] >= unitHour:
			// منذ ساعات, قبل دقائق: earlier on the publication day.
			if !m.hasRef {
				return j + 1
			}
			m.emit(start, j, fmtDate(m.ref))
		case !future:
			m.emit(start, j, pastRef)
		case m.futureBefore(i):
			m.emit(start, j, futureRef)
		default:
			return i
		}
		return j + 1
	case count == 0:
		count = u[1]
	case u[1] != 0 && u[1] != 1: // "3 يومين"
		return i
	}
	// عام 2020 after منذ: a year, not a duration.
	if t := m.tok(j + 1); t.kind == num && j+1 < len(m.d.toks) {
		return i
	}
	// بعد أسبوع من الهجوم: relative to another event.
	if n := m.w(j + 1); (n == "من" || n == "علي") && !fromNow {
		return i
	}
	if count <= 0 || count > 100 {
		return i
	}
	// After a time span, بعد is often counted from an event of the story
	// (عاد بعد عامين); it is counted from the publication date only in a
	// clause about the future, before or after it (بعد عامين سيعود).
	if future && !fromNow && !m.futureBefore(i) && !m.alone(i, j) && !m.futureAfter(j) {
		return i
	}
	if !future {
		count = -count
	}
	switch {
	case future && (u[0] == unitMinute || (u[0] == unitHour && count%24 != 0)):
		return i // وبعد عشر دقائق أجابه: minutes and hours later are counted from an event
	case u[0] == unitMinute:
		count = 0 // minutes before publication: the same day
	case u[0] == unitHour && count%24 == 0:
		count /= 24 // 48 ساعة: two days
	case u[0] == unitHour && count >= -3 && count <= 3:
		count = 0
	case u[0] == unitHour:
		return i // 10 ساعات: the day depends on the hour of publication
	}
	if fromNow {
		j += 2
	}
	if !m.hasRef {
		return j + 1
	}
	switch u[0] {
	case unitDay, unitHour, unitMinute:
		m.emit(start, j, fmtDate(m.ref.AddDate(0, 0, count)))
	case unitWeek:
		m.emit(start, j, fmtDate(m.ref.AddDate(0, 0, 7*count)))
	case unitMonth: // قبل شهرين, منذ شهرين: the day two months before
		m.emit(start, j, fmtDate(addMonths(m.ref, count)))
	case unitYear:
		m.emit(start, j, fmtYear(m.ref.Year()+count))
	}
	return j + 1
}

// atDecade handles التسعينيات, ثمانينيات القرن الماضي, السبعينات من القرن العشرين.
func (m *matcher) atDecade(i int, w string, start int) (int, bool) {
	s := strings.TrimPrefix(w, "ال")
	switch {
	case strings.HasSuffix(s, "يات"):
		s = strings.TrimSuffix(s, "يات")
	case strings.HasSuffix(s, "ات"):
		s = strings.TrimSuffix(s, "ات")
	default:
		return i, false
	}
	dec, ok := decades[s]
	if !ok {
		return i, false
	}
	j := i + 1
	// في الثلاثينيات من عمره: an age; الخمسينات المئوية: degrees.
	if n := m.w(j); n == "المئويه" || (n == "من" && (strings.HasPrefix(m.w(j+1), "عمر") || strings.HasPrefix(m.w(j+1), "العمر"))) ||
		strings.HasPrefix(n, "عمر") {
		return j, true
	}
	k := j
	if m.w(k) == "من" {
		k++
	}
	century := -1
	if m.w(k) == "القرن" {
		n := m.w(k + 1)
		switch {
		case lastWords[n]:
			if m.hasRef {
				century = (m.ref.Year()/100 - 1) * 100
			}
		case n == "العشرين":
			century = 1900
		case thisWords[n]:
			if m.hasRef {
				century = m.ref.Year() / 100 * 100
			}
		case n == "الحادي" && m.w(k+2) == "والعشرين":
			century = 2000
			k++
		case n == "التاسع" && m.w(k+2) == "عشر":
			century = 1800
			k++
		}
		if century >= 0 {
			j = k + 2
		}
	}
	if century < 0 {
		if !m.hasRef {
			return j, true
		}
		century = m.ref.Year() / 100 * 100
		if century+dec > m.ref.Year() {
			century -= 100
		}
	}
	m.emit(start, j-1, pad4(century + dec)[:3]+"X")
	return j, true
}

// isQuote reports whether t is a quotation mark.
func isQuote(t token) bool {
	if t.kind != punct {
		return false
	}
	switch t.r {
	case '"', '«', '»', '“', '”', '\'':
		return true
	}
	return false
}

// relYearAt reads a relative year after a month or date at token i: "[،]
// [من] العام/السنة الماضي/المقبل/الجاري". It returns the year and the index
// after it; ok is false without a reference date.
func (m *matcher) relYearAt(i int) (int, int, bool) {
	if !m.hasRef {
		return 0, i, false
	}
	j := i
	if m.isP(j, ',') {
		j++
	}
	if m.w(j) == "من" {
		j++
	}
	if w := m.w(j); (w == "هذا" || w == "هذه") && periods[m.w(j+1)] == unitYear { // من هذا العام
		return m.ref.Year(), j + 2, true
	}
	if periods[m.w(j)] != unitYear {
		return 0, i, false
	}
	dir, ok := relDir(m.w(j + 1))
	if !ok {
		return 0, i, false
	}
	return m.ref.Year() + dir, j + 2, true
}

// monthRange handles "MONTH1 (إلى|حتى|و|-) MONTH2 YEAR" and "من سبتمبر إلى
// يناير الماضيين": the first month (token i, month mo, ending before token j)
// takes the year of the second, or the year before when it comes later in
// the calendar. Both months are emitted.
func (m *matcher) monthRange(i, mo, j, start int) (int, bool) {
	k, w2 := j+1, m.w(j+1)
	switch w := m.w(j); {
	case w == "الي" || w == "حتي" || w == "و" || m.isP(j, '-'):
	case strings.HasPrefix(w, "و") && len(w) > len("و"): // ومايو
		k, w2 = j, w[len("و"):]
	default:
		return i, false
	}
	mo2, hij, e, ok := m.monthAt(k, w2)
	if !ok || hij {
		return i, false
	}
	var y2 int
	if y, yh, n, ok := m.yearAt(e, false); ok && !yh {
		y2, e = y, n
	} else if dir, ok := dualDir(m.w(e)); ok && m.hasRef {
		y2, _ = m.relMonth(mo2, dir)
		if dir == 0 {
			y2 = m.ref.Year()
		}
		e++
	} else {
		return i, false
	}
	y1 := y2
	if mo > mo2 {
		y1--
	}
	m.emit(start, j-1, fmtMonth(y1, mo))
	s2 := m.tok(k).start
	if k == j {
		s2++ // after the و
	}
	m.emit(s2, e-1, fmtMonth(y2, mo2))
	return e, true
}

// dualDir is relDir for a modifier of one month or two (الماضيين).
func dualDir(w string) (int, bool) {
	switch w {
	case "الماضيين", "المنصرمين", "الفائتين":
		return -1, true
	case "المقبلين", "القادمين":
		return 1, true
	}
	return relDir(w)
}
