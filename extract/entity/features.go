package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

// Labels of the tagger, in model order. MISC is kept internally (it helps
// the model tell names apart) and reported as O.
var labelNames = [nLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

const nLabels = 9

// entity types as gazetteer bits.
const (
	gPER uint8 = 1 << iota
	gORG
	gLOC
)

var gazTypes = [...]struct {
	bit  uint8
	name string
}{{gPER, "PER"}, {gORG, "ORG"}, {gLOC, "LOC"}}

func labelIndex(tag string) int {
	for i, n := range labelNames {
		if n == tag {
			return i
		}
	}
	return 0
}

// isInside reports whether label l is an I- label; its B- label is l-1.
func isInside(l int) bool { return l > 0 && l%2 == 0 }

// gazetteer holds normalized names by type.
type gazetteer struct {
	words   map[string]uint8  // one-word names
	phrases map[string]uint8  // names of several words, words joined by one space
	maxLen  map[string]int    // first word of a phrase -> longest phrase length in words
	stats   map[string]uint32 // packed WordStats features of normalized words, may be nil
	auto    map[string]uint8  // auto-tag statistics of normalized words (autotag.go), may be nil
	an      *arabic.Analyzer  // stems words
	// facts holds what words, maxLen, stats and auto say of each word
	// they hold, so that a token's information costs one lookup a word
	// rather than four. Load builds it (see index) once those maps are
	// read; a gazetteer being trained, whose maps change, has none.
	facts map[string]wordFacts
	// factsFilter holds the hashes (hashS from fnvOffset, as tokInfo.wh)
	// of the words of facts in a blocked Bloom filter, as featIndex.filter
	// holds features: most words outside the vocabulary that a token's
	// information looks up are in none of the maps, and the filter, in
	// the processor's second-level cache, tells most of them so without
	// the cache miss of a lookup in facts. Built with facts.
	factsFilter []uint64
	factsShift  uint // word of hash h: (h*mulSlot) >> factsShift
}

// wordFacts is what a gazetteer's maps say of one normalized word.
type wordFacts struct {
	st      uint32 // stats[w]
	gaz     uint8  // words[w]
	auto    uint8  // auto[w]
	hasAuto bool   // auto holds w
	phrase  bool   // maxLen[w] != 0: w starts a phrase
}

// index builds g.facts from g's maps, which must not change afterwards.
func (g *gazetteer) index() {
	g.facts = make(map[string]wordFacts, len(g.stats)+len(g.auto))
	// The statistics, the most words, go first, into an empty map.
	for w, v := range g.stats {
		g.facts[w] = wordFacts{st: v}
	}
	set := func(w string, fill func(*wordFacts)) {
		f := g.facts[w]
		fill(&f)
		g.facts[w] = f
	}
	for w, v := range g.words {
		set(w, func(f *wordFacts) { f.gaz = v })
	}
	for w, n := range g.maxLen {
		set(w, func(f *wordFacts) { f.phrase = n != 0 })
	}
	for w, v := range g.auto {
		set(w, func(f *wordFacts) { f.auto, f.hasAuto = v, true })
	}
	fbits := uint(1) // at most 8 words a filter word, at least 8 bits a word
	for 1<<fbits < len(g.facts)/8 {
		fbits++
	}
	g.factsFilter, g.factsShift = make([]uint64, 1<<fbits), 64-fbits
	for w := range g.facts {
		h := hashS(fnvOffset, w)
		g.factsFilter[(h*mulSlot)>>g.factsShift] |= filterBits(h)
	}
}

// named reports whether the normalized word w is a one-word name of g or
// the first word of one of its phrases.
func (g *gazetteer) named(w string) bool {
	f := g.lookup(w)
	return f.gaz != 0 || f.phrase
}

// baseNamed is named of the base of the token of info, from the facts
// that infoBuf found: the base's gazetteer types, and whether the token
// starts a phrase at all before looking the base up again.
func (g *gazetteer) baseNamed(info *tokInfo) bool {
	return info.gazB != 0 || info.phrase && g.lookup(info.base).phrase
}

// lookup returns what g's maps say of the normalized word w.
func (g *gazetteer) lookup(w string) wordFacts {
	return g.lookupHash(w, hashS(fnvOffset, w))
}

// lookupHash is lookup of w whose hash (hashS from fnvOffset) is h.
func (g *gazetteer) lookupHash(w string, h uint64) wordFacts {
	if g.facts == nil {
		a, ok := g.auto[w]
		return wordFacts{st: g.stats[w], gaz: g.words[w], auto: a, hasAuto: ok, phrase: g.maxLen[w] != 0}
	}
	if b := filterBits(h); g.factsFilter[(h*mulSlot)>>g.factsShift]&b != b {
		return wordFacts{}
	}
	return g.facts[w]
}

func newGazetteer() *gazetteer {
	return &gazetteer{words: map[string]uint8{}, phrases: map[string]uint8{}, maxLen: map[string]int{},
		an: arabic.New(arabic.Options{Normalize: arabic.DefaultNormalizeOptions(), Stem: true, NoLexicon: true})}
}

func (g *gazetteer) add(name string, bit uint8) {
	f := strings.Fields(normalizePhrase(name))
	switch len(f) {
	case 0:
		return
	case 1:
		g.words[f[0]] |= bit
		return
	}
	g.phrases[strings.Join(f, " ")] |= bit
	if len(f) > g.maxLen[f[0]] {
		g.maxLen[f[0]] = len(f)
	}
}

// tokInfo is what the features need to know about one token.
type tokInfo struct {
	norm   string // normalized
	base   string // norm without its proclitic
	clitic string // the proclitic removed, or ""
	stem   string // stem by the arabic package's stemmer, or ""
	shape  string
	wh     uint64 // hash of norm
	bh     uint64 // hash of base (as wh), 0 when not computed
	gazN   uint8  // gazetteer types of norm
	gazB   uint8  // gazetteer types of base
	phrase bool   // norm or base starts a gazetteer phrase
	st     uint32 // packed word statistics of norm
	stB    uint32 // packed word statistics of base
	spanB  uint8  // a gazetteer phrase of these types starts here
	spanI  uint8  // a gazetteer phrase of these types continues here
	doc    uint16 // document features (see docFeatures), 0 when none
	cue    uint8  // cue word classes (see cueWords)
	auto   uint16 // auto-tag statistics (see gazetteer.autoOf)
}

// info computes the token information of one word (without spans).
func (g *gazetteer) info(w string) tokInfo {
	return g.infoBuf(w, nil)
}

// infoBuf is info with a buffer for the analyzer's tokens.
func (g *gazetteer) infoBuf(w string, buf *[]arabic.Token) tokInfo {
	n := normalize(w)
	c, b := splitClitic(n)
	var stem string
	var toks []arabic.Token
	if buf != nil {
		toks = (*buf)[:0]
	}
	toks = g.an.AppendAnalyzed(toks, w)
	if len(toks) == 1 {
		stem = toks[0].Stem
	}
	if buf != nil {
		*buf = toks
	}
	wh := hashS(fnvOffset, n)
	fn := g.lookupHash(n, wh)
	info := tokInfo{
		norm: n, base: b, clitic: c, stem: stem, shape: shape(w, n), wh: wh,
		gazN: fn.gaz, phrase: fn.phrase, st: fn.st,
		cue: cueOf(n, b),
	}
	// A word without a proclitic is its own base: its lookups are those
	// of its normalized form, not made twice.
	fb, bh := fn, wh
	if b != n {
		bh = hashS(fnvOffset, b)
		fb = g.lookupHash(b, bh)
	}
	info.bh = bh
	info.gazB = fb.gaz
	info.phrase = info.phrase || fb.phrase
	info.stB = fb.st
	info.auto = g.autoOf(fn, fb)
	return info
}

// sentinel stands for the positions before and after a sentence.
var sentinel = tokInfo{norm: "\x00", base: "\x00", shape: "S", wh: hashS(fnvOffset, "\x00"), bh: hashS(fnvOffset, "\x00")}

// analyze fills infos for words, reusing the slice.
func (g *gazetteer) analyze(words []string, infos []tokInfo) []tokInfo {
	infos = infos[:0]
	for _, w := range words {
		infos = append(infos, g.info(w))
	}
	g.markSpans(infos)
	return infos
}

// markSpans marks the tokens covered by multi-word gazetteer names.
func (g *gazetteer) markSpans(infos []tokInfo) {
	var buf []byte
	for i := range infos {
		infos[i].spanB, infos[i].spanI = 0, 0
	}
	for i := range infos {
		if !infos[i].phrase {
			continue
		}
		m := max(g.maxLen[infos[i].norm], g.maxLen[infos[i].base])
		for l := min(m, len(infos)-i); l >= 2; l-- {
			var bits uint8
			for _, first := range [2]string{infos[i].norm, infos[i].base} {
				buf = append(buf[:0], first...)
				for j := i + 1; j < i+l; j++ {
					buf = append(buf, ' ')
					buf = append(buf, infos[j].norm...)
				}
				bits |= g.phrases[string(buf)]
			}
			if bits != 0 {
				infos[i].spanB |= bits
				for j := i + 1; j < i+l; j++ {
					infos[j].spanI |= bits
				}
				break
			}
		}
	}
}

// shape classifies a token: its script and a length bucket.
func shape(raw, norm string) string {
	var digits, latin, upper, arabic, punct, other int
	for _, r := range raw {
		switch {
		case r >= '0' && r <= '9', r >= '٠' && r <= '٩':
			digits++
		case r >= 'A' && r <= 'Z':
			latin++
			upper++
		case r >= 'a' && r <= 'z':
			latin++
		case r >= 0x0600 && r <= 0x06FF:
			arabic++
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct++
		default:
			other++
		}
	}
	n := utf8.RuneCountInString(norm)
	lb := 7 // length bucket: "0" to "5", "7" for 6-7, "9" above
	switch {
	case n <= 5:
		lb = n
	case n <= 7:
		lb = 6
	}
	switch {
	case digits > 0 && latin+arabic == 0:
		return shapes[shapeD][lb]
	case latin > 0 && arabic == 0:
		if upper > 0 {
			return shapes[shapeLU][lb]
		}
		return shapes[shapeL][lb]
	case arabic > 0 && latin+digits == 0:
		return shapes[shapeA][lb]
	case punct > 0 && latin+arabic+digits+other == 0:
		return "P"
	}
	return shapes[shapeM][lb]
}

// Scripts of shape, the first letters of a shape.
const (
	shapeD = iota
	shapeLU
	shapeL
	shapeA
	shapeM
)

// shapes[script][bucket] is the shape of a token of that script and
// length bucket: made once, so that shape allocates nothing.
var shapes = func() (s [5][8]string) {
	for k, p := range [...]string{shapeD: "D", shapeLU: "LU", shapeL: "L", shapeA: "A", shapeM: "M"} {
		for b, lb := range "01234579" {
			s[k][b] = p + string(lb)
		}
	}
	return s
}()

// Feature templates. Their numbers are part of the model format.
const (
	fBias byte = iota + 1
	fNorm
	fBase
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fBPre1
	fBPre2
	fBSuf1
	fBSuf2
	fBSuf3
	fShape
	fClitic
	fGazN
	fGazB
	fGaz
	fBigramPrev
	fBigramNext
	fFirst
	fSpanB
	fSpanI
	fSpanPrev
	fSpanNext
	fFine
	fCoarse
	fFineB
	fCoarseB
	fRatio
	fFreq
	fUnknown
	fDocType
	fDocAll
	fDocPrev
	fDocNext
	fStem
	fCue
	fCueFar
	fDocSpan
)

// Roles of a token relative to the one being labelled: roleOf(r) for r in
// -window..window.
const (
	window = 2
	nRoles = 2*window + 1
)

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashT(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

func hashS(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}

func hashB(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// mix combines two hashes (splitmix64 finalizer).
func mix(a, b uint64) uint64 {
	z := a ^ (b * 0x9e3779b97f4a7c15)
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// prefix returns the first k runes of s, or "" when s is shorter than k+1 runes.
func prefix(s string, k int) string {
	i := 0
	for n := 0; n < k; n++ {
		if i >= len(s) {
			return ""
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	if i >= len(s) {
		return ""
	}
	return s[:i]
}

// suffix returns the last k runes of s, or "" when s is shorter than k+1 runes.
func suffix(s string, k int) string {
	i := len(s)
	for n := 0; n < k; n++ {
		if i <= 0 {
			return ""
		}
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	if i <= 0 {
		return ""
	}
	return s[i:]
}

// roleFeatures appends the features that token w contributes in role
// (0..nRoles-1; window is the token being labelled itself) to f. They depend
// only on the token, so their scores can be computed once per word.
func roleFeatures(w *tokInfo, role int, f []uint64) []uint64 {
	rb := byte(role)
	add := func(tpl byte, s string) {
		f = append(f, hashS(hashB(hashT(tpl), rb), s))
	}
	addBits := func(tpl byte, bits uint8) {
		if bits != 0 {
			f = append(f, hashB(hashB(hashT(tpl), rb), bits))
		}
	}
	add(fNorm, w.norm)
	if w.clitic != "" {
		add(fBase, w.base)
	}
	addStats := func(p, pb uint32) {
		if p == 0 {
			p = pb
		}
		if p == 0 {
			f = append(f, hashB(hashT(fUnknown), rb))
			return
		}
		f = append(f, hashB(hashB(hashT(fCoarse), rb), unpackCoarse(p)))
		h := hashB(hashT(fFine), rb)
		fi := unpackFine(p)
		f = append(f, hashB(hashB(h, byte(fi)), byte(fi>>8)))
	}
	addStats(w.st, w.stB)
	if w.stem != "" && role >= window-1 && role <= window+1 {
		add(fStem, w.stem)
	}
	addBits(fCue, w.cue)
	f = autoFeatures(w, role, f)
	switch role - window {
	case 0:
		if w.clitic != "" && w.stB != 0 {
			f = append(f, hashB(hashT(fCoarseB), unpackCoarse(w.stB)))
			fi := unpackFine(w.stB)
			f = append(f, hashB(hashB(hashT(fFineB), byte(fi)), byte(fi>>8)))
		}
		r := unpackRatio(w.stB)
		if r == 0 {
			r = unpackRatio(w.st)
		}
		f = append(f, hashB(hashT(fRatio), r))
		f = append(f, hashB(hashT(fFreq), unpackFreq(w.st)))
		f = append(f, hashT(fBias))
		if w.clitic != "" {
			add(fClitic, w.clitic)
		}
		for k, tpl := range [3]byte{fPre1, fPre2, fPre3} {
			if p := prefix(w.norm, k+1); p != "" {
				add(tpl, p)
			}
		}
		for k, tpl := range [3]byte{fSuf1, fSuf2, fSuf3} {
			if p := suffix(w.norm, k+1); p != "" {
				add(tpl, p)
			}
		}
		if w.clitic != "" {
			for k, tpl := range [2]byte{fBPre1, fBPre2} {
				if p := prefix(w.base, k+1); p != "" {
					add(tpl, p)
				}
			}
			for k, tpl := range [3]byte{fBSuf1, fBSuf2, fBSuf3} {
				if p := suffix(w.base, k+1); p != "" {
					add(tpl, p)
				}
			}
		}
		add(fShape, w.shape)
		addBits(fGazN, w.gazN)
		addBits(fGazB, w.gazB)
	case -1, 1:
		add(fShape, w.shape)
		addBits(fGaz, w.gazN|w.gazB)
	}
	return f
}

// neighbours returns token i of t and those before and after it, the
// sentinel past the ends.
func neighbours(t []tokInfo, i int) (w, prev, next *tokInfo) {
	prev, next = &sentinel, &sentinel
	if i > 0 {
		prev = &t[i-1]
	}
	if i+1 < len(t) {
		next = &t[i+1]
	}
	return &t[i], prev, next
}

// crossFeatures appends the features of position i that depend on more
// than one token.
func crossFeatures(t []tokInfo, i int, f []uint64) []uint64 {
	w, prev, next := neighbours(t, i)
	f = append(f, mix(mix(hashT(fBigramPrev), prev.wh), w.wh))
	f = append(f, mix(mix(hashT(fBigramNext), w.wh), next.wh))
	if i == 0 {
		f = append(f, hashT(fFirst))
	}
	if i >= window+1 && t[i-window-1].cue != 0 {
		f = append(f, hashB(hashT(fCueFar), t[i-window-1].cue))
	}
	if w.spanB != 0 {
		f = append(f, hashB(hashT(fSpanB), w.spanB))
	}
	if w.spanI != 0 {
		f = append(f, hashB(hashT(fSpanI), w.spanI))
	}
	if b := prev.spanB | prev.spanI; b != 0 {
		f = append(f, hashB(hashT(fSpanPrev), b))
	}
	if next.spanB != 0 {
		f = append(f, hashB(hashT(fSpanNext), next.spanB))
	}
	return docCrossFeatures(t, i, f)
}

// docCrossFeatures appends the cross features of position i that depend
// on the document features, the last of crossFeatures: a token without
// document features next to tokens without them has none.
func docCrossFeatures(t []tokInfo, i int, f []uint64) []uint64 {
	w, prev, next := neighbours(t, i)
	for k, x := range [3]*tokInfo{prev, w, next} {
		if b := x.doc >> docSpanShift; b != 0 {
			f = append(f, hashB(hashB(hashT(fDocSpan), byte(k)), byte(b)))
		}
	}
	if w.doc&docWordMask != 0 {
		for k := range 3 {
			if b := byte(w.doc >> (2 * k) & 3); b != 0 {
				f = append(f, hashB(hashB(hashT(fDocType), byte(k)), b))
			}
		}
		f = append(f, hashB(hashB(hashT(fDocAll), byte(w.doc)), 0))
	}
	if prev.doc&docWordMask != 0 {
		f = append(f, hashB(hashB(hashT(fDocPrev), byte(prev.doc)), 0))
	}
	if next.doc&docWordMask != 0 {
		f = append(f, hashB(hashB(hashT(fDocNext), byte(next.doc)), 0))
	}
	return f
}

// Bits of the document features of a token (see docFeatures).
const (
	docWordMask  = 0xff // how the other occurrences of the word were labelled
	docSpanShift = 10   // the bits from here on: docSpans
)

// docFeatures summarizes, for each token, how the first-stage tagger
// labelled the other occurrences of its word (normalized or without its
// proclitic) in the document: for PER, ORG and LOC (2 bits each) whether
// none, under half, or at least half of them were in a name of that type,
// and (bits 6-7) how often the word occurs; words that were never
// labelled get 0 there. Bits 8-9 are unused, bits 10-13 are those of
// docSpans.
func docFeatures(norms, bases []string, labels []int, out []uint16) []uint16 {
	infos := make([]tokInfo, len(norms))
	for i := range infos {
		infos[i] = tokInfo{norm: norms[i], base: bases[i], wh: hashS(fnvOffset, norms[i]), bh: hashS(fnvOffset, bases[i])}
	}
	var sc docScratch
	return sc.docFeatures(infos, labels, out)
}

// docScratch holds the buffers of docFeatures, reused from one document
// to the next.
type docScratch struct {
	// slots index the words of a document by hash, with open addressing:
	// cheaper than a map of strings, and cleared at the cost of the
	// document's size.
	slots  []docSlot
	keys   []string // per index in counts: its word
	counts []docCount
	// buffers of docSpans
	ids   []int32 // per token: the index of its normalized word in counts
	bids  []int32 // per token: the index of its base in counts
	head  []int32 // per word: see docSpanIDs
	names []docName
}

type docCount struct{ n, typ [3]int32 }

// docSlot is a slot of docScratch.slots: the top half of a word's hash
// and its index in counts plus one, 0 when the slot is free.
type docSlot struct {
	tag uint32
	id  int32
}

// docFeatures is docFeatures of the words of infos (their norm, base and
// wh) with sc's buffers.
func (sc *docScratch) docFeatures(infos []tokInfo, labels []int, out []uint16) []uint16 {
	type count = docCount
	// At most 2*len(infos) words, at a load factor of at most 1/2.
	bits := uint(4)
	for 1<<bits < 4*len(infos) {
		bits++
	}
	// The table of a smaller document is a prefix of the buffer: only
	// that much is cleared, and the buffer stays for the larger documents
	// to come, rather than being dropped for a new one each time the
	// documents' sizes alternate.
	if cap(sc.slots) < 1<<bits {
		sc.slots = make([]docSlot, 1<<bits)
	}
	slots := sc.slots[:1<<bits]
	clear(slots)
	shift, mask := 64-bits, uint64(len(slots)-1)
	keys := sc.keys[:0]
	defer func() { clear(keys); sc.keys = keys[:0] }() // they are the document's
	counts := sc.counts[:0]
	defer func() { sc.counts = counts[:0] }()
	id := func(k string, h uint64) int32 {
		tag := uint32(h >> 32)
		for i := (h * mulSlot) >> shift; ; i = (i + 1) & mask {
			s := &slots[i]
			if s.id == 0 {
				counts = append(counts, count{})
				keys = append(keys, k)
				s.tag, s.id = tag, int32(len(counts))
				return s.id - 1
			}
			if s.tag == tag && keys[s.id-1] == k {
				return s.id - 1
			}
		}
	}
	ids, bids := sc.ids[:0], sc.bids[:0]
	defer func() { sc.ids, sc.bids = ids[:0], bids[:0] }()
	for i := range infos {
		w := &infos[i]
		k := id(w.norm, w.wh)
		ids = append(ids, k)
		c := &counts[k]
		c.n[0]++
		if l := labels[i]; l > 0 && l < 7 {
			c.typ[(l-1)/2]++
		}
		b := k
		if w.base != w.norm {
			bh := w.bh
			if bh == 0 {
				bh = hashS(fnvOffset, w.base)
			}
			b = id(w.base, bh)
		}
		bids = append(bids, b)
		if b != k {
			c := &counts[b]
			c.n[0]++
			if l := labels[i]; l > 0 && l < 7 {
				c.typ[(l-1)/2]++
			}
		}
	}
	out = slices.Grow(out[:0], len(infos))[:len(infos)]
	for i := range infos {
		c := counts[ids[i]]
		if bids[i] != ids[i] {
			b := counts[bids[i]]
			c.n[0] += b.n[0]
			for k := range c.typ {
				c.typ[k] += b.typ[k]
			}
		}
		var v uint16
		for k, x := range c.typ {
			switch {
			case x == 0:
			case 2*x < c.n[0]:
				v |= 1 << (2 * k)
			default:
				v |= 2 << (2 * k)
			}
		}
		if v != 0 {
			switch n := c.n[0]; {
			case n >= 4:
				v |= 3 << 6
			case n >= 2:
				v |= 2 << 6
			default:
				v |= 1 << 6
			}
		}
		out[i] = v
	}
	sc.docSpanIDs(ids, len(counts), labels, out)
	return out
}

// docSpans adds to the document features out (bits 10-13) where a token
// stands in a name that the first stage labelled elsewhere in the
// document: the same sequence of normalized words, longest first, labelled
// as one name at another place (a name labelled once marks nothing at its
// own place). Bits 10-11 are the name's type, the one it was labelled
// with most often (1 PER, 2 ORG, 3 LOC), bit 12 is set on the words after
// the first, bit 13 when the name has several words. The second stage
// thus sees a name that the first found complete in one sentence where it
// missed it, or found only part of it, in another.
func docSpans(norms []string, labels []int, out []uint16) {
	idx := map[string]int32{}
	ids := make([]int32, len(norms))
	for i, w := range norms {
		id, ok := idx[w]
		if !ok {
			id = int32(len(idx))
			idx[w] = id
		}
		ids[i] = id
	}
	var sc docScratch
	sc.docSpanIDs(ids, len(idx), labels, out)
}

// docName is a labelled name of docSpans.
type docName struct {
	start, n, next int32 // next: the name before with the same first word, or -1
	typ            int8
}

// docSpanIDs is docSpans on the words' ids, 0 <= id < nwords, rather than
// the words (equal words, equal ids), with sc's buffers.
func (sc *docScratch) docSpanIDs(norms []int32, nwords int, labels []int, out []uint16) {
	// The labelled names, chained by their first word.
	names := sc.names[:0]
	defer func() { sc.names = names[:0] }()
	var first []int32 // per word: the last name that starts with it, or -1
	for i := 0; i < len(labels); {
		l := labels[i]
		if l < 1 || l > 6 || isInside(l) {
			i++
			continue
		}
		e := i + 1
		for e < len(labels) && labels[e] == l+1 {
			e++
		}
		if first == nil {
			first = slices.Grow(sc.head[:0], nwords)[:nwords]
			sc.head = first
			for k := range first {
				first[k] = -1
			}
		}
		next := first[norms[i]]
		names = append(names, docName{start: int32(i), n: int32(e - i), next: next, typ: int8((l - 1) / 2)})
		first[norms[i]] = int32(len(names) - 1)
		i = e
	}
	if len(names) == 0 {
		return
	}
	// The names that match at a token, grouped by length.
	type match struct {
		n, all, self int32
		typ          [3]int32
	}
	matches := make([]match, 0, 8)
	for i := 0; i < len(norms); {
		h := first[norms[i]]
		if h < 0 {
			i++
			continue
		}
		matches = matches[:0]
		for k := h; k >= 0; k = names[k].next {
			nm := &names[k]
			n := int(nm.n)
			if i+n > len(norms) || !slices.Equal(norms[i+1:i+n], norms[nm.start+1:int(nm.start)+n]) {
				continue
			}
			m := slices.IndexFunc(matches, func(m match) bool { return m.n == nm.n })
			if m < 0 {
				matches = append(matches, match{n: nm.n})
				m = len(matches) - 1
			}
			matches[m].all++
			matches[m].typ[nm.typ]++
			if int(nm.start) == i {
				matches[m].self = 1
			}
		}
		// The longest name labelled at another place.
		best := -1
		for m := range matches {
			if matches[m].all > matches[m].self && (best < 0 || matches[m].n > matches[best].n) {
				best = m
			}
		}
		if best < 0 {
			i++
			continue
		}
		m := &matches[best]
		typ := 0
		for k := 1; k < 3; k++ {
			if m.typ[k] > m.typ[typ] {
				typ = k
			}
		}
		n := int(m.n)
		v := uint16(typ+1) << docSpanShift
		if n > 1 {
			v |= 1 << (docSpanShift + 3)
		}
		out[i] |= v
		for j := i + 1; j < i+n; j++ {
			out[j] |= v | 1<<(docSpanShift+2)
		}
		i += n
	}
}

// features appends all the features of position i to f: the role features
// of the tokens in the window around it and the cross features.
func features(t []tokInfo, i int, f []uint64) []uint64 {
	for r := -window; r <= window; r++ {
		w := &sentinel
		if j := i + r; j >= 0 && j < len(t) {
			w = &t[j]
		}
		f = roleFeatures(w, r+window, f)
	}
	return crossFeatures(t, i, f)
}
