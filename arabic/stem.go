package arabic

import (
	"strings"
	"unicode/utf8"
)

// Stem returns the stem of a normalized Arabic word (see Normalize), the
// term search matches on. It strips clitics (conjunctions, prepositions,
// the article, the future particle, and their stacks such as "وبال",
// "فلل"), pronoun suffixes, and inflection (sound plurals and duals, verb
// person affixes, the accusative alef), maps the feminine and plural forms
// of nisba adjectives to the masculine (دولية, دوليين → دولي), imperfect
// verbs to the perfect (يستخدمون → استخدم) and some broken plurals of
// regular patterns to their singular (وزراء → وزير). Each decision that
// could cut into the word itself is checked against DefaultLexicon: a
// candidate stem must be an attested word. Words that are not Arabic are
// returned unchanged. The result is in normalized form: teh marbuta is
// folded to heh.
//
// A word normalized with teh marbuta kept (FoldTehMarbuta off, as the
// Analyzer does before stemming) lets the stemmer tell the feminine ending
// ة from the pronoun ه.
//
//	Stem("والحوار") == "حوار"
//	Stem("للكونغرس") == "كونغرس"
func Stem(w string) string {
	l := DefaultLexicon()
	if e, ok := l.stems().lookup(w); ok {
		return e.stemFolded
	}
	return foldTehMarbuta(stemWord(l, w))
}

// StemRules is Stem without the lexicon: every decision is made by rules
// on the form of the word alone. It conflates less well than Stem.
func StemRules(w string) string { return foldTehMarbuta(stemWord(nil, w)) }

// Arabic letters used by the stemmer, in UTF-8.
const (
	alef   = "ا"
	teh    = "ت"
	tehM   = "ة"
	heh    = "ه"
	waw    = "و"
	yeh    = "ي"
	noon   = "ن"
	seen   = "س"
	theArt = "ال"
)

// articlePrefixes are the definite article with the clitics that may precede
// it, longest first. "لل" is ل + ال with the alef elided.
var articlePrefixes = []string{"وبال", "وكال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}

// pronounSuffixes are the attached pronouns, longest first. The first person
// singular ي, the second person ك and the feminine plural كن are left out:
// they are rare in news and end many words (ممكن, اماكن).
var pronounSuffixes = []string{"هما", "كما", "هم", "هن", "كم", "ها", "نا", "ه"}

// runes returns the number of runes of s.
func runes(s string) int { return utf8.RuneCountInString(s) }

// stemWord stems w, consulting lex when it is not nil. Teh marbuta ة, when
// the caller kept it, marks the feminine; a final heh is read as a pronoun.
func stemWord(lex *Lexicon, w string) string {
	if w == "" || w[0] < utf8.RuneSelf || runes(w) < 3 {
		return w
	}
	m := suffixMemo{lex: lex}
	s, art := stripProclitics(&m, w)
	if s == "" {
		return w
	}
	if art && lex != nil && runes(s) >= 3 && lex.f(s, "") == 0 && lex.f(theArt, s) > 0 {
		// The article belongs to a name ("البانيا"): keep it unless the
		// word is an inflected form of an attested stem.
		fa := lex.f(theArt, s)
		if t := m.strip(s); t != s && lex.f(theArt, t)*2 >= fa {
			return t
		}
		return theArt + s
	}
	s = m.strip(s)
	if lex != nil {
		s = stripVerbPrefix(lex, s)
		s = singular(lex, s)
	}
	return s
}

// suffixMemo remembers stripSuffixes of the words one stemWord call asks
// it of, several times for some: stripProclitics asks it of each word it
// considers, and stemWord of the one it keeps.
type suffixMemo struct {
	lex     *Lexicon
	n       int
	in, out [4]string
}

// strip returns stripSuffixes(m.lex, s).
func (m *suffixMemo) strip(s string) string {
	for i := range m.n {
		if m.in[i] == s {
			return m.out[i]
		}
	}
	r := stripSuffixes(m.lex, s)
	if m.n < len(m.in) {
		m.in[m.n], m.out[m.n] = s, r
		m.n++
	}
	return r
}

// allah is the word Allah, whose initial "ال" is not the article.
const allah = "الله"

// stripProclitics removes the clitics that precede a word and reports
// whether the article was among them; m strips suffixes with its lexicon.
func stripProclitics(m *suffixMemo, w string) (string, bool) {
	lex := m.lex
	if i := strings.Index(w, allah); i >= 0 && i+len(allah) == len(w) && i <= 4 {
		return allah, false
	}
	n := runes(w)
	for _, p := range articlePrefixes {
		if !strings.HasPrefix(w, p) || n-runes(p) < 2 {
			continue
		}
		rest := w[len(p):]
		if lex != nil && n-runes(p) == 2 && lex.f(rest, "")*procliticRatio < lex.f(w, "") {
			break // الحق is ال + حق, المه is الم + ه
		}
		return rest, true
	}
	if lex == nil {
		// a conjunction, then a preposition: "وب", "فل", "وك"...
		if n >= 6 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
			rest := w[2:]
			if strings.HasPrefix(rest, "ب") || strings.HasPrefix(rest, "ل") || strings.HasPrefix(rest, "ك") {
				return rest[2:], false
			}
		}
		if n >= 5 && (strings.HasPrefix(w, "و") || strings.HasPrefix(w, "ف")) {
			return w[2:], false
		}
		return w, false
	}
	// With a lexicon, strip one clitic letter at a time while what remains
	// is an attested word not much rarer (see procliticRatio and
	// verbProcliticRatio) and the word does not itself take the article:
	// "بواشنطن" → "واشنطن", but "واشنطن", "وزير" and "بطاطس" stay whole.
	// A word the corpus never saw, nor its remainder, is stripped by rules.
	s := w
	for step := 0; step < 3; step++ {
		if runes(s) < 4 {
			break
		}
		c := s[:2]
		ok := false
		switch c {
		case "و", "ف":
			ok = step == 0
		case "ب", "ك", "ل":
			ok = step < 2
		case seen: // the future particle, before an imperfect verb
			next := s[2:4]
			ok = next == yeh || next == teh || next == noon || next == alef
		}
		if !ok {
			break
		}
		if c != seen && (lex.f(theArt, s) > 0 || lex.f(theArt, m.strip(s)) > 0) {
			break // the letter belongs to a word that takes the article: الوحدة, البيان, فردا (الفرد)
		}
		rest := s[2:]
		fr, fs := lex.f(rest, ""), lex.f(s, "")
		if fr == 0 {
			// What remains was never seen: compare the stems the two
			// inflect to (ورعبنا → رعب, but كتابهم keeps its ك), and when
			// neither is attested strip by rules a conjunction before a
			// long word the corpus never saw.
			if c == seen {
				break
			}
			gs, gr := max(fs, stemFreq(m, s)), stemFreq(m, rest)
			if gr == 0 && (gs > 0 || c != "و" && c != "ف" || runes(rest) < 4) || gr > 0 && gr*procliticRatio < gs {
				break
			}
		} else if fr, fs = max(fr, stemFreq(m, rest)), max(fs, stemFreq(m, s)); fr*procliticRatio < fs && !(fr*verbProcliticRatio >= fs && perfectVerb(lex, rest)) {
			break
		}
		s = rest
		if step < 2 {
			for _, p := range articlePrefixes[len(articlePrefixes)-2:] { // a clitic before "ال", "لل" already handled
				if strings.HasPrefix(s, p) && runes(s)-runes(p) >= 2 && c != seen {
					return s[len(p):], true
				}
			}
		}
	}
	return s, false
}

// procliticRatio bounds how much more frequent a word may be than what
// remains without its first letter for that letter to be read as a
// proclitic: "وقال" (twice "قال") loses its و, "وزير" (1600 times "زير") and
// "وافق" (8 times "افق") keep it.
const procliticRatio = 4

// verbProcliticRatio replaces procliticRatio when what remains is a
// perfect verb (see perfectVerb): news opens sentences with "واضاف", 23
// times as frequent as "اضاف".
const verbProcliticRatio = 64

// perfectVerb reports whether s is attested as a verb in the perfect: its
// third person feminine (اضافت) or plural (اضافوا) is attested, or s is
// such a feminine (اضافت, and اضافوا is attested).
func perfectVerb(lex *Lexicon, s string) bool {
	if lex.f(s, teh) > 0 || lex.f(s, "وا") > 0 {
		return true
	}
	return strings.HasSuffix(s, teh) && runes(s) >= 4 && lex.f(s[:len(s)-2], "وا") > 0
}

// verbPrefixRatio bounds how much more frequent an imperfect verb may be
// than the perfect it is mapped to: تستخدم → استخدم.
const verbPrefixRatio = 8

// stemFreq returns the frequency of the word that removing the suffixes of
// s leaves, 0 when none is removed.
func stemFreq(m *suffixMemo, s string) int {
	if t := m.strip(s); t != s {
		return m.lex.f(t, "")
	}
	return 0
}

// attested reports whether a candidate stem a+b is a word of the lexicon at
// least 1/ratio as frequent as the word it is taken from (freq w).
func attested(lex *Lexicon, a, b string, w int, ratio int) bool {
	f := lex.f(a, b)
	return f > 0 && f*ratio >= w
}

// stripSuffixes removes a pronoun suffix, then an inflectional suffix
// (dual, sound plurals, verb person, accusative alef, the feminine), and
// maps the feminine nisba to the masculine. Without a lexicon (lex nil) it
// takes only the cuts that are safe by rules.
func stripSuffixes(lex *Lexicon, s string) string {
	fw := lex.f(s, "")
	// a pronoun suffix
	for _, p := range pronounSuffixes {
		if !strings.HasSuffix(s, p) {
			continue
		}
		b := s[:len(s)-len(p)]
		nb := runes(b)
		if nb < 3 { // يده keeps its ه: two letters are too few to tell
			break
		}
		if lex != nil && strings.HasSuffix(p, alef) && lex.f(s[:len(s)-2], "") > lex.f(b, "") {
			break // the accusative alef, not a pronoun: بيانا is بيان, not بيا + نا
		}
		// a feminine noun before a pronoun ends in teh: منطقتهم → منطقة
		if strings.HasSuffix(b, teh) && (lex == nil || lex.f(b[:len(b)-2], tehM) > 0) {
			return b[:len(b)-2] + tehM
		}
		if lex == nil && nb >= 3 || lex != nil && (lex.f(b, "") > 0 || fw == 0 && nb >= 3) {
			s, fw = b, lex.f(b, "")
		}
		break
	}
	n := runes(s)
	switch {
	case strings.HasSuffix(s, "تان") || strings.HasSuffix(s, "تين"): // feminine dual
		if b := s[:len(s)-6]; runes(b) >= 2 && (lex == nil || lex.f(b, tehM) > 0) {
			return b + tehM
		}
	case strings.HasSuffix(s, "ات"): // feminine plural
		b := s[:len(s)-4]
		if runes(b) < 2 {
			break
		}
		if lex == nil {
			if runes(b) >= 3 {
				return nisba(lex, b+tehM)
			}
			break
		}
		fem, masc := lex.f(b, tehM), 0
		if runes(b) >= 3 { // not بدات → بد
			masc = lex.f(b, "")
		}
		switch {
		case fem > 0 && fem >= masc: // مجموعات → مجموعة
			return nisba(lex, b+tehM)
		case masc > 0: // منتخبات → منتخب
			return b
		case fw == 0 && runes(b) >= 3:
			return nisba(lex, b+tehM)
		}
	case strings.HasSuffix(s, "ون") || strings.HasSuffix(s, "ين") || strings.HasSuffix(s, "ان"): // plural, dual, verb
		b := s[:len(s)-4]
		ratio := 8
		if strings.HasSuffix(s, "ان") {
			ratio = 1 // ان ends many words: strip only towards a more frequent stem
		}
		if runes(b) >= 3 && (lex == nil && !strings.HasSuffix(s, "ان") || lex != nil && attested(lex, b, "", fw, ratio)) {
			return b
		}
	case strings.HasSuffix(s, "وا"): // verb, third person plural
		b := s[:len(s)-4]
		if runes(b) >= 3 && (lex == nil || lex.f(b, "") > 0) {
			return b
		}
	case n >= 4 && strings.HasSuffix(s, alef): // accusative tanween, verb dual
		b := s[:len(s)-2]
		if lex != nil && attested(lex, b, "", fw, 2) {
			return b
		}
	case n >= 4 && strings.HasSuffix(s, teh): // verb, third person feminine
		b := s[:len(s)-2]
		if lex != nil && attested(lex, b, "", fw, 2) {
			return b
		}
	case n >= 4 && strings.HasSuffix(s, waw) && !strings.HasPrefix(s, yeh) && !strings.HasPrefix(s, teh): // construct plural: مواطنو, not يدعو
		b := s[:len(s)-2]
		if lex != nil && lex.f(b, "") > 0 && (lex.f(b, "ون") > 0 || lex.f(b, "ين") > 0) {
			return b
		}
	}
	if r := feminine(lex, s, fw); r != s {
		return r
	}
	return nisba(lex, s)
}

// feminine removes the feminine ending ة of an adjective: when the
// masculine is attested, at least as frequent (fw is the frequency of s),
// and has a sound plural, as adjectives do: كبيرة → كبير, but دولة (دول is
// another word), خلافة, مدينة stay.
func feminine(lex *Lexicon, s string, fw int) string {
	if lex != nil && strings.HasSuffix(s, tehM) && runes(s) >= 4 {
		b := s[:len(s)-2]
		if attested(lex, b, "", fw, 1) && lex.f(b, "ون")+lex.f(b, "ين") > 0 {
			return b
		}
	}
	return s
}

// nisba maps the feminine of a nisba adjective to the masculine: دولية →
// دولي. Other words are returned unchanged.
//
// With a lexicon, the masculine must be attested with the article
// (الدولي) or in the plural (دوليين), which tells nisba adjectives from
// nouns such as قضية and هدية.
func nisba(lex *Lexicon, s string) string {
	if !strings.HasSuffix(s, "ية") || runes(s) < 4 || strings.HasSuffix(s, "اية") { // not ولاية, نهاية
		return s
	}
	m := s[:len(s)-2]
	if lex != nil && lex.f(m, "ين")+lex.f(m, "ون")+lex.f(theArt, m) == 0 {
		return s
	}
	return m
}

// stripVerbPrefix removes the prefix of an imperfect verb (ي ت ن) when the
// verb is attested with another person prefix and what remains, or alef and
// what remains (the perfect of derived forms: يستخدم → استخدم), or the
// perfect of a hollow verb (يقول → قال) is an attested word not much rarer
// (see verbPrefixRatio).
func stripVerbPrefix(lex *Lexicon, s string) string {
	if runes(s) < 4 {
		return s
	}
	c := s[:2]
	if c != yeh && c != teh && c != noon {
		return s
	}
	rest := s[2:]
	// A verb shows up with more than one person prefix: يستخدم and
	// تستخدم. Names and nouns rarely do: يمين, نبيل.
	other := 0
	for _, p := range [...]string{yeh, teh, noon} {
		if p != c {
			other += lex.f(p, rest)
		}
	}
	if other == 0 {
		return s
	}
	fw := lex.f(s, "")
	if r := []rune(rest); len(r) == 3 && (r[1] == 'و' || r[1] == 'ي') {
		// a hollow verb: يعود, تقول → عاد, قال
		if c := string([]rune{r[0], 'ا', r[2]}); attested(lex, c, "", fw, verbPrefixRatio) {
			return c
		}
	}
	f1, f2 := lex.f(rest, ""), lex.f(alef, rest)
	if f1 > 0 && strings.HasPrefix(rest, "ل") {
		f2 = 0 // يلحظ is لحظ, not الحظ, "the luck"
	}
	switch {
	case f2 > f1 && f2*verbPrefixRatio >= fw:
		return alef + rest
	case f1 > 0 && f1*verbPrefixRatio >= fw:
		return rest
	}
	return s
}

// singular maps some broken plurals of regular patterns to the singular
// when the singular is an attested word: افعال → فعل (اعمال → عمل),
// فعلاء → فعيل (وزراء → وزير), فواعل → فاعل(ة) (عوامل → عامل),
// فعائل → فعالة or فعيلة (رسائل → رسالة), مفاعل → مفعل(ة) (مناطق → منطقة).
// The plural فعول is left alone: it is also the pattern of many verbal
// nouns (خروج, دخول), which would merge with their verbs.
func singular(lex *Lexicon, s string) string {
	r := []rune(s)
	fw := lex.f(s, "")
	const ratio = 4
	switch {
	case len(r) == 5 && r[0] == 'ا' && r[3] == 'ا' && r[1] != 'ي':
		// Also the verbal noun of form IV (اعلان of اعلن, ايمان): not when
		// the verb is about as frequent as the singular would be.
		if c := string([]rune{r[1], r[2], r[4]}); attested(lex, c, "", fw, ratio) && lex.f(alef, c)*ratio < lex.f(c, "") {
			return c
		}
	case len(r) == 5 && r[3] == 'ا' && r[4] == 'ء':
		if c := string([]rune{r[0], r[1], 'ي', r[2]}); attested(lex, c, "", fw, ratio) {
			return c
		}
	case len(r) == 5 && r[1] == 'و' && r[2] == 'ا':
		c := string([]rune{r[0], 'ا', r[3], r[4]})
		if attested(lex, c, tehM, fw, ratio) {
			return c + tehM
		}
		if attested(lex, c, "", fw, ratio) {
			return c
		}
	case len(r) == 5 && r[2] == 'ا' && r[3] == 'ئ':
		if c := string([]rune{r[0], r[1], 'ا', r[4]}); attested(lex, c, tehM, fw, ratio) {
			return c + tehM
		}
		if c := string([]rune{r[0], r[1], 'ي', r[4]}); attested(lex, c, tehM, fw, ratio) {
			return c + tehM
		}
	case len(r) == 5 && r[0] == 'م' && r[2] == 'ا':
		c := string([]rune{r[0], r[1], r[3], r[4]})
		if attested(lex, c, tehM, fw, ratio) {
			return c + tehM
		}
		if attested(lex, c, "", fw, ratio) {
			return c
		}
	}
	return s
}

// foldTehMarbuta folds ة to ه.
func foldTehMarbuta(s string) string {
	if !strings.Contains(s, tehM) {
		return s
	}
	return strings.ReplaceAll(s, tehM, heh)
}
