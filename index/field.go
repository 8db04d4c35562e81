package index

import (
	"strings"

	"github.com/blevesearch/bleve/v2/document"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/search"
)

// Term is one search term of an analyzed text, as the index keeps it: the
// stem and its position (counting stopwords, not punctuation, from 1). Terms of a text are much smaller than
// its arabic.Tokens, which is what lets a batch of analyzed articles wait
// for the index without holding all their tokens.
type Term struct {
	Stem string
	Pos  int32
	// StemID is the token's arabic.Token.StemID: the index keys what it
	// knows of a stem by it when it is not 0.
	StemID uint32
}

// Terms returns the search terms of analyzed tokens (stopwords and
// punctuation dropped, their positions kept).
func Terms(toks []arabic.Token) []Term {
	n := 0
	for i := range toks {
		if !toks[i].Stop && toks[i].Stem != "" {
			n++
		}
	}
	return AppendTerms(make([]Term, 0, n), toks)
}

// AppendTerms appends the search terms of analyzed tokens to dst, as
// Terms returns them, and returns the extended slice.
func AppendTerms(dst []Term, toks []arabic.Token) []Term {
	var pos int32
	for i := range toks {
		t := &toks[i]
		if t.Kind == arabic.Punct {
			continue
		}
		pos++
		if t.Stop || t.Stem == "" {
			continue
		}
		dst = append(dst, Term{Stem: t.Stem, Pos: pos, StemID: t.StemID})
	}
	return dst
}

// FirstsScratch is the memory AppendFirsts reuses from one document to
// the next. The zero value is ready to use; it is not safe for concurrent
// use.
type FirstsScratch struct {
	// slots is an open addressing hash table of the StemIDs seen: StemID<<32
	// | position of the first term, 0 for an empty slot. It is empty
	// between calls.
	slots []uint64
	stems map[string]int32 // by Stem, for terms without a StemID
}

// maxFirstsSlots bounds the table FirstsScratch keeps between documents.
const maxFirstsSlots = 1 << 16

// AppendFirsts appends to dst, for each term of title then text, the
// position (in title then text) of the first term with the same stem, and
// returns it: what Doc.Firsts holds. Terms with a StemID are matched by it
// (which the analyzer gives equal stems alike), the others by their stem.
func AppendFirsts(dst []int32, sc *FirstsScratch, title, text []Term) []int32 {
	bits := 6
	for 1<<bits < 2*(len(title)+len(text)) {
		bits++
	}
	if cap(sc.slots) < 1<<bits {
		sc.slots = make([]uint64, 1<<bits)
	}
	sc.slots = sc.slots[:1<<bits]
	if sc.stems == nil {
		sc.stems = make(map[string]int32)
	}
	mask := uint32(len(sc.slots) - 1)
	at := int32(0)
	for _, ts := range [2][]Term{title, text} {
		for i := range ts {
			t := &ts[i]
			if id := t.StemID; id != 0 {
				// Fibonacci hashing: the top bits of the product.
				for k := (id * 0x9E3779B1) >> (32 - bits); ; k = (k + 1) & mask {
					s := sc.slots[k]
					if s == 0 {
						sc.slots[k] = uint64(id)<<32 | uint64(uint32(at))
						dst = append(dst, at)
						break
					}
					if uint32(s>>32) == id {
						dst = append(dst, int32(uint32(s)))
						break
					}
				}
			} else {
				f, ok := sc.stems[t.Stem]
				if !ok {
					f = at
					sc.stems[t.Stem] = f
				}
				dst = append(dst, f)
			}
			at++
		}
	}
	if cap(sc.slots) > maxFirstsSlots {
		sc.slots = nil
	} else {
		clear(sc.slots)
	}
	clear(sc.stems)
	return dst
}

// analyzedField is a text field whose terms the pipeline computed already:
// it builds bleve's term frequencies straight from them, with the same
// terms and positions as Analyzer, without an intermediate token stream.
type analyzedField struct {
	name   string
	terms  []Term
	opts   bindex.FieldIndexingOptions
	nbytes int
	length int
	freqs  bindex.TokenFrequencies
}

var _ document.Field = (*analyzedField)(nil)

func newAnalyzedField(name string, terms []Term, nbytes int, opts bindex.FieldIndexingOptions) *analyzedField {
	return &analyzedField{name: name, terms: terms, nbytes: nbytes, opts: opts}
}

// keywords returns a field of whole values, each one term, as one
// analyzed field: cheaper for the index to build than a field per value.
func keywords(name string, values []string) *analyzedField {
	terms := make([]Term, len(values))
	for i, v := range values {
		terms[i] = Term{Stem: v, Pos: int32(i + 1)}
	}
	return newAnalyzedField(name, terms, 0, keywordOpts)
}

func (f *analyzedField) Name() string                                      { return f.name }
func (f *analyzedField) ArrayPositions() []uint64                          { return nil }
func (f *analyzedField) Options() bindex.FieldIndexingOptions              { return f.opts }
func (f *analyzedField) Value() []byte                                     { return nil } // never stored
func (f *analyzedField) NumPlainTextBytes() uint64                         { return uint64(f.nbytes) }
func (f *analyzedField) EncodedFieldType() byte                            { return 't' }
func (f *analyzedField) AnalyzedLength() int                               { return f.length }
func (f *analyzedField) AnalyzedTokenFrequencies() bindex.TokenFrequencies { return f.freqs }

func (f *analyzedField) Size() int {
	return 64 + len(f.terms)*32 + f.freqs.Size()
}

// Analyze implements document.Field: term frequencies (and positions, when
// the options ask for term vectors) of the terms. It allocates the term
// frequencies, their bytes and their locations in a few slabs rather than
// a few objects per term: a batch holds every document's until the index
// has built its segment.
func (f *analyzedField) Analyze() {
	n := len(f.terms)
	f.length = n
	at := make(map[string]int32, n) // index in slab of each distinct term
	which := make([]int32, n)       // index in slab of each term
	size := 0
	for i := range f.terms {
		stem := f.terms[i].Stem
		k, ok := at[stem]
		if !ok {
			k = int32(len(at))
			at[stem] = k
			size += len(stem)
		}
		which[i] = k
	}
	// One TokenFreq per distinct term (the batch keeps them until its
	// segment is built, so none is allocated for a repeated term).
	slab := make([]bindex.TokenFreq, len(at))
	for _, k := range which {
		slab[k].SetFrequency(slab[k].Frequency() + 1)
	}
	freqs := make(bindex.TokenFrequencies, len(slab))
	for stem, k := range at {
		freqs[stem] = &slab[k]
	}
	bytes := make([]byte, 0, size)
	for i := range f.terms {
		tf := &slab[which[i]]
		if tf.Term == nil {
			start := len(bytes)
			bytes = append(bytes, f.terms[i].Stem...)
			tf.Term = bytes[start:len(bytes):len(bytes)]
		}
	}
	if f.opts.IncludeTermVectors() {
		// Positions only: the index keeps no offsets (nothing reads them;
		// snippets come from the stored text).
		locs := make([]bindex.TokenLocation, n)
		ptrs := make([]*bindex.TokenLocation, n)
		off := 0
		for k := range slab {
			fr := slab[k].Frequency()
			slab[k].Locations = ptrs[off : off : off+fr]
			off += fr
		}
		for i := range f.terms {
			locs[i].Position = int(f.terms[i].Pos)
			tf := &slab[which[i]]
			tf.Locations = append(tf.Locations, &locs[i])
		}
	}
	f.freqs = freqs
	f.terms = nil // done with them
}

// titleGap is how many positions separate the title's terms from the
// text's in the text field, so that no phrase matches across them.
const titleGap = 100

// withTitle returns the terms of the text field: the title's terms, then
// the text's, shifted past the title by titleGap positions. The text field
// holds the title too, so that a word is one term lookup in one field (the
// title field adds the title's weight).
func withTitle(title, text []Term) []Term {
	if len(title) == 0 {
		return text
	}
	out := make([]Term, 0, len(title)+len(text))
	out = append(out, title...)
	shift := textShift(title)
	for _, t := range text {
		t.Pos += shift
		out = append(out, t)
	}
	return out
}

// textShift is how far withTitle shifts the positions of the text's terms
// after title's.
func textShift(title []Term) int32 {
	if len(title) == 0 {
		return 0
	}
	return title[len(title)-1].Pos + titleGap
}

// maxPairGap is the most stopwords between two search terms that still
// make a word pair.
const maxPairGap = 2

// pairKey is the term of the pair field for the search terms a and b with
// gap stopwords between them: "a b" for adjacent words, "a ~1 b" with one
// stopword between.
func pairKey(a, b string, gap int) string {
	if gap == 0 {
		return a + " " + b
	}
	return a + " ~" + string(rune('0'+gap)) + " " + b
}

// pairMinFreq is how frequent in the lexicon (bare, with ال, with teh
// marbuta) both words of a pair must be for the pair to be indexed: a
// phrase with a rarer word is fast as a positional phrase query, and
// pairs of rare words would be most of the distinct pairs, the cost of
// the field.
const pairMinFreq = 2000

// frequent reports whether stem is frequent enough to make word pairs.
func frequent(lex *arabic.Lexicon, stem string) bool {
	if stem == "" {
		return false
	}
	f := lex.Freq(stem) + lex.Freq("ال"+stem)
	if f < pairMinFreq && strings.HasSuffix(stem, "ه") {
		tm := stem[:len(stem)-len("ه")] + "ة"
		f += lex.Freq(tm) + lex.Freq("ال"+tm)
	}
	return f >= pairMinFreq
}

// eachPair calls f(i, gap) for each word pair of terms: terms[i-1] and
// terms[i], when gap <= maxPairGap stopwords stand between them and both
// are frequent (infos[i] is what wordInfo knows of terms[i]).
func eachPair(terms []Term, infos []*stemInfo, f func(i, gap int)) {
	prev := false // whether terms[i-1] is frequent
	for i := range terms {
		cur := infos[i].frequent
		if cur && prev {
			if gap := int(terms[i].Pos - terms[i-1].Pos - 1); gap <= maxPairGap {
				f(i, gap)
			}
		}
		prev = cur
	}
}

// appendPairs appends the word pairs of terms (see eachPair) as terms of
// the pair field.
func appendPairs(dst []Term, terms []Term, infos []*stemInfo) []Term {
	eachPair(terms, infos, func(i, gap int) {
		dst = append(dst, Term{Stem: pairKey(terms[i-1].Stem, terms[i].Stem, gap), Pos: int32(len(dst) + 1)})
	})
	return dst
}

// pairs returns the word pairs of title and text (none across them).
func pairs(s docStems) []Term {
	n := len(s.title)
	return appendPairs(appendPairs(nil, s.title, s.infos[:n]), s.text, s.infos[n:])
}

// docStems is the terms of a document's title and text, with what
// wordInfo knows of each: infos[i] of the i-th term of title then text.
type docStems struct {
	title, text []Term
	infos       []*stemInfo
	doc         uint64 // the document's number in wordInfo
}

// wordInfo memoizes what the index asks of stems (frequent,
// search.NameLike, arabic.NameKey) over the batches of an ingest, where the
// same stems come back in every article. It is not safe for concurrent use.
type wordInfo struct {
	lex  *arabic.Lexicon
	info map[string]*stemInfo // by stem: those without a StemID, and those looked up by their string
	// byID holds the infos of the stems with a StemID, by their number,
	// in pages (nil where none is looked up yet), so that an info keeps
	// its place; an info of a page is set when its id is.
	byID     []*stemPage
	entities map[string]string // EntityKey of entity names
	doc      uint64            // the number of the document stems last resolved
	batch    uint64            // the number of the last segBuilder batch
	// Scratch space: of stems; of fieldsOf (the spellings' infos, the
	// entity keys); of entityKey (a name's tokens and key).
	infos               []*stemInfo
	variants, spellings []*stemInfo
	entityKeys          []string
	toks                []arabic.Token
	key                 []byte
}

// stemInfo is what wordInfo knows of a stem.
type stemInfo struct {
	stem               string // the stem itself, wordInfo's copy
	id                 uint32 // its arabic.Lexicon.StemID
	frequent, nameLike bool
	// terms are the stem's numbers plus one in the positional fields
	// (fText, fTitle) of the segBuilder batch numbered batch, 0 for none
	// yet: the builder reads them rather than look the stem up.
	batch uint64
	terms [2]uint32
	// doc is the number of the last document in which spellings saw the
	// stem.
	doc uint64
	// key is arabic.NameKey of the stem, keyHash its keyHash, and
	// spelling its spelling term, all set on the first call of spellingOf.
	key, spelling string
	keyHash       uint32
	// known holds the gen of the last spellingSet known to hold the
	// stem's FieldVariant term (0) and FieldNameSpelling term (1).
	known [2]uint64
}

// maxWordInfo bounds the stems a wordInfo remembers: past it, Add starts
// a new one, so that a long ingest of varied text does not grow it forever.
const maxWordInfo = 1 << 17

func newWordInfo(lex *arabic.Lexicon) *wordInfo {
	return &wordInfo{lex: lex, info: make(map[string]*stemInfo), entities: make(map[string]string)}
}

// stems looks up the stems of a document's title and text, and starts a
// new document number for spellings. With firsts (Doc.Firsts) that fit
// them, it looks each distinct stem up once, else once per occurrence.
// The slices returned are valid until the next call.
func (w *wordInfo) stems(title, text []Term, firsts []int32) docStems {
	w.doc++
	infos := w.infos[:0]
	if len(firsts) != len(title)+len(text) {
		firsts = nil
	}
	for _, ts := range [2][]Term{title, text} {
		for i := range ts {
			if n := len(infos); firsts != nil && int(firsts[n]) < n && firsts[n] >= 0 {
				infos = append(infos, infos[firsts[n]])
				continue
			}
			infos = append(infos, w.term(&ts[i]))
		}
	}
	w.infos = infos
	return docStems{title: title, text: text, infos: infos, doc: w.doc}
}

// maxByID bounds the StemIDs wordInfo keys by number (the default
// lexicon has fewer than 30,000), so that its pages stay under 14 MB: a
// larger one is looked up by its stem.
const maxByID = 1 << 17

// stemPageBits is the log2 of the number of stemInfos in a stemPage.
const stemPageBits = 8

// stemPage is a page of wordInfo.byID: the infos of 1<<stemPageBits
// consecutive StemIDs.
type stemPage [1 << stemPageBits]stemInfo

// term returns the info of the stem of t, by its StemID when it has one
// (checking the stem: a StemID that is not the lexicon's number of the
// stem is looked up by its stem).
func (w *wordInfo) term(t *Term) *stemInfo {
	id := t.StemID
	if id == 0 || id >= maxByID {
		return w.get(t.Stem)
	}
	i := w.numbered(id)
	if i.id == id && i.stem == t.Stem {
		return i
	}
	if w.lex.StemID(t.Stem) != id { // not the lexicon's number of the stem
		return w.get(t.Stem)
	}
	w.set(i, t.Stem, id)
	return i
}

// numbered returns the place in byID of the info of the StemID id (below
// maxByID), which may not be set yet.
func (w *wordInfo) numbered(id uint32) *stemInfo {
	p := int(id >> stemPageBits)
	if p >= len(w.byID) {
		w.byID = append(w.byID, make([]*stemPage, max(p+1, 2*len(w.byID))-len(w.byID))...)
	}
	if w.byID[p] == nil {
		w.byID[p] = new(stemPage)
	}
	return &w.byID[p][id&(1<<stemPageBits-1)]
}

// set sets i to what the index asks of stem, whose StemID is id.
func (w *wordInfo) set(i *stemInfo, stem string, id uint32) {
	stem = strings.Clone(stem) // not the document's string: keep no text alive
	*i = stemInfo{stem: stem, id: id, frequent: frequent(w.lex, stem), nameLike: search.NameLike(w.lex, stem)}
}

// get returns the info of stem, looked up by its string.
func (w *wordInfo) get(stem string) *stemInfo {
	i := w.info[stem]
	if i == nil {
		id := w.lex.StemID(stem)
		if id != 0 && id < maxByID {
			i = w.numbered(id)
		} else {
			i = new(stemInfo)
		}
		if id == 0 || i.id != id {
			w.set(i, stem, id)
		}
		w.info[i.stem] = i
	}
	return i
}

// nextBatch returns a number for a segBuilder batch that no stemInfo of w
// has seen.
func (w *wordInfo) nextBatch() uint64 {
	w.batch++
	return w.batch
}

// spellingOf returns arabic.NameKey of the stem of i and its spelling
// term.
func (i *stemInfo) spellingOf() (key, term string) {
	if i.spelling == "" {
		i.key = arabic.NameKey(i.stem)
		i.spelling = spelling(i.key, i.stem)
		i.keyHash = keyHash(i.key)
	}
	return i.key, i.spelling
}

// keyHash returns the hash of the name key k (FNV-1a) by which a keySet
// holds it.
func keyHash(k string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(k); i++ {
		h = (h ^ uint32(k[i])) * 16777619
	}
	return h
}

// keySet is a set of 512 bits, one per name key (by the top bits of its
// keyHash), so that spellings can tell that most stems' name keys are
// none of a document's without comparing strings.
type keySet [8]uint64

// add adds the name key of hash h.
func (s *keySet) add(h uint32) { s[h>>29] |= 1 << (h >> 23 & 63) }

// mayHave reports whether the name key of hash h may be in s: true for
// every key added.
func (s *keySet) mayHave(h uint32) bool { return s[h>>29]&(1<<(h>>23&63)) != 0 }

// entityKey returns EntityKey(an, name).
func (w *wordInfo) entityKey(an *arabic.Analyzer, name string) string {
	k, ok := w.entities[name]
	if !ok {
		w.toks = an.AppendAnalyzed(w.toks[:0], name)
		w.key = appendEntityKey(w.key[:0], w.toks)
		clear(w.toks) // keep no string alive
		k = string(w.key)
		w.entities[strings.Clone(name)] = k
	}
	return k
}
