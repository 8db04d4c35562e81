package entity

import (
	"slices"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/lexicon"
)

// Token is a word token of an article with its rune offsets [Start, End)
// into the article's text.
type Token struct {
	Text       string
	Start, End int
}

// mention is one tagged entity mention in an article.
type mention struct {
	typ    int      // label index of the B- label
	tok    int      // index of the first token
	cue    int      // votes for PER from the words around it (personCues)
	placed bool     // right after a kind of place: placeCueWeight votes for LOC (placeCues)
	titled bool     // a person's title or a reporting verb before it (placeCues)
	media  bool     // named as a newspaper, channel or agency (placeCues)
	apart  bool     // a club or newspaper named after a place, grouped apart from it (cityClubs, periodicalNames)
	words  []string // words with the clitic of the first one removed
	keys   []string // normalized words
	start  int      // rune offsets
	end    int
	ends   []int // rune offset of the end of each word
	starts []int // rune offset of the start of each word
}

// Entities tags the tokens of an article and groups the mentions into
// canonical entities. tokens are the article's word tokens in order with
// rune offsets into text; a token "." "؟" or "!", or a newline between two
// tokens, ends a sentence.
//
// Mentions of one entity are grouped under one canonical name, the fullest
// form seen with clitics removed: a mention whose first word carries a
// proclitic (و ف ب ل ك, or one before ال) is stripped of it when the rest is
// a known word, and its span then starts after the clitic. A one-word person
// mention joins the longer person mention that ends with the same word.
func (t *Tagger) Entities(text string, tokens []Token) []article.Entity {
	if len(tokens) == 0 {
		return nil
	}
	st := t.getState()
	defer t.states.Put(st)
	st.rules.breaks = markBreaks(st.rules.breaks, text, tokens)
	breaks := st.rules.breaks
	st.words, st.sents = sentences(tokens, breaks, st.words, st.sents)
	words := st.words
	r := t.tagDoc(st.sents, st)
	labels := r.labels
	// In st's buffers, as words: what Entities returns copies from them.
	n := len(tokens)
	st.keys = slices.Grow(st.keys[:0], n)[:n]
	st.starts = slices.Grow(st.starts[:0], 2*n)[:2*n]
	keys, starts, ends := st.keys, st.starts[:n:n], st.starts[n:]
	st.keyBytes = packKeys(keys, r.infos, st.keyBytes)
	for i, tk := range tokens {
		starts[i], ends[i] = tk.Start, tk.End
	}
	// The mentions, and refine's, in st's buffers too: what Entities
	// returns holds none of them. They are cleared on return so that the
	// pool does not keep what the rules allocated.
	defer func() {
		clear(st.ms[:cap(st.ms)])
		clear(st.refined[:cap(st.refined)])
		st.lists.clear()
		st.rules.clear()
	}()
	tl := &st.lists
	tl.fill(keys, r.infos)
	ms := st.ms[:0]
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == 0 || l >= 7 || isInside(l) {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == l+1 && !breaks[j] {
			j++
		}
		// The mentions share the backing arrays: each token is in one.
		ms = append(ms, mention{typ: l, tok: i, start: tokens[i].Start, end: tokens[j-1].End,
			words: words[i:j:j], keys: keys[i:j:j], starts: starts[i:j:j], ends: ends[i:j:j]})
		i = j
	}
	st.ms = ms
	ms = refine(st.refined[:0], ms)
	st.refined = ms
	ms = trimHonorifics(ms)
	ms = t.splitCoordinated(ms)
	t.trimNisba(ms)
	t.trimHeads(ms)
	ms = letterAcronyms(ms, tokens, words, keys, breaks)
	ms = coordinatedBodies(ms)
	ms = t.untaggedPersons(ms, labels, tokens, words, keys, breaks)
	ms = t.definiteSurnames(ms, labels, tokens, words, keys, breaks)
	ms = t.cliticNames(ms, labels, r.infos, tokens, words, keys, breaks, &st.rules)
	ms = t.clubNames(ms, labels, tokens, words, keys, breaks, tl) // only in a sports report
	ms = t.clubRepeats(ms, labels, tokens, words, keys)
	ms = t.companyNames(ms, labels, tokens, words, keys, breaks, tl, &st.rules)
	ms = t.firstNames(ms, labels, tokens, words, keys, breaks, &st.rules)
	ms = t.tailNames(ms, labels, tokens, words, keys, breaks)
	ms = linkedNames(ms, tokens, words, keys, breaks)
	ms = t.nisbaSurnames(ms, labels, tokens, words, keys, breaks)
	ms = regnalNames(ms, labels, tokens, words, keys, breaks)
	ms = t.hyphenNames(ms, labels, tokens, words, keys, breaks)
	ms = t.repeatedNames(ms, labels, tokens, words, keys, breaks, &st.rules)
	ms = t.periodicalNames(ms, labels, tokens, words, keys, breaks, tl) // after repeatedNames: الوطن، الحياة are common nouns too
	ms = t.institutionNames(ms, keys, breaks)
	ms = nisbaAdjectives(ms, labels, keys, breaks)
	ms = t.commonNouns(ms, keys)
	ms = t.cityClubs(ms, tokens, words, keys, breaks)
	ms = t.foreignClubs(ms, labels, tokens, words, keys, breaks)
	ms = t.coordFirstNames(ms, labels, tokens, words, keys, breaks)
	ms = t.countryNames(ms, labels, tokens, words, keys, tl)
	ms = t.titleFirstNames(ms, labels, tokens, words, keys, breaks, tl)
	ms = t.titleNames(ms, labels, tokens, words, keys, breaks, tl)
	ms = t.placeNames(ms, labels, tokens, words, keys, breaks, tl)
	ms = dropDirections(ms)
	if len(ms) == 0 {
		return nil
	}
	ms = t.definiteBodies(ms, labels, tokens, words, keys, breaks)
	ms = scopeNames(ms, labels, tokens, words, keys, breaks)
	ms = latinGlosses(ms, tokens, words, keys)
	ms = orgHeads(ms, labels, tokens, words, keys, breaks)
	ms = t.orgComplements(ms, labels, tokens, words, keys, breaks)
	aliNames(ms, labels, tokens, words, keys, breaks)
	ms = t.splitPersons(ms)
	t.trimCliticTails(ms)
	t.trimDefiniteHeads(ms)
	t.stripClitics(ms, &st.rules)
	t.personCues(ms, words, keys, breaks)
	t.placeCues(ms, words, keys, breaks)
	t.placePrepositions(ms, keys)
	return t.group(ms, &st.group)
}

// packKeys sets keys to the normalized forms of infos, copied in order
// into buf (reused, and returned), which they point into. The rules read
// the keys of an article over and over, and the tagger's strings are
// scattered over its tables: packed, they take a few cache lines, not one
// or two a word. What Entities returns holds none of them.
func packKeys(keys []string, infos []tokInfo, buf []byte) []byte {
	buf = buf[:0]
	for i := range infos {
		buf = append(buf, infos[i].norm...)
	}
	off := 0
	for i := range infos {
		n := len(infos[i].norm)
		keys[i] = ""
		if n != 0 {
			keys[i] = unsafe.String(&buf[off], n)
		}
		off += n
	}
	return buf
}

// sentences appends the texts of tokens to words and splits them at
// breaks (see sentenceBreaks) into sentences appended to sents, reusing
// both buffers.
func sentences(tokens []Token, breaks []bool, words []string, sents [][]string) ([]string, [][]string) {
	words, sents = words[:0], sents[:0]
	for _, tk := range tokens {
		words = append(words, tk.Text)
	}
	for lo := 0; lo < len(words); {
		hi := lo + 1
		for hi < len(words) && !breaks[hi] {
			hi++
		}
		sents = append(sents, words[lo:hi])
		lo = hi
	}
	return words, sents
}

// sentenceBreaks marks the tokens that start a new sentence.
func sentenceBreaks(text string, tokens []Token) []bool {
	return markBreaks(nil, text, tokens)
}

// markBreaks is sentenceBreaks in br, reused and returned.
func markBreaks(br []bool, text string, tokens []Token) []bool {
	br = slices.Grow(br[:0], len(tokens))[:len(tokens)]
	clear(br)
	pos, off := 0, 0 // rune position and byte offset in text
	for i, tk := range tokens {
		nl := false
		for pos < tk.Start && off < len(text) {
			c := text[off]
			if c == '\n' {
				nl = true
			}
			off++
			for off < len(text) && text[off]&0xC0 == 0x80 {
				off++
			}
			pos++
		}
		if i > 0 && (nl || isStop(tokens[i-1].Text)) {
			br[i] = true
		}
		for pos < tk.End && off < len(text) {
			off++
			for off < len(text) && text[off]&0xC0 == 0x80 {
				off++
			}
			pos++
		}
	}
	return br
}

func isStop(s string) bool { return s == "." || s == "؟" || s == "!" || s == "?" }

// currencies are the normalized names of currencies, without the article:
// a currency alone (اليورو، الدولار) is no person, place or organization,
// though the tagger, which reads منطقة اليورو, may take it for a place.
var currencies = map[string]bool{
	"يورو": true, "دولار": true, "جنيه": true, "استرليني": true, "روبل": true, "فرنك": true,
	"دينار": true, "ليره": true, "روبيه": true, "يوان": true,
}

// weekdays are the normalized names of the days of the week, which are
// dates, not parts of names.
var weekdays = map[string]bool{
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true,
	"الخميس": true, "الجمعه": true, "السبت": true,
}

// dayTails is the tailFilter of weekdays: a day's name after a
// proclitic ends with the name.
var dayTails = newTailFilter(weekdays)

// refine trims names of days from the ends of mentions and a noun whose
// genitive is a person (genitiveOfPerson: لصالح، برئاسة), a title
// (leadTitle) or a tomb's noun (tombNouns: ضريح) from the start of a
// person's, and splits a mention at a coordinated word ("بوتين وبايدن")
// whose part after و is a name on its own elsewhere in the article. It
// appends the mentions to out and returns it.
func refine(out, ms []mention) []mention {
	var alone map[string]bool // the mentions of one word, made at the first word with و
	for _, m := range ms {
		for len(m.keys) > 0 && isDay(m.keys[len(m.keys)-1]) {
			m = m.slice(0, len(m.keys)-1)
		}
		for len(m.keys) > 0 && isDay(m.keys[0]) {
			m = m.slice(1, len(m.keys))
		}
		// لصالح شوماخر: the name is the genitive, not the noun before it
		// (which stripClitics would read as the name صالح).
		for m.typ == 1 && len(m.keys) > 1 && (genitiveTails.mayEnd(m.keys[0]) && genitiveOfPerson[m.keys[0]] || leadTitle(m.keys[0]) ||
			tombSet.has(m.keys[0])) {
			m = m.slice(1, len(m.keys))
		}
		for m.typ == 1 && len(m.keys) > 1 && trailNouns[m.keys[len(m.keys)-1]] {
			m = m.slice(0, len(m.keys)-1)
		}
		if len(m.keys) == 0 {
			continue
		}
		for j := 1; j < len(m.keys); j++ {
			k, ok := strings.CutPrefix(m.keys[j], "و")
			if !ok {
				continue
			}
			if alone == nil {
				alone = oneWordMentions(ms)
			}
			if alone[k] {
				out = append(out, m.slice(0, j))
				m = m.slice(j, len(m.keys))
				j = 0
			}
		}
		out = append(out, m)
	}
	return out
}

// oneWordMentions returns the set of the words of the mentions of one word.
func oneWordMentions(ms []mention) map[string]bool {
	alone := make(map[string]bool, len(ms))
	for _, m := range ms {
		if len(m.keys) == 1 {
			alone[m.keys[0]] = true
		}
	}
	return alone
}

// splitCoordinated splits a mention at a word of و and a name the
// gazetteers know, alone or as the first word of a longer name (سولانا
// ولاريجاني، تويوتا وجنرال موتورز، الإمارات العربية وقطر), or a word that
// is a word of another mention of the article without و (بوتين وبايدن
// where جو بايدن is named too): two names coordinated, not one, unless
// the word with و is a name itself or the whole mention is a gazetteer
// name (البوسنة والهرسك).
func (t *Tagger) splitCoordinated(ms []mention) []mention {
	var seen map[string]bool // the words of all mentions, made when needed
	named := func(w string) bool {
		if t.gaz.named(w) {
			return true
		}
		if seen == nil {
			seen = mentionWords(ms)
		}
		return seen[w]
	}
	return splitMentions(ms, func(m mention) int {
		if len(m.keys) < 2 || t.gaz.phrases[strings.Join(m.keys, " ")] != 0 {
			return -1
		}
		for j := 1; j < len(m.keys); j++ {
			w, ok := strings.CutPrefix(m.keys[j], "و")
			if ok && utf8.RuneCountInString(w) >= 2 && named(w) && !t.gaz.named(m.keys[j]) {
				return j
			}
		}
		return -1
	})
}

// splitMentions splits each mention of ms before the word whose index cut
// gives (-1: none), and the rest again, for rules that find several names
// coordinated in one mention. It returns ms itself when nothing is cut.
func splitMentions(ms []mention, cut func(m mention) int) []mention {
	var out []mention
	for k, m := range ms {
		c := cut(m)
		if c < 0 {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]mention, 0, len(ms)+4), ms[:k]...)
		}
		out = append(out, m.slice(0, c))
		out = append(out, splitMentions([]mention{m.slice(c, len(m.keys))}, cut)...)
	}
	if out == nil {
		return ms
	}
	return out
}

func isDay(k string) bool {
	if !dayTails.mayEnd(k) {
		return false
	}
	if weekdays[k] {
		return true
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل"} {
		if strings.HasPrefix(k, p) && weekdays[k[len(p):]] {
			return true
		}
	}
	return false
}

// slice returns the mention of words [i, j).
func (m mention) slice(i, j int) mention {
	if i >= j {
		return mention{typ: m.typ, tok: m.tok + i}
	}
	return mention{typ: m.typ, tok: m.tok + i, words: m.words[i:j], keys: m.keys[i:j], starts: m.starts[i:j], ends: m.ends[i:j],
		start: m.starts[i], end: m.ends[j-1]}
}

// mentionWords returns the set of the words (normalized) of the mentions.
func mentionWords(ms []mention) map[string]bool {
	n := 0 // the most words the set may hold: room for no more
	for _, m := range ms {
		n += len(m.keys)
	}
	seen := make(map[string]bool, n)
	addMentionWords(seen, ms)
	return seen
}

// addMentionWords adds the words (normalized) of the mentions to seen.
func addMentionWords(seen map[string]bool, ms []mention) {
	for _, m := range ms {
		for _, k := range m.keys {
			seen[k] = true
		}
	}
}

// stripClitics removes a proclitic from the first word of each mention when
// the evidence says it is one: the base is the word of another mention of
// the article or a gazetteer name, or the word as it stands is unknown and
// و or ف stands before a word of the tagger's lexicon, or a clitic stands
// before the article ال of an organization or place name (والولايات →
// الولايات، للكونغرس → الكونغرس), or the mention has several words and the
// base is much more frequent than the word (لجامعة الدول العربية → جامعة
// الدول العربية).
func (t *Tagger) stripClitics(ms []mention, sc *ruleScratch) {
	// Only a first word that starts with a proclitic's letter splits (see
	// nextSplit): most mentions have none, and often no mention does.
	if !slices.ContainsFunc(ms, func(m mention) bool { return cliticLetter(m.keys[0]) }) {
		return
	}
	seen := sc.mentionWords(ms)
	lexical := func(w string) bool {
		return t.gaz.named(w) || t.inLexicon(w)
	}
	firsts := clearedMap(&sc.firsts)
	for _, m := range ms {
		firsts[m.keys[0]]++
	}
	for i := range ms {
		m := &ms[i]
		full := m.keys[0]
		if !cliticLetter(full) {
			continue
		}
		// lexical(full), asked for few words: known at the first question.
		fullLex, lexKnown := false, false
		notLexical := func() bool {
			if !lexKnown {
				fullLex, lexKnown = lexical(full), true
			}
			return !fullLex
		}
		// A form that recurs is a word of its own: strip it only toward
		// another name of the article.
		recurs := firsts[full] > 1
		var c, base string
		// Strongest evidence first: the base is another name of the article.
		for pass := 0; pass < 2 && c == ""; pass++ {
			for next := 0; next >= 0; {
				var p, b string
				p, b, next = nextSplit(full, next)
				if next < 0 {
					break
				}
				ok := seen[b]
				if pass == 1 {
					article := strings.HasPrefix(b, "ال") && !strings.HasPrefix(full, "ال")
					conj := p == "و" || p == "ف" // a conjunction, before any word
					ok = (!recurs && (t.gaz.words[b] != 0 || (conj && notLexical() && lexical(b)))) || (article && m.typ != 1) ||
						(len(m.keys) > 1 && t.commoner(b, full))
				}
				if ok {
					c, base = p, b
					break
				}
			}
		}
		if c == "" {
			continue
		}
		n := utf8.RuneCountInString(c)
		raw, skipped := dropLetters(m.words[0], n)
		if strings.HasPrefix(base, "ال") && !strings.HasPrefix(normalize(raw), "ال") {
			raw = "ا" + raw // لل+X: ل + ال + X, the alef was elided
		}
		m.words[0] = raw
		m.keys[0] = base
		m.start += skipped
	}
}

// minCommonFreq is the least frequency bucket (log2 of the count in the
// unlabelled corpus) of a word that commoner takes as a word of its own.
const minCommonFreq = 6

// commoner reports whether base, a word without its proclitic, is at least
// four times as frequent in the unlabelled corpus as full, the word with it:
// then full is the word with a clitic (لجامعة → جامعة، بمجلس → مجلس), while a
// word more frequent with its first letter (لجنة، بلدية) is a word of its own.
func (t *Tagger) commoner(base, full string) bool {
	fb := unpackFreq(t.gaz.stats[base])
	return fb >= minCommonFreq && fb >= unpackFreq(t.gaz.stats[full])+2
}

// inLexicon reports whether w was seen as a word in training and its form
// feature kept (see Pruned).
func (t *Tagger) inLexicon(w string) bool {
	// The feature index holds the keys of t.index (prepare builds it from
	// them), and its filter answers most absent ones from the processor's
	// cache, where the map misses it.
	_, ok := t.fx.get(hashS(hashB(hashT(fNorm), window), w))
	return ok
}

// dropLetters removes the first n letters of s with the diacritics and
// format marks around them, and returns the rest and the runes removed.
func dropLetters(s string, n int) (string, int) {
	runes := 0
	for i, r := range s {
		if foldRune(r) < 0 {
			runes++
			continue
		}
		if n == 0 {
			return s[i:], runes
		}
		n--
		runes++
	}
	return "", runes
}

// groupEnt is an entity that group makes of mentions.
type groupEnt struct {
	keys  []string
	words []string
	votes [nLabels]int
	spans []article.Span
	// placed: a mention stands right after a kind of place (placeCues).
	placed bool
	cued   bool // a mention follows a person's title or a reporting verb
	media  bool // a mention is named as a newspaper or channel (mediaName)
}

// groupBufs are group's buffers, kept from one document to the next in a
// tagState: what group returns refers to none of them.
type groupBufs struct {
	ents   []groupEnt
	of     []int // per mention: its entity
	counts []int // per entity: its mentions
	merged []bool
	byKey  map[string]int // entity of each key, cleared on return
	// the bytes of byKey's keys, which point into it: a key's bytes are
	// written once, and a later append that moves the array leaves the
	// old one to the keys that point into it.
	keyBytes []byte
}

// group merges mentions into entities, each of the type most of its
// mentions have, counting the votes of personCues. Its buffers are b's.
func (t *Tagger) group(ms []mention, b *groupBufs) []article.Entity {
	// Each mention's entity, found first, so that the entities take their
	// spans from one array, in mention order, rather than growing one slice
	// each (an entity's Mentions keep their capacity to their own spans).
	ents, counts := b.ents[:0], b.counts[:0]
	of := slices.Grow(b.of[:0], len(ms))[:len(ms)]
	if b.byKey == nil {
		b.byKey = map[string]int{}
	}
	byKey, kb := b.byKey, b.keyBytes[:0]
	var merged []bool
	defer func() {
		clear(ents) // not to keep the document's words
		clear(byKey)
		b.ents, b.of, b.counts, b.merged, b.keyBytes = ents[:0], of[:0], counts[:0], merged[:0], kb[:0]
	}()
	for i, m := range ms {
		lo := len(kb)
		if m.apart {
			kb = append(kb, "\x00apart "...) // the club or newspaper apart from its town's other mentions
		}
		for d, w := range m.keys {
			if d > 0 {
				kb = append(kb, ' ')
			}
			kb = append(kb, w...)
		}
		j, ok := byKey[string(kb[lo:])]
		if !ok {
			j = len(ents)
			k := ""
			if len(kb) > lo {
				k = unsafe.String(&kb[lo], len(kb)-lo)
			}
			byKey[k] = j
			ents = append(ents, groupEnt{keys: m.keys, words: m.words})
			counts = append(counts, 0)
		} else {
			kb = kb[:lo] // its bytes are another key's
		}
		of[i] = j
		counts[j]++
	}
	spans := make([]article.Span, len(ms))
	off := 0
	for j, n := range counts {
		ents[j].spans = spans[off : off : off+n]
		off += n
	}
	for i, m := range ms {
		e := &ents[of[i]]
		e.votes[m.typ]++
		e.votes[1] += m.cue
		e.cued = e.cued || m.titled
		if m.placed {
			e.votes[5] += placeCueWeight
			e.placed = true
		}
		e.media = e.media || m.media
		e.spans = append(e.spans, article.Span{Start: m.start, End: m.end})
	}
	typeOf := func(e *groupEnt) int {
		if e.media && !e.cued {
			// A name quoted after صحيفة or told to (لـ «الشرق الأوسط») is
			// the newspaper's wherever it stands.
			return 3
		}
		if e.placed && e.votes[1] > 0 && e.votes[5] > 0 && !e.cued {
			// A name once in the construct state after a kind of place
			// (جزيرة هونج كونج) and never after a person's title or a
			// reporting verb is a place wherever it stands.
			return 5
		}
		best := 1
		for l := 1; l < nLabels; l += 2 {
			if e.votes[l] > e.votes[best] {
				best = l
			}
		}
		return best
	}
	// A one-word person mention joins the longer person mention ending
	// with it, and so does a one-word mention of another type that is not a
	// gazetteer place or organization (بايدن tagged a place once joins جو
	// بايدن) and has no article (العنابي, a club, is not the surname of
	// لمدافعي العنابي): the longer mention names a person, and the votes
	// of the one-word mentions for other types do not make it a place
	// (توني سنو stays a person though سنو alone was tagged an organization
	// twice).
	merged = slices.Grow(b.merged[:0], len(ents))[:len(ents)]
	clear(merged)
	for i := range ents {
		e := &ents[i]
		if len(e.keys) != 1 || (typeOf(e) != 1 && (t.gaz.words[e.keys[0]]&(gORG|gLOC) != 0 || strings.HasPrefix(e.keys[0], "ال"))) {
			continue
		}
		var target *groupEnt
		for j := range ents {
			o := &ents[j]
			if len(o.keys) > 1 && typeOf(o) == 1 && o.keys[len(o.keys)-1] == e.keys[0] {
				if target == nil || len(o.spans) > len(target.spans) {
					target = o
				}
			}
		}
		if target != nil {
			merged[i] = true
			target.spans = append(target.spans, e.spans...)
			target.votes[1] += e.votes[1]
		}
	}
	out := make([]article.Entity, 0, len(ents))
	for i := range ents {
		e := &ents[i]
		if merged[i] {
			continue
		}
		typ := labelNames[typeOf(e)][2:]
		if typ == "MISC" || t.notName(e.words, e.keys, typ) {
			continue
		}
		sortSpans(e.spans)
		out = append(out, article.Entity{Text: strings.Join(e.words, " "), Type: typ, Mentions: e.spans})
	}
	return out
}

func sortSpans(s []article.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}

// honorifics are the titles that stand inside the names of places and
// organizations named after a person (جامعة الملك سعود، مسجد الشيخ زايد).
var honorifics = lexicon.Set(lexicon.Titles(lexicon.InPlaceName))

// splitPersons splits an organization or place mention that runs on into
// a person's name (جامعة الدول العربية أحمد أبو الغيط): at a gazetteer first
// name of at least two words' name, right after a word with the article
// that is not an honorific (جامعة الملك سعود stays whole). The part from the
// first name on becomes a person mention; the part before stays a mention
// of its type when it has two words or more, and one word alone is the
// person's description (الزائر فيصل الحرقان), no name.
func (t *Tagger) splitPersons(ms []mention) []mention {
	var out []mention
	for k, m := range ms {
		j := 0
		if m.typ == 3 || m.typ == 5 {
			for i := 1; i+1 < len(m.keys); i++ {
				prev, w := m.keys[i-1], m.keys[i]
				if strings.HasPrefix(prev, "ال") && !honorifics[prev] && !strings.HasPrefix(w, "ال") &&
					t.gaz.words[w]&gPER != 0 && t.gaz.words[w]&gORG == 0 && !honorifics[w] {
					j = i
					break
				}
			}
		}
		if j == 0 {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]mention, 0, len(ms)+4), ms[:k]...)
		}
		p := m.slice(j, len(m.keys))
		p.typ = 1
		if j > 1 {
			out = append(out, m.slice(0, j))
		}
		out = append(out, p)
	}
	if out == nil {
		return ms
	}
	return out
}

// reportVerbs are the masculine past reporting verbs (قال، أضاف) whose
// subject right after them, a name without the article that is no
// gazetteer place or organization, is most likely a person: places and
// organizations without the article take the feminine (قالت موسكو).
var reportVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range lexicon.Verbs(lexicon.PersonSubject) {
		m[v.Masc] = true
	}
	return m
}()

// personTitles are the words that, right before a name, make it a person's
// (الرئيس بايدن، الرئيس الأمريكي بايدن with a nisba between).
var personTitles = lexicon.Set(lexicon.Titles(lexicon.TitleBefore))

// personCues counts, for each mention of one word or more whose first
// word has no article and which is no gazetteer place or organization,
// the evidence of the words before it that it names a person: a person's
// title right before it, or before a nisba adjective before it (الرئيس
// الأمريكي بايدن), counts 2; a masculine reporting verb right before it
// (قال بايدن، وأضاف بايدن) counts 1. words are the tokens, keys their
// normalized forms.
func (t *Tagger) personCues(ms []mention, words, keys []string, breaks []bool) {
	for i := range ms {
		m := &ms[i]
		if m.typ == 1 || m.tok <= 0 || m.tok >= len(keys) || breaks[m.tok] || strings.HasPrefix(m.keys[0], "ال") {
			continue
		}
		if t.gaz.words[m.keys[0]]&(gORG|gLOC) != 0 || t.gaz.phrases[strings.Join(m.keys, " ")]&(gORG|gLOC) != 0 {
			continue
		}
		m.cue = personCue(words, keys, breaks, m.tok)
	}
}

// personCue returns the evidence of the words before token i that a name
// starting there is a person's (see personCues): 2 after a person's title
// or a nisba after one, 1 after a masculine reporting verb, else 0.
func personCue(words, keys []string, breaks []bool, i int) int {
	prev := keys[i-1]
	switch {
	case personTitles[prev]:
		return 2
	case i >= 2 && !breaks[i-1] && isNisba(prev) && !strings.HasSuffix(words[i-1], "ى") && personTitles[keys[i-2]]:
		// A word in ى is an elative (الرئيس الأعلى لطيران الإمارات), which
		// normalizing spells as a nisba in ي.
		return 2
	}
	if _, v := splitConj(prev); reportVerbs[v] {
		return 1
	}
	return 0
}

// placeCueWeight is the LOC vote of a mention right after a kind of place
// in the construct state (جزيرة هونج كونج، مدينة سياتل).
const placeCueWeight = 2

// placeCues counts, for each mention whose first word has no article and
// which is no gazetteer person, the evidence of the word before it that it
// names a place: a noun of a kind of place without the article (placeKind:
// جزيرة، مدينة، قرية, with a proclitic or not) in the construct state with
// the name counts placeCueWeight. group then makes a place of an entity the
// tagger read as a person when one of its mentions has this cue and none
// has personCues (جزيرة هونج كونج and then هونج كونج alone, each a person
// to the tagger). keys are the normalized tokens.
func (t *Tagger) placeCues(ms []mention, words, keys []string, breaks []bool) {
	for i := range ms {
		m := &ms[i]
		if m.tok > 0 && m.tok < len(keys) && !breaks[m.tok] && personCue(words, keys, breaks, m.tok) > 0 {
			m.titled = true
		}
		m.media = mediaName(keys, m.tok, m.tok+len(m.keys))
		if m.typ == 5 || m.tok <= 0 || m.tok >= len(keys) || breaks[m.tok] || strings.HasPrefix(m.keys[0], "ال") {
			continue
		}
		if g := t.gaz.words[m.keys[0]]; g&gPER != 0 && g&gLOC == 0 {
			continue
		}
		prev := keys[m.tok-1]
		if strings.HasPrefix(prev, "ال") {
			continue
		}
		if placeKind(prev) {
			m.placed = true
		}
	}
}

// mediaNouns are the kinds of newspaper, channel and agency, normalized:
// before a name in quotes (صحيفة «الشرق الأوسط») they make it the
// medium's.
var mediaNouns = map[string]bool{"صحيفه": true, "جريده": true, "مجله": true, "قناه": true, "اذاعه": true,
	"وكاله": true, "تلفزيون": true, "موقع": true}

// isQuoteMark reports whether a token is a quotation mark.
func isQuoteMark(k string) bool {
	switch k {
	case "«", "»", "\"", "'", "“", "”", "''":
		return true
	}
	return false
}

// mediaName reports whether the tokens [i, j) of keys, the normalized
// tokens, stand in quotation marks after a kind of medium (mediaNouns:
// صحيفة «الشرق الأوسط», with a proclitic too: لصحيفة) or after the
// preposition لـ alone (قال لـ «الشرق الأوسط»: told the newspaper).
func mediaName(keys []string, i, j int) bool {
	if i < 2 || j >= len(keys) || !isQuoteMark(keys[i-1]) || !isQuoteMark(keys[j]) {
		return false
	}
	w := keys[i-2]
	if w == "ل" || w == "لـ" {
		return true
	}
	w = strings.TrimPrefix(w, "و")
	if mediaNouns[w] {
		return true
	}
	for _, p := range [...]string{"ل", "ب"} {
		if strings.HasPrefix(w, p) && mediaNouns[w[len(p):]] {
			return true
		}
	}
	return false
}

// notPlaceKind are the kinds of place (cueLOC) whose word also has another
// sense before a person's name: ولاية the term of office (ولاية صالح),
// دولة the prime minister's honorific (دولة إدريس جطو), وسط amid, حي alive.
// An airport or a port is often named after a person (مطار محمد الخامس).
var notPlaceKind = map[string]bool{"ولايه": true, "دوله": true, "وسط": true, "حي": true, "مطار": true, "ميناء": true}

// placeKind reports whether a normalized word without the article is a
// noun of a kind of place (cueLOC), bare or after a proclitic (بمدينة،
// ولمدينة).
func placeKind(w string) bool {
	if cueWords[w]&cueLOC != 0 {
		return !notPlaceKind[w]
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"} {
		if b := w[min(len(p), len(w)):]; strings.HasPrefix(w, p) && len(b) > 4 && cueWords[b]&cueLOC != 0 {
			return !notPlaceKind[b]
		}
	}
	return false
}

// isNisba reports whether a normalized word looks like a definite nisba
// adjective (الأمريكي، الروسي).
func isNisba(w string) bool {
	return strings.HasPrefix(w, "ال") && strings.HasSuffix(w, "ي") && len(w) > len("الاي")
}

// splitConj removes the conjunction و or ف from the start of a normalized
// word.
func splitConj(w string) (string, string) {
	for _, c := range [...]string{"و", "ف"} {
		if strings.HasPrefix(w, c) && len(w) > len(c)+2 {
			return c, w[len(c):]
		}
	}
	return "", w
}

// minDefiniteFreq is the least frequency bucket of a word with the article
// that makes the bare word a common noun for notName (2^7 = 128 times in
// the unlabelled corpus).
const minDefiniteFreq = 7

// notName reports whether the words of an entity of type typ (keys
// normalized) cannot be a name by their form: a currency alone (اليورو),
// a word written with tanween
// (زيفاً: names take none), or a person of one word that is a common noun
// (its form with the article is frequent: عضو، مسؤول), has the form of an
// accusative active participle, مُفعِلاً of five letters (معقبا، موضحا:
// a circumstantial قال معقباً), or of the masculine plural in ون of a
// common word (ناشطون) or its construct form in و (مؤيدو), and that the gazetteer does not list as a person
// (nor, in the accusative, محمداً).
func (t *Tagger) notName(words, keys []string, typ string) bool {
	if len(keys) == 1 {
		_, b := splitClitic(keys[0])
		if currencies[strings.TrimPrefix(keys[0], "ال")] || currencies[strings.TrimPrefix(b, "ال")] {
			return true
		}
		if placeNouns[keys[0]] || placeNouns[b] || eventNouns[keys[0]] || eventNouns[b] {
			return true
		}
	}
	for i, w := range words {
		// The accusative of a known name keeps it (محمداً، علياً).
		if hasTanween(w) && t.gaz.words[strings.TrimSuffix(keys[i], "ا")] == 0 {
			return true
		}
	}
	if typ != "PER" || len(keys) != 1 {
		return false
	}
	k := keys[0]
	if t.gaz.words[k]&gPER != 0 || t.gaz.words[strings.TrimSuffix(k, "ا")]&gPER != 0 {
		return false
	}
	// A common noun: frequent with the article (عضو → العضو، مسؤول →
	// المسؤول), which names of persons do not take (بوتين، ترامب) unless
	// they are words too (كريم، سعيد), which the gazetteer lists.
	if !strings.HasPrefix(k, "ال") && unpackFreq(t.gaz.stats["ال"+k]) >= minDefiniteFreq {
		return true
	}
	rs := []rune(k)
	if len(rs) == 5 && rs[0] == 'م' && rs[1] != 'ا' && rs[1] != 'ي' && rs[4] == 'ا' {
		return true
	}
	// The construct plural of a common word (مؤيدو التعديل، منتجو الكابل: مؤيدون
	// or مؤيدين is frequent), not a name in و (ريكاردو، ماركو).
	if stem, ok := strings.CutSuffix(k, "و"); ok && len(rs) >= 4 && t.plural(stem, true) {
		return true
	}
	// The plural of a common word (ناشطون: ناشطين is frequent too), not a
	// surname in -son (كارلسون، ويلسون) nor a name like فرعون.
	base, ok := strings.CutSuffix(k, "ون")
	return ok && len(rs) >= 5 && !strings.HasSuffix(base, "س") && t.plural(base, false)
}

// hasTanween reports whether w holds a tanween (U+064B-U+064D, D9 8B-8D),
// looking at its bytes rather than decoding its runes.
func hasTanween(w string) bool {
	for i := 1; i < len(w); i++ {
		if c := w[i]; c >= 0x8B && c <= 0x8D && w[i-1] == 0xD9 {
			return true
		}
	}
	return false
}

// minPluralFreq is the least frequency bucket of a plural form that makes
// plural report a word's plural as a word of the language.
const minPluralFreq = 5

// plural reports whether the sound masculine plural of stem (مؤيد → مؤيدين،
// المؤيدين, and مؤيدون when withUn) is a frequent word: stem is then a
// common noun or adjective, not a name. The form in ون is left out for a
// word that is that form itself (خلدون is a name).
func (t *Tagger) plural(stem string, withUn bool) bool {
	forms := [...]string{stem + "ين", "ال" + stem + "ين", "ال" + stem + "ون", stem + "ون"}
	n := len(forms)
	if !withUn {
		n--
	}
	for _, w := range forms[:n] {
		if unpackFreq(t.gaz.stats[w]) >= minPluralFreq {
			return true
		}
	}
	return false
}

// genitiveOfPerson are the nouns whose genitive, in news, is most often the
// person who holds or wields something (برئاسة دونالد ترامب، في عهد حسني
// مبارك، إدارة جورج بوش، لصالح دونالد ترامب), normalized. حكومة and نظام
// are none: their genitive is as often a common noun the tagger's data
// lacks (نظام تدفئة، حكومة وشعبا).
var genitiveOfPerson = map[string]bool{
	"رئاسه": true, "برئاسه": true, "عهد": true, "بعهد": true, "اداره": true, "لاداره": true, "قياده": true,
	"بقياده": true, "لصالح": true,
}

// tombNouns are the nouns of a tomb or shrine, normalized: before a
// person's name (ضريح الصحابي سعد، مرقد الإمام الرضا، قبر الشاعر) they are
// the place where the person lies, not part of the name (all of ANERcorp:
// ضريح، مرقد، قبر، مقام before a person's name 10 times, never in it).
var tombNouns = map[string]bool{"ضريح": true, "مرقد": true, "قبر": true, "مقام": true}

// tombSet is tombNouns as a cliticSet (وضريح، بمرقد).
var tombSet = newCliticSet(tombNouns)

// genitiveTails is the tailFilter of genitiveOfPerson.
var genitiveTails = newTailFilter(genitiveOfPerson)

// genitiveNameWords is how many words untaggedPersons reads as a name
// after a noun of genitiveOfPerson: a first name and a surname.
const genitiveNameWords = 2

// untaggedPersons adds to ms, the mentions the tagger found, the persons it
// missed by two rules of news prose, and returns them in text order:
//
//   - a name of two words right after a noun whose genitive is most
//     often a person (genitiveOfPerson: برئاسة دونالد ترامب) is a
//     person's when each word has the form of a proper name (nameLike),
//     without a proclitic before a known word, the second not joined by
//     و (حكومة تسيبراس وتوبيخ), and the word after it has not;
//   - the surname of a person named by two words or more stands for that
//     person wherever it stands alone untagged in the article (وأضاف
//     ترامب), with a proclitic too (لترامب), when it has the form of a
//     proper name.
//
// labels are the tagger's labels of tokens, keys their normalized forms.
func (t *Tagger) untaggedPersons(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(labels)
	var added []mention
	taken := func(i int) bool {
		for _, m := range added {
			if i >= m.tok && i < m.tok+len(m.keys) {
				return true
			}
		}
		return false
	}
	for i := 0; i+2 < n; i++ {
		if !genitiveTails.mayEnd(keys[i]) || !genitiveOfPerson[keys[i]] {
			continue
		}
		j := i + 1
		for j < n && j-i-1 < genitiveNameWords && !breaks[j] && labels[j] == 0 && t.nameLike(keys[j]) &&
			(j == i+1 || !strings.HasPrefix(keys[j], "و")) && !t.cliticOnWord(keys[j]) {
			j++
		}
		if j-i-1 == genitiveNameWords && (j == n || breaks[j] || !t.nameLike(keys[j])) {
			added = append(added, newMention(1, i+1, j, tokens, words, keys))
			i = j - 1
		}
	}
	// Surnames of persons of two words or more, each with the longest
	// name it ends.
	surnames := map[string]bool{}
	var tails tailFilter // of surnames
	full := map[string][]string{}
	addFull := func(keys []string) {
		last := keys[len(keys)-1]
		surnames[last] = true
		tails.add(last)
		if len(keys) > len(full[last]) {
			full[last] = keys
		}
	}
	for _, m := range ms {
		if m.typ == 1 && len(m.keys) > 1 && t.nameLike(m.keys[len(m.keys)-1]) {
			addFull(m.keys)
		}
	}
	for _, m := range added {
		addFull(m.keys)
	}
	free := func(i int) bool { return labels[i] == 0 && !taken(i) }
	if len(surnames) > 0 {
		nameWords := map[string]bool{}
		for _, keys := range full {
			for _, k := range keys[:len(keys)-1] {
				nameWords[k] = true
			}
		}
		for i := 0; i < n; i++ {
			if !free(i) {
				continue
			}
			k := keys[i]
			if !tails.mayEnd(k) || !surnames[k] && !surnameAfterClitic(k, surnames) {
				continue
			}
			// Not the first word of a longer untagged name (جورج بوش الابن
			// is read as it stands) nor a word of a name that goes on.
			if i+1 < n && !breaks[i+1] && free(i+1) && t.nameLike(keys[i+1]) && !strings.HasPrefix(keys[i+1], "و") {
				continue
			}
			// The whole name untagged (كولو توريه، فان باستن) is a mention of
			// it whole; after another word of a person's name, untagged, the
			// name starts before the surname and its extent is unclear.
			if j := i - len(full[k]) + 1; surnames[k] && j < i && j >= 0 && untaggedName(keys[j:i+1], full[k], breaks[j+1:i+1], free, j) {
				added = append(added, newMention(1, j, i+1, tokens, words, keys))
				continue
			}
			if i > 0 && !breaks[i] && free(i-1) && nameWords[keys[i-1]] {
				continue
			}
			added = append(added, newMention(1, i, i+1, tokens, words, keys))
		}
	}
	return addMentions(ms, added)
}

// untaggedName reports whether keys, the words from token j on, are the
// person's name name, in one sentence (breaks of the words after the first)
// and all free.
func untaggedName(keys, name []string, breaks []bool, free func(int) bool, j int) bool {
	if !slices.Equal(keys, name) || slices.Contains(breaks, true) {
		return false
	}
	for d := range keys {
		if !free(j + d) {
			return false
		}
	}
	return true
}

// heldTokens returns, for each of the n tokens of an article, whether one
// of the mentions ms holds it.
func heldTokens(ms []mention, n int) []bool {
	held := make([]bool, n)
	markHeld(held, ms)
	return held
}

// markHeld sets held[i] for each token i that one of the mentions ms holds.
func markHeld(held []bool, ms []mention) {
	for _, m := range ms {
		for d := range m.keys {
			held[m.tok+d] = true
		}
	}
}

// newMention returns the mention of type typ on tokens [i, j) that a rule
// adds to the tagger's, with offsets of its own (a rule may move its
// start past a clitic).
func newMention(typ, i, j int, tokens []Token, words, keys []string) mention {
	m := mention{typ: typ, tok: i, start: tokens[i].Start, end: tokens[j-1].End,
		words: words[i:j:j], keys: keys[i:j:j], starts: make([]int, j-i), ends: make([]int, j-i)}
	for k := range m.keys {
		m.starts[k], m.ends[k] = tokens[i+k].Start, tokens[i+k].End
	}
	return m
}

// addMentions returns ms with the mentions added by a rule, in text order.
func addMentions(ms, added []mention) []mention {
	if len(added) == 0 {
		return ms
	}
	ms = append(ms, added...)
	slices.SortStableFunc(ms, func(a, b mention) int { return a.tok - b.tok })
	return ms
}

// cliticOnWord reports whether the normalized word w may be a proclitic
// before a word the corpus statistics know (ببنوده، ولوائحه).
func (t *Tagger) cliticOnWord(w string) bool {
	_, b := splitClitic(w)
	return b != w && t.gaz.stats[b] != 0
}

// surnameAfterClitic reports whether the normalized word w is a proclitic
// of one or two letters (و ف ب ل ك) before a word of surnames.
func surnameAfterClitic(w string, surnames map[string]bool) bool {
	const letter = len("و") // the proclitics' letters take two bytes
	for _, n := range [...]int{letter, 2 * letter} {
		if len(w) > n && surnames[w[n:]] {
			p, b := splitClitic(w)
			return b == w[n:] && p != ""
		}
	}
	return false
}

// nameLike reports whether a normalized word without the article has the
// form of a proper name the tagger does not know: a word unseen in
// training that the corpus statistics do not know or know to rarely take
// the article (common nouns and adjectives take it, names do not: ترامب،
// دونالد); never a gazetteer place or organization, a day, a stopword, a
// proclitic before a frequent word (لتنفيذ), or a word of fewer than three
// letters.
func (t *Tagger) nameLike(k string) bool {
	if strings.HasPrefix(k, "ال") || utf8.RuneCountInString(k) < 3 || isDay(k) || t.gaz.an.IsStopword(k) {
		return false
	}
	for _, r := range k {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	if t.gaz.words[k]&(gORG|gLOC) != 0 {
		return false
	}
	// A word of the training data is left to the tagger, also a gazetteer
	// person's name (علي is the preposition على too once normalized), and a
	// clitic before a frequent word (لتنفيذ) is no name.
	if t.inLexicon(k) {
		return false
	}
	if _, b := splitClitic(k); b != k && unpackFreq(t.gaz.stats[b]) >= minCommonFreq {
		return false
	}
	// The indefinite accusative of a common noun (برنامجا، مسؤولا: البرنامج
	// is frequent), written without its tanween.
	if b, ok := strings.CutSuffix(k, "ا"); ok && unpackFreq(t.gaz.stats["ال"+b]) >= minDefiniteFreq {
		return false
	}
	st := t.gaz.stats[k]
	return st == 0 || unpackRatio(st) == 1
}

// maxCliticPhrase is the most words, the first included, that cliticNames
// tags together.
const maxCliticPhrase = 4

// cliticNames adds to ms the names the tagger missed right after a
// proclitic before the article (للكونغرس، والكرملين، بالناتو): news prose
// joins a preposition or a conjunction to a name written with the article,
// and the tagger, which learned most such words as common nouns, often
// misses the name in its sentence although it knows it. A word with such a
// proclitic, untagged, whose base the tagger's data knows, starts a name of
// the type the tagger gives the base and the words with the article after
// it read alone (الكونغرس الأمريكي), without the rest of the sentence. It
// returns the mentions in text order. infos are the tagger's information
// on the tokens, whose clitic and base are those splitClitic gives.
func (t *Tagger) cliticNames(ms []mention, labels []int, infos []tokInfo, tokens []Token, words, keys []string, breaks []bool, sc *ruleScratch) []mention {
	n := len(labels)
	taken := sc.heldTokens(ms, n)
	var added []mention
	var phrase []string
	var key []byte
	for i := 0; i < n; i++ {
		if labels[i] != 0 || taken[i] || infos[i].clitic == "" {
			continue
		}
		p, b := infos[i].clitic, infos[i].base
		if !strings.HasPrefix(b, "ال") || !t.gaz.baseNamed(&infos[i]) && !t.inLexicon(b) {
			continue
		}
		phrase = append(phrase[:0], b)
		for j := i + 1; j < n && j-i < maxCliticPhrase && !breaks[j] && labels[j] == 0 && !taken[j] &&
			strings.HasPrefix(keys[j], "ال"); j++ {
			phrase = append(phrase, words[j])
		}
		var tags []uint8
		tags, key = t.tagPhrase(phrase, key)
		typ := int(tags[0])
		if typ == 0 || isInside(typ) {
			continue
		}
		j := i + 1
		for j-i < len(tags) && int(tags[j-i]) == typ+1 {
			j++
		}
		m := newMention(typ, i, j, tokens, words, keys)
		for k := i; k < j; k++ {
			taken[k] = true
		}
		// The name is the base: its clitic goes, whatever its type (a
		// person's too, which stripClitics keeps: المالكي in للمالكي).
		raw, skipped := dropLetters(words[i], utf8.RuneCountInString(p))
		if !strings.HasPrefix(normalize(raw), "ال") {
			raw = "ا" + raw // لل+X: ل + ال + X, the alef was elided
		}
		m.words[0], m.keys[0] = raw, b
		m.start += skipped
		m.starts[0] = m.start
		added = append(added, m)
		i = j - 1
	}
	return addMentions(ms, added)
}

// cliticLetter reports whether w starts with the letter of a proclitic:
// و ف ب ك ل.
func cliticLetter(w string) bool {
	// و U+0648 D9 88, ف U+0641 D9 81, ك U+0643 D9 83, ل U+0644 D9 84,
	// ب U+0628 D8 A8.
	if len(w) < 2 {
		return false
	}
	switch w[0] {
	case 0xD9:
		c := w[1]
		return c == 0x88 || c == 0x81 || c == 0x83 || c == 0x84
	case 0xD8:
		return w[1] == 0xA8
	}
	return false
}

// repeatedNames adds to ms the untagged repeats of names the article
// tags elsewhere (one sense per article: a name keeps its type through an
// article; the tagger, reading one sentence at a time, misses some of its
// mentions), with a proclitic too (بنوكيا where نوكيا is tagged), and
// returns them in text order. A name of one word is repeated only when it
// has the form of a name and not of a common word: with the article, a
// place or organization the gazetteers know (الإمارات, not البنك); without
// it, a word that is rare with the article (صنعاء, not دين: الدين is
// frequent). A repeat next to another mention, or with the article and
// followed by an untagged word with the article (البنك التجاري, an
// adjective or another name), is part of a longer phrase and left alone;
// so is a name tagged with two types.
func (t *Tagger) repeatedNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, sc *ruleScratch) []mention {
	n := len(labels)
	if len(ms) == 0 {
		return ms
	}
	taken := sc.heldTokens(ms, n)
	// The names, chained by their first word (byFirst) and, with the
	// article, by that word without it (bareArt): heads are index+1.
	names := slices.Grow(sc.names[:0], len(ms))
	defer func() { sc.names = names }()
	byFirst, bareArt := clearedMap(&sc.byFirst), clearedMap(&sc.bareArt)
	var tails tailFilter // of the keys of byFirst and bareArt: the words looked up are suffixes of a token's
	for _, m := range ms {
		if len(m.keys) == 0 || (len(m.keys) == 1 && !t.repeatable(m.keys[0])) {
			continue
		}
		dup := false
		for x := byFirst[m.keys[0]]; x != 0; x = names[x-1].next {
			if nm := &names[x-1]; slices.Equal(nm.keys, m.keys) {
				if nm.typ != m.typ {
					nm.typ = -1
				}
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		nm := repeatName{keys: m.keys, typ: m.typ, next: byFirst[m.keys[0]]}
		if b, ok := strings.CutPrefix(m.keys[0], "ال"); ok {
			nm.nextArt = bareArt[b]
			bareArt[b] = len(names) + 1
			tails.add(b)
		}
		tails.add(m.keys[0])
		names = append(names, nm)
		byFirst[m.keys[0]] = len(names)
	}
	if len(names) == 0 {
		return ms
	}
	free := func(i int) bool { return i >= 0 && i < n && labels[i] == 0 && !taken[i] }
	var added []mention
	for i := 0; i < n; i++ {
		if !free(i) || !tails.mayEnd(keys[i]) {
			continue
		}
		base, clitic := keys[i], ""
		head, art := byFirst[base], false
		if head == 0 && cliticLetter(base) {
			// The splits of nextSplit, without making the base of لل
			// (ل + ال).
			w := keys[i]
			for _, p := range proclitics {
				rest, ok := strings.CutPrefix(w, p)
				if !ok || utf8.RuneCountInString(rest) < 2 {
					continue
				}
				switch {
				case strings.HasSuffix(p, "لل"):
					head, art, clitic = bareArt[rest], true, p[:len(p)-len("ل")]
				case strings.HasSuffix(p, "ال"):
					base, clitic = w[len(p)-len("ال"):], p[:len(p)-len("ال")]
					head = byFirst[base]
				default:
					base, clitic = rest, p
					head = byFirst[base]
				}
				if head != 0 {
					if art {
						base = names[head-1].keys[0]
					}
					break
				}
			}
		}
		var best *repeatName
		for x := head; x != 0; {
			nm := &names[x-1]
			if art {
				x = nm.nextArt
			} else {
				x = nm.next
			}
			L := len(nm.keys)
			if nm.typ < 0 || i+L > n || (best != nil && L <= len(best.keys)) {
				continue
			}
			ok := true
			for d := 1; d < L; d++ {
				if !free(i+d) || breaks[i+d] || keys[i+d] != nm.keys[d] {
					ok = false
					break
				}
			}
			if ok {
				best = nm
			}
		}
		if best == nil {
			continue
		}
		j := i + len(best.keys)
		// Next to another mention, or an article word before an untagged
		// word with the article: part of a longer phrase.
		if (i > 0 && !breaks[i] && labels[i-1] != 0) || (j < n && !breaks[j] && labels[j] != 0) ||
			(i > 0 && !breaks[i] && taken[i-1]) || (j < n && !breaks[j] && taken[j]) ||
			(strings.HasPrefix(best.keys[len(best.keys)-1], "ال") && j < n && !breaks[j] && free(j) && strings.HasPrefix(keys[j], "ال")) {
			continue
		}
		m := newMention(best.typ, i, j, tokens, words, keys)
		if clitic != "" {
			raw, skipped := dropLetters(words[i], utf8.RuneCountInString(clitic))
			if strings.HasPrefix(base, "ال") && !strings.HasPrefix(normalize(raw), "ال") {
				raw = "ا" + raw
			}
			m.words = append([]string{raw}, m.words[1:]...)
			m.keys = append([]string{base}, m.keys[1:]...)
			m.start += skipped
			m.starts[0] = m.start
		}
		for k := i; k < j; k++ {
			taken[k] = true
		}
		added = append(added, m)
		i = j - 1
	}
	return addMentions(ms, added)
}

// repeatable reports whether a name of one word, normalized, is a name by
// its form wherever it stands (see repeatedNames).
func (t *Tagger) repeatable(k string) bool {
	if utf8.RuneCountInString(k) < 3 || isDay(k) || t.gaz.an.IsStopword(k) {
		return false
	}
	if b, ok := strings.CutPrefix(k, "ال"); ok {
		return t.gaz.words[k]&(gORG|gLOC) != 0 && !currencies[b]
	}
	if currencies[k] {
		return false
	}
	if unpackFreq(t.gaz.stats["ال"+k]) >= minDefiniteFreq {
		return false
	}
	b, ok := strings.CutSuffix(k, "ا")
	return !ok || unpackFreq(t.gaz.stats["ال"+b]) < minDefiniteFreq
}

// clubWords are the nouns before the name of a sports club or team
// (فريق الأهلي، نادي ليون، فريقي الرجاء والوداد) and hostWords,
// normalized.
var clubWords = map[string]bool{"فريق": true, "فريقي": true, "نادي": true, "ضيفه": true, "مضيفه": true}

// hostWords are a team's guest and host (فاز على ضيفه واتفورد، خسر أمام
// مضيفه ليون), normalized: in a sports report the team it plays, ORG
// (ANERcorp, all five blocks: the word after them is a club 14 times of
// 17, the others untagged). clubNames takes after them a name's form
// only, and retypes a person's mention there as well as a place's.
var hostWords = map[string]bool{"ضيفه": true, "مضيفه": true}

// sportWords are words of sports reports, normalized: an article holding
// minSportWords of them reports sports, where a team's name follows
// clubWords.
var sportWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`مباراة المباراة مباراتين الدوري بطولة البطولة كأس لاعب اللاعب لاعبين اللاعبين
		المدرب مدرب الملعب ملعب هدف هدفا الهدف أهداف الأهداف المنتخب منتخب الموسم تعادل التعادل فوز الفوز
		مرمى المرمى الشوط المهاجم الحارس ضربة جزاء`) {
		m[normalize(w)] = true
	}
	return m
}()

// minSportWords is how many words of sportWords make an article a sports
// report.
const minSportWords = 3

// clubWord reports whether the normalized word k is a noun of clubWords,
// with a proclitic or not.
func clubWord(k string) bool {
	return clubSet.has(k)
}

// clubSet, sportSet, leadTitleSet and companyHeadSet are clubWords,
// sportWords, leadTitles and companyHeads as cliticSets.
var (
	clubSet        = newCliticSet(clubWords)
	hostSet        = newCliticSet(hostWords)
	sportSet       = newCliticSet(sportWords)
	leadTitleSet   = newCliticSet(leadTitles)
	companyHeadSet = newCliticSet(companyHeads)
)

// inSetClitic reports whether the normalized word k, or its base after a
// proclitic of splitClitic's (a prefix ending in ال keeps it on the base,
// لل is ل + ال), is in set. It makes no string and tries at most four
// prefixes, one per length (see cliticBases).
func inSetClitic(k string, set map[string]bool) bool {
	return cliticBases(k, func(pre, rest string) bool { return set[pre+rest] })
}

// cliticSet is a set of normalized words that inSetClitic reads, with a
// filter that rejects cheaply most words that are in it neither alone nor
// after a proclitic: the base inSetClitic finds in the set is a suffix of
// the word.
type cliticSet struct {
	words map[string]bool
	tails *tailFilter
}

// newCliticSet returns the cliticSet of the words of m.
func newCliticSet(m map[string]bool) *cliticSet {
	return &cliticSet{words: m, tails: newTailFilter(m)}
}

// has is inSetClitic(k, s.words).
func (s *cliticSet) has(k string) bool {
	return s.tails.mayEnd(k) && inSetClitic(k, s.words)
}

// base returns the word of s that k is, alone or after the proclitic
// splitClitic reads (والسويد → السويد), and whether there is one.
func (s *cliticSet) base(k string) (string, bool) {
	if !s.has(k) {
		return "", false
	}
	if s.words[k] {
		return k, true
	}
	if _, b := splitClitic(k); b != k && s.words[b] {
		return b, true
	}
	return "", false
}

// isProclitic reports whether p is one of the proclitics splitClitic
// reads (the list proclitics, as a switch).
func isProclitic(p string) bool {
	switch p {
	case "وبال", "وكال", "وفال", "فبال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك":
		return true
	}
	return false
}

// clubNames reads the names of sports clubs after the nouns of clubWords
// in a sports report (sportWords): the name right after فريق or نادي is an
// organization's, the club, without the noun (ANERcorp's convention). A
// place the tagger found there (فريق ليون، نادي قطر) becomes an
// organization; an untagged word there that has a name's form (nameLike),
// or the article and is no title nor a team of work (فريق الحسنية, not
// فريق المدرب nor فريق العمل: workTeams), is added
// as one, with a place's name after it (حسنية أكادير), and so is a second
// name coordinated with و (فريقي الكوكب والحسنية). After a word of
// hostWords only one word of a name's form is added, and a person's
// mention there is retyped too, kept apart from the town or person of
// that name (apart). tl holds the lists of the keys. It returns the
// mentions in text order.
func (t *Tagger) clubNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention {
	n := len(keys)
	cues := 0
	for i, k := range keys {
		if tl.has(i, k, listClub) {
			cues++
		}
	}
	if cues == 0 {
		return ms
	}
	if !sportsReport(keys) {
		return ms
	}
	taken := heldTokens(ms, n)
	at := make(map[int]int, len(ms)) // first token -> index in ms
	for k, m := range ms {
		at[m.tok] = k
	}
	free := func(i int) bool { return i < n && !breaks[i] && labels[i] == 0 && !taken[i] }
	clubLike := func(k string) bool {
		if b, ok := strings.CutPrefix(k, "ال"); ok {
			return utf8.RuneCountInString(b) >= 3 && !personTitles[k] && !workTeams[k] && !t.gaz.an.IsStopword(k) && !isDay(k) && !sportWords[k]
		}
		return t.nameLike(k)
	}
	var added []mention
	for i := 0; i+1 < n; i++ {
		if !tl.has(i, keys[i], listClub) || breaks[i+1] {
			continue
		}
		j := i + 1
		host := hostSet.has(keys[i])
		if k, ok := at[j]; ok {
			if ms[k].typ == 5 || host && ms[k].typ == 1 {
				ms[k].typ = 3
				ms[k].apart = ms[k].apart || host
			}
			continue
		}
		for first := true; ; first = false {
			if host && (!first || !t.nameLike(keys[j])) {
				break
			}
			if !free(j) {
				break
			}
			k := keys[j]
			if !nameAfter(k, first, clubLike) {
				break
			}
			e := j + 1
			if free(e) && (!strings.HasPrefix(keys[e], "ال") && t.gaz.words[keys[e]]&gLOC != 0 ||
				strings.HasPrefix(k, "ال") && t.rareNisba(keys[e])) {
				e++
			}
			m := conjMention(3, j, e, first, tokens, words, keys)
			for d := j; d < e; d++ {
				taken[d] = true
			}
			added = append(added, m)
			j = e
		}
	}
	return addMentions(ms, added)
}

// nameAfter reports whether the normalized word k starts a name that like
// accepts: the first name after a head noun as it is, a second one after
// the conjunction و (شركتا توتال وشل).
func nameAfter(k string, first bool, like func(string) bool) bool {
	if first {
		return like(k)
	}
	b, ok := strings.CutPrefix(k, "و")
	return ok && like(b)
}

// conjMention returns the mention of type typ of the words j to e; for a
// name after the first (first false) it leaves out the conjunction و that
// nameAfter read.
func conjMention(typ, j, e int, first bool, tokens []Token, words, keys []string) mention {
	m := newMention(typ, j, e, tokens, words, keys)
	if !first {
		raw, skipped := dropLetters(words[j], 1)
		m.words = append([]string{raw}, m.words[1:]...)
		m.keys = append([]string{keys[j][len("و"):]}, m.keys[1:]...)
		m.start += skipped
		m.starts[0] = m.start
	}
	return m
}

// maxRareNisbaFreq is the most frequency bucket of a nisba adjective that
// rareNisba takes as a town's.
const maxRareNisbaFreq = 4

// rareNisba reports whether the normalized word k is a nisba adjective
// with the article that the unlabelled corpus rarely or never has: a
// town's (الوداد البيضاوي، المولودية الوجدية), part of a club's name, unlike
// the frequent nisbas of countries, which ANERcorp leaves out of the name
// (نادي النصر العماني).
func (t *Tagger) rareNisba(k string) bool {
	b, ok := strings.CutPrefix(k, "ال")
	if !ok || utf8.RuneCountInString(b) < 4 || !(strings.HasSuffix(b, "ي") || strings.HasSuffix(b, "يه")) {
		return false
	}
	return unpackFreq(t.gaz.stats[k]) <= maxRareNisbaFreq
}

// firstNames extends a person's mention to the untagged word right before
// it, in its sentence, when the two are a longer person's name the article
// tags elsewhere (طلعت زكريا, where the tagger found the surname alone
// here). It returns ms.
func (t *Tagger) firstNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, sc *ruleScratch) []mention {
	var longer [][]string // the persons' names of two words or more
	for _, m := range ms {
		if m.typ == 1 && len(m.keys) > 1 {
			longer = append(longer, m.keys)
		}
	}
	if len(longer) == 0 {
		return ms
	}
	named := func(first string, rest []string) bool {
		for _, l := range longer {
			if len(l) == len(rest)+1 && l[0] == first && slices.Equal(l[1:], rest) {
				return true
			}
		}
		return false
	}
	taken := sc.heldTokens(ms, len(keys))
	for k, m := range ms {
		i := m.tok - 1
		if m.typ != 1 || i < 0 || breaks[m.tok] || labels[i] != 0 || taken[i] || m.start != tokens[m.tok].Start {
			continue
		}
		if !named(keys[i], m.keys) {
			continue
		}
		ms[k] = extendMention(m, i, m.tok+len(m.keys), tokens, words, keys)
		taken[i] = true
	}
	return ms
}

// trimNisba cuts a nisba adjective (البريطانية، الفنلندية) from the end of
// an organization's mention whose other words are names without the
// article, the first of them no common noun (نوكيا الفنلندية، سكاي نيوز
// البريطانية): ANERcorp leaves the adjective of a foreign company, club
// or newspaper out of its name, but not of a name built of common words
// (جامعة الدول العربية، البنك الأهلي، مصرف قطر المركزي). The adjective
// must be a word of the unlabelled corpus: one it never has is a town's
// or a word of a foreign name (غريميو دي بورتو اليغري).
func (t *Tagger) trimNisba(ms []mention) {
	for i := range ms {
		m := &ms[i]
		n := len(m.keys)
		if m.typ != 3 || n < 2 || !isNisba(m.keys[n-1]) && !(strings.HasPrefix(m.keys[n-1], "ال") && strings.HasSuffix(m.keys[n-1], "يه")) ||
			unpackFreq(t.gaz.stats[m.keys[n-1]]) == 0 {
			continue
		}
		ok := true
		for _, k := range m.keys[:n-1] {
			if _, b := splitClitic(k); strings.HasPrefix(k, "ال") || strings.HasPrefix(b, "ال") {
				ok = false
				break
			}
		}
		_, first := splitClitic(m.keys[0])
		if !ok || unpackFreq(t.gaz.stats["ال"+m.keys[0]]) >= minDefiniteFreq || unpackFreq(t.gaz.stats["ال"+first]) >= minDefiniteFreq {
			continue
		}
		*m = m.slice(0, n-1)
	}
}

// leadTitles are the titles, ranks and callings before a person's name
// that ANERcorp leaves out of the name (الرئيس، الشيخ، النقيب، الفنانة):
// of 156 such words before a name in its first 80%, none is in it.
var leadTitles = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lexicon.Titles(lexicon.TitleBefore | lexicon.FemPerson) {
		if strings.HasPrefix(w, "ال") {
			m[w] = true
		}
	}
	for _, w := range [...]string{"النقيب", "الرائد", "المقدم", "الملازم", "العماد", "المشير", "الرقيب",
		"الاستاذ", "المهندس", "الفنان", "المحامي", "الكاتب", "الصحفي", "اللاعب", "المدرب"} {
		m[w] = true
	}
	return m
}()

// leadTitle reports whether the normalized word k is a title of
// leadTitles, with a proclitic too (والرئيس).
func leadTitle(k string) bool { return leadTitleSet.has(k) }

// trailNouns are the nouns that follow a person's name in apposition, in
// the construct state before what they relate the person to (رشيد شقيق
// العاهل، سوزان مبارك قرينة الرئيس، علي موسى مدير المستشفى): kin and the
// heads of titles that are no names too, normalized: never the last
// word of a name.
var trailNouns = func() map[string]bool {
	m := lexicon.Set(lexicon.Titles(lexicon.TitleHead))
	for _, w := range [...]string{"شقيق", "شقيقه", "نجل", "نجله", "زوج", "زوجه", "قرينه", "حرم", "والد", "والده",
		"ارمله", "حفيد", "حفيده", "عضو", "مساعد", "المساعد"} {
		m[w] = true
	}
	// Title heads that are first names or surnames too.
	for _, w := range [...]string{"امين", "امير", "سلطان", "ملك"} {
		delete(m, w)
	}
	return m
}()

// nameLinks are the words that link the parts of a person's name and
// never end it (normalized): آل، بن، ابن، بنت، أبو، أبي، عبد.
var nameLinks = map[string]bool{"ال": true, "بن": true, "ابن": true, "بنت": true, "ابو": true, "ابي": true, "عبد": true}

// linkedNames extends a person's mention that ends with a word of
// nameLinks (تميم بن حمد آل) to the word after it in its sentence (ثاني),
// taking in a mention that starts there. It returns ms.
func linkedNames(ms []mention, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var out []mention // made at the first change
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		j := m.tok + len(m.keys)
		if m.typ != 1 || len(m.keys) == 0 || !nameLinks[m.keys[len(m.keys)-1]] || j >= n || breaks[j] || !arabicWord(keys[j]) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]mention, 0, len(ms)), ms[:k]...)
		}
		end := j + 1
		if k+1 < len(ms) && ms[k+1].tok == j {
			end = j + len(ms[k+1].keys)
			k++
		}
		e := newMention(1, m.tok, end, tokens, words, keys)
		copy(e.keys, m.keys)
		copy(e.words, m.words)
		e.start, e.starts[0], e.cue = m.start, m.start, m.cue
		out = append(out, e)
	}
	if out == nil {
		return ms
	}
	return out
}

// arabicWord reports whether the normalized word k is of Arabic letters.
func arabicWord(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if r < 0x0621 || r > 0x064A {
			return false
		}
	}
	return true
}

// companyHeads are the nouns before the name of a company, a movement or a
// news outlet (شركة توتال، حركة طالبان، صحيفة هآرتس), normalized; ANERcorp
// tags the name alone.
var companyHeads = map[string]bool{
	"شركه": true, "شركتا": true, "شركتي": true, "حركه": true, "صحيفه": true, "مجله": true, "قناه": true, "وكاله": true,
}

// maxCompanyWords is the most words companyNames reads as a name.
const maxCompanyWords = 3

// companyNames adds the organizations named right after a noun of
// companyHeads (with a proclitic too) that the tagger missed: up to
// maxCompanyWords untagged words in a row of a foreign name's form
// (companyLike), and a second name after و (شركتا تويوتا وفورد). tl holds
// the lists of the keys. It returns the mentions in text order.
func (t *Tagger) companyNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool, tl *tokenLists, sc *ruleScratch) []mention {
	n := len(keys)
	var taken []bool
	var added []mention
	for i := 0; i+1 < n; i++ {
		if !tl.has(i, keys[i], listCompanyHead) {
			continue
		}
		if taken == nil {
			taken = sc.heldTokens(ms, n)
		}
		free := func(j int) bool { return j < n && !breaks[j] && labels[j] == 0 && !taken[j] }
		j := i + 1
		for first := true; free(j); first = false {
			if !nameAfter(keys[j], first, t.companyLike) {
				break
			}
			e := j + 1
			for e < n && e-j < maxCompanyWords && free(e) && !strings.HasPrefix(keys[e], "و") && t.companyLike(keys[e]) {
				e++
			}
			m := conjMention(3, j, e, first, tokens, words, keys)
			for d := j; d < e; d++ {
				taken[d] = true
			}
			added = append(added, m)
			j = e
		}
	}
	return addMentions(ms, added)
}

// companyLike reports whether the normalized word k has the form of a
// foreign name: Arabic letters without the article, no stopword, no
// gazetteer place (شركة قطر للغاز), no proclitic before a frequent word, and rare with the article in the
// unlabelled corpus (توتال, not شركة or نفط).
func (t *Tagger) companyLike(k string) bool {
	if strings.HasPrefix(k, "ال") || utf8.RuneCountInString(k) < 2 || !arabicWord(k) || t.gaz.an.IsStopword(k) || isDay(k) ||
		t.gaz.words[k]&gLOC != 0 {
		return false
	}
	if _, b := splitClitic(k); b != k && unpackFreq(t.gaz.stats[b]) >= minCommonFreq {
		return false
	}
	if unpackFreq(t.gaz.stats["ال"+k]) >= minDefiniteFreq-2 {
		return false
	}
	// The indefinite accusative of a common word (عقدا: العقد).
	if b, ok := strings.CutSuffix(k, "ا"); ok && unpackFreq(t.gaz.stats["ال"+b]) >= minDefiniteFreq-2 {
		return false
	}
	st := t.gaz.stats[k]
	return st == 0 || unpackRatio(st) == 1
}

// nameHeads are the nouns of organizations that ANERcorp's names take in
// (منظمة الأمم المتحدة، حزب العمال، جامعة القاهرة: in all of ANERcorp
// منظمة before a name is in it 26 times and never out, حزب 99 and 2,
// مجلس 74 and 0, جامعة 36 and 6, اتحاد 12 and 2, معهد 9 and 0), normalized.
var nameHeads = map[string]bool{"منظمه": true, "حزب": true, "مجلس": true, "جامعه": true, "اتحاد": true, "معهد": true}

// orgHeads takes a noun of nameHeads right before a mention into it, as an
// organization's name (منظمة + الأمم المتحدة): the noun untagged, or
// tagged an organization alone. The mention must be an organization, or a
// place after جامعة or معهد (جامعة القاهرة). ms are in text order.
func orgHeads(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	for i := range ms {
		m := &ms[i]
		h := m.tok - 1
		if h < 0 || breaks[m.tok] || (m.typ != 3 && m.typ != 5) {
			continue
		}
		k := keys[h]
		if !nameHeads[k] {
			_, b := splitClitic(k)
			if b == k || !nameHeads[b] {
				continue
			}
			k = b
		}
		if m.typ == 5 && k != "جامعه" && k != "معهد" {
			continue
		}
		// A mention that starts with such a noun already has its head.
		if _, b := splitClitic(m.keys[0]); nameHeads[m.keys[0]] || nameHeads[b] {
			continue
		}
		switch {
		case labels[h] == 0:
		case i > 0 && ms[i-1].tok == h && len(ms[i-1].keys) == 1 && ms[i-1].typ == 3:
			ms[i-1].keys = nil // dropped below
		default:
			continue
		}
		*m = newMention(3, h, m.tok+len(m.keys), tokens, words, keys)
	}
	return slices.DeleteFunc(ms, func(m mention) bool { return m.keys == nil })
}

// trimDefiniteHeads cuts the first word of a person's mention of three
// words or more when it has the article and is no gazetteer person's name,
// and the next word is a gazetteer first name: an adjective before the
// name (البطل المغربي الصاعد عبد العاطي إيكيدير → عبد العاطي إيكيدير).
func (t *Tagger) trimDefiniteHeads(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.typ != 1 || len(m.keys) < 3 || !strings.HasPrefix(m.keys[0], "ال") ||
			t.gaz.words[m.keys[0]]&gPER != 0 || t.gaz.words[m.keys[1]]&gPER == 0 {
			continue
		}
		*m = m.slice(1, len(m.keys))
	}
}

// aliNames takes the first name علي, written with ي, into the person's
// mention right after it when a person's title or a definite nisba
// adjective, masculine or feminine, stands before it (الحكومة الانتقالية
// الصومالية علي محمد جيدي، الملف النووي علي لاريجاني، الرئيس علي صالح):
// normalized it is the preposition على, which the tagger leaves out, but
// the preposition seldom stands between such a word and a name.
func aliNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) {
	for i := range ms {
		m := &ms[i]
		a := m.tok - 1
		if m.typ != 1 || a < 1 || breaks[m.tok] || breaks[a] || labels[a] != 0 || words[a] != "علي" {
			continue
		}
		if n := keys[a-1]; !personTitles[n] && !(isNisba(n) && !strings.HasSuffix(words[a-1], "ى")) &&
			!(isNisba(strings.TrimSuffix(n, "ه")) && strings.HasSuffix(n, "يه")) {
			continue
		}
		*m = newMention(1, a, m.tok+len(m.keys), tokens, words, keys)
	}
}

// trimCliticTails cuts the last word of a person's mention of two words or
// more when it carries a proclitic other than و (ف، ل، ب، لل) before a word
// much more frequent without it (commoner): a verb or noun the tagger read
// on into the name (توفيق الحكيم فيبدو، عمرو زكي للزمالك). A word of God's
// name (المعتز بالله) stays.
func (t *Tagger) trimCliticTails(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.typ != 1 || len(m.keys) < 2 {
			continue
		}
		k := m.keys[len(m.keys)-1]
		p, b := splitClitic(k)
		if p == "" || strings.HasPrefix(p, "و") || !strings.HasPrefix(b, "ال") || b == "الله" || b == "اله" || t.gaz.words[k]&gPER != 0 || !t.commoner(b, k) {
			continue
		}
		*m = m.slice(0, len(m.keys)-1)
	}
}

// trimHeads cuts a noun of companyHeads (but وكالة, whose names take it:
// وكالة الأنباء القطرية) from the start of an organization's mention
// whose next word is a foreign name (شركة فولكس فاغن → فولكس فاغن), as
// ANERcorp tags them (see companyNames).
func (t *Tagger) trimHeads(ms []mention) {
	for i := range ms {
		m := &ms[i]
		if m.typ != 3 || len(m.keys) < 2 || m.keys[0] == "وكاله" || !t.companyLike(m.keys[1]) {
			continue
		}
		k := m.keys[0]
		if _, b := splitClitic(k); !companyHeads[k] && (b == k || !companyHeads[b] || b == "وكاله") {
			continue
		}
		*m = m.slice(1, len(m.keys))
	}
}

// lazySports is sportsReport of an article, computed when a rule first
// asks (most articles have no candidate for the rules that ask).
type lazySports int8 // 0: not yet computed, 1: a sports report, -1: not one

func (s *lazySports) of(keys []string) bool {
	if *s == 0 {
		*s = -1
		if sportsReport(keys) {
			*s = 1
		}
	}
	return *s == 1
}

// sportsReport reports whether the normalized words of an article hold
// minSportWords words of sportWords or more (with a proclitic too).
func sportsReport(keys []string) bool {
	sport := 0
	for _, k := range keys {
		if sportSet.has(k) {
			sport++
		}
		if sport >= minSportWords {
			return true
		}
	}
	return false
}

// firstRune returns the first rune of s, or utf8.RuneError.
func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// placeNouns are the common nouns of places and polities with the article
// (المدينة، العاصمة، المنطقة، البلاد), normalized: alone they name no
// entity (the city of the report, not a city's name; in ANERcorp's first
// 80% المدينة alone is untagged 63 times and a place 13, the others never
// tagged).
var placeNouns = map[string]bool{
	"المدينه": true, "العاصمه": true, "المنطقه": true, "البلاد": true, "الدوله": true, "المحافظه": true,
	"الاقليم": true, "القطاع": true, "البلده": true, "القريه": true, "الولايه": true, "المخيم": true,
	"الشمال": true, "الجنوب": true,
}

// eventNouns are the borrowed nouns of sports events (رالي، أولمبياد،
// ديربي), normalized, with and without the article: alone they name no
// person, organization or place (ANERcorp tags the events MISC, or leaves
// them untagged), though the tagger, reading رالي تركيا, may take one for
// a place.
var eventNouns = map[string]bool{
	"رالي": true, "الرالي": true, "اولمبياد": true, "الاولمبياد": true, "مونديال": true, "المونديال": true,
	"ديربي": true, "الديربي": true, "كلاسيكو": true, "الكلاسيكو": true, "ماراثون": true, "الماراثون": true,
}

// nisbaAdjectives drops a place's mention of one word in the form of a
// feminine nisba with the article (السعودية) right after an untagged
// feminine word with the article, in its sentence: there it is the
// adjective of that noun (العائلة المالكة السعودية، المحادثات الإسرائيلية
// السعودية), not the country. It returns ms.
func nisbaAdjectives(ms []mention, labels []int, keys []string, breaks []bool) []mention {
	out := ms[:0]
	for _, m := range ms {
		i := m.tok - 1
		if m.typ == 5 && len(m.keys) == 1 && i >= 0 && !breaks[m.tok] && labels[i] == 0 &&
			strings.HasPrefix(m.keys[0], "ال") && strings.HasSuffix(m.keys[0], "يه") &&
			strings.HasPrefix(keys[i], "ال") && strings.HasSuffix(keys[i], "ه") {
			continue
		}
		out = append(out, m)
	}
	return out
}
