// Package quote finds attributed statements in Arabic news text: who said
// what, with which reporting verb, quoted directly (between quotation marks)
// or reported (قال X إن ...).
//
// Find works on the article text and the entities already found in it. A
// speaker is always one of those entities (a person or an organization, never
// a place); when the speaker of a statement is unclear, Find reports nothing
// for it: precision matters more than recall.
//
// The rules are those of Arabic news prose:
//
//   - a reporting verb with its subject after it (قال دميتري بيسكوف، المتحدث
//     باسم الكرملين، إن ...), after a title (قال وزير الخارجية سيرغي لافروف) or
//     before it (جين ساكي أوضحت أن ...، كان بوتين قد صرّح), in either gender,
//     with the clitics و and ف (وقال، فيما أشارت، كما أضافت);
//   - the statement after the complementizer إن/أن (إلى أن، على أن، بأن) up to
//     the end of its clause (the sentence end, or a new clause: ، مؤكداً أن،
//     ، وأضاف، ، وردّ بوتين), or between quotation marks (« »، " "، “ ”) right
//     after the verb, its subject or a colon;
//   - participles (مضيفاً، مؤكدة، قائلاً) and بالقول, which continue with the
//     subject of their clause, when they agree with it in gender;
//   - elided subjects (وأضاف "..."، وأوضحت أن ...): at the start of a sentence,
//     the last speaker of the last few sentences that agrees in gender, unless
//     another possible subject was named since; in the middle of a sentence,
//     the subject of that sentence;
//   - titles bound to a name earlier in the article (جين ساكي، المتحدثة باسم
//     البيت الأبيض، ... كما أضافت المتحدثة باسم البيت الأبيض), and البيان for
//     the organization whose statement was just quoted;
//   - بحسب X / وفقاً لـ X at the start of a sentence, and نقلت ... عن X;
//   - a quotation followed by its attribution ("..."، قال X).
//
// Analyze also returns the titles that name a person of the text (the
// title of an apposition, the title right before the name, and the same
// title, whole or shortened, used alone later), and the organizations
// named as the subject of a reporting verb that the given entities lack
// (قالت وزارة الخارجية الروسية إن ...).
//
// A quote's Verb is the reporting word as written, without the clitic و or ف
// and without diacritics or tatweel (وصرّح → صرح، مضيفاً → مضيفا). Offsets are
// rune offsets into the original text.
package quote

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

// Find returns the attributed statements of text whose speakers are among
// entities, in text order (Analyze also reports the statements of
// organizations missing from entities). Only entities of type PER and ORG are speakers;
// mention spans are rune offsets into text. The Text of every quote equals
// string([]rune(text)[q.Start:q.End]). Texts of 2 GiB or more (offsets are
// kept in 32 bits) give nil.
func Find(text string, entities []article.Entity) []article.Quote {
	return FindIn(text, entities, "")
}

// FindIn is Find for the part of an article that in names: "" for its text,
// article.InTitle for its title. It uses only the mentions whose In equals
// in, and the quotes it returns carry in.
func FindIn(text string, entities []article.Entity, in string) []article.Quote {
	if text == "" || len(entities) == 0 || len(text) >= maxText {
		return nil
	}
	// Arabic news runs about 11 bytes a token: room for as many at once.
	atoks := arabic.AppendTokens(make([]arabic.Token, 0, len(text)/8+16), text)
	f := newFinderBuf(text, atoks, entities, in, &finderBufs{})
	f.run()
	// Only the speakers among entities: Analyze also reports the
	// organizations it found.
	out := f.out[:0]
	for k, q := range f.out {
		if f.outEnt[k] < f.given {
			out = append(out, q)
		}
	}
	return out
}

// maxText is the size from which the package finds nothing in a text: a
// token keeps its offsets in 32 bits.
const maxText = math.MaxInt32

// mention is an entity mention mapped onto tokens t0..t1 (inclusive).
type mention struct {
	ent    int
	t0, t1 int
	prep   bool // a preposition is attached (لبايدن) or precedes it
	gen    bool // a genitive of an organization or place (لشركة دايملر، مطار الملك فهد)
}

// ref is an entry of the discourse history: a possible subject.
type ref struct {
	ent     int    // entity index, -1 for a subject that is not an entity
	g       gender // gender of an unknown subject
	sent    int32
	speaker bool // the subject of a reporting word
	subj    bool // in subject position of its clause
	clause  bool // a new clause whose subject is not a name (، وقد ابتدر الإمام)
}

// role binds a title (المتحدثة باسم البيت الأبيض) to the person it named.
type role struct {
	key string
	ent int // -2 when two entities share the title
}

type finder struct {
	in     string // the part of the article: "" or article.InTitle
	text   string // valid UTF-8
	nrunes int
	toks   []token
	qs     []qspan
	inside []int32 // per token: outermost quotation holding it, or -1
	opener []int32 // per token: quotation it opens, or -1
	sent   []int32 // per token: sentence index
	paren  []bool  // per token: inside parentheses

	ents    []article.Entity // the entities given, then those found (orgSubject)
	given   int              // how many were given
	speaks  []bool           // per entity: PER or ORG
	gender  []gender         // per entity: known grammatical gender
	words   [][]string       // per entity: normalized words of its name
	ments   []mention
	startAt []int32 // per token: mention starting there, or -1
	endAt   []int32 // per token: mention ending there, or -1
	roles   []role
	titles  []titleMention

	counterpart int8 // 0 not yet known, 1 no, 2 yes: see hasCounterpart

	cues   []tokCue // per token: its reporting word, see lookupCues
	hist   []ref
	out    []article.Quote
	outEnt []int // per quote of out: the speaker's entity index
}

// An Analyzer is Analyze with buffers that it reuses from one call to the
// next, sparing their allocation (and the collector's work) on every text.
// The zero Analyzer is ready to use. An Analyzer is not safe for
// concurrent use; what Analyze returns never refers to its buffers.
type Analyzer struct {
	bufs finderBufs
}

// finderBufs are the per-token buffers of a finder, kept from one text to
// the next.
type finderBufs struct {
	atoks []arabic.Token // the tokens of a text given alone
	toks  []token
	i32   []int32 // inside, opener, sent, startAt and endAt
	paren []bool
	cues  []tokCue
	norms []byte  // the tokens' normalized words (see tokenizeValidBuf)
	cands []int32 // the tokens that may be reporting words (likewise)
	ments []mention
	names []byte     // the entities' normalized names, back to back
	ends  []int      // where each name ends in names
	words []string   // the words of those names, back to back
	ewrds [][]string // each entity's words, in words
	f     finder     // the finder itself: Analyze returns nothing of it
}

// grown returns s's array with length n when it has room for n, else a
// new one; what it holds is left to the caller to set.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// Analyze is the package's Analyze.
func (a *Analyzer) Analyze(text string, entities []article.Entity, in string) Result {
	a.bufs.atoks = arabic.AppendTokens(a.bufs.atoks[:0], text)
	return a.AnalyzeTokens(text, a.bufs.atoks, entities, in)
}

// AnalyzeTokens is Analyze on a text already split into toks, its tokens
// as arabic.Tokenize or an arabic.Analyzer gives them, which it reads
// rather than tokenizing text again: the result is the same. With toks
// nil, or tokens that are not those of text, it scans text alone.
func (a *Analyzer) AnalyzeTokens(text string, toks []arabic.Token, entities []article.Entity, in string) Result {
	if text == "" || len(text) >= maxText {
		return Result{}
	}
	f := newFinderBuf(text, toks, entities, in, &a.bufs)
	f.run()
	f.bareTitles()
	// The quotes in an array of their own, the finder's being kept for
	// the next text (cleared, so as not to hold this one's strings).
	qs := append(make([]article.Quote, 0, len(f.out)), f.out...)
	clear(f.out)
	return Result{Quotes: qs, Titles: f.titleResult(), Entities: f.found()}
}

// newFinderBuf returns the finder of text, read through its tokens atoks
// (see tokenizeValidBuf), with its per-token buffers and its mentions in
// b's arrays when they have room, and b left holding those it used; the
// finder it returns is b.f.
func newFinderBuf(text string, atoks []arabic.Token, entities []article.Entity, in string, b *finderBufs) *finder {
	// Clipped: organizations found here are appended without touching
	// the caller's array.
	f := &b.f
	// The previous text's arrays that only the finder reads.
	out, outEnt, hist, speaks, gend := f.out, f.outEnt, f.hist, f.speaks, f.gender
	*f = finder{text: text, ents: slices.Clip(entities), given: len(entities), in: in}
	var valid bool
	f.toks, f.nrunes, valid = tokenizeValidBuf(text, atoks, b.toks, &b.norms, &b.cands)
	if !valid {
		// Each invalid byte becomes U+FFFD, as in []rune(text): rune
		// offsets stay the same and Text slices what the caller's runes
		// hold. Tokenizing tells validity for free on the common valid text.
		text = string([]rune(text))
		f.text = text
		f.toks, f.nrunes, _ = tokenizeValidBuf(text, nil, f.toks, &b.norms, &b.cands)
	}
	n := len(f.toks)
	b.toks = f.toks[:0]
	b.cues = grown(b.cues, n)
	clear(b.cues)
	f.cues = b.cues
	f.lookupCues(b.cands)
	b.i32 = grown(b.i32, 5*n)
	i32 := b.i32
	f.qs, f.inside, f.opener = pairQuotes(text, f.toks, i32[:2*n:2*n])
	f.sent = i32[2*n : 3*n : 3*n]
	b.paren = grown(b.paren, n)
	f.paren = b.paren
	var s int32
	depth := 0
	for i := range f.toks {
		t := &f.toks[i]
		f.sent[i] = s
		if t.kind == kPunct && (t.r == '(' || t.r == ')') {
			if t.r == '(' {
				depth++
			} else if depth > 0 {
				depth--
			}
		}
		f.paren[i] = depth > 0
		if f.isSentEnd(i) {
			s++
			depth = 0
		}
	}
	f.startAt, f.endAt = i32[3*n:4*n:4*n], i32[4*n:5*n:5*n]
	for i := range f.startAt {
		f.startAt[i], f.endAt[i] = -1, -1
	}
	nm := 0
	for _, ent := range entities {
		nm += len(ent.Mentions)
	}
	f.ments = slices.Grow(b.ments[:0], nm)
	f.out, f.outEnt, f.hist = out[:0], outEnt[:0], hist[:0]
	f.speaks = grown(speaks, len(entities))
	f.gender = grown(gend, len(entities))
	f.words = entityWords(entities, b)
	for e, ent := range entities {
		f.speaks[e] = (ent.Type == article.PER || ent.Type == article.ORG) && strings.TrimSpace(ent.Text) != ""
		ws := f.words[e]
		f.gender[e] = nameGender(ent.Type, ws, taMarbuta(ent.Text))
		for _, sp := range ent.Mentions {
			f.addMention(e, sp)
		}
	}
	f.bindAppositions()
	f.bindTitled()
	b.ments = f.ments[:0]
	return f
}

// entityWords returns the words of each entity's normalized name, as
// strings.Fields(normalize(ent.Text)) would, in b's arrays when they have
// room: the names of a text share one string and their words one array.
// A finder may append to what it returns; it keeps nothing of it past
// the text.
func entityWords(entities []article.Entity, b *finderBufs) [][]string {
	names := b.names[:0]
	ends := b.ends[:0]
	for _, ent := range entities {
		names = appendNormalized(names, ent.Text)
		ends = append(ends, len(names))
	}
	b.names, b.ends = names, ends
	all := string(names)
	words := b.words[:0]
	starts := ends[:0] // each entity's first word in words: ends[e] is read before starts[e] overwrites it
	at := 0
	for e := range entities {
		end := ends[e]
		starts = append(starts, len(words))
		words = appendFields(words, all[at:end])
		at = end
	}
	b.words = words
	ews := grown(b.ewrds, len(entities))
	for e := range ews {
		end := len(words)
		if e+1 < len(starts) {
			end = starts[e+1]
		}
		ews[e] = words[starts[e]:end:end]
	}
	b.ewrds = ews
	return ews[:len(ews):len(ews)]
}

// taMarbuta reports whether the first word of name ends in ة as written
// (فاطمة) and not in ه (نبيه), which normalization folds together.
func taMarbuta(name string) bool {
	first, _, _ := strings.Cut(strings.TrimSpace(name), " ")
	first = strings.TrimRightFunc(first, isDiacritic)
	return strings.HasSuffix(first, "ة")
}

// nameGender guesses the grammatical gender of an entity from its name;
// ta tells whether its first word ends in ة as written.
func nameGender(typ string, ws []string, ta bool) gender {
	if len(ws) == 0 {
		return gNone
	}
	first, last := ws[0], ws[len(ws)-1]
	switch typ {
	case article.PER:
		if femaleNames[first] || (len(ws) > 1 && ta && !maleInTa[first]) {
			return gFem
		}
		if len(ws) > 1 && (strings.HasSuffix(last, "وفا") || strings.HasSuffix(last, "يفا") || strings.HasSuffix(last, "سكايا")) {
			return gFem
		}
	case article.ORG:
		if strings.HasSuffix(first, "ه") || first == "الامم" {
			return gFem
		}
		return gMasc
	}
	return gNone
}

// addMention maps one mention span onto the tokens.
func (f *finder) addMention(e int, sp article.Span) {
	if sp.In != f.in || sp.Start < 0 || sp.End > f.nrunes || sp.Start >= sp.End {
		return
	}
	t0 := tokenAt(f.toks, sp.Start)
	// A name spans a few tokens: its last is sought from its first, by
	// a short scan before a search of the rest.
	t1 := t0
	for t1 < len(f.toks) && int(f.toks[t1].e) <= sp.End-1 {
		if t1-t0 == 8 {
			t1 += tokenAt(f.toks[t1:], sp.End-1)
			break
		}
		t1++
	}
	if t0 >= len(f.toks) || t1 >= len(f.toks) || t1 < t0 || f.toks[t0].kind != kWord || f.toks[t1].kind != kWord {
		return
	}
	if int(f.toks[t1].s) >= sp.End {
		t1-- // the span ends in the spaces before a token
	}
	if t1 < t0 {
		return
	}
	prefix := ""
	if tk := f.toks[t0]; sp.Start > int(tk.s) {
		b := int(tk.bs)
		for k := int(tk.s); k < sp.Start && b < int(tk.be); k++ {
			_, size := utf8.DecodeRuneInString(f.text[b:])
			b += size
		}
		prefix = normalize(f.text[tk.bs:b])
	} else {
		prefix = cliticPrefix(tk.norm, f.words[e])
	}
	m := mention{ent: e, t0: t0, t1: t1, prep: strings.ContainsAny(prefix, "بلك")}
	if sp.Start == int(f.toks[t0].s) && strings.HasPrefix(f.toks[t0].norm, "لل") {
		m.prep = true // ل + ال: a name with its preposition (للجزيرة)
	}
	if t0 > 0 {
		if p := f.toks[t0-1]; p.kind == kWord && (preps[p.norm] || f.ents[e].Type == article.PER && orgHead(p.norm)) {
			m.prep = true // a genitive: لشركة دايملر is not a person however tagged
			m.gen = f.ents[e].Type == article.PER && orgHead(p.norm)
		} else if f.ents[e].Type == article.PER && p.kind == kWord && t0 == t1 && regionHead(p.norm) {
			m.prep, m.gen = true, true // a region's name: منطقة عسير
		} else if f.ents[e].Type == article.PER && p.kind == kWord && honorifics[p.norm] && t0 > 1 && f.toks[t0-2].kind == kWord && orgHead(f.toks[t0-2].norm) {
			m.prep, m.gen = true, true // the name of a place: بمطار الملك فهد الدولي، جامعة الملك سعود
		}
	}
	f.ments = append(f.ments, m)
	k := int32(len(f.ments) - 1)
	if old := f.startAt[t0]; old < 0 || f.ments[old].t1 < t1 {
		f.startAt[t0] = k
	}
	if old := f.endAt[t1]; old < 0 || f.ments[old].t0 > t0 {
		f.endAt[t1] = k
	}
}

// orgHead reports whether w is a noun for a kind of organization or a
// place that a name may follow as its genitive (orgHeads, placeHeads), also
// with the proclitics و، ف، ب، ل.
func orgHead(w string) bool {
	return withClitics(w, func(w string) bool { return orgHeads[w] || placeHeads[w] })
}

// regionHead reports whether w is one of regionHeads, also with the
// proclitics و، ف، ب، ل (بمنطقة عسير).
func regionHead(w string) bool {
	return withClitics(w, func(w string) bool { return regionHeads[w] })
}

// withClitics reports whether is holds for w or for w without one or two
// of the proclitics و، ف، ب، ل.
func withClitics(w string, is func(string) bool) bool {
	for range 2 {
		if is(w) {
			return true
		}
		r, size := utf8.DecodeRuneInString(w)
		if r != 'و' && r != 'ف' && r != 'ب' && r != 'ل' {
			return false
		}
		w = w[size:]
	}
	return is(w)
}

// cliticPrefix returns the proclitics of w, a word of a mention that starts
// with the word, when w without them is one of the entity's name words.
func cliticPrefix(w string, names []string) string {
	if slices.Contains(names, w) {
		return ""
	}
	for _, p := range []string{"وب", "ول", "فب", "فل", "وك", "ب", "ل", "ك", "و", "ف"} {
		if strings.HasPrefix(w, p) && slices.Contains(names, w[len(p):]) {
			return p
		}
	}
	for _, p := range []string{"ولل", "فلل", "لل"} {
		if rest, ok := strings.CutPrefix(w, p); ok {
			for _, n := range names {
				if strings.HasPrefix(n, "ال") && n[len("ال"):] == rest {
					return p
				}
			}
		}
	}
	return ""
}

func isComma(t token) bool {
	return t.kind == kPunct && (t.r == '،' || t.r == ',')
}

// isSentEnd reports whether token i ends a sentence.
func (f *finder) isSentEnd(i int) bool {
	t := &f.toks[i]
	switch t.kind {
	case kBreak:
		return true
	case kPunct:
	default:
		return false
	}
	switch t.r {
	case '.', '!', '?', '؟', '…', '·', '۔':
	default:
		return false
	}
	if f.inside[i] >= 0 {
		return false
	}
	if t.r == '.' && unicode.IsDigit(runeBefore(f.text, int(t.bs))) && unicode.IsDigit(runeAfter(f.text, int(t.be))) {
		return false
	}
	return true
}

// cueAt returns the reporting word at token i, if any, and the length in
// runes of its clitic (و or ف), as computed by lookupCues.
func (f *finder) cueAt(i int) (cueWord, int) {
	c := f.cues[i]
	return c.cueWord, int(c.clitic)
}

// tokCue is the reporting word at a token and the runes of its clitic.
type tokCue struct {
	cueWord
	clitic uint8
}

// lookupCues finds the reporting word of every token once: the scans
// over the text ask for them many times. f.cues holds a zero value per
// token; cands are the words that may be reporting words (see mayCue),
// the others being none.
func (f *finder) lookupCues(cands []int32) {
	for _, i := range cands {
		if c := cueForms[f.toks[i].norm]; c.cue != 0 { // cueByMap(norm), looked up once
			f.cues[i] = c
		}
	}
}

// minCue is the length in bytes of the shortest reporting word.
const minCue = 6

// mayCue reports whether the normalized word w may be a reporting word,
// with its clitics: every one has 3 to 7 letters, at most 2 clitics, the
// last two letters of one of cues, and none starts with the article, so
// that most words are ruled out unlooked (the cheapest tests first).
// cueForms holds those that are.
func mayCue(w string) bool {
	return len(w) >= minCue && len(w) <= 18 && cueEnds.Has(w[len(w)-4:]) &&
		!strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "وال") && !strings.HasPrefix(w, "فال") &&
		cueFormKeys.Has(w)
}

// isCitation reports whether the verb at token i cites a source
// (حسبما ذكرت، بحسب ما أعلن) rather than starting a reporting clause.
func (f *finder) isCitation(i int) bool {
	p := f.prevWord(i)
	if p < 0 {
		return false
	}
	if citeBefore[f.toks[p].norm] {
		return true
	}
	if f.toks[p].norm == "ما" {
		if pp := f.prevWord(p); pp >= 0 && citeBeforeMa[f.toks[pp].norm] {
			return true
		}
	}
	return false
}

// perceives reports whether the verb at token i is رأى "saw", not
// "deemed": after a conjunction of time (كلما رأى الشيخ: «...»).
func (f *finder) perceives(i, clitic int) bool {
	if !seeVerbs[f.toks[i].norm[clitic*len("و"):]] {
		return false
	}
	p := f.prevWord(i)
	if p < 0 || !whenWords[f.toks[p].norm] {
		return false
	}
	// في حين is "whereas": في حين يرى زيلين أن ...
	return f.toks[p].norm != "حين" || p == 0 || f.toks[p-1].norm != "في" && f.toks[p-1].norm != "وفي"
}

// prevWord returns i-1 when it is a word, else -1.
func (f *finder) prevWord(i int) int {
	if i > 0 && f.toks[i-1].kind == kWord {
		return i - 1
	}
	return -1
}

// isTrigger reports whether token i is a reporting word that starts a
// reporting clause of its own.
func (f *finder) isTrigger(i int) bool {
	c, _ := f.cueAt(i)
	if c.cue == 0 {
		return false
	}
	if c.cue == cueAccord {
		return false // بحسب/وفقا inside a clause cite a source
	}
	return !f.isCitation(i)
}

// clauseStart reports whether the word at token i starts a clause: it has
// the clitic و or ف, or follows punctuation, a line start or a clause word
// (كما، فيما، ثم، قد ...).
func (f *finder) clauseStart(i, clitic int) bool {
	if clitic > 0 || i == 0 {
		return true
	}
	p := f.toks[i-1]
	switch p.kind {
	case kBreak, kPunct:
		return p.r != '/'
	case kQuote:
		return f.opener[i-1] < 0 // after a closing mark
	}
	return clauseWords[p.norm]
}

// sentenceStart reports whether token i starts a sentence.
func (f *finder) sentenceStart(i int) bool {
	return i == 0 || f.isSentEnd(i-1)
}

func (f *finder) isSpeaker(e int) bool { return e >= 0 && f.speaks[e] }

// compatible reports whether entity e can be the subject of a word of
// gender g.
func (f *finder) compatible(e int, g gender) bool {
	switch g {
	case gFem:
		return f.gender[e] == gFem
	case gMasc:
		return f.gender[e] != gFem
	}
	return true
}

// learn records the gender of an explicit subject of a word of gender g.
func (f *finder) learn(e int, g gender) {
	if e >= 0 && f.gender[e] == gNone && g != gNone {
		f.gender[e] = g
	}
}

func (f *finder) run() {
	for i := 0; i < len(f.toks); i++ {
		t := &f.toks[i]
		if t.kind == kQuote {
			if q := f.opener[i]; q >= 0 && f.inside[i] < 0 {
				if last, ok := f.trailing(i, int(q)); ok {
					i = last
				}
			}
			continue
		}
		if t.kind != kWord {
			continue
		}
		if i > 0 && isComma(f.toks[i-1]) && f.startAt[i] < 0 && strings.HasPrefix(t.norm, "و") && !bareComp[t.norm[len("و"):]] && !compPron[t.norm[len("و"):]] && !f.isTrigger(i) {
			f.hist = append(f.hist, ref{ent: -1, sent: f.sent[i], clause: true})
		}
		if mi := f.startAt[i]; mi >= 0 {
			f.noteMention(f.ments[mi])
			i = f.ments[mi].t1
			continue
		}
		c, clitic := f.cueAt(i)
		switch c.cue {
		case cueVerb:
			if !f.isCitation(i) && !f.perceives(i, clitic) {
				i = f.verb(i, c, clitic)
			}
		case cuePart:
			i = f.participle(i, c, clitic)
		case cueAccord:
			i = f.accord(i, clitic)
		case cueTransmit:
			i = f.transmit(i, c, clitic)
		}
	}
}

// noteMention records a mention outside any statement as a possible subject.
func (f *finder) noteMention(m mention) {
	if m.prep || !f.isSpeaker(m.ent) || f.paren[m.t0] {
		return // an object, a place, or a parenthesis (رويترز)
	}
	f.hist = append(f.hist, ref{ent: m.ent, sent: f.sent[m.t0], subj: f.subjectPos(m.t0) && !f.listed(m)})
}

// listed reports whether a mention names an item of a list, not a
// subject: after a word that introduces a list (وهم، منهم), after another
// name of its type and a comma or و, or before a comma and another name of
// its type (مصطفى بدر الدين، إبراهيم عقيل، وفؤاد شكر).
func (f *finder) listed(m mention) bool {
	typ := f.ents[m.ent].Type
	if p := m.t0 - 1; p >= 0 {
		if t := f.toks[p]; t.kind == kWord && enumWords[t.norm] {
			return true
		}
		if f.endAt[p] >= 0 && f.ents[f.ments[f.endAt[p]].ent].Type == typ && f.joined(m.t0) {
			return true
		}
		if isComma(f.toks[p]) && p > 0 && f.endAt[p-1] >= 0 && f.ents[f.ments[f.endAt[p-1]].ent].Type == typ {
			return true
		}
	}
	// The first of a list: a comma and a name of its type follow. (With
	// و alone, two names are more often the subjects of one verb: وتزوج
	// زوكربيرغ وتشان.)
	n := m.t1 + 2
	return n < len(f.toks) && isComma(f.toks[n-1]) && f.startAt[n] >= 0 && f.ents[f.ments[f.startAt[n]].ent].Type == typ
}

// joined reports whether the mention starting at token k has the clitic و
// (وفؤاد شكر، وكيري): a name joined to what comes before it.
func (f *finder) joined(k int) bool {
	mi := f.startAt[k]
	return mi >= 0 && cliticPrefix(f.toks[k].norm, f.words[f.ments[mi].ent]) == "و"
}

// verbText returns the reporting word at token i as written, without its
// clitic and diacritics.
func (f *finder) verbText(i, clitic int) string {
	t := f.toks[i]
	var b strings.Builder
	skip := clitic
	for _, r := range f.text[t.bs:t.be] {
		if isDiacritic(r) {
			continue
		}
		if skip > 0 {
			skip--
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func (f *finder) isTimeTok(j int) bool {
	t := f.toks[j]
	if t.kind == kWord {
		return timeWords[t.norm] || isDigits(t.norm)
	}
	return t.kind == kPunct && t.r == '/'
}

func isDigits(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// startsComplement reports whether token j opens the statement of a verb:
// a complementizer, a colon or an opening quotation mark.
func (f *finder) startsComplement(j int) bool {
	t := f.toks[j]
	switch t.kind {
	case kWord:
		if t.norm == "ان" && !f.complementizerAn(j) {
			return false
		}
		if bareComp[t.norm] || compPron[t.norm] {
			return true
		}
		if (t.norm == "الي" || t.norm == "علي") && j+1 < len(f.toks) {
			n := f.toks[j+1].norm
			return bareComp[n] || compPron[n]
		}
	case kPunct:
		return t.r == ':'
	case kQuote:
		return f.opener[j] >= 0
	}
	return false
}

// circumstantial reports whether a word (as written, and normalized) is an
// indefinite accusative active participle, a circumstantial clause of the
// verb's elided subject (مخاطباً، متوجهاً، معقباً): written with tanween
// fath, or of the shapes مُفعِلاً، مُتفعِّلاً، مُستفعِلاً (five to seven letters,
// م first, ا last, a consonant second).
func circumstantial(raw, norm string) bool {
	if strings.ContainsRune(raw, '\u064b') && strings.HasSuffix(norm, "ا") {
		return true
	}
	rs := []rune(norm)
	if len(rs) < 5 || len(rs) > 7 || rs[0] != 'م' || rs[len(rs)-1] != 'ا' {
		return false
	}
	switch rs[1] {
	case 'ا', 'ي', 'و':
		return false
	}
	return true
}

// complementizerAn reports whether the word ان at token j can introduce a
// statement: not after إلا (إلا أن, "but", which opens a clause of the
// writer's) nor before شاء (إن شاء الله, a conditional).
func (f *finder) complementizerAn(j int) bool {
	if j > 0 && f.toks[j-1].kind == kWord && f.toks[j-1].norm == "الا" {
		return false
	}
	return j+1 >= len(f.toks) || f.toks[j+1].norm != "شاء"
}

// verb handles a finite reporting verb at token i and returns the last
// token it consumed.
func (f *finder) verb(i int, c cueWord, clitic int) int {
	n := len(f.toks)
	sent := f.sent[i]
	j := i + 1
	for j < n && (f.isTimeTok(j) || objPrep[f.toks[j].norm]) {
		j++ // صرح به، قال لها، أكد اليوم
	}
	if j >= n {
		return i
	}
	speaker, subjEnd := -1, i
	explicit, known := false, false
	tj := f.toks[j]
	switch {
	case tj.kind == kWord && f.startAt[j] >= 0:
		m := f.ments[f.startAt[j]]
		if f.ents[m.ent].Type == article.ORG && f.personAt(m.t1+1) && !f.ments[f.startAt[m.t1+1]].prep {
			// A name right after an organization's is the subject, the
			// organization a title the tagger took for a name (قالت
			// الليفتنانت كولونيل فاليري هندرسون).
			m = f.ments[f.startAt[m.t1+1]]
		}
		if !m.prep {
			explicit, known = true, f.isSpeaker(m.ent)
			speaker, subjEnd = m.ent, m.t1
			if f.coordinated(m.t1 + 1) {
				known = false // بوش وبلير: two speakers
			}
		} // else an adjunct (لبايدن): elided subject
	case f.startsComplement(j):
		// elided subject
	case tj.kind == kWord && (preps[tj.norm] && !titleOK[tj.norm] || strings.HasPrefix(tj.norm, "لل") || strings.HasPrefix(tj.norm, "بال")):
		// an adjunct (في تصريح ...): elided subject
	case tj.kind == kWord && circumstantial(f.text[tj.bs:tj.be], tj.norm):
		// وأضاف مخاطباً حبري: the verb's subject is elided, and the name
		// after the participle is its object
	case tj.kind == kWord && orgHeads[tj.norm] && j+1 < n && f.startAt[j+1] >= 0 && f.ents[f.ments[f.startAt[j+1]].ent].Type == article.ORG:
		// حركة حماس، صحيفة نيويورك تايمز: the kind of organization, then its name
		m := f.ments[f.startAt[j+1]]
		explicit, known = true, true
		speaker, subjEnd = m.ent, m.t1
		if f.coordinated(m.t1 + 1) {
			known = false
		}
	case tj.kind == kWord:
		explicit = true
		if e, end, ok := f.titleWindow(i, j); ok {
			speaker, subjEnd, known = e, end, !f.coordinated(end+1)
			if c.g == gFem && f.gender[e] != gFem && !femTitles[f.toks[j].norm] {
				speaker, known = -1, false // أكدت المقاومة الموالية لحكومة الرئيس هادي
			}
		} else if e, end, ok := f.orgSubject(j); ok {
			speaker, subjEnd, known = e, end, !f.coordinated(end+1)
		} else if ws, end := f.np(j); len(ws) > 0 {
			subjEnd = end
			if e := f.roleOf(ws); e >= 0 {
				speaker, known = e, true
			} else if ws[0] == "البيان" {
				if e := f.issuer(sent); e >= 0 {
					speaker, known = e, true
				}
			}
		}
	}
	if !explicit && clitic == 0 {
		if e := f.subjectBefore(i); e >= 0 {
			speaker, explicit, known = e, true, true
		}
	}
	if explicit {
		if known && !f.isSpeaker(speaker) {
			known = false
		}
		if known && f.ents[speaker].Type == article.PER && c.g != gNone && f.gender[speaker] != gNone && f.gender[speaker] != c.g {
			known = false // no agreement: not the subject
		}
		if known && subjEnd == i+1 {
			f.learn(speaker, c.g)
		} else if known && c.g == gFem {
			f.learn(speaker, c.g)
		}
		if !known {
			speaker = -1
		}
		f.hist = append(f.hist, ref{ent: speaker, g: c.g, sent: sent, speaker: true, subj: true})
	} else {
		if !f.clauseStart(i, clitic) || f.paren[i] {
			// (inside parentheses, speech quoted within speech: فقال:
			// (إن فلاناً ...، فقال: ...) has a speaker of its own)
			return i
		}
		if f.leadsSentence(i) {
			speaker = f.resolve(c.g, sent)
		} else {
			speaker = f.clauseSubject(i, c.g)
		}
	}
	st, ok := f.statement(subjEnd+1, subjEnd, 25)
	if !ok {
		return subjEnd
	}
	if speaker >= 0 {
		if !explicit {
			f.hist = append(f.hist, ref{ent: speaker, g: c.g, sent: sent, speaker: true, subj: true})
		}
		f.emit(speaker, f.verbText(i, clitic), st)
	}
	return st.last
}

// participle handles a participle (مضيفاً، قائلة) or بالقول at token i.
func (f *finder) participle(i int, c cueWord, clitic int) int {
	if c.g != gNone && !f.clauseStart(i, clitic) {
		return i // an adjective (قرارات غير معلنة), not a participle clause
	}
	st, ok := f.statement(i+1, i, 3)
	if !ok {
		return i
	}
	if speaker := f.clauseSubject(i, c.g); speaker >= 0 {
		f.emit(speaker, f.verbText(i, clitic), st)
	}
	return st.last
}

// accord handles بحسب X، وفقاً لـ X at the start of a sentence.
func (f *finder) accord(i, clitic int) int {
	if !f.sentenceStart(i) {
		return i
	}
	n := len(f.toks)
	j := i + 1
	if j < n && f.toks[j].kind == kWord && (f.toks[j].norm == "ل" || f.toks[j].norm == "عن") {
		j++
	}
	if j >= n || f.toks[j].kind != kWord {
		return i
	}
	speaker, end := -1, -1
	var g gender
	if mi := f.startAt[j]; mi >= 0 {
		m := f.ments[mi]
		speaker, end = m.ent, m.t1
		if !f.isSpeaker(speaker) {
			speaker = -1
		}
	} else if e, tend, ok := f.titleWindow(i, j); ok {
		speaker, end = e, tend // بحسب المتحدث باسم الجيش العقيد تركي المالكي
	} else {
		ws, e := f.np(j)
		if len(ws) == 0 {
			return i
		}
		end = e
		if strings.HasPrefix(ws[0], "لل") {
			ws[0] = "ال" + ws[0][len("لل"):]
		} else if strings.HasPrefix(ws[0], "ل") {
			ws[0] = ws[0][len("ل"):]
		}
		speaker = f.roleOf(ws)
		if strings.HasSuffix(ws[0], "ه") {
			g = gFem
		} else {
			g = gMasc
		}
	}
	// The statement follows a comma (بحسب X، فإن ...، بحسب X، "...") or
	// directly فإن (بحسب X فإن ...).
	k := end + 1
	comma := k < n && isComma(f.toks[k])
	if comma {
		k++
	}
	if k >= n || !comma && !strings.HasPrefix(f.toks[k].norm, "فان") {
		return i
	}
	var st stmt
	ok := false
	switch t := f.toks[k]; {
	case t.kind == kQuote && f.opener[k] >= 0:
		st, ok = f.direct(k)
	case t.kind == kWord && bareComp[t.norm]:
		st, ok = f.reported(k + 1)
	case t.kind == kWord:
		st, ok = f.reported(k)
	}
	if !ok {
		return i
	}
	f.hist = append(f.hist, ref{ent: speaker, g: g, sent: f.sent[i], speaker: true, subj: true})
	if speaker >= 0 {
		f.emit(speaker, f.verbText(i, clitic), st)
	}
	return st.last
}

// maxQuotedName is the most tokens of a name between quotation marks
// (موقع "أخبار مصر") that the scans for a speaker step over.
const maxQuotedName = 4

// transmit handles نقلت وكالة ... عن X: X is the speaker.
func (f *finder) transmit(i int, c cueWord, clitic int) int {
	n := len(f.toks)
	for j := i + 1; j < n && j <= i+10; j++ {
		t := f.toks[j]
		if q := f.opener[j]; q >= 0 && f.qs[q].closed && f.qs[q].close-j <= maxQuotedName+1 {
			j = f.qs[q].close // the outlet's name quoted (نقل موقع "أخبار مصر" عن ...)
			continue
		}
		if t.kind == kBreak || f.isSentEnd(j) || f.startsComplement(j) {
			return i
		}
		if t.kind != kWord || t.norm != "عن" {
			continue
		}
		if j+1 >= n {
			return i
		}
		e, end := -1, 0
		if mi := f.startAt[j+1]; mi >= 0 {
			e, end = f.ments[mi].ent, f.ments[mi].t1
		} else if te, tend, ok := f.titleWindow(i, j+1); ok {
			e, end = te, tend // عن المتحدث باسم الكرملين دميتري بيسكوف
		}
		if !f.isSpeaker(e) {
			return i
		}
		st, ok := f.statement(end+1, end, 25)
		if !ok {
			return i
		}
		f.hist = append(f.hist, ref{ent: e, sent: f.sent[i], speaker: true, subj: true})
		f.emit(e, f.verbText(i, clitic), st)
		return st.last
	}
	return i
}

// trailing handles a quotation at the start of a sentence followed by its
// attribution: "..."، قال X.
func (f *finder) trailing(o, q int) (int, bool) {
	qs := f.qs[q]
	if !qs.closed || !f.sentenceStart(o) && !(o > 0 && f.toks[o-1].kind == kPunct && f.toks[o-1].r == ':') {
		return 0, false
	}
	n := len(f.toks)
	k := qs.close + 1
	for k < n && isComma(f.toks[k]) {
		k++
	}
	if k+1 >= n {
		return 0, false
	}
	c, clitic := f.cueAt(k)
	if c.cue != cueVerb {
		return 0, false
	}
	var m mention
	if mi := f.startAt[k+1]; mi >= 0 {
		m = f.ments[mi]
	} else if e, end, ok := f.titleWindow(k, k+1); ok {
		m = mention{ent: e, t0: k + 1, t1: end} // "..."، قال وزير الدفاع لويد أوستن
	} else {
		return 0, false
	}
	if m.prep || !f.isSpeaker(m.ent) {
		return 0, false
	}
	if e := m.t1 + 1; e < n && !f.isSentEnd(e) && !isComma(f.toks[e]) {
		return 0, false
	}
	st, ok := f.direct(o)
	if !ok || strings.Count(strings.TrimSpace(f.text[st.bs:st.be]), " ") < 1 {
		return 0, false
	}
	f.hist = append(f.hist, ref{ent: m.ent, g: c.g, sent: f.sent[k], speaker: true, subj: true})
	f.emit(m.ent, f.verbText(k, clitic), st)
	return m.t1, true
}

func (f *finder) emit(speaker int, verb string, st stmt) {
	f.outEnt = append(f.outEnt, speaker)
	f.out = append(f.out, article.Quote{
		Speaker: f.ents[speaker].Text,
		Verb:    verb,
		Text:    f.text[st.bs:st.be],
		Direct:  st.direct,
		Span:    article.Span{Start: st.start, End: st.end, In: f.in},
	})
}
