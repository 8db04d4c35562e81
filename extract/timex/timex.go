// Package timex finds and resolves Arabic temporal expressions in news text.
//
// Find returns every temporal expression of a text with its value resolved
// against the publication date; PublicationDate finds that date in a
// dateline or an explicit full date early in the text. Offsets are always
// rune offsets into the original text: matching runs on a normalized copy
// (diacritics, tatweel and invisible marks dropped, hamza forms of alef, alef
// maqsura and teh marbuta folded, Arabic-Indic digits folded to ASCII) and
// every match is mapped back, so Text == string([]rune(text)[Start:End]).
//
// Values follow Marsad's contract:
//
//   - YYYY-MM-DD for a day: full dates, weekdays, اليوم, أمس, غدا, بعد غد,
//     قبل يومين, and weeks: الأسبوع الماضي/المقبل is the day seven days before/after
//     the reference date, standing for that week (هذا الأسبوع is the reference date);
//   - YYYY-MM for a month: "مارس 2021", الشهر الماضي, يناير المقبل, a month alone;
//   - YYYY for a year: "عام 2020", العام المقبل, "1436هـ" (the Gregorian year
//     in which the Hijri year's seventh month falls, that is the year holding
//     most of it);
//   - YYYX for a decade: التسعينيات → 199X (TIDES/TIMEX2 style, the only value
//     outside the YYYY-MM-DD family);
//   - PRESENT_REF, PAST_REF, FUTURE_REF for vague references (حاليا, مؤخرا, قريبا).
//
// Ranges ("من 13 إلى 15 يوليو", "13-15 يوليو", "بين 2019 و2021") give one
// Time for each end, each with its own span.
//
// Resolution rules for news: a bare weekday is the latest such day on or
// before the reference date (the reference date itself when it is that
// weekday), or the next one on or after it when a future cue (سوف, المقرر,
// a verb with the future prefix س) precedes it in the clause; with المقبل/القادم
// it is the next one after the reference date, with الماضي the previous one. A
// day and month without a year, or a month alone, take the reference year,
// unless that puts them more than seven months after the reference date (then
// the year before) or more than nine months before it (then the year after).
// A month with المقبل is its next occurrence after the reference month, with
// الماضي its last occurrence before it.
//
// Hijri dates are converted with the Umm al-Qura calendar for Hijri years
// 1356–1500 (package github.com/hablullah/go-hijri), and with the tabular
// Islamic calendar outside that range (possibly one or two days off).
package timex

import (
	"sort"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// Find returns the temporal expressions of text, in order, resolved against
// ref (the publication date; zero = unknown: then only absolute expressions
// are returned).
func Find(text string, ref time.Time) []article.Time {
	if text == "" {
		return nil
	}
	d := newDoc(text)
	m := matcher{d: d, hasRef: !ref.IsZero()}
	if m.hasRef {
		m.ref = dateOf(ref)
	}
	m.run()
	if len(m.out) == 0 {
		return nil
	}
	sort.SliceStable(m.out, func(i, j int) bool { return m.out[i].start < m.out[j].start })
	res := make([]article.Time, 0, len(m.out))
	cur := runeCursor{text: text}
	for _, h := range m.out {
		bs, be := d.origSpan(h.start, h.last)
		s := cur.at(bs)
		e := cur.at(be)
		txt := text[bs:be]
		if !utf8.ValidString(txt) {
			txt = string([]rune(txt)) // invalid bytes become U+FFFD, one per byte
		}
		res = append(res, article.Time{
			Text:  txt,
			Value: h.value,
			Span:  article.Span{Start: s, End: e},
		})
	}
	return res
}

// datelineRunes is how far into the text PublicationDate looks for a date
// (the first line is always searched whole up to this limit).
const datelineRunes = 400

// PublicationDate finds the article's date in a dateline or an explicit full
// date early in the text (e.g. "أعلن الكرملين، الجمعة 19 مارس/آذار 2021، ..."
// gives 2021-03-19); ok is false when there is none. Only a complete date
// (day, month and year) within the first datelineRunes runes counts.
func PublicationDate(text string) (date time.Time, ok bool) {
	head := text
	n := 0
	for i := range text {
		if n == datelineRunes {
			head = text[:i]
			break
		}
		n++
	}
	for _, t := range Find(head, time.Time{}) {
		if len(t.Value) != len("2006-01-02") {
			continue
		}
		d, err := time.Parse(article.DateLayout, t.Value)
		if err != nil || d.Year() < 1900 || d.Year() > 2100 {
			continue
		}
		return d, true
	}
	return time.Time{}, false
}

// hit is one match in normalized rune offsets.
type hit struct {
	start int // normalized rune offset
	last  int // index of the last token
	value string
}

// matcher scans the tokens of one document.
type matcher struct {
	d      *doc
	ref    time.Time
	hasRef bool
	out    []hit
}

func (m *matcher) run() {
	toks := m.d.toks
	for i := 0; i < len(toks); {
		if next := m.at(i); next > i {
			i = next
			continue
		}
		i++
	}
}

// emit records a match from normalized rune start to the end of token last.
func (m *matcher) emit(start, last int, value string) {
	m.out = append(m.out, hit{start: start, last: last, value: value})
}

// tok returns token i or a zero token past the end.
func (m *matcher) tok(i int) token {
	if i < 0 || i >= len(m.d.toks) {
		return token{kind: punct}
	}
	return m.d.toks[i]
}

// w returns the text of token i when it is a word, else "".
func (m *matcher) w(i int) string {
	if i < 0 || i >= len(m.d.toks) || m.d.toks[i].kind != word {
		return ""
	}
	return m.d.str(m.d.toks[i])
}

// isP reports whether token i is the punctuation r.
func (m *matcher) isP(i int, r rune) bool {
	t := m.tok(i)
	return i >= 0 && i < len(m.d.toks) && t.kind == punct && t.r == r
}

// clitics are the proclitics stripped from the first word of an expression.
var clitics = []string{"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}

// forms returns the word at token i and its forms without a proclitic, each
// with the number of runes stripped.
func (m *matcher) forms(i int) (base string, alts [4]string, skips [4]int, n int) {
	base = m.w(i)
	if base == "" {
		return
	}
	switch r, _ := utf8.DecodeRuneInString(base); r {
	case 'و', 'ف', 'ب', 'ل':
	default:
		return
	}
	for _, c := range clitics {
		if n == len(alts) {
			break
		}
		if len(base)-len(c) < 6 || base[:len(c)] != c { // keep at least 3 letters
			continue
		}
		rest := base[len(c):]
		alts[n], skips[n] = rest, utf8.RuneCountInString(c)
		n++
		// للعام → ل + العام
		if c[len(c)-len("ل"):] == "ل" && len(rest) > 2 && rest[:len("ل")] == "ل" && n < len(alts) {
			alts[n], skips[n] = "ا"+rest, utf8.RuneCountInString(c)
			n++
		}
	}
	return
}

// at tries every pattern at token i and returns the index after the match,
// or i when nothing matches.
func (m *matcher) at(i int) int {
	t := m.tok(i)
	switch t.kind {
	case num:
		return m.atNumber(i)
	case word:
	default:
		return i
	}
	if !mayStart(m.d.str(t)) {
		return i
	}
	base, alts, skips, n := m.forms(i)
	if startWords[base] {
		if j := m.atWord(i, base, t.start); j > i {
			return j
		}
	}
	for k := 0; k < n; k++ {
		if !startWords[alts[k]] {
			continue
		}
		if j := m.atWord(i, alts[k], t.start+skips[k]); j > i {
			return j
		}
	}
	return i
}
