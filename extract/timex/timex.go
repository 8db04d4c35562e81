// Package timex finds and resolves Arabic temporal expressions in news text.
//
// Find returns every temporal expression of a text with its value resolved
// against the publication date; PublicationDate finds that date in a
// dateline or an explicit full date early in the text. Offsets are always
// rune offsets into the original text: matching runs on a normalized copy
// (diacritics, tatweel and invisible marks dropped, hamza forms of alef, alef
// maqsura and teh marbuta folded, Arabic-Indic digits folded to ASCII) and
// every match is mapped back, so Text == string([]rune(text)[Start:End]).
// A proclitic (و ف ب ل) on the first word does not prevent a match; the span
// then starts after it ("والثلاثاء" gives "الثلاثاء").
//
// Values follow Marsad's contract:
//
//   - YYYY-MM-DD for a day: full dates (with Gregorian, Levantine or Hijri
//     month names, or numeric: 19/3/2021, 2021-03-19, 10/10/1436هـ), weekdays,
//     اليوم, أمس, أول أمس, غدا, بعد غد, قبل يومين, منذ 3 أسابيع, قبل
//     شهرين (a count of months is a day), "20 من الشهر الجاري", "الخامس
//     من الشهر الماضي"; and weeks:
//     الأسبوع الماضي/المقبل is the day seven days before/after the reference
//     date, standing for that week (هذا الأسبوع is the reference date);
//   - YYYY-MM for a month: "مارس 2021", "2/2013", الشهر الماضي, يناير المقبل,
//     "أغسطس من العام الماضي", a month alone after في/شهر/منذ..., "رمضان 1436"
//     (the Gregorian month of the Hijri month's 15th day);
//   - YYYY for a year: "عام 2020", "انتخابات 2020،", العام المقبل, قبل عامين,
//     "1436هـ" and an unmarked year in 1400–1500 after عام (Hijri: the
//     Gregorian year in which the Hijri year's seventh month falls, the year
//     holding most of it);
//   - YYYX for a decade: التسعينيات → 199X, ثمانينيات القرن الماضي → 198X
//     (TIDES/TIMEX2 style, outside the YYYY-MM-DD family like centuries; a
//     bare decade is the latest one not after the reference year);
//   - YYXX for a century: القرن الحادي والعشرين → 20XX, القرن الماضي → 19XX
//     (Hijri centuries, القرن الرابع الهجري, are left out);
//   - PRESENT_REF, PAST_REF, FUTURE_REF for vague references (حاليا, الآن,
//     في الوقت الحالي, مؤخرا, في السابق, قريبا, في الأيام المقبلة, الأيام
//     الثلاثة المقبلة).
//
// A modifier that places a time within a period (مطلع, منتصف, أوائل,
// أواخر, أواسط, بداية, نهاية, مستهل, أول, آخر) is part of the span and the
// value is the period's: "منتصف يناير" → the month, "أواخر العام الماضي" →
// the year; أول + a month is its first day. "نهاية الأسبوع" (the weekend) is
// the Friday of that week, and a bare one counts only in a clause about the
// future. "الربع الأول من 2020", "النصف الثاني من العام الماضي" are the
// year. A Hijri month alone (في رمضان, شهر شعبان) is the Gregorian month of
// its 15th day in the reference date's Hijri year (the year before when it
// is more than seven months ahead); عيد الفطر and عيد الأضحى are the dates of
// 1 Shawwal and 10 Dhu al-Hijja chosen the same way, or of a year given.
// Counts may be written as words (ثلاثة أيام, أحد عشر يوما, خمسة وعشرين
// عاما); خلال + a span is read like بعد. "قبل ساعة", "منذ ساعات", "قبل
// دقائق" are the publication day (قبل 48 ساعة two days before); a count of
// hours that is neither at most three nor a multiple of 24 is left out, the
// day depending on the hour of publication, and so are minutes and hours
// after بعد/خلال (وبعد عشر دقائق أجابه: counted from an event) except whole
// days (خلال 24 ساعة).
//
// Spoken day words are days where they cannot be anything else: امبارح,
// أول امبارح, النهاردة, بكرة (not the noun "pulley": only at a clause end,
// before a time of day or a weekday, or after من/بعد/لحد), الجمعة الجاية,
// الأسبوع اللي فات; so are الليلة (tonight; الليلة قبل الماضية two days
// back), هذا المساء, a month before its day (أكتوبر 2, يوليو 13-15, تموز 13
// إلى 15), غرة + a month (its first day), the feasts of fixed date after a
// time cue (في عيد الميلاد, بمناسبة عيد العمال), the days of the Hijri
// calendar (يوم عرفة, عاشوراء, المولد النبوي, رأس السنة الهجرية, ثاني أيام
// عيد الفطر), and a span alone as a sentence (بعد ثلاثة أيام.), which has
// no event of a story to count from. See colloquial.go, monthday.go and
// feasts.go.
//
// Days are also found by position and by anchor: a day or day and month
// written alone (يوم 15, في الخامس عشر, 1/10, 15 الجاري; numeric.go,
// relative.go), a day counted from the last date mentioned (اليوم التالي,
// اليوم نفسه) or from another week, month or year (نفس اليوم من الأسبوع
// القادم, الأسبوع بعد القادم; relative.go), and a day placed in a week,
// month, year or Hijri month (اليوم الأخير من الشهر, آخر جمعة من رمضان,
// الجمعة الأولى من يوليو; position.go). After a weekday, a day and month
// is read in the order and calendar that falls on that weekday (الثلاثاء
// 10/12 may be a Hijri month and day).
//
// Ranges ("من 13 إلى 15 يوليو", "13-15 يوليو", "بين 1982 و1990", "من سبتمبر
// إلى يناير الماضيين") give one Time for each end, each with its own span.
//
// Resolution rules for news: a bare weekday is the latest such day on or
// before the reference date (the reference date itself when it is that
// weekday), or the next one on or after it when a future cue (سوف, المقرر,
// a verb with the future prefix س) precedes it in the clause; with المقبل/القادم
// it is the next one after the reference date, with الماضي the previous one;
// with a date ("الأربعاء 17 مارس") it is that date. A day and month without a
// year, or a month alone, take the reference year, unless that puts them more
// than seven months after the reference month (then the year before) or more
// than nine months before it (then the year after). A month with المقبل is
// its next occurrence after the reference month, with الماضي its last
// occurrence before it. "بعد" + a span (بعد أسبوعين) counts from the reference
// date only in a clause about the future; otherwise it is left out, being
// usually counted from an event of the story. With a zero reference date only
// absolute expressions (explicit years, months with a year, full dates) are
// returned, and the vague references, whose values do not depend on it.
//
// Precision guards: a four-digit number is a year only in 1900–2100 and after
// a year cue (عام, في, منذ, انتخابات...), before punctuation, or with an era
// suffix (2021م); never as part of 19.5, 1,000, 1/2, a percentage or a count
// (نحو 2000). اليوم is not a date in names and set phrases (صحيفة اليوم,
// «اليوم», اليوم العالمي, اليوم التالي, في اليوم, اليوم نفسه); month names
// that are also ordinary words (مارس, آب, نيسان...) need a cue when alone;
// غدا before a definite noun is the verb "became"; صلاة الجمعة and بين الاثنين
// are not weekdays.
//
// Hijri dates are converted with the Umm al-Qura calendar for Hijri years
// 1356–1500 (package github.com/hablullah/go-hijri), and with the tabular
// Islamic calendar outside that range (possibly one or two days off).
package timex

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

// Find returns the temporal expressions of text, in order, resolved against
// ref (the publication date; zero = unknown: then only absolute expressions
// are returned).
//
// Texts of 2 GiB or more (offsets are kept in 32 bits) give nil.
func Find(text string, ref time.Time) []article.Time {
	var f Finder
	return f.Find(text, ref)
}

// A Finder is Find with buffers that it reuses from one call to the next,
// sparing their allocation (and the collector's work) on every text. The
// zero Finder is ready to use. A Finder is not safe for concurrent use;
// what Find returns never refers to its buffers.
type Finder struct {
	atoks []arabic.Token // the tokens of a text given alone
	sc    scanner        // its arrays of tokens and normalized bytes (see doc.read)
	d     doc
	hits  []hit // the matches of a text
}

// Find is the package's Find.
func (f *Finder) Find(text string, ref time.Time) []article.Time {
	if text == "" || len(text) >= maxText {
		return nil
	}
	if f.atoks == nil {
		// Arabic news runs about 11 bytes a token: room for as many at once.
		f.atoks = make([]arabic.Token, 0, len(text)/8+16)
	}
	f.atoks = arabic.AppendTokens(f.atoks[:0], text)
	return f.FindTokens(text, f.atoks, ref)
}

// FindTokens is Find on a text already split into toks, its tokens as
// arabic.Tokenize or an arabic.Analyzer gives them, which it reads rather
// than tokenizing text again: the result is the same. With toks nil, or
// tokens that are not those of text, it scans text alone.
func (f *Finder) FindTokens(text string, toks []arabic.Token, ref time.Time) []article.Time {
	if text == "" || len(text) >= maxText {
		return nil
	}
	d := &f.d
	d.read(text, toks, &f.sc)
	defer f.release()
	m := matcher{d: d, hasRef: !ref.IsZero(), out: f.hits[:0]}
	if m.hasRef {
		m.ref = dateOf(ref)
	}
	m.run()
	f.hits = m.out[:0]
	if len(m.out) == 0 {
		return nil
	}
	slices.SortStableFunc(m.out, func(a, b hit) int { return cmp.Compare(a.start, b.start) })
	res := make([]article.Time, 0, len(m.out))
	for _, h := range m.out {
		bs, be, s, e := d.origSpan(h.start, h.last)
		txt := text[bs:be]
		if !utf8.ValidString(txt) {
			txt = string([]rune(txt)) // invalid bytes become U+FFFD, one per byte
		}
		res = append(res, article.Time{
			Text:  txt,
			Value: strings.Clone(h.value), // it may be a part of d.ns, which the next call overwrites
			Span:  article.Span{Start: s, End: e},
		})
	}
	return res
}

// release lets go of the text of the last call, keeping the arrays of f.sc
// for the next.
func (f *Finder) release() {
	f.d = doc{}
	f.sc.text = ""
}

// maxText is the size from which Find gives up.
const maxText = math.MaxInt32

// datelineRunes is how far into the text PublicationDate looks for a date.
const datelineRunes = 400

// datelineLead is how far into the text a bare full date counts as a
// dateline ("موسكو - 19 مارس 2021 (رويترز) -"), with at most datelineWords
// words before it.
const (
	datelineLead  = 40
	datelineWords = 3
)

// datelineCue is how far into the text a date after a publication cue
// (تاريخ النشر, بتاريخ) counts.
const datelineCue = 150

// PublicationDate finds the article's date in a dateline or an explicit full
// date early in the text; ok is false when there is none. Within the first
// 400 runes, a complete date (day, month and year) counts when it
// is led by its weekday after a comma in the first sentence, the news
// convention for the day of the report ("أعلن الكرملين، الجمعة 19 مارس/آذار
// 2021، ..." gives 2021-03-19), when it
// follows a publication cue (تاريخ النشر:, نشر في, آخر تحديث) within the first
// 150 runes, or when it stands in a dateline: within the first 40 runes,
// after at most three words and right after punctuation or في ("موسكو - 19
// مارس 2021"). A wrong publication date would shift every relative date of
// the article, so this prefers missing a date to guessing one.
// Other dates early in a text are usually those of the events reported.
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
	d := newDoc(head)
	m := matcher{d: d}
	m.run()
	for _, h := range m.out {
		if len(h.value) != len("2006-01-02") {
			continue
		}
		t, err := time.Parse(article.DateLayout, h.value)
		if err != nil || t.Year() < 1900 || t.Year() > 2100 {
			continue
		}
		k := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > h.start })
		if k >= len(d.toks) {
			continue
		}
		// The weekday convention: "أعلن الكرملين، الجمعة 19 مارس 2021،" in the
		// first sentence, right after a comma (not "يبدأ يوم الاثنين 10/10").
		_, weekday := weekdays[m.w(k)]
		lead := strings.TrimSpace(head[:d.toks[k].ob])
		weekday = weekday && (k == 0 || m.tok(k-1).kind == punct) && !strings.ContainsAny(lead, ".\n")
		p := k - 1
		if m.isP(p, ':') {
			p--
		}
		prev := m.w(p)
		// تاريخ النشر: / نشر في / آخر تحديث (not بتاريخ alone, which dates
		// documents cited in the text).
		if prev == "في" || prev == "بتاريخ" {
			prev = m.w(p - 1)
		}
		cue := h.start < datelineCue && (prev == "النشر" || strings.HasPrefix(prev, "نشر") || prev == "تحديث")
		words := 0
		for j := 0; j < k; j++ {
			if d.toks[j].kind == word {
				words++
			}
		}
		dateline := h.start < datelineLead && words <= datelineWords &&
			(k == 0 || m.tok(k-1).kind == punct || m.w(k-1) == "في")
		if weekday || cue || dateline {
			return t, true
		}
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
	t := &m.d.toks[i] // not copied for str
	return m.d.ns[t.bs:t.be]
}

// isP reports whether token i is the punctuation r.
func (m *matcher) isP(i int, r rune) bool {
	t := m.tok(i)
	return i >= 0 && i < len(m.d.toks) && t.kind == punct && t.r == r
}

// clitics are the proclitics stripped from the first word of an expression.
var clitics = []string{"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}

// atClitic tries the patterns at token i, the word w at normalized rune
// start, on its forms without a proclitic (each keeping at least 3 letters)
// in the order of clitics; after a ل, a rest that starts with ل is also
// read with the article (للعام → ل + العام).
func (m *matcher) atClitic(i int, w string, start int) int {
	if len(w) < len("و")+6 {
		return i
	}
	switch w[:len("و")] {
	case "و", "ف", "ب", "ل":
	default:
		return i
	}
	for _, c := range clitics {
		if len(w)-len(c) < 6 || w[:len(c)] != c { // keep at least 3 letters
			continue
		}
		rest, skip := w[len(c):], utf8.RuneCountInString(c)
		if f := startOf(rest); f != 0 {
			if j := m.atWord(i, rest, start+skip, f); j > i {
				return j
			}
		}
		if !strings.HasSuffix(c, "ل") || !strings.HasPrefix(rest, "ل") {
			continue
		}
		if a, ok := lamStarts[rest]; ok {
			if j := m.atWord(i, a, start+skip, startWords[a]); j > i {
				return j
			}
		}
	}
	return i
}

// at tries every pattern at token i and returns the index after the match,
// or i when nothing matches.
func (m *matcher) at(i int) int {
	if i < 0 || i >= len(m.d.toks) {
		return i
	}
	t := &m.d.toks[i] // not m.tok(i): a token is too big to copy for each
	switch t.kind {
	case num:
		return m.atNumber(i)
	case numx:
		return m.atNumx(i)
	case word:
	default:
		return i
	}
	w := m.d.ns[t.bs:t.be] // not m.d.str(*t), which copies the token
	if !mayStart(w) {
		return i
	}
	if f := startOf(w); f != 0 {
		if j := m.atWord(i, w, t.start, f); j > i {
			return j
		}
	}
	return m.atClitic(i, w, t.start)
}
