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
// A quote's Verb is the reporting word as written, without the clitic و or ف
// and without diacritics or tatweel (وصرّح → صرح، مضيفاً → مضيفا). Offsets are
// rune offsets into the original text.
package quote

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// Find returns the attributed statements of text whose speakers are among
// entities, in text order. Only entities of type PER and ORG are speakers;
// mention spans are rune offsets into text. The Text of every quote equals
// string([]rune(text)[q.Start:q.End]).
func Find(text string, entities []article.Entity) []article.Quote {
	if text == "" || len(entities) == 0 {
		return nil
	}
	if !utf8.ValidString(text) {
		// Each invalid byte becomes U+FFFD, as in []rune(text): rune
		// offsets stay the same and Text slices what the caller's runes hold.
		text = string([]rune(text))
	}
	f := newFinder(text, entities)
	f.run()
	return f.out
}

// mention is an entity mention mapped onto tokens t0..t1 (inclusive).
type mention struct {
	ent    int
	t0, t1 int
	prep   bool // a preposition is attached (لبايدن) or precedes it
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
	text   string // valid UTF-8
	nrunes int
	toks   []token
	qs     []qspan
	inside []int32 // per token: outermost quotation holding it, or -1
	opener []int32 // per token: quotation it opens, or -1
	sent   []int32 // per token: sentence index
	paren  []bool  // per token: inside parentheses

	ents    []article.Entity
	speaks  []bool     // per entity: PER or ORG
	gender  []gender   // per entity: known grammatical gender
	words   [][]string // per entity: normalized words of its name
	ments   []mention
	startAt []int32 // per token: mention starting there, or -1
	endAt   []int32 // per token: mention ending there, or -1
	roles   []role

	hist []ref
	out  []article.Quote
}

func newFinder(text string, entities []article.Entity) *finder {
	f := &finder{text: text, ents: entities}
	f.toks, f.nrunes = tokenize(text)
	f.qs, f.inside, f.opener = pairQuotes(text, f.toks)
	n := len(f.toks)
	f.sent = make([]int32, n)
	f.paren = make([]bool, n)
	var s int32
	depth := 0
	for i, t := range f.toks {
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
	f.startAt = make([]int32, n)
	f.endAt = make([]int32, n)
	for i := range f.startAt {
		f.startAt[i], f.endAt[i] = -1, -1
	}
	f.speaks = make([]bool, len(entities))
	f.gender = make([]gender, len(entities))
	f.words = make([][]string, len(entities))
	for e, ent := range entities {
		f.speaks[e] = ent.Type == article.PER || ent.Type == article.ORG
		ws := strings.Fields(normalize(ent.Text))
		f.words[e] = ws
		f.gender[e] = nameGender(ent.Type, ws)
		for _, sp := range ent.Mentions {
			f.addMention(e, sp)
		}
	}
	f.bindAppositions()
	return f
}

// nameGender guesses the grammatical gender of an entity from its name.
func nameGender(typ string, ws []string) gender {
	if len(ws) == 0 {
		return gNone
	}
	first, last := ws[0], ws[len(ws)-1]
	switch typ {
	case article.PER:
		if femaleNames[first] || (len(ws) > 1 && strings.HasSuffix(first, "ه") && !maleInTa[first]) {
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
	if sp.In != "" || sp.Start < 0 || sp.End > f.nrunes || sp.Start >= sp.End {
		return
	}
	t0 := tokenAt(f.toks, sp.Start)
	t1 := tokenAt(f.toks, sp.End-1)
	if t0 >= len(f.toks) || t1 >= len(f.toks) || t1 < t0 || f.toks[t0].kind != kWord || f.toks[t1].kind != kWord {
		return
	}
	if f.toks[t1].s >= sp.End {
		t1-- // the span ends in the spaces before a token
	}
	if t1 < t0 {
		return
	}
	prefix := ""
	if tk := f.toks[t0]; sp.Start > tk.s {
		b := tk.bs
		for k := tk.s; k < sp.Start && b < tk.be; k++ {
			_, size := utf8.DecodeRuneInString(f.text[b:])
			b += size
		}
		prefix = normalize(f.text[tk.bs:b])
	} else {
		prefix = cliticPrefix(tk.norm, f.words[e])
	}
	m := mention{ent: e, t0: t0, t1: t1, prep: strings.ContainsAny(prefix, "بلك")}
	if sp.Start == f.toks[t0].s && strings.HasPrefix(f.toks[t0].norm, "لل") {
		m.prep = true // ل + ال: a name with its preposition (للجزيرة)
	}
	if t0 > 0 {
		if p := f.toks[t0-1]; p.kind == kWord && preps[p.norm] {
			m.prep = true
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

// bindAppositions records the titles that follow a person's name between
// commas (جين ساكي، المتحدثة باسم البيت الأبيض، ...).
func (f *finder) bindAppositions() {
	for _, m := range f.ments {
		if f.ents[m.ent].Type != article.PER {
			continue
		}
		j := m.t1 + 1
		if j >= len(f.toks) || !isComma(f.toks[j]) {
			continue
		}
		var ws []string
		k := j + 1
		for ; k < len(f.toks) && len(ws) <= 7; k++ {
			t := f.toks[k]
			if t.kind == kWord {
				ws = append(ws, t.norm)
				continue
			}
			if t.kind != kQuote {
				break
			}
		}
		if k < len(f.toks) && isComma(f.toks[k]) && len(ws) >= 2 && len(ws) <= 7 && strings.HasPrefix(ws[0], "ال") {
			f.bindRole(ws, m.ent)
		}
	}
}

func (f *finder) bindRole(ws []string, e int) {
	key := strings.Join(ws, " ")
	for i := range f.roles {
		if f.roles[i].key == key {
			if f.roles[i].ent != e {
				f.roles[i].ent = -2
			}
			return
		}
	}
	f.roles = append(f.roles, role{key: key, ent: e})
	if strings.HasSuffix(ws[0], "ه") && f.gender[e] == gNone {
		f.gender[e] = gFem
	}
}

// roleOf returns the entity a title was bound to, or -1.
func (f *finder) roleOf(ws []string) int {
	if len(ws) < 2 {
		return -1
	}
	key := strings.Join(ws, " ")
	for _, r := range f.roles {
		if r.key == key && r.ent >= 0 {
			return r.ent
		}
	}
	// A shortened title: same head noun, all its words in one bound title,
	// compared without the article, ل and ة (المتحدث باسم الكرملين for
	// المتحدث باسم الرئاسة الروسية الكرملين; مبعوث الرئيس الروسي for المبعوث
	// الخاص للرئيس الروسي لقضايا المناخ).
	found := -1
	ss := stems(ws)
	for _, r := range f.roles {
		rw := stems(strings.Fields(r.key))
		if rw[0] != ss[0] || !subset(ss, rw) {
			continue
		}
		if r.ent < 0 || (found >= 0 && found != r.ent) {
			return -1
		}
		found = r.ent
	}
	return found
}

// stems strips the article (with ل or ب), a bare ل and a final ة (ه) from
// normalized words, for comparing titles.
func stems(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		for _, p := range []string{"بال", "لل", "ال", "ل"} {
			if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
				w = rest
				break
			}
		}
		if rest, ok := strings.CutSuffix(w, "ه"); ok && utf8.RuneCountInString(rest) >= 3 {
			w = rest
		}
		out[i] = w
	}
	return out
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, w := range a {
		ok := false
		for _, x := range b {
			if w == x {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func isComma(t token) bool {
	return t.kind == kPunct && (t.r == '،' || t.r == ',')
}

// isSentEnd reports whether token i ends a sentence.
func (f *finder) isSentEnd(i int) bool {
	t := f.toks[i]
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
	if t.r == '.' && unicode.IsDigit(runeBefore(f.text, t.bs)) && unicode.IsDigit(runeAfter(f.text, t.be)) {
		return false
	}
	return true
}

// cueAt returns the reporting word at token i, if any, and the length in
// runes of its clitic (و or ف).
func (f *finder) cueAt(i int) (cueWord, int) {
	t := f.toks[i]
	if t.kind != kWord {
		return cueWord{}, 0
	}
	if c, ok := cues[t.norm]; ok {
		return c, 0
	}
	n := t.norm
	for k := 0; k < 2 && (strings.HasPrefix(n, "و") || strings.HasPrefix(n, "ف")); k++ {
		n = n[len("و"):]
		if c, ok := cues[n]; ok {
			return c, k + 1
		}
	}
	return cueWord{}, 0
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
		t := f.toks[i]
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
			if !f.isCitation(i) {
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
	f.hist = append(f.hist, ref{ent: m.ent, sent: f.sent[m.t0], subj: f.subjectPos(m.t0)})
}

// subjectPos reports whether a name at token t0 stands where a subject
// does: at the start of a clause, or right after a clause-initial word that
// is not a noun with the article (a verb: ردّ بوتين).
func (f *finder) subjectPos(t0 int) bool {
	p := t0 - 1
	// Skip a title before the name: adjectives and nouns with the article
	// and genitive names (الأمين العام لحزب الله حسن نصر الله).
	for s := 0; s < 4 && p >= 0 && f.toks[p].kind == kWord; s++ {
		if mi := f.endAt[p]; mi >= 0 {
			if !f.ments[mi].prep {
				break
			}
			p = f.ments[mi].t0 - 1
			continue
		}
		if !strings.HasPrefix(f.toks[p].norm, "ال") {
			break
		}
		p--
	}
	if f.clauseStart(p+1, 0) {
		return true
	}
	if p >= 0 && f.toks[p].kind == kWord && f.endAt[p] < 0 && f.verbLike(p) {
		return f.clauseStart(p, 0) || strings.HasPrefix(f.toks[p].norm, "و") && p > 0 && f.toks[p-1].kind != kWord
	}
	return false
}

// verbLike reports whether the word at token p may be a verb: it has no
// article, is not a preposition, and does not end in ة.
func (f *finder) verbLike(p int) bool {
	t := f.toks[p]
	if strings.HasPrefix(t.norm, "ال") || preps[t.norm] {
		return false
	}
	for b := t.be; b > t.bs; {
		r, size := utf8.DecodeLastRuneInString(f.text[t.bs:b])
		if !isDiacritic(r) {
			return r != 'ة'
		}
		b -= size
	}
	return true
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

// verb handles a finite reporting verb at token i and returns the last
// token it consumed.
func (f *finder) verb(i int, c cueWord, clitic int) int {
	n := len(f.toks)
	sent := f.sent[i]
	j := i + 1
	for j < n && f.isTimeTok(j) {
		j++
	}
	if j >= n {
		return i
	}
	speaker, subjEnd := -1, i
	explicit, known := false, false
	tj := f.toks[j]
	switch {
	case tj.kind == kWord && f.startAt[j] >= 0:
		if m := f.ments[f.startAt[j]]; !m.prep {
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
	case tj.kind == kWord:
		explicit = true
		if e, end, ok := f.titleWindow(i, j); ok {
			speaker, subjEnd, known = e, end, true
			if c.g == gFem && f.gender[e] != gFem && !femTitles[f.toks[j].norm] {
				speaker, known = -1, false // أكدت المقاومة الموالية لحكومة الرئيس هادي
			}
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
		if !f.clauseStart(i, clitic) {
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

// coordinated reports whether token k joins a second name to a subject
// (بوش وبلير، الرئيس ووزير خارجيته).
func (f *finder) coordinated(k int) bool {
	if k >= len(f.toks) || f.toks[k].kind != kWord {
		return false
	}
	if mi := f.startAt[k]; mi >= 0 {
		return strings.HasPrefix(f.toks[k].norm, "و") && f.isSpeaker(f.ments[mi].ent)
	}
	n := f.toks[k].norm
	return n == "و" || strings.HasPrefix(n, "ووزير") || strings.HasPrefix(n, "ورئيس") || strings.HasPrefix(n, "ونظير")
}

// titleWindow looks for the name of a person after a title that follows the
// verb at token i (قال المتحدث باسم الخارجية الروسية ماريا زاخاروفا).
// It returns the entity and the last token of its mention.
func (f *finder) titleWindow(i, j int) (int, int, bool) {
	var ws []string
	for k := j; k < len(f.toks) && k <= j+8; k++ {
		t := f.toks[k]
		switch t.kind {
		case kWord:
			if mi := f.startAt[k]; mi >= 0 {
				m := f.ments[mi]
				if f.ents[m.ent].Type == article.PER {
					if m.prep || len(ws) > 6 {
						return -1, 0, false
					}
					if len(ws) >= 2 {
						f.bindRole(ws, m.ent)
					}
					return m.ent, m.t1, true
				}
			}
			if (preps[t.norm] && !titleOK[t.norm]) || f.startsComplement(k) || f.isTrigger(k) || timeWords[t.norm] || notTitle[t.norm] {
				return -1, 0, false
			}
			ws = append(ws, t.norm)
		case kQuote:
		case kPunct:
			if !isComma(t) {
				return -1, 0, false
			}
		default:
			return -1, 0, false
		}
	}
	return -1, 0, false
}

// np returns the normalized words of the noun phrase starting at token j
// (up to a comma, complement, time word or the end of the sentence) and its
// last token.
func (f *finder) np(j int) ([]string, int) {
	var ws []string
	end := j - 1
	for k := j; k < len(f.toks) && len(ws) < 9; k++ {
		t := f.toks[k]
		if t.kind == kQuote {
			continue
		}
		if t.kind != kWord || f.startsComplement(k) || timeWords[t.norm] || f.isTrigger(k) {
			break
		}
		ws = append(ws, t.norm)
		end = k
	}
	if len(ws) > 8 {
		return nil, end
	}
	return ws, end
}

// subjectBefore finds the subject of a verb at token i that stands before
// it: بوتين ذكر أن، كان بوتين قد صرّح، جين ساكي، المتحدثة ...، قالت.
func (f *finder) subjectBefore(i int) int {
	k := i - 1
	if k >= 0 && f.toks[k].kind == kWord && f.toks[k].norm == "قد" {
		k--
	}
	if k < 0 {
		return -1
	}
	if isComma(f.toks[k]) {
		c := -1
		for p := k - 1; p >= 0 && p >= k-10; p-- {
			if f.toks[p].kind == kBreak || f.isSentEnd(p) {
				break
			}
			if isComma(f.toks[p]) {
				c = p
				break
			}
		}
		if c < 0 {
			return -1
		}
		k = c - 1
		if k < 0 {
			return -1
		}
	}
	mi := f.endAt[k]
	if mi < 0 {
		return -1
	}
	m := f.ments[mi]
	if m.prep || !f.isSpeaker(m.ent) {
		return -1
	}
	p := m.t0 - 1
	for s := 0; s < 4 && p >= 0 && f.toks[p].kind == kWord && strings.HasPrefix(f.toks[p].norm, "ال") && f.endAt[p] < 0; s++ {
		p--
	}
	if p >= 0 && !f.clauseStart(p+1, 0) {
		return -1
	}
	return m.ent
}

// resolve returns the speaker of a reporting word of gender g with an
// elided subject: the most recent possible subject that agrees with it,
// when that is a speaker; -1 when it is not or when it is too far back.
func (f *finder) resolve(g gender, sent int32) int {
	for k := len(f.hist) - 1; k >= 0; k-- {
		h := f.hist[k]
		if sent-h.sent > 4 {
			return -1
		}
		if h.clause {
			continue
		}
		if h.ent < 0 {
			if g != gFem && h.g == gFem || g == gFem && h.g != gFem {
				continue
			}
			return -1
		}
		if !f.compatible(h.ent, g) {
			continue
		}
		if h.speaker {
			return h.ent
		}
		return -1
	}
	return -1
}

// issuer resolves البيان (the statement) as a subject: the organization
// that was the last speaker, when its sentence mentions a statement (بيان)
// and no other possible subject came since.
func (f *finder) issuer(sent int32) int {
	for k := len(f.hist) - 1; k >= 0; k-- {
		h := f.hist[k]
		if h.clause {
			continue
		}
		if sent-h.sent > 4 || h.ent < 0 {
			return -1
		}
		if !h.speaker || f.ents[h.ent].Type != article.ORG {
			if f.ents[h.ent].Type == article.ORG {
				return -1
			}
			continue
		}
		lo := sort.Search(len(f.sent), func(i int) bool { return f.sent[i] >= h.sent })
		for i := lo; i < len(f.toks) && f.sent[i] == h.sent; i++ {
			if n := f.toks[i].norm; strings.HasPrefix(n, "بيان") || strings.HasPrefix(n, "ببيان") || strings.HasPrefix(n, "البيان") {
				return h.ent
			}
		}
		return -1
	}
	return -1
}

// leadsSentence reports whether the word at token i starts its sentence,
// after at most a few clause words or time words (ومن جانبه أضاف، كما أشارت).
func (f *finder) leadsSentence(i int) bool {
	p := i
	for s := 0; s < 3 && p > 0 && f.toks[p-1].kind == kWord; s++ {
		n := f.toks[p-1].norm
		if !clauseWords[n] && !timeWords[n] && n != "ومن" && n != "من" {
			break
		}
		p--
	}
	return f.sentenceStart(p)
}

// clauseSubject returns the subject, within the sentence of token i, that a
// reporting word of gender g in the middle of that sentence continues
// with: the last subject or speaker before it, when it agrees; -1 when the
// sentence has none before it or a clause with an unnamed subject came since.
func (f *finder) clauseSubject(i int, g gender) int {
	sent := f.sent[i]
	for k := len(f.hist) - 1; k >= 0; k-- {
		h := f.hist[k]
		if h.sent != sent || h.clause {
			return -1
		}
		if !h.subj {
			continue
		}
		if h.ent >= 0 && f.compatible(h.ent, g) {
			return h.ent
		}
		return -1
	}
	return -1
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
	if end+2 >= n || !isComma(f.toks[end+1]) {
		return i
	}
	var st stmt
	ok := false
	k := end + 2
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

// transmit handles نقلت وكالة ... عن X: X is the speaker.
func (f *finder) transmit(i int, c cueWord, clitic int) int {
	n := len(f.toks)
	for j := i + 1; j < n && j <= i+10; j++ {
		t := f.toks[j]
		if t.kind == kBreak || f.isSentEnd(j) || f.startsComplement(j) {
			return i
		}
		if t.kind != kWord || t.norm != "عن" {
			continue
		}
		if j+1 >= n || f.startAt[j+1] < 0 {
			return i
		}
		m := f.ments[f.startAt[j+1]]
		if !f.isSpeaker(m.ent) {
			return i
		}
		st, ok := f.statement(m.t1+1, m.t1, 25)
		if !ok {
			return i
		}
		f.hist = append(f.hist, ref{ent: m.ent, sent: f.sent[i], speaker: true, subj: true})
		f.emit(m.ent, f.verbText(i, clitic), st)
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
	if c.cue != cueVerb || f.startAt[k+1] < 0 {
		return 0, false
	}
	m := f.ments[f.startAt[k+1]]
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

// stmt is a statement found: rune offsets, whether it was quoted, and the
// last token it consumed.
type stmt struct {
	start, end int // runes
	bs, be     int // bytes
	direct     bool
	last       int
}

// statement finds the statement of a reporting word whose clause ends at
// token anchor, scanning from token k over at most maxWords words.
func (f *finder) statement(k, anchor, maxWords int) (stmt, bool) {
	words := 0
	for j := k; j < len(f.toks); j++ {
		t := f.toks[j]
		switch t.kind {
		case kBreak:
			return stmt{}, false
		case kPunct:
			if f.isSentEnd(j) || t.r == '؛' || t.r == ';' {
				return stmt{}, false
			}
			if t.r == ':' && j+1 < len(f.toks) {
				nt := f.toks[j+1]
				if nt.kind == kQuote && f.opener[j+1] >= 0 {
					return f.direct(j + 1)
				}
				if nt.kind == kWord {
					if bareComp[nt.norm] {
						return f.reported(j + 2)
					}
					return f.reported(j + 1)
				}
				return stmt{}, false
			}
		case kQuote:
			q := f.opener[j]
			if q < 0 {
				continue
			}
			if f.adjacent(anchor, j) {
				return f.direct(j)
			}
			if !f.qs[q].closed {
				return stmt{}, false
			}
			j = f.qs[q].close // a quoted name inside the clause
		case kWord:
			words++
			if words > maxWords {
				return stmt{}, false
			}
			if bareComp[t.norm] || compPron[t.norm] {
				if p := f.prevWord(j); p >= 0 && notComp[f.toks[p].norm] {
					return stmt{}, false
				}
				if bareComp[t.norm] {
					return f.reported(j + 1)
				}
				return f.reported(j)
			}
			if f.isTrigger(j) {
				return stmt{}, false
			}
		}
	}
	return stmt{}, false
}

// adjacent reports whether only commas, dashes and colons stand between
// tokens a and b.
func (f *finder) adjacent(a, b int) bool {
	for k := a + 1; k < b; k++ {
		t := f.toks[k]
		if t.kind != kPunct || !strings.ContainsRune("،,:-–—", t.r) {
			return false
		}
	}
	return true
}

// direct returns the statement between the quotation marks opened at
// token o.
func (f *finder) direct(o int) (stmt, bool) {
	q := f.qs[f.opener[o]]
	start, bs := f.toks[o].e, f.toks[o].be
	end, be := f.nrunes, len(f.text)
	last := q.close
	if q.close < len(f.toks) {
		end, be = f.toks[q.close].s, f.toks[q.close].bs
	}
	if !q.closed {
		last = q.close - 1
	}
	for bs < be {
		r, size := utf8.DecodeRuneInString(f.text[bs:be])
		if !unicode.IsSpace(r) {
			break
		}
		bs += size
		start++
	}
	for be > bs {
		r, size := utf8.DecodeLastRuneInString(f.text[bs:be])
		if !unicode.IsSpace(r) {
			break
		}
		be -= size
		end--
	}
	if start >= end {
		return stmt{}, false
	}
	return stmt{start: start, end: end, bs: bs, be: be, direct: true, last: last}, true
}

// reported returns the reported statement that starts at token s and runs
// to the end of its clause.
func (f *finder) reported(s int) (stmt, bool) {
	n := len(f.toks)
	last := -1
	for j := s; j < n; j++ {
		t := f.toks[j]
		if t.kind == kQuote {
			if q := f.opener[j]; q >= 0 {
				if !f.qs[q].closed {
					j = f.qs[q].close - 1
					for j >= s && f.toks[j].kind == kPunct {
						j--
					}
					if j >= s {
						last = j
					}
					break
				}
				j = f.qs[q].close
			}
			last = j
			continue
		}
		if t.kind == kBreak || f.isSentEnd(j) {
			break
		}
		if t.kind == kPunct {
			if t.r == '؛' || t.r == ';' {
				break
			}
			if isComma(t) && j+1 < n && f.newClause(j+1) {
				break
			}
			continue
		}
		if j > s {
			if c, clitic := f.cueAt(j); c.cue == cueVerb && clitic > 0 && !f.isCitation(j) {
				break
			}
		}
		last = j
	}
	if last < s {
		return stmt{}, false
	}
	return stmt{start: f.toks[s].s, end: f.toks[last].e, bs: f.toks[s].bs, be: f.toks[last].be, last: last}, true
}

// newClause reports whether the word at token k, after a comma, starts a
// new clause that ends a reported statement: a reporting word, or a verb
// with و followed by its named subject (، وردّ بوتين).
func (f *finder) newClause(k int) bool {
	t := f.toks[k]
	if t.kind != kWord {
		return false
	}
	if f.isTrigger(k) {
		return true
	}
	if clauseWords[t.norm] && k+1 < len(f.toks) && f.isTrigger(k+1) {
		return true
	}
	if strings.HasPrefix(t.norm, "و") && f.startAt[k] < 0 && k+1 < len(f.toks) {
		if mi := f.startAt[k+1]; mi >= 0 && !f.ments[mi].prep && f.isSpeaker(f.ments[mi].ent) {
			return true
		}
	}
	return false
}

func (f *finder) emit(speaker int, verb string, st stmt) {
	f.out = append(f.out, article.Quote{
		Speaker: f.ents[speaker].Text,
		Verb:    verb,
		Text:    f.text[st.bs:st.be],
		Direct:  st.direct,
		Span:    article.Span{Start: st.start, End: st.end},
	})
}
