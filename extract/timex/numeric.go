package timex

import (
	"strings"
	"time"
)

// This file holds the numeric dates that parseNumericDate leaves out: a day
// and month without a year (1/10, read day first as in Arab usage) and
// dates written with dots (10.1.2016).

// dayMonthCue are the words after which d/m is a date: يوم 3/11, في 1/10,
// بتاريخ 15/8. A dash (3-11) needs one of the strong cues (dashCue).
var dayMonthCue = map[string]bool{
	"يوم": true, "في": true, "بتاريخ": true, "تاريخ": true, "الموافق": true, "حتي": true,
	"منذ": true, "ليوم": true, "بيوم": true, "اليوم": true,
}

// dashCue are the cues after which d-m is a date (a dash after في is more
// often a range: في 1-10).
var dashCue = map[string]bool{
	"يوم": true, "بتاريخ": true, "تاريخ": true, "الموافق": true, "ليوم": true, "بيوم": true,
}

// numPair reads two numbers of at most two digits joined by a slash or a
// dash at token i, written without spaces and followed by nothing glued
// but a comma, a closing parenthesis, a quote or a full stop (not 1/10/,
// 1/10%, 1/2.5). It returns them and the separator.
func (m *matcher) numPair(i int) (a, b token, sep rune, ok bool) {
	a, s, b := m.tok(i), m.tok(i+1), m.tok(i+2)
	if i+2 >= len(m.d.toks) || a.kind != num || s.kind != punct || b.kind != num ||
		s.space || b.space || a.nd > 2 || b.nd > 2 || (s.r != '/' && s.r != '-') {
		return a, b, 0, false
	}
	if n := m.tok(i + 3); i+3 < len(m.d.toks) && !n.space && n.kind != word && n.r != ',' && n.r != ')' && !isQuote(n) &&
		!(n.r == '.' && m.tok(i+4).kind != num) {
		return a, b, 0, false
	}
	return a, b, s.r, true
}

// parseDayMonth reads d/m (or d-m, see numPair) at token i: a day 1–31 and
// a month 1–12. The year is the nearest one (see yearFor). The word before
// must be a cue (dayMonthCue), or, for a slash, the clause must be about
// the future (سأعود 1/10). The value is "" without a reference date.
func (m *matcher) parseDayMonth(i int) (string, int, bool) {
	a, b, sep, ok := m.numPair(i)
	if !ok || !a.space || i == 0 {
		return "", i, false
	}
	cue := m.w(i - 1)
	// سأعود 1/10, ستنطلق البطولة 20/12: a clause about the future is cue
	// enough for a slash.
	fut := sep == '/' && !countCue[cue] && m.futureBefore(i)
	if !fut && (!dayMonthCue[cue] || (sep == '-' && !dashCue[cue])) {
		return "", i, false
	}
	// 1/10 من السكان, 2/3 المباريات: a fraction of something.
	if n := m.w(i + 3); n == "من" || (strings.HasPrefix(n, "ال") && n != "الي") {
		return "", i, false
	}
	d, mo := a.n, b.n
	if d < 1 || d > 31 || mo < 1 || mo > 12 {
		return "", i, false
	}
	if !m.hasRef {
		return "", i + 3, true
	}
	t, ok := mkDate(m.yearFor(mo), mo, d)
	if !ok {
		return "", i, false
	}
	return fmtDate(t), i + 3, true
}

// shortYearDate matches d/m/yy (1/10/16): a two-digit year is the one of
// this century, or of the last when that would put it more than ten years
// after the reference date (or 2040 without one).
func (m *matcher) shortYearDate(i int) (int, bool) {
	if i+4 >= len(m.d.toks) {
		return i, false
	}
	a, s1, b, s2, c := m.tok(i), m.tok(i+1), m.tok(i+2), m.tok(i+3), m.tok(i+4)
	if a.kind != num || b.kind != num || c.kind != num || !isP(s1, '/') || !isP(s2, '/') ||
		s1.space || b.space || s2.space || c.space || a.nd > 2 || b.nd > 2 || c.nd != 2 {
		return i, false
	}
	if p := m.tok(i - 1); i > 0 && !a.space && p.kind != word && p.r != '(' && !isQuote(p) {
		return i, false
	}
	if n := m.tok(i + 5); i+5 < len(m.d.toks) && !n.space && (n.kind == num || n.kind == numx || n.r == '/' || n.r == '-' || n.r == '%') {
		return i, false
	}
	limit := 2040
	if m.hasRef {
		limit = m.ref.Year() + 10
	}
	y := 2000 + c.n
	if y > limit {
		y -= 100
	}
	t, ok := mkDate(y, b.n, a.n)
	if !ok {
		return i, false
	}
	m.emit(a.start, i+4, fmtDate(t))
	return i + 5, true
}

// isP reports whether t is the punctuation r.
func isP(t token, r rune) bool { return t.kind == punct && t.r == r }

// dayMonthNum matches and emits d/m after a cue.
func (m *matcher) dayMonthNum(i int) (int, bool) {
	v, j, ok := m.parseDayMonth(i)
	if !ok {
		return i, false
	}
	if v != "" {
		m.emit(m.tok(i).start, j-1, v)
	}
	return j, true
}

// weekdayNumeric reads d/m after weekday wd at token j (الأحد 13/11,
// الأربعاء 28/9, الثلاثاء 10/12) and keeps the reading that falls on the
// weekday, trying in turn: day/month in the Gregorian calendar (the nearest
// year), in the Hijri calendar (the nearest Hijri year, as in Saudi usage),
// then month/day in both. When none falls on the weekday the numbers are
// left out and the weekday stands alone.
func (m *matcher) weekdayNumeric(j int, wd time.Weekday, start int) (int, bool) {
	a, b, _, ok := m.numPair(j)
	if !ok || !m.hasRef {
		return j, false
	}
	hy, hm, hok := gregorianToHijri(m.ref)
	for _, dm := range [2][2]int{{a.n, b.n}, {b.n, a.n}} {
		d, mo := dm[0], dm[1]
		if t, ok := mkDate(m.yearFor(mo), mo, d); ok && t.Weekday() == wd {
			m.emit(start, j+2, fmtDate(t))
			return j + 3, true
		}
		if !hok {
			continue
		}
		y := hy
		if mo-hm > 6 {
			y--
		} else if mo-hm < -6 {
			y++
		}
		if t, ok := hijriToGregorian(y, mo, d); ok && t.Weekday() == wd {
			m.emit(start, j+2, fmtDate(t))
			return j + 3, true
		}
	}
	return j, false
}

// atNumx handles a date written with dots, which the tokenizer reads as one
// number with separators: 10.1.2016 (day, month, year) or 2016.1.10, with an
// optional era suffix.
func (m *matcher) atNumx(i int) int {
	t := m.tok(i)
	s := m.d.str(t)
	if strings.Count(s, ".") != 2 || strings.ContainsRune(s, ',') {
		return i
	}
	if p := m.tok(i - 1); i > 0 && !t.space && p.kind != word && p.r != '(' && !isQuote(p) {
		return i
	}
	if n := m.tok(i + 1); i+1 < len(m.d.toks) && !n.space && (n.kind == num || n.kind == numx || n.r == '/' || n.r == '-' || n.r == '%') {
		return i
	}
	parts := strings.Split(s, ".")
	var n [3]int
	for k, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return i
		}
		for _, c := range []byte(p) {
			n[k] = n[k]*10 + int(c-'0')
		}
	}
	var y, mo, d int
	switch l0, l1, l2 := len(parts[0]), len(parts[1]), len(parts[2]); {
	case l0 <= 2 && l1 <= 2 && l2 == 4:
		d, mo, y = n[0], n[1], n[2]
	case l0 == 4 && l1 <= 2 && l2 <= 2:
		y, mo, d = n[0], n[1], n[2]
	default:
		return i
	}
	date, next, ok := m.eraDate(y, mo, d, i+1)
	if !ok {
		return i
	}
	m.emit(t.start, next-1, fmtDate(date))
	return next
}

// dayNameMonth matches a day, a month name and a year joined by slashes or
// dashes: 12/أكتوبر/2016, 12-أكتوبر-2016 (the year may be left out at the
// end of a phrase: 12/أكتوبر).
func (m *matcher) dayNameMonth(i int) (int, bool) {
	a, s1 := m.tok(i), m.tok(i+1)
	if a.kind != num || a.nd > 2 || s1.kind != punct || (s1.r != '/' && s1.r != '-') {
		return i, false
	}
	mo, hij, k, ok := m.gregMonthAt(i + 2)
	if !ok || hij {
		return i, false
	}
	if s2 := m.tok(k); k < len(m.d.toks) && isP(s2, s1.r) {
		y := m.tok(k + 1)
		if y.kind != num || y.nd != 4 || y.n < 1900 || y.n > 2100 {
			return i, false
		}
		t, ok := mkDate(y.n, mo, a.n)
		if !ok {
			return i, false
		}
		m.emit(a.start, k+1, fmtDate(t))
		return k + 2, true
	}
	if !m.bareDayEnds(k) || !m.hasRef {
		return i, false
	}
	t, ok := mkDate(m.yearFor(mo), mo, a.n)
	if !ok {
		return i, false
	}
	m.emit(a.start, k-1, fmtDate(t))
	return k, true
}
