package timex

import (
	"strings"
	"time"
)

// This file holds days given by their position in a month or year:
// اليوم الأخير من الشهر, آخر يوم من السنة, أول يوم من الشهر القادم, الجمعة
// الأولى من يوليو, آخر جمعة من الشهر, الثلاثاء الثالث من هذا الشهر; and a
// bare period after a modifier (منتصف الشهر: the reference month).

// bareWeekdays maps an indefinite weekday name (أول جمعة, آخر خميس) to its
// weekday.
var bareWeekdays = map[string]time.Weekday{
	"احد": time.Sunday, "اثنين": time.Monday, "ثلاثاء": time.Tuesday, "اربعاء": time.Wednesday,
	"خميس": time.Thursday, "جمعه": time.Friday, "سبت": time.Saturday,
}

// nthWords are the ordinals after a weekday that count its occurrences in
// a month (الجمعة الأولى, الاثنين الثاني); -1 is the last. fem marks the
// feminine forms, which cannot be a day of the month (الأول من يوليو is).
var nthWords = map[string]struct {
	n   int
	fem bool
}{
	"الاول": {1, false}, "الاولي": {1, true}, "الثاني": {2, false}, "الثانيه": {2, true},
	"الثالث": {3, false}, "الثالثه": {3, true}, "الرابع": {4, false}, "الرابعه": {4, true},
	"الخامس": {5, false}, "الخامسه": {5, true}, "الاخير": {-1, true}, "الاخيره": {-1, true},
}

// container is a week, month or year in which a position is taken.
type container struct {
	y, mo    int       // a Gregorian month; mo == 0: the whole year
	from, to time.Time // an explicit span (a week, a Hijri month; then mo != 0 for a month)
	week     bool      // a week, Sunday to Saturday
}

// first and last return the first and last day of c.
func (c container) first() time.Time {
	if !c.from.IsZero() {
		return c.from
	}
	mo := c.mo
	if mo == 0 {
		mo = 1
	}
	return time.Date(c.y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
}

func (c container) last() time.Time {
	if !c.from.IsZero() {
		return c.to
	}
	if c.mo == 0 {
		return time.Date(c.y, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return c.first().AddDate(0, 1, -1)
}

// barePeriod reads الشهر, العام or السنة at token k standing alone (no
// modifier, number or adjective after it): the reference month or year.
func (m *matcher) barePeriod(k int) (container, bool) {
	unit := periods[m.w(k)]
	if unit != unitMonth && unit != unitYear {
		return container{}, false
	}
	if sameWords[m.w(k+1)] {
		return container{}, false // الشهر نفسه: see samePeriod
	}
	if n := m.tok(k + 1); k+1 < len(m.d.toks) && (n.kind == num || n.kind == numx ||
		n.kind == word && (strings.HasPrefix(m.d.str(n), "ال") || m.d.str(n) == "هذا" || m.isEraSuffix(k+1))) {
		return container{}, false
	}
	if !m.hasRef {
		return container{}, false
	}
	if unit == unitYear {
		return container{y: m.ref.Year()}, true
	}
	return container{y: m.ref.Year(), mo: int(m.ref.Month())}, true
}

// sameWords mark an anaphoric period: الشهر نفسه, العام ذاته.
var sameWords = map[string]bool{"نفسه": true, "ذاته": true, "عينه": true}

// samePeriod reads "الشهر/العام نفسه" at token k: the month or year of the
// last time of the text within anchorWindow tokens (31 من الشهر ذاته after
// 27 يوليو). It returns the index after it.
func (m *matcher) samePeriod(k int) (container, int, bool) {
	unit := periods[m.w(k)]
	if (unit != unitMonth && unit != unitYear) || !sameWords[m.w(k+1)] {
		return container{}, k, false
	}
	v, found, _ := m.anchor(k)
	if !found || len(v) < 4 {
		return container{}, k, false
	}
	t, err := time.Parse("2006", v[:4])
	if err != nil {
		return container{}, k, false
	}
	if unit == unitYear {
		return container{y: t.Year()}, k + 2, true
	}
	if len(v) < 7 {
		return container{}, k, false
	}
	mt, err := time.Parse("2006-01", v[:7])
	if err != nil {
		return container{}, k, false
	}
	return container{y: mt.Year(), mo: int(mt.Month())}, k + 2, true
}

// containerAt reads the month or year after من/في at token k: الشهر
// alone, a month name (with a year or a relative word, else the nearest),
// or any expression whose value is a month or a year (الشهر المقبل, العام
// الماضي, عام 2017, مارس 2017). It returns the index after it.
func (m *matcher) containerAt(k int) (container, int, bool) {
	if c, ok := m.barePeriod(k); ok {
		return c, k + 1, true
	}
	if c, e, ok := m.samePeriod(k); ok {
		return c, e, true
	}
	// الأسبوع القادم, هذا الأسبوع, الأسبوع alone: a week.
	if dir, e, ok := m.relPeriod(k, "الاسبوع"); ok || m.w(k) == "الاسبوع" && m.hasRef {
		if !ok {
			if n := m.tok(k + 1); k+1 < len(m.d.toks) && n.kind == word && (strings.HasPrefix(m.d.str(n), "ال") || sameWords[m.d.str(n)]) {
				return container{}, k, false
			}
			e = k + 1
		}
		if !m.hasRef {
			return container{}, k, false
		}
		sunday := m.ref.AddDate(0, 0, 7*dir-int(m.ref.Weekday()))
		return container{from: sunday, to: sunday.AddDate(0, 0, 6), week: true}, e, true
	}
	if m.w(k) == "شهر" { // من شهر فبراير
		if _, _, _, ok := m.monthAt(k+1, m.w(k+1)); ok {
			k++
		}
	}
	w := m.w(k)
	mo, hij, e, ok := m.monthAt(k, w)
	if ok && hij {
		return m.hijriContainer(k, mo, e)
	}
	if ok {
		if y, yh, n, ok := m.yearAt(e, false); ok && !yh {
			return container{y: y, mo: mo}, n, true
		}
		if !m.hasRef {
			return container{}, k, false
		}
		if y, n, ok := m.relYearAt(e); ok {
			return container{y: y, mo: mo}, n, true
		}
		if dir, ok := relDir(m.w(e)); ok {
			y, _ := m.relMonth(mo, dir)
			if dir == 0 {
				y = m.ref.Year()
			}
			return container{y: y, mo: mo}, e + 1, true
		}
		return container{y: m.yearFor(mo), mo: mo}, e, true
	}
	if startWords[w] == 0 && m.tok(k).kind != num {
		return container{}, k, false
	}
	before := len(m.out)
	e = m.at(k)
	out := m.out[before:]
	m.out = m.out[:before]
	if e <= k || len(out) != 1 || out[0].start != m.tok(k).start {
		return container{}, k, false
	}
	v := out[0].value
	t, err := time.Parse("2006-01", v)
	if len(v) == 7 && err == nil {
		return container{y: t.Year(), mo: int(t.Month())}, e, true
	}
	if t, err := time.Parse("2006", v); len(v) == 4 && err == nil {
		return container{y: t.Year()}, e, true
	}
	return container{}, k, false
}

// hijriContainer reads the year of the Hijri month mo named at tokens k
// to e (رمضان 1436, رمضان الماضي, رمضان alone: as in atMonth and
// bareHijriMonth) and returns the month's span in Gregorian days.
func (m *matcher) hijriContainer(k, mo, e int) (container, int, bool) {
	var hy int
	if y, yh, n, ok := m.yearAt(e, true); ok && yh {
		hy, e = y, n
	} else {
		if !m.hasRef {
			return container{}, k, false
		}
		y, hm, ok := gregorianToHijri(m.ref)
		if !ok {
			return container{}, k, false
		}
		hy = y
		if dir, ok := relDir(m.w(e)); ok {
			switch {
			case dir > 0 && mo <= hm:
				hy++
			case dir < 0 && mo >= hm:
				hy--
			}
			e++
			if y, yh, n, ok := m.yearAt(e, true); ok && yh { // رمضان المقبل 1436هـ
				hy, e = y, n
			}
		} else if mo-hm > 7 {
			hy--
		}
	}
	from, ok := hijriToGregorian(hy, mo, 1)
	if !ok {
		return container{}, k, false
	}
	ny, nm := hy, mo+1
	if nm > 12 {
		ny, nm = hy+1, 1
	}
	next, ok := hijriToGregorian(ny, nm, 1)
	if !ok {
		return container{}, k, false
	}
	return container{mo: mo, from: from, to: next.AddDate(0, 0, -1)}, e, true
}

// ofContainer reads "من|في CONTAINER" at token k.
func (m *matcher) ofContainer(k int) (container, int, bool) {
	if w := m.w(k); w != "من" && w != "في" {
		return container{}, k, false
	}
	return m.containerAt(k + 1)
}

// nthWeekday returns the n-th weekday wd of c (n == -1: the last); ok is
// false when there is none (the fifth Monday of a month with four).
func nthWeekday(c container, wd time.Weekday, n int) (time.Time, bool) {
	if n < 0 {
		l := c.last()
		return l.AddDate(0, 0, -((int(l.Weekday()) - int(wd) + 7) % 7)), true
	}
	f := c.first()
	t := f.AddDate(0, 0, (int(wd)-int(f.Weekday())+7)%7+7*(n-1))
	if t.After(c.last()) {
		return time.Time{}, false
	}
	return t, true
}

// dayOf returns day n of c (n == -1: the last day).
func dayOf(c container, n int) (time.Time, bool) {
	if n < 0 {
		return c.last(), true
	}
	t := c.first().AddDate(0, 0, n-1)
	if t.After(c.last()) {
		return time.Time{}, false
	}
	return t, true
}

// atDayOfPeriod handles اليوم الأول/الأخير/الثالث من الشهر at token i
// (اليوم): a day counted in a month, or the first or last day of a year.
func (m *matcher) atDayOfPeriod(i, start int) (int, bool) {
	k := i + 1
	n := 0
	switch w := m.w(k); w {
	case "الاخير":
		n, k = -1, k+1
	default:
		d, e, ok := m.ordinalAt(k, w)
		if !ok {
			return i, false
		}
		n, k = d, e
	}
	c, e, ok := m.ofContainer(k)
	if !ok {
		return i, false
	}
	t, ok := dayOf(c, n)
	if !ok {
		return i, false
	}
	m.emit(start, e-1, fmtDate(t))
	return e, true
}

// indefOrdinals are the ordinals that come before an indefinite noun (أول
// يوم, ثاني جمعة); -1 is the last.
var indefOrdinals = map[string]int{"اول": 1, "ثاني": 2, "ثالث": 3, "رابع": 4, "خامس": 5, "اخر": -1}

// atFirstLast handles أول/ثاني/.../آخر + يوم or an indefinite weekday +
// من/في a week, month or year at token i (the ordinal): أول يوم من الشهر
// القادم, آخر جمعة من الشهر, ثاني جمعة من يوليو.
func (m *matcher) atFirstLast(i int, w string, start int) (int, bool) {
	n := indefOrdinals[w]
	if n == 0 {
		return i, false
	}
	k := i + 1
	x := m.w(k)
	wd, isWd := bareWeekdays[x]
	var c container
	var e int
	var ok bool
	switch {
	case x == "ايام" && (n == 1 || n == -1): // أول أيام الشهر المقبل
		c, e, ok = m.containerAt(k + 1)
	case x == "يوم" || isWd:
		c, e, ok = m.ofContainer(k + 1)
	}
	if !ok {
		return i, false
	}
	var t time.Time
	if isWd {
		if c.week {
			return i, false
		}
		if c.mo == 0 { // أول جمعة من العام: of January; آخر جمعة: of December
			c.mo = 1
			if n < 0 {
				c.mo = 12
			}
		}
		t, ok = nthWeekday(c, wd, n)
	} else {
		t, ok = dayOf(c, n)
	}
	if !ok {
		return i, false
	}
	m.emit(start, e-1, fmtDate(t))
	return e, true
}

// atNthWeekday handles a weekday counted in a month at token i (the
// weekday): الجمعة الأولى من يوليو, الثلاثاء الثالث من هذا الشهر, الجمعة
// الأخيرة من مارس. A masculine ordinal may also be the day of the month
// (الاثنين الثاني من يناير 2017: Monday 2 January); that reading is kept
// when the day falls on the weekday.
func (m *matcher) atNthWeekday(i int, wd time.Weekday, start int) (int, bool) {
	nw, ok := nthWords[m.w(i+1)]
	if !ok {
		return i, false
	}
	c, e, ok := m.ofContainer(i + 2)
	if !ok || c.mo == 0 {
		return i, false
	}
	if !nw.fem {
		if v, _, ok := m.dayMonthAt(i + 1); ok && v != "" {
			if t, err := time.Parse("2006-01-02", v); err == nil && t.Weekday() == wd {
				return i, false
			}
		}
	}
	t, ok := nthWeekday(c, wd, nw.n)
	if !ok {
		return i, false
	}
	m.emit(start, e-1, fmtDate(t))
	return e, true
}
