package timex

import (
	"strings"
	"time"
)

// This file holds the rules for modifiers of a time (منتصف يناير), the
// weekend, feasts, centuries, quarters and numbers written as words.

// modWords are words that place a time within a month, year or week
// (مطلع الشهر المقبل, أواخر فبراير): the expression's span includes them and
// its value stays that of the period they modify.
var modWords = map[string]bool{
	"مطلع": true, "منتصف": true, "اواخر": true, "اوائل": true, "اواسط": true,
	"نهايه": true, "بدايه": true, "مستهل": true, "اخر": true, "اول": true,
}

// notWeekendBefore are words before نهاية الأسبوع that make it a habit, not
// one weekend (عطلات نهاية الأسبوع, كل نهاية أسبوع).
var notWeekendBefore = map[string]bool{
	"عطلات": true, "عطل": true, "كل": true, "ايام": true, "اجازات": true,
}

// feasts maps the word after عيد to the Hijri month and day of the feast.
var feasts = map[string][2]int{
	"الفطر": {10, 1}, "الاضحي": {12, 10}, "الاضحى": {12, 10},
}

// tensWords are the tens written as words (عشرين, ثلاثون...).
var tensWords = map[string]int{
	"عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "اربعون": 40,
	"خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60, "سبعين": 70, "سبعون": 70,
	"ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
}

// unitsForCompound are the units that combine with عشر or a ten (أحد عشر,
// خمسة وعشرين), beyond numberWords.
var unitsForCompound = map[string]int{
	"احد": 1, "احدي": 1, "واحد": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2, "اثنين": 2, "اثنان": 2,
}

// numberAt reads a count at token j: digits (at most three), or a cardinal
// written as words, 3–99 (ثلاثة, أحد عشر, خمسة وعشرين, عشرين).
func (m *matcher) numberAt(j int) (int, int, bool) {
	if t := m.tok(j); t.kind == num && j < len(m.d.toks) {
		if t.nd > 3 {
			return 0, j, false
		}
		return t.n, j + 1, true
	}
	w := m.w(j)
	if n, ok := tensWords[w]; ok {
		return n, j + 1, true
	}
	u, ok := numberWords[w]
	if !ok {
		u, ok = unitsForCompound[w]
	}
	if !ok || u >= 10 {
		if ok {
			return u, j + 1, true
		}
		return 0, j, false
	}
	n := m.w(j + 1)
	if n == "عشر" || n == "عشره" {
		return 10 + u, j + 2, true
	}
	if strings.HasPrefix(n, "و") {
		if t, ok := tensWords[n[len("و"):]]; ok {
			return t + u, j + 2, true
		}
	}
	if u < 3 { // أحد, اثنا alone: not a count here
		return 0, j, false
	}
	return u, j + 1, true
}

// atModifier handles a modifier before a period: مطلع الشهر المقبل, منتصف
// يناير, أواخر العام الماضي, نهاية الأسبوع (the weekend). The span starts at
// the modifier; the value is that of the period.
func (m *matcher) atModifier(i int, w string, start int) int {
	if w == "اول" || w == "اخر" {
		if j, ok := m.atFirstLast(i, w, start); ok { // أول يوم من الشهر القادم
			return j
		}
	}
	if w == "نهايه" || w == "اخر" {
		if j, ok := m.atWeekend(i, start); ok {
			return j
		}
	}
	k := i + 1
	// One modifier only: a run of them (منتصف منتصف ...) would otherwise
	// be matched again from each of its words.
	if k >= len(m.d.toks) || m.tok(k).kind == punct || modWords[m.w(k)] {
		return i
	}
	// اول/اخر only before a period or month name: أول الشهر المقبل; أول
	// يناير is the first of January.
	if w == "اول" || w == "اخر" {
		n := m.w(k)
		if w == "اول" && !weakMonths[n] {
			if mo, hij, e, ok := m.monthAt(k, n); ok {
				v, e, ok := m.resolveDMY(1, mo, hij, e)
				if !ok {
					return i
				}
				if v != "" {
					m.emit(start, e-1, v)
				}
				return e
			}
		}
		if periods[n] == 0 && months[n] == 0 && twoWordMonths[n] == nil {
			return i
		}
	}
	// منتصف الشهر, نهاية العام: the reference month or year.
	if c, ok := m.barePeriod(k); ok {
		if c.mo == 0 {
			m.emit(start, k, fmtYear(c.y))
		} else {
			m.emit(start, k, fmtMonth(c.y, c.mo))
		}
		return k + 1
	}
	before := len(m.out)
	j := m.at(k)
	if j <= k || len(m.out) == before || m.out[before].start < m.tok(k).start {
		return i
	}
	m.out[before].start = start
	return j
}

// atWeekend handles نهاية الأسبوع [المقبل/الماضي/الجاري] and نهاية هذا
// الأسبوع: the Friday of that week, the weekend of most Arab countries being
// Friday and Saturday. The current week's (الجاري, هذا) is the next Friday on
// or after the reference date; the next and last weeks' are the Fridays of
// the weeks (Sunday to Saturday) after and before the reference date's. A
// bare weekend counts only in a clause about the future (the next Friday on
// or after the reference date).
func (m *matcher) atWeekend(i, start int) (int, bool) {
	j := i + 1
	this := false
	if m.w(j) == "هذا" {
		j++
		this = true
	}
	if m.w(j) != "الاسبوع" {
		return i, false
	}
	if p := m.w(i - 1); m.tok(i).start == start && notWeekendBefore[p] {
		return j + 1, true
	}
	dir, ok := 0, false
	last := j
	if !this {
		if dir, ok = relDir(m.w(j + 1)); ok {
			last = j + 1
		}
	}
	if n := m.w(last + 1); n == "من" || n == "الاول" || n == "الثاني" {
		return i, false // نهاية الأسبوع الأول من الشهر
	}
	if !m.hasRef {
		return last + 1, true
	}
	var t time.Time
	switch {
	case ok && dir != 0:
		sunday := m.ref.AddDate(0, 0, -int(m.ref.Weekday()))
		t = sunday.AddDate(0, 0, 5+7*dir)
	case ok || this || m.futureBefore(i):
		t = m.weekday(time.Friday, 2)
	default:
		// A bare weekend may be the last, the next one or a habit
		// (يقصده الزوار في نهاية الأسبوع): left out.
		return last + 1, true
	}
	m.emit(start, last, fmtDate(t))
	return last + 1, true
}

// atFeast handles عيد الفطر and عيد الأضحى, with an optional year or
// relative modifier: the Gregorian date of the feast (1 Shawwal, 10 Dhu
// al-Hijja). Without a year it is the feast of the reference date's Hijri
// year, or of the year before when the feast is more than seven months
// ahead, or of the year after when the clause is about the future and the
// feast is more than a month past.
func (m *matcher) atFeast(i, start int) int {
	if j, ok := m.atHoliday(i, start); ok {
		return j
	}
	f, ok := feasts[m.w(i+1)]
	if !ok {
		return i
	}
	return m.hijriFeast(i, start, i+2, f)
}

// hijriFeast resolves a feast of the Hijri calendar on month and day f
// whose name ends before token j (عيد الفطر, يوم عرفة, عاشوراء), with an
// optional year or relative modifier after it; see atFeast.
func (m *matcher) hijriFeast(i, start, j int, f [2]int) int {
	if n := m.w(j); n == "المبارك" || n == "السعيد" || n == "الشريف" {
		j++
	}
	// عيد الفطر 1445 هـ, عيد الأضحى لعام 2024
	if y, hij, k, ok := m.yearAt(j, true); ok && hij {
		if t, ok := hijriToGregorian(y, f[0], f[1]); ok {
			m.emit(start, k-1, fmtDate(t))
		}
		return k
	}
	if y, _, k, ok := m.yearAt(j, false); ok {
		hy, _, ok := gregorianToHijri(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC))
		if !ok {
			return k
		}
		for _, h := range []int{hy, hy + 1} {
			if t, ok := hijriToGregorian(h, f[0], f[1]); ok && t.Year() == y {
				m.emit(start, k-1, fmtDate(t))
				break
			}
		}
		return k
	}
	if !m.hasRef {
		return j
	}
	hy, hm, ok := gregorianToHijri(m.ref)
	if !ok {
		return j
	}
	last := j - 1
	dir, hasDir := relDir(m.w(j))
	if hasDir && dir != 0 {
		last = j
	}
	if f[0]-hm > 7 {
		hy--
	}
	t, ok := hijriToGregorian(hy, f[0], f[1])
	if !ok {
		return last + 1
	}
	switch {
	case hasDir && dir > 0 && !t.After(m.ref),
		// A feast more than a month past in a clause about the future is
		// the next one (a feast days past is still talked about: ثاني
		// أيام العيد).
		!hasDir && t.Before(m.ref.AddDate(0, 0, -30)) && m.futureBefore(i):
		t, ok = hijriToGregorian(hy+1, f[0], f[1])
	case hasDir && dir < 0 && !t.Before(m.ref):
		t, ok = hijriToGregorian(hy-1, f[0], f[1])
	}
	if ok {
		m.emit(start, last, fmtDate(t))
	}
	return last + 1
}

// bareHijriMonth resolves a Hijri month without a year after a cue (في
// رمضان, شهر شعبان): the month of the reference date's Hijri year, or of the
// year before when it is more than seven months ahead. رمضان needs a cue
// such as في; the other months, which are also names or words (رجب, صفر),
// need شهر. The value is the Gregorian month of its 15th day.
func (m *matcher) bareHijriMonth(i, mo, j, start int) int {
	prev := m.w(i - 1)
	if m.tok(i).start != start {
		return i // a clitic: لرمضان, ورجب
	}
	if len(prev) > len("و") && strings.HasPrefix(prev, "و") && monthCue[prev[len("و"):]] {
		prev = prev[len("و"):]
	}
	month := prev == "شهر" || prev == "لشهر" || prev == "بشهر"
	if !month && (mo != 9 || !monthCue[prev]) {
		return i
	}
	if !m.hasRef {
		return j
	}
	hy, hm, ok := gregorianToHijri(m.ref)
	if !ok {
		return j
	}
	if mo-hm > 7 {
		hy--
	}
	t, ok := hijriToGregorian(hy, mo, 15)
	if !ok {
		return j
	}
	if month && (len(m.out) == 0 || m.out[len(m.out)-1].last < i-1) {
		start = m.tok(i - 1).start
		if prev != m.w(i-1) || strings.HasPrefix(m.w(i-1), "ل") || strings.HasPrefix(m.w(i-1), "ب") {
			start = m.tok(i).start // keep a clean span: رمضان
		}
	}
	m.emit(start, j-1, fmtMonth(t.Year(), int(t.Month())))
	return j
}

// atCentury handles القرن الحادي والعشرين, القرن التاسع عشر, القرن الماضي:
// the century as its two first digits and XX (2000–2099 → 20XX), like a
// decade (199X). Hijri centuries and centuries before Christ are left out.
func (m *matcher) atCentury(i, start int) int {
	j := i + 1
	n := 0
	var last int
	if dir, ok := relDir(m.w(j)); ok {
		if !m.hasRef {
			return j + 1
		}
		n = m.ref.Year()/100 + 1 + dir
		last = j
	} else if m.w(j) == "الواحد" && m.w(j+1) == "والعشرين" {
		n, last = 21, j+1
	} else if d, k, ok := m.ordinalAt(j, m.w(j)); ok {
		n, last = d, k-1
	} else {
		return i
	}
	switch nx := m.w(last + 1); {
	case nx == "الهجري" || nx == "للهجره" || nx == "الهجريه" || nx == "قبل" || nx == "ق":
		return last + 2
	case nx == "الميلادي" || nx == "للميلاد":
		last++
	}
	if n < 1 || n > 30 {
		return i
	}
	m.emit(start, last, pad4((n - 1) * 100)[:2]+"XX")
	return last + 1
}

// atQuarter handles الربع الأول من 2020, النصف الثاني من العام الماضي,
// الربع الأخير من العام: the span covers the part of the year and the
// value is the year.
func (m *matcher) atQuarter(i int, w string, start int) int {
	j := i + 1
	switch o := m.w(j); {
	case o == "الاول" || o == "الثاني" || o == "الاخير":
	case w == "الربع" && (o == "الثالث" || o == "الرابع"):
	default:
		return i
	}
	j++
	if m.w(j) == "من" {
		j++
	}
	if n := m.w(j); n == "الربع" || n == "النصف" || modWords[n] {
		return i
	}
	// الربع الأول من العام: the reference year, as in نهاية العام.
	if c, ok := m.barePeriod(j); ok && c.mo == 0 {
		m.emit(start, j, fmtYear(c.y))
		return j + 1
	}
	before := len(m.out)
	k := m.at(j)
	if k <= j || len(m.out) != before+1 || m.out[before].start != m.tok(j).start {
		m.out = m.out[:before]
		return i
	}
	if v := m.out[before].value; len(v) != 4 || v[0] < '0' || v[0] > '9' {
		m.out = m.out[:before]
		return i
	}
	m.out[before].start = start
	return k
}
