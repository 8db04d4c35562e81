package timex

import (
	"time"

	"github.com/hablullah/go-hijri"
)

// Hijri dates are converted with the Umm al-Qura calendar (the calendar of
// the Saudi press) where it is defined, Hijri years 1356–1500 (1937–2077), and
// with the arithmetical (tabular) Islamic calendar outside that range; the
// tabular calendar can be one or two days off the observed one.

const (
	uqFirstYear = 1356
	uqLastYear  = 1500
)

// hijriToGregorian converts a Hijri date. ok is false when the date does not
// exist (day 30 of a 29-day month) or is out of the supported range.
func hijriToGregorian(y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 30 || y < 1 || y > 2000 {
		return time.Time{}, false
	}
	if y >= uqFirstYear && y <= uqLastYear {
		g := hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: int64(d)}.ToGregorian()
		back, err := hijri.CreateUmmAlQuraDate(g)
		if err != nil || back.Year != int64(y) || back.Month != int64(m) || back.Day != int64(d) {
			return time.Time{}, false
		}
		return dateOf(g), true
	}
	g := hijri.HijriDate{Year: int64(y), Month: int64(m), Day: int64(d)}.ToGregorian()
	back, err := hijri.CreateHijriDate(g, hijri.Default)
	if err != nil || back.Year != int64(y) || back.Month != int64(m) || back.Day != int64(d) {
		return time.Time{}, false
	}
	return dateOf(g), true
}

// gregorianToHijri returns the Hijri year and month of a Gregorian date.
func gregorianToHijri(t time.Time) (y, m int, ok bool) {
	if uq, err := hijri.CreateUmmAlQuraDate(t); err == nil {
		return int(uq.Year), int(uq.Month), true
	}
	h, err := hijri.CreateHijriDate(t, hijri.Default)
	if err != nil {
		return 0, 0, false
	}
	return int(h.Year), int(h.Month), true
}

// dateOf truncates t to its calendar date at midnight UTC.
func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
