package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/lexicon"
)

// This file finds organizations the tagger missed where the prose of news
// names them unmistakably: the source a report cites (وكالة أنباء تاس، قناة
// "ABC News") and the body a spokesperson speaks for (المتحدثة باسم البيت
// الأبيض). Every other place of the text where the same words stand is a
// mention too (ورد البيت الأبيض بأن ...), so that the organization can be the
// speaker of a quote.

// maxNameWords is the most words of a name these rules read.
const maxNameWords = 4

// mediaHeads are the nouns for a kind of news outlet, normalized.
var mediaHeads = map[string]bool{
	"وكاله": true, "صحيفه": true, "قناه": true, "مجله": true, "اذاعه": true,
	"شبكه": true, "جريده": true, "تلفزيون": true,
}

// constructHeads are nouns that take an organization's name as their
// genitive, making a longer name or a part of one (إدارة الدفاع المدني،
// مقاتلي المقاومة).
var constructHeads = map[string]bool{
	"وزاره": true, "هيئه": true, "مجلس": true, "اداره": true, "قياده": true, "امانه": true, "مكتب": true,
	"مديريه": true, "رئاسه": true, "رئيس": true, "وزير": true, "مدير": true, "قائد": true, "فرق": true,
	"فريق": true, "قوات": true, "مقاتلي": true, "عناصر": true, "وحده": true, "لجنه": true, "مركز": true,
	"نائب": true, "عضو": true, "مصلحه": true, "اعضاء": true, "دائره": true, "قسم": true, "جهاز": true, "مؤسسه": true,
}

// spokesHeads are the titles of a spokesperson, before باسم.
var spokesHeads = lexicon.Set(lexicon.Titles(lexicon.Spokesperson))

// notOrgWords are the words with the article that do not start or continue
// an organization's name after باسم: persons' titles (المتحدث باسم الرئيس,
// lexicon.NotOrgName), the titles and military ranks before a person's
// name, which ends the organization's (المتحدث باسم الجيش العقيد جون,
// lexicon.TitleBefore), and words of time (المتحدث باسم الكرملين الأربعاء).
var notOrgWords = func() map[string]bool {
	m := lexicon.Set(lexicon.Titles(lexicon.NotOrgName))
	for _, w := range lexicon.Titles(lexicon.TitleBefore) {
		if strings.HasPrefix(w, "ال") {
			m[w] = true
		}
	}
	for _, w := range [...]string{
		"اليوم", "الليله", "الاسبوع", "الشهر", "العام", "السبت", "الاحد", "الاثنين", "الثلاثاء",
		"الاربعاء", "الخميس", "الجمعه", "الذي", "التي", "الان", "الماضي", "المقبل", "الحالي",
		"النقيب", "الرائد", "المقدم", "الملازم", "العماد", "المشير", "الرقيب",
	} {
		m[w] = true
	}
	return m
}()

// nameFinder reads the tokens of one text.
type nameFinder struct {
	text  string
	toks  []arabic.Token
	full  []string // per token: normalized form
	norms []string // per token: normalized form, without a proclitic before ال
	bare  []string // per token: the form without any one-letter proclitic
	cuts  []int    // per token: runes of the proclitic bare dropped
	taken []bool   // per token: in a mention already
	lone  []int    // per token: 1 + the index of the organization of which it is a mention alone, else 0
	done  []bool   // per token: normalized (see word)
	anch  []uint8  // per token: anchorSpokes, anchorMedia: the anchors it holds (see markAnchors)
	buf   []byte
}

// addNames returns es with the organizations the tagger missed added (see
// the top of this file), and their mentions, and with the short forms of
// organizations' names joined to them (see joinShortForms). toks are the
// tokens of text.
func addNames(text string, toks []arabic.Token, es []article.Entity) []article.Entity {
	var f nameFinder
	return f.addNames(text, toks, es)
}

// addNames is the package's addNames with the per-token buffers of f,
// reused from one call to the next: nothing it returns refers to them.
func (f *nameFinder) addNames(text string, toks []arabic.Token, es []article.Entity) []article.Entity {
	if !f.markAnchors(text, toks) {
		return joinShortForms(es)
	}
	f.text, f.toks = text, toks
	defer func() { f.text, f.toks = "", nil }()
	f.prepare(es)
	var found []candidate
	for i := range toks {
		if toks[i].Kind != arabic.Word || !f.anchored(i) {
			continue
		}
		if c, ok := f.media(i); ok {
			found = append(found, c)
		} else if c, ok := f.spokes(i); ok {
			found = append(found, c)
		}
	}
	if len(found) == 0 {
		return joinShortForms(es)
	}
	given := len(es)
	for _, c := range found {
		es = f.add(es, given, c)
	}
	// An entity whose mentions all went to a longer name is gone.
	es = slices.DeleteFunc(es, func(e article.Entity) bool { return len(e.Mentions) == 0 })
	return joinShortForms(es)
}

// shortHeads are the nouns for a kind of organization that its name may
// drop (وكالة أنباء تاس → تاس، حركة حماس → حماس), normalized.
var shortHeads = map[string]bool{
	"حركه": true, "حزب": true, "جماعه": true, "شركه": true, "منظمه": true, "تنظيم": true,
}

// joinShortForms makes an organization named by the name of a longer one
// of the same text without its head noun (تاس beside وكالة أنباء تاس,
// حماس beside حركة حماس) a mention of the longer one: the short form is
// the same organization, not another one. It returns es without the
// entities joined.
func joinShortForms(es []article.Entity) []article.Entity {
	var long map[string]int // short key -> 1 + index of the longer entity
	for i, e := range es {
		if e.Type != article.ORG {
			continue
		}
		// The head first: most names have none of these, and need no
		// words nor key.
		head, rest := entityHead(e.Text)
		if !mediaHeads[head] && !shortHeads[head] {
			continue
		}
		ws := strings.Fields(rest)
		if len(ws) == 0 {
			continue
		}
		if len(ws) > 1 && ws[0] == "انباء" {
			ws = ws[1:] // وكالة أنباء X
		}
		if k := strings.Join(ws, " "); long[k] == 0 {
			if long == nil {
				long = map[string]int{}
			}
			long[k] = i + 1
		}
	}
	if len(long) == 0 {
		return es
	}
	drop := map[int]bool{}
	for i, e := range es {
		if e.Type != article.ORG {
			continue
		}
		j := long[entityKey(e.Text)] - 1
		if j < 0 || j == i {
			continue
		}
		es[j].Mentions = sortMentions(append(es[j].Mentions, e.Mentions...))
		drop[i] = true
	}
	if len(drop) == 0 {
		return es
	}
	out := es[:0]
	for i, e := range es {
		if !drop[i] {
			out = append(out, e)
		}
	}
	return out
}

// sortMentions orders mentions with those of the title first, then by
// start, and drops repeats.
func sortMentions(ms []article.Span) []article.Span {
	slices.SortStableFunc(ms, func(a, b article.Span) int {
		if a.In != b.In {
			if a.In == article.InTitle {
				return -1
			}
			return 1
		}
		return a.Start - b.Start
	})
	return slices.Compact(ms)
}

// spokesAnchors and mediaAnchors are the words one of which every name
// the rules read stands next to, as written (without diacritics): باسم
// after the title of a spokesperson, and the head nouns of news outlets.
var (
	spokesAnchors = [...]string{"باسم", "بإسم"}
	mediaAnchors  = [...]string{"وكالة", "صحيفة", "قناة", "مجلة", "إذاعة", "اذاعة", "شبكة", "جريدة", "تلفزيون"}
)

// The anchors a token holds (nameFinder.anch).
const (
	anchorSpokes = 1 << iota // a word of spokesAnchors
	anchorMedia              // a word of mediaAnchors
)

// markAnchors sets f.anch to the anchors that each of toks, the tokens of
// text, holds, and reports whether text holds any: most texts hold none
// and are then spared normalizing their words. It looks for each anchor
// in the whole text and marks the token around each of its places,
// rather than looking for every anchor in every token: the anchors that
// end with ة at each ة of the text, which one pass finds (ة is the one
// letter of its last byte, which is 17 times rarer than its first in a
// day of SaudiNewsNet), and the others each by a pass of its own.
// An anchor written with diacritics or tatweel inside (وكَالة) is
// missed: rare in news, and not worth normalizing every text.
func (f *nameFinder) markAnchors(text string, toks []arabic.Token) bool {
	f.anch = cleared(f.anch, len(toks))
	found := false
	mark := func(p, n int, bit uint8) { // an anchor of n bytes at byte p
		found = true
		// The last token that starts at or before p.
		k := sort.Search(len(toks), func(k int) bool { return toks[k].Byte > p }) - 1
		if k >= 0 && p+n <= toks[k].Byte+len(toks[k].Text) {
			f.anch[k] |= bit
		}
	}
	for off := 0; ; {
		j := strings.IndexByte(text[off:], taMarbutaLast)
		if j < 0 {
			break
		}
		end := off + j + 1 // after a ة, or a byte of another letter
		off = end
		for _, a := range mediaAnchors {
			if a[len(a)-1] == taMarbutaLast && strings.HasSuffix(text[:end], a) {
				mark(end-len(a), len(a), anchorMedia)
			}
		}
	}
	for _, a := range mediaAnchors {
		if a[len(a)-1] != taMarbutaLast {
			markAll(text, a, anchorMedia, mark)
		}
	}
	for _, a := range spokesAnchors {
		markAll(text, a, anchorSpokes, mark)
	}
	return found
}

// taMarbutaLast is the last byte of ة (U+0629, D8 A9), which ends most
// of mediaAnchors.
const taMarbutaLast = 0xA9

// markAll calls mark with each place of a in text (overlapping ones too),
// its length and bit.
func markAll(text, a string, bit uint8, mark func(p, n int, bit uint8)) {
	for off := 0; ; {
		j := strings.Index(text[off:], a)
		if j < 0 {
			return
		}
		p := off + j
		off = p + 1
		mark(p, len(a), bit)
	}
}

// anchored reports cheaply whether word token i may start a name the
// rules read: it holds the head noun of an outlet, or the next word is
// باسم (see markAnchors). Only those tokens are normalized.
func (f *nameFinder) anchored(i int) bool {
	return i+1 < len(f.anch) && f.anch[i+1]&anchorSpokes != 0 || f.anch[i]&anchorMedia != 0
}

// prepare marks the tokens inside mentions of es; words are normalized
// later, when a rule first reads them (see word).
func (f *nameFinder) prepare(es []article.Entity) {
	n := len(f.toks)
	f.norms = cleared(f.norms, n)
	f.bare = cleared(f.bare, n)
	f.full = cleared(f.full, n)
	f.cuts = cleared(f.cuts, n)
	f.done = cleared(f.done, n)
	f.taken = cleared(f.taken, n)
	f.lone = cleared(f.lone, n)
	for i, e := range es {
		for _, m := range e.Mentions {
			if m.In != "" {
				continue
			}
			k0 := f.tokenAt(m.Start)
			k := k0
			for ; k < n && f.toks[k].Start < m.End; k++ {
				f.taken[k] = true
			}
			if e.Type == article.ORG && k == k0+1 {
				f.lone[k0] = i + 1
			}
		}
	}
}

// cleared returns s's array holding n zero values when it has room for
// them, else a new one.
func cleared[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// normOf, bareOf, fullOf and cutOf return the forms of word token i (see
// nameFinder), normalizing it first.
func (f *nameFinder) normOf(i int) string { return f.norms[f.word(i)] }
func (f *nameFinder) bareOf(i int) string { return f.bare[f.word(i)] }
func (f *nameFinder) fullOf(i int) string { return f.full[f.word(i)] }
func (f *nameFinder) cutOf(i int) int     { return f.cuts[f.word(i)] }

// word normalizes word token i, once, and returns i.
func (f *nameFinder) word(i int) int {
	if f.done[i] {
		return i
	}
	f.done[i] = true
	t := f.toks[i]
	if t.Kind != arabic.Word {
		return i
	}
	f.buf = arabic.AppendNormalized(f.buf[:0], t.Text, arabic.DefaultNormalizeOptions())
	w := t.Text // most words: normalization leaves them as they are, and no copy is made
	if string(f.buf) != w {
		w = string(f.buf)
	}
	f.norms[i], f.bare[i], f.full[i] = w, w, w
	if mediaHeads[w] || spokesHeads[w] {
		return i
	}
	if p, b, art := splitProclitic(w); p != "" {
		f.bare[i], f.cuts[i] = b, len([]rune(p))
		if art {
			f.norms[i] = b
		}
	}
	return i
}

// splitProclitic splits a normalized word into a proclitic (و ف ب ل ك, or
// two of them) and the rest, keeping ال on the rest (لل+X is ل + الX, art
// true); the rest keeps at least three letters. It returns "", w when w
// has none.
func splitProclitic(w string) (p, rest string, art bool) {
	// Every proclitic starts with one of these: most words are ruled out
	// by their first letter.
	switch r, _ := utf8.DecodeRuneInString(w); r {
	case 'و', 'ف', 'ب', 'ل', 'ك':
	default:
		return "", w, false
	}
	for _, p := range [...]string{"وبال", "وكال", "وفال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل",
		"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"} {
		rest, ok := strings.CutPrefix(w, p)
		if !ok || len([]rune(rest)) < 3 {
			continue
		}
		switch {
		case strings.HasSuffix(p, "لل"):
			return p[:len(p)-len("ل")], "ال" + rest, true
		case strings.HasSuffix(p, "ال"):
			return p[:len(p)-len("ال")], "ال" + rest, true
		}
		return p, rest, false
	}
	return "", w, false
}

// tokenAt returns the index of the first token ending after rune offset off.
func (f *nameFinder) tokenAt(off int) int {
	lo, hi := 0, len(f.toks)
	for lo < hi {
		m := (lo + hi) / 2
		if f.toks[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// candidate is an organization's name found on tokens t0..t1 (inclusive);
// start is the rune offset where it starts (after a proclitic); lead is the
// text of the name's words before t0 when the name is a head noun joined to
// a quoted name (وكالة أنباء "تاس"), else "".
type candidate struct {
	t0, t1 int
	start  int
	lead   string
	head   int // first token of the whole span (the head noun), for lead
	cut    int // runes of a proclitic on token t0 that are not the name's
}

// headCut reports whether word token i is a word of set, as it stands or
// after a proclitic, and how many runes of proclitic it carries.
func (f *nameFinder) headCut(i int, set map[string]bool) (int, bool) {
	switch {
	case set[f.normOf(i)]:
		return 0, true
	case set[f.bareOf(i)]:
		return f.cutOf(i), true
	}
	return 0, false
}

// isMark reports whether token i is the quotation mark r (any of them when
// r is 0).
func (f *nameFinder) isMark(i int) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != arabic.Punct {
		return false
	}
	switch f.toks[i].Text {
	case "\"", "«", "»", "“", "”":
		return true
	}
	return false
}

// quoted reads a name of one to four words between quotation marks whose
// opening mark is token i, and returns its first and last word tokens.
func (f *nameFinder) quoted(i int) (int, int, bool) {
	if !f.isMark(i) {
		return 0, 0, false
	}
	j := i + 1
	for j < len(f.toks) && j-i-1 <= maxNameWords && f.toks[j].Kind == arabic.Word {
		j++
	}
	if j == i+1 || j-i-1 > maxNameWords || !f.isMark(j) {
		return 0, 0, false
	}
	return i + 1, j - 1, true
}

// latin reads a run of one to four words in Latin letters at token i.
func (f *nameFinder) latin(i int) (int, int, bool) {
	j := i
	for j < len(f.toks) && j-i < maxNameWords && f.toks[j].Kind == arabic.Word && isLatin(f.toks[j].Text) {
		j++
	}
	if j == i {
		return 0, 0, false
	}
	return i, j - 1, true
}

func isLatin(w string) bool {
	for _, r := range w {
		if r >= 0x80 || !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// media reads the name of a news outlet at token i, its head noun: وكالة
// أنباء X (the whole is the name: وكالة أنباء تاس، وكالة أنباء "تاس"), or the
// head noun, up to three words with the article that describe it and a
// name between quotation marks or in Latin letters (قناة "ABC News"، وكالة
// الأنباء الروسية "سبوتنك"): the name alone.
func (f *nameFinder) media(i int) (candidate, bool) {
	cut, ok := f.headCut(i, mediaHeads)
	if !ok || f.taken[i] {
		return candidate{}, false
	}
	j := i + 1
	if j < len(f.toks) && f.normOf(j) == "انباء" {
		k := j + 1
		if t0, t1, ok := f.quoted(k); ok {
			return candidate{t0: t0, t1: t1, start: f.toks[i].Start + cut, head: i,
				lead: dropRunes(f.toks[i].Text, cut) + " " + f.toks[j].Text}, true
		}
		if k < len(f.toks) && f.toks[k].Kind == arabic.Word && !strings.HasPrefix(f.normOf(k), "ال") && (!f.taken[k] || f.lone[k] > 0) &&
			len([]rune(f.normOf(k))) >= 2 {
			return candidate{t0: i, t1: k, start: f.toks[i].Start + cut, head: i, cut: cut}, true
		}
		return candidate{}, false
	}
	for d := 0; d <= 3 && j < len(f.toks); d++ {
		if t0, t1, ok := f.quoted(j); ok {
			return candidate{t0: t0, t1: t1, start: f.toks[t0].Start, head: t0}, true
		}
		if t0, t1, ok := f.latin(j); ok {
			return candidate{t0: t0, t1: t1, start: f.toks[t0].Start, head: t0}, true
		}
		if f.toks[j].Kind != arabic.Word || !strings.HasPrefix(f.normOf(j), "ال") {
			break
		}
		j++
	}
	return candidate{}, false
}

// spokes reads the organization a spokesperson speaks for at token i, the
// title (المتحدث باسم البيت الأبيض): one to four words after باسم, the first
// with the article or a head noun before a word with it (وزارة الخارجية),
// the rest with the article, up to a word that is neither, a person's
// title or a word of time. A name between quotation marks or parentheses
// right after (باسم الرئاسة الروسية "الكرملين") is the organization's name
// and the words before only describe it: nothing is read then.
func (f *nameFinder) spokes(i int) (candidate, bool) {
	if _, ok := f.headCut(i, spokesHeads); !ok || i+2 >= len(f.toks) || f.normOf(i+1) != "باسم" {
		return candidate{}, false
	}
	t0 := i + 2
	if f.toks[t0].Kind != arabic.Word || f.taken[t0] || notOrgWords[f.normOf(t0)] {
		return candidate{}, false
	}
	t1 := t0
	if !strings.HasPrefix(f.fullOf(t0), "ال") {
		// A person's title (رئيس الوزراء الإسرائيلي، وزير الخارجية) names the
		// person the spokesperson speaks for, no organization.
		if titleHeads[f.normOf(t0)] {
			return candidate{}, false
		}
		// An indefinite head noun needs a definite word after it.
		if t0+1 >= len(f.toks) || f.toks[t0+1].Kind != arabic.Word || !strings.HasPrefix(f.fullOf(t0+1), "ال") {
			return candidate{}, false
		}
		t1 = t0 + 1
	}
	for k := t1 + 1; k < len(f.toks) && k-t0 < maxNameWords; k++ {
		if f.toks[k].Kind != arabic.Word || !strings.HasPrefix(f.fullOf(k), "ال") || f.taken[k] || notOrgWords[f.normOf(k)] {
			break
		}
		t1 = k
	}
	// One word alone is most often a common noun (الحكومة، الجيش، الشرطة).
	if t1 == t0 {
		return candidate{}, false
	}
	for k := t0; k <= t1; k++ {
		if f.taken[k] || notOrgWords[f.normOf(k)] {
			return candidate{}, false
		}
	}
	if n := t1 + 1; n < len(f.toks) && (f.isMark(n) || f.toks[n].Text == "(") {
		return candidate{}, false
	}
	if f.armedForces(t0, t1) {
		return candidate{}, false
	}
	return candidate{t0: t0, t1: t1, start: f.toks[t0].Start, head: t0}, true
}

// dropRunes returns w without its first n letters and the diacritics on
// them.
func dropRunes(w string, n int) string {
	for i, r := range w {
		if n == 0 && !isMark(r) {
			return w[i:]
		}
		if !isMark(r) {
			n--
		}
	}
	return ""
}

// isMark reports whether r is a diacritic or tatweel.
func isMark(r rune) bool {
	return (r >= 0x064B && r <= 0x0652) || r == 0x0670 || r == 0x0640
}

// add puts the organization of c among es: a mention of the entity of the
// same name, or a new entity; then every other place of the text where
// its words stand untagged, after the first words of es[given:].
func (f *nameFinder) add(es []article.Entity, given int, c candidate) []article.Entity {
	if k := c.t1; f.lone[k] > 0 && (c.t0 == k || !f.taken[c.t0]) {
		// The tagger found the name without its head noun (تاس in وكالة
		// أنباء تاس): the mention goes to the whole name.
		f.release(&es[f.lone[k]-1], k)
	}
	if f.taken[c.t0] || f.taken[c.t1] {
		return es
	}
	var words []string
	var keys []string
	if c.lead != "" {
		words = append(words, strings.Fields(c.lead)...)
		for _, w := range words {
			keys = append(keys, arabic.Normalize(w, arabic.DefaultNormalizeOptions()))
		}
	}
	for k := c.t0; k <= c.t1; k++ {
		if k == c.t0 && c.cut > 0 {
			words = append(words, dropRunes(f.toks[k].Text, c.cut))
			keys = append(keys, f.bareOf(k))
			continue
		}
		words = append(words, f.toks[k].Text)
		keys = append(keys, f.normOf(k))
	}
	key := strings.Join(keys, " ")
	e := -1
	for k := range es {
		if es[k].Type != article.PER && entityKey(es[k].Text) == key {
			e = k
			break
		}
	}
	if e < 0 {
		es = append(es, article.Entity{Text: strings.Join(words, " "), Type: article.ORG})
		e = len(es) - 1
	}
	if c.lead != "" {
		// The span takes in the closing mark: وكالة أنباء "تاس".
		f.mark(&es[e], c.start, c.head, c.t1+1)
		return es // the quoted form: its plain form is found as a name of its own
	}
	f.mark(&es[e], c.start, c.head, c.t1)
	// The other places of the same words.
	n := c.t1 - c.t0 + 1
	for k := 0; k+n <= len(f.toks); k++ {
		if k == c.t0 || f.taken[k] || f.toks[k].Kind != arabic.Word {
			continue
		}
		cut := 0
		switch keys[0] {
		case f.normOf(k):
			if f.normOf(k) == f.bareOf(k) {
				cut = f.cutOf(k) // والبيت: norms holds البيت
			}
		case f.bareOf(k):
			cut = f.cutOf(k)
		default:
			continue
		}
		ok := true
		for d := 1; d < n; d++ {
			if f.taken[k+d] || f.normOf(k+d) != keys[d] {
				ok = false
				break
			}
		}
		// A name of one word stands between quotation marks again («البلاد»)
		// or it is likely a common word (التقارير الاقتصادية). The name does
		// not go on with a word of the article (الحكومة التونسية is another
		// name), nor is it the genitive of a head noun (إدارة الدفاع المدني).
		if n == 1 && !f.isMark(k-1) {
			ok = false
		}
		if nx := k + n; ok && nx < len(f.toks) && f.toks[nx].Kind == arabic.Word && strings.HasPrefix(f.fullOf(nx), "ال") {
			ok = false
		}
		if ok && k > 0 && f.toks[k-1].Kind == arabic.Word && (constructHeads[f.fullOf(k-1)] || constructHeads[f.bareOf(k-1)]) {
			ok = false
		}
		if ok {
			f.mark(&es[e], f.toks[k].Start+cut, k, k+n-1)
		}
	}
	return es
}

// release removes from e its mention on token i alone, and unmarks i.
func (f *nameFinder) release(e *article.Entity, i int) {
	e.Mentions = slices.DeleteFunc(e.Mentions, func(m article.Span) bool {
		return m.In == "" && m.Start < f.toks[i].End && m.End > f.toks[i].Start
	})
	f.taken[i], f.lone[i] = false, 0
}

// mark adds the mention start..end of tokens t0..t1 to e and marks them.
func (f *nameFinder) mark(e *article.Entity, start, t0, t1 int) {
	e.Mentions = append(e.Mentions, article.Span{Start: start, End: f.toks[t1].End})
	for k := t0; k <= t1; k++ {
		f.taken[k] = true
	}
}

// entityKey normalizes an entity's name for comparison: normalized words,
// a proclitic before ال on the first dropped.
func entityKey(name string) string {
	return strings.Join(entityWords(name), " ")
}

// entityWords returns the words of entityKey(name).
func entityWords(name string) []string {
	head, rest := entityHead(name)
	if head == "" {
		return nil
	}
	ws := strings.Fields(rest)
	return slices.Insert(ws, 0, head)
}

// entityHead returns the first of entityWords(name) ("" for none) and the
// normalized name after it, whose fields are the other words.
func entityHead(name string) (head, rest string) {
	head = strings.TrimLeftFunc(arabic.Normalize(name, arabic.DefaultNormalizeOptions()), unicode.IsSpace)
	if i := strings.IndexFunc(head, unicode.IsSpace); i >= 0 {
		head, rest = head[:i], head[i:]
	}
	if p, b, art := splitProclitic(head); p != "" && art {
		head = b
	}
	return head, rest
}

// titleHeads are the nouns without the article that head a person's
// title (رئيس الوزراء، وزير الخارجية), normalized as normOf gives them.
var titleHeads = lexicon.Set(lexicon.Titles(lexicon.TitleHead))

// armedForceNouns are the nouns of a state's armed forces (normalized and
// as written), which news prose qualifies with the country's nisba (الجيش
// الإسرائيلي، القوات المسلحة السودانية).
var armedForceNouns = map[string]bool{"الجيش": true, "القوات": true}

// armedForces reports whether the words t0 to t1 after باسم are an army
// and its country's nisba (الجيش الإسرائيلي، القوات المسلحة السودانية): a
// body ANERcorp leaves untagged (الجيش before a nisba: 60 times untagged,
// twice a club), and the spokesperson's army is named so in every report
// of fighting, where spokes then tagged all its mentions.
func (f *nameFinder) armedForces(t0, t1 int) bool {
	if !armedForceNouns[f.normOf(t0)] {
		return false
	}
	last := f.normOf(t1)
	// normOf folds ة to ه: السودانية is السودانيه here.
	return strings.HasPrefix(last, "ال") && (strings.HasSuffix(last, "ي") || strings.HasSuffix(last, "يه"))
}
