package timex

import (
	"strings"
	"time"
)

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
	if m.w(i+1) != "ايام" || m.w(i+2) != "عيد" {
		return i, false
	}
	n, ok := feastDayWords[m.w(i)]
	if !ok {
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
