package timex

import (
	"strconv"
	"strings"
	"time"
)

// ---- values ----

func fmtDate(t time.Time) string { return t.Format("2006-01-02") }

func fmtMonth(y, m int) string {
	if y < 0 || y > 9999 {
		return ""
	}
	return pad4(y) + "-" + pad2(m)
}

func fmtYear(y int) string {
	if y < 0 || y > 9999 {
		return ""
	}
	return pad4(y)
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func pad4(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

// mkDate returns the date y-m-d, ok=false when it does not exist.
func mkDate(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 || y < 1 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// yearFor chooses the year of a month (and day) given without one: the
// reference year, unless that is more than seven months ahead of the
// reference date (then the year before) or more than nine months behind it
// (then the year after).
func (m *matcher) yearFor(month int) int {
	y := m.ref.Year()
	delta := month - int(m.ref.Month())
	switch {
	case delta > 7:
		return y - 1
	case delta < -9:
		return y + 1
	}
	return y
}

// relMonth resolves a month with a relative modifier: dir > 0 its next
// occurrence after the reference month, dir < 0 its last one before it, 0 the
// reference year.
func (m *matcher) relMonth(month, dir int) (int, int) {
	y, rm := m.ref.Year(), int(m.ref.Month())
	switch {
	case dir > 0 && month <= rm:
		y++
	case dir < 0 && month >= rm:
		y--
	}
	return y, month
}

// weekday resolves a weekday: dir < 0 the last one strictly before the
// reference date, dir > 0 the next one strictly after, dir == 0 the latest on
// or before it, dir == 2 the next on or after it.
func (m *matcher) weekday(wd time.Weekday, dir int) time.Time {
	diff := int(wd) - int(m.ref.Weekday())
	switch dir {
	case -1:
		if diff >= 0 {
			diff -= 7
		}
	case 1:
		if diff <= 0 {
			diff += 7
		}
	case 2:
		if diff < 0 {
			diff += 7
		}
	default:
		if diff > 0 {
			diff -= 7
		}
	}
	return m.ref.AddDate(0, 0, diff)
}

// relDir maps a relative modifier word to a direction: 1 next, -1 last, 0
// this; ok=false when w is none.
func relDir(w string) (int, bool) {
	switch {
	case nextWords[w]:
		return 1, true
	case lastWords[w]:
		return -1, true
	case thisWords[w]:
		return 0, true
	}
	return 0, false
}

// ---- pieces ----

// monthAt reads a month name at token i, whose word (maybe without a clitic)
// is w: one or two words, optionally paired with an equivalent Gregorian name
// ("مارس/آذار", "مارس (آذار)"). It returns the month, whether it is Hijri, and
// the index after it.
func (m *matcher) monthAt(i int, w string) (month int, hijri bool, next int, ok bool) {
	if mo, ok := months[w]; ok {
		month, next = mo, i+1
	} else if tw, ok := twoWordMonths[w]; ok && tw[m.w(i+1)] != 0 {
		month, next = tw[m.w(i+1)], i+2
	} else if mo, ok := hijriMonths[w]; ok {
		return mo, true, i + 1, true
	} else if tw, ok := hijriTwoWord[w]; ok && tw[m.w(i+1)] != 0 {
		return tw[m.w(i+1)], true, i + 2, true
	} else {
		return 0, false, i, false
	}
	// A paired name: مارس/آذار, مارس - آذار, مارس (آذار).
	if m.isP(next, '/') || m.isP(next, '-') || m.isP(next, '(') {
		if mo, _, k, ok := m.gregMonthAt(next + 1); ok && mo == month {
			if m.isP(next, '(') {
				if m.isP(k, ')') {
					return month, false, k + 1, true
				}
			} else {
				return month, false, k, true
			}
		}
	}
	// فبراير شباط 2013: the other name after a space.
	if mo, _, k, ok := m.gregMonthAt(next); ok && mo == month && m.w(next) != w {
		return month, false, k, true
	}
	return month, false, next, true
}

// gregMonthAt reads a Gregorian month name (one or two words) at token i.
func (m *matcher) gregMonthAt(i int) (int, bool, int, bool) {
	w := m.w(i)
	if mo, ok := months[w]; ok {
		return mo, false, i + 1, true
	}
	if tw, ok := twoWordMonths[w]; ok && tw[m.w(i+1)] != 0 {
		return tw[m.w(i+1)], false, i + 2, true
	}
	return 0, false, i, false
}

// yearAt reads a year after a date or month at token i: an optional comma,
// من, عام/العام/سنة, then a number of 3–4 digits with an optional era suffix
// (م for Gregorian, هـ/هجري for Hijri). hijriCtx makes an unmarked year Hijri.
// It returns the year, whether it is Hijri, and the index after it.
func (m *matcher) yearAt(i int, hijriCtx bool) (y int, hijri bool, next int, ok bool) {
	j := i
	if m.isP(j, ',') {
		j++
	}
	if m.w(j) == "من" {
		j++
	}
	cue := false
	switch m.w(j) {
	case "عام", "العام", "سنه", "السنه", "لعام", "للعام":
		j++
		cue = true
	}
	t := m.tok(j)
	if t.kind != num || j >= len(m.d.toks) || t.nd < 3 || t.nd > 4 || (!cue && t.nd != 4) {
		return 0, false, i, false
	}
	// Not the start of a numeric date or another number.
	if a := m.tok(j + 1); j+1 < len(m.d.toks) && !a.space && (a.kind == num || a.kind == numx || a.r == '/' || a.r == '%') {
		return 0, false, i, false
	}
	y, next = t.n, j+1
	hijri = hijriCtx
	switch m.w(next) {
	case "م", "ميلادي", "ميلاديه":
		hijri = false
		next++
	case "ه", "هجري", "هجريه", "هـ":
		hijri = true
		next++
	default:
		// An unmarked year of the current Hijri century (عام 1436) is Hijri:
		// Gregorian 1400–1500 is rare in the news.
		if y >= 1400 && y <= 1500 {
			hijri = true
		}
	}
	if hijri {
		if y < 1 || y > 1600 {
			return 0, false, i, false
		}
	} else if y < 1000 || y > 2100 {
		return 0, false, i, false
	}
	return y, hijri, next, true
}

// dayMonthAt reads "D [من] MONTH [YEAR]" at token i (D a number of one or two
// digits, or an ordinal word). It returns the resolved value and the index
// after it; the value is "" when the date needs a reference date and there is
// none.
func (m *matcher) dayMonthAt(i int) (value string, next int, ok bool) {
	day, j, ok := m.dayAt(i)
	if !ok {
		return "", i, false
	}
	if m.w(j) == "من" {
		j++
	}
	if m.w(j) == "شهر" {
		j++
	}
	mo, hij, k, ok := m.monthAt(j, m.w(j))
	if !ok {
		return m.dayOfRelMonth(day, i, j)
	}
	return m.resolveDMY(day, mo, hij, k)
}

// resolveDMY resolves a day and month with an optional year starting at
// token k.
func (m *matcher) resolveDMY(day, mo int, hij bool, k int) (string, int, bool) {
	if y, yh, n, ok := m.yearAt(k, hij); ok {
		if yh {
			if !hij { // a Gregorian month with a Hijri year: inconsistent
				return "", k, false
			}
			t, ok := hijriToGregorian(y, mo, day)
			if !ok {
				return "", k, false
			}
			return fmtDate(t), n, true
		}
		if hij {
			return "", k, false
		}
		t, ok := mkDate(y, mo, day)
		if !ok {
			return "", k, false
		}
		return fmtDate(t), n, true
	}
	if !m.hasRef {
		return "", k, true
	}
	// 5 مارس من العام الماضي
	if y, n, ok := m.relYearAt(k); ok && !hij {
		t, ok := mkDate(y, mo, day)
		if !ok {
			return "", k, false
		}
		return fmtDate(t), n, true
	}
	// 29 يوليو الجاري, 5 مارس الماضي
	if dir, ok := relDir(m.w(k)); ok && !hij {
		y, _ := m.relMonth(mo, dir)
		rm, rd := int(m.ref.Month()), m.ref.Day()
		if dir == 0 || (dir < 0 && mo == rm && day < rd) || (dir > 0 && mo == rm && day > rd) {
			y = m.ref.Year() // 2 نوفمبر الماضي, read on 7 November: this year's
		}
		t, ok := mkDate(y, mo, day)
		if !ok {
			return "", k, false
		}
		return fmtDate(t), k + 1, true
	}
	if hij {
		hy, hm, ok := gregorianToHijri(m.ref)
		if !ok {
			return "", k, false
		}
		// The nearest such Hijri date: this Hijri year, or the one before
		// when the month is well ahead.
		if mo-hm > 7 {
			hy--
		} else if mo-hm < -9 {
			hy++
		}
		t, ok := hijriToGregorian(hy, mo, day)
		if !ok {
			return "", k, false
		}
		return fmtDate(t), k, true
	}
	t, ok := mkDate(m.yearFor(mo), mo, day)
	if !ok {
		return "", k, false
	}
	return fmtDate(t), k, true
}

// dayAt reads a day of the month: a number 1–31 of at most two digits, or an
// ordinal word (الثالث, الحادي عشر, الحادي والعشرين).
func (m *matcher) dayAt(i int) (int, int, bool) {
	t := m.tok(i)
	if i >= len(m.d.toks) {
		return 0, i, false
	}
	if t.kind == num {
		if t.nd > 2 || t.n < 1 || t.n > 31 {
			return 0, i, false
		}
		// not part of 19/3 or 19-3 or 12:30
		if a := m.tok(i + 1); i+1 < len(m.d.toks) && !a.space && a.kind == punct && (a.r == '/' || a.r == ':' || a.r == '-') &&
			m.tok(i+2).kind == num && !m.tok(i+2).space {
			return 0, i, false
		}
		return t.n, i + 1, true
	}
	return m.ordinalAt(i, m.d.str(t))
}

// ordinalAt reads an ordinal day word; w is the word at i (maybe without a clitic).
func (m *matcher) ordinalAt(i int, w string) (int, int, bool) {
	if t, ok := ordinalTens[w]; ok && !strings.HasPrefix(w, "و") {
		return t, i + 1, true
	}
	u, ok := ordinals[w]
	if !ok {
		return 0, i, false
	}
	switch n := m.w(i + 1); {
	case n == "عشر" || n == "عشره":
		if u == 1 && w != "الحادي" {
			return 0, i, false
		}
		return 10 + u, i + 2, true // الحادي عشر
	case ordinalTens[n] != 0 && strings.HasPrefix(n, "و"):
		if u == 1 && w != "الحادي" && w != "الواحد" {
			return 0, i, false
		}
		return ordinalTens[n] + u, i + 2, true
	}
	if w == "الحادي" || w == "الواحد" {
		return 0, i, false
	}
	return u, i + 1, true
}

// dayOfRelMonth resolves "15 من الشهر الجاري/الماضي/المقبل": the day of the
// month at token j, relative to the reference date.
func (m *matcher) dayOfRelMonth(day, i, j int) (string, int, bool) {
	if c, e, ok := m.samePeriod(j); ok && c.mo != 0 { // من الشهر ذاته
		t, ok := mkDate(c.y, c.mo, day)
		if !ok {
			return "", i, false
		}
		return fmtDate(t), e, true
	}
	dir, end, ok := m.relPeriod(j, "الشهر")
	// 15 الجاري, الخامس من الجاري, 12 الماضي: the month is implied, so
	// the adjective is masculine (not الأيام 3 الماضية); an ordinal needs من.
	// A weekday may come first (السبت 16 الجاري).
	_, afterWeekday := weekdays[m.w(i-1)]
	if w := m.w(j); !ok && !strings.HasSuffix(w, "ه") && (m.tok(i).kind == num || m.w(j-1) == "من") &&
		(!isDefNoun(m.w(i-1)) || afterWeekday) && !countCue[m.w(i-1)] {
		if d, isRel := relDir(w); isRel {
			dir, end, ok = d, j+1, true
		}
	}
	if !ok {
		// الخامس من الشهر: the current month, unless an adjective follows
		// (من الشهر الكريم: Ramadan).
		n := m.tok(j + 1)
		// After a definite noun the ordinal is its adjective: الأسبوع الأول من الشهر.
		if m.w(j) != "الشهر" || (n.kind == word && (strings.HasPrefix(m.d.str(n), "ال") || sameWords[m.d.str(n)])) || n.kind == num ||
			isDefNoun(m.w(i-1)) {
			return "", i, false
		}
		dir, end = 0, j+1
	}
	if !m.hasRef {
		return "", end, true
	}
	first := firstOfMonth(m.ref, dir)
	t, ok := mkDate(first.Year(), int(first.Month()), day)
	if !ok {
		return "", i, false
	}
	return fmtDate(t), end, true
}

// relPeriod reads "PERIOD الجاري/الماضي/المقبل" or "هذا PERIOD" at token j,
// where period is الشهر or الاسبوع (normalized), and returns its direction
// and the index after it.
func (m *matcher) relPeriod(j int, period string) (dir, next int, ok bool) {
	if m.w(j) == "هذا" && m.w(j+1) == period {
		return 0, j + 2, true
	}
	if m.w(j) != period {
		return 0, j, false
	}
	if d2, ok := beyondDir(m.w(j+1), m.w(j+2)); ok { // الشهر بعد القادم
		return d2, j + 3, true
	}
	dir, ok = relDir(m.w(j + 1))
	return dir, j + 2, ok
}

// isDefNoun reports whether w is a word with the article (الأسبوع), not
// the article alone, as in الـ15.
func isDefNoun(w string) bool { return len(w) > len("ال") && strings.HasPrefix(w, "ال") }
