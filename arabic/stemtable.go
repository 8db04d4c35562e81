package arabic

import (
	"hash/maphash"
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// stemEntry is what the analyzer needs of a word of the lexicon: the word
// (teh marbuta kept) and its stem, each also with teh marbuta folded,
// whether it is a stopword, and the number of its folded stem (see
// Token.StemID). The strings are slices of the table's memory,
// shared by every token of the word, so that analyzing a known word
// allocates nothing.
type stemEntry struct {
	norm, normFolded string
	stem, stemFolded string
	stop             bool
	id               uint32
}

// stemTable maps the words of a lexicon to their entries: an open
// addressing hash table for the most frequent words, which make most of any
// text, and one for the others. Each keeps its entries packed in one
// string, so that a lookup touches one slot and one stretch of memory
// holding the word, its stems and its flags; the hot table is small enough
// to stay in the processor's cache.
type stemTable struct {
	hot, cold wordTable
	// ids numbers the folded stems of the tables' words from 1 (see
	// Token.StemID); its keys are slices of the tables' data.
	ids map[string]uint32
}

// hotWords is the number of most frequent words in the hot table: 8192
// words make about three quarters of the Arabic words of news text.
const hotWords = 8192

// defaultStopwords is the stopword set, built once.
var defaultStopwords = sync.OnceValue(newStopwords)

// lexiconStems is what stemming the words of a lexicon finds: the stem
// of each word, in the order of byFreq, and the number of its folded stem
// (see Token.StemID).
type lexiconStems struct {
	stems []string
	ids   []uint32
}

// stemLexicon stems every word of l and numbers the folded stems.
func stemLexicon(l *Lexicon) lexiconStems {
	words := l.byFreq()
	ls := lexiconStems{stems: make([]string, len(words)), ids: make([]uint32, len(words))}
	folded := make([]string, len(words))
	// Stemming a hundred thousand words takes a few tenths of a second:
	// share it among the processors.
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for k := range workers {
		wg.Go(func() {
			for i := k; i < len(words); i += workers {
				ls.stems[i] = stemWord(l, words[i])
				folded[i] = foldTehMarbuta(ls.stems[i])
			}
		})
	}
	wg.Wait()
	// Number the folded stems in byte order.
	ids := make(map[string]uint32, len(words)/2) // about two words a stem
	for _, s := range folded {
		ids[s] = 0
	}
	for i, s := range slices.Sorted(maps.Keys(ids)) {
		ids[s] = uint32(i + 1)
	}
	for i, s := range folded {
		ls.ids[i] = ids[s]
	}
	return ls
}

// newStemTable returns the table of the words of l, whose stems are ls.
func newStemTable(l *Lexicon, ls lexiconStems) *stemTable {
	words := l.byFreq()
	stop := defaultStopwords()
	entry := func(i int) stemEntry {
		w, raw := words[i], ls.stems[i]
		nf := foldTehMarbuta(w)
		return stemEntry{norm: w, normFolded: nf, stem: raw, stemFolded: foldTehMarbuta(raw), stop: stop.contains(nf), id: ls.ids[i]}
	}
	// Room for the records: folding keeps a word's length (ة and ه are
	// two bytes each).
	size := func(lo, hi int) int {
		n := 0
		for i := lo; i < hi; i++ {
			n += hdrLen + 2*len(words[i]) + 1 + 2*len(ls.stems[i])
		}
		return n
	}
	n := min(hotWords, len(words))
	seed := maphash.MakeSeed()
	t := &stemTable{hot: newWordTable(seed, 0, n, size(0, n), entry), cold: newWordTable(seed, n, len(words), size(n, len(words)), entry)}
	// Keep the numbers keyed by the tables' copies of the stems, not by
	// the strings of the entries, which can go now.
	numbers := uint32(0)
	for _, id := range ls.ids {
		numbers = max(numbers, id)
	}
	t.ids = make(map[string]uint32, numbers)
	seen := make([]bool, numbers+1)
	for _, wt := range []*wordTable{&t.hot, &t.cold} {
		for _, s := range wt.slots {
			if s != 0 {
				e := wt.entry(int(uint32(s)) - 1)
				if !seen[e.id] {
					seen[e.id] = true
					t.ids[e.stemFolded] = e.id
				}
			}
		}
	}
	return t
}

// stemID returns the number of the folded stem s, 0 if it is the stem of
// no word of the tables.
func (t *stemTable) stemID(s string) uint32 {
	if s == "" || s[0] < utf8.RuneSelf { // the lexicon's words are Arabic
		return 0
	}
	return t.ids[s]
}

// lookup returns the entry of the normalized word w.
func (t *stemTable) lookup(w string) (stemEntry, bool) {
	return t.lookupHash(w, 0)
}

// lookupHash is lookup given the hash of w, as hash returns it; 0 stands
// for a hash not computed.
func (t *stemTable) lookupHash(w string, h uint64) (stemEntry, bool) {
	if h == 0 {
		h = t.hash(w)
	}
	if e, ok := t.hot.lookup(w, h); ok {
		return e, true
	}
	return t.cold.lookup(w, h)
}

// hash returns the hash of w in both tables.
func (t *stemTable) hash(w string) uint64 { return wordHash(t.hot.seed, w) }

// hashBytes is hash of a word given as bytes (maphash hashes bytes and
// the string of them alike).
func (t *stemTable) hashBytes(w []byte) uint64 { return maphash.Bytes(t.hot.seed, w) | 1<<32 }

// wordHash is the hash of w in the tables of the seed: never 0, so that 0
// can stand for a hash not computed.
func wordHash(seed maphash.Seed, w string) uint64 {
	return maphash.String(seed, w) | 1<<32
}

// lookupBlock is the number of tokens whose table entries prefetch fetches
// at once.
const lookupBlock = 32

// prefetched holds the words of a block of tokens as the analyzer looks
// them up, and what prefetch found of them.
type prefetched struct {
	// hash is that of the word's form looked up, for a word, else 0.
	hash [lookupBlock]uint64
	// key is where buf holds the form of the token's text looked up, its
	// start and end; the end is -1 when that form is the text itself.
	key [lookupBlock][2]int32
	buf []byte
	// at is where the record of the word may be: 1 + its offset in the
	// hot table's data, -(1 + its offset) in the cold table's, 0 when
	// neither holds a record whose tag matches the hash (the word is not
	// in the tables); only meaningful where hash is not 0.
	at   [lookupBlock]int32
	sink uint64 // what the loads read: keeps them from being optimized away
}

// prefetch reads the table's slots and records for the words of the
// first n (at most lookupBlock) hashes of p, so that looking them up
// afterwards finds them in the processor's caches. Its loads do not depend
// on one another, so their cache misses overlap, where lookups one at a
// time would wait for each. The cold table is read only for the words
// whose probe of the hot table finds no record to read. p.at tells
// lookupAt where the records are.
func (t *stemTable) prefetch(p *prefetched, n int) {
	var sink uint64
	hash := p.hash[:n]
	for _, h := range hash {
		if h != 0 {
			sink += t.hot.slot(h)
		}
	}
	// The hot slots are at hand now: fetch the records they point to, or
	// the cold slots of the words they miss.
	for i, h := range hash {
		if h != 0 {
			if off := t.hot.record(h); off >= 0 {
				sink += uint64(t.hot.data[off])
				p.at[i] = int32(off + 1)
			} else {
				p.at[i] = 0
				sink += t.cold.slot(h)
			}
		}
	}
	for i, h := range hash {
		if h != 0 && p.at[i] == 0 {
			if off := t.cold.record(h); off >= 0 {
				sink += uint64(t.cold.data[off])
				p.at[i] = int32(-off - 1)
			}
		}
	}
	p.sink = sink
}

// lookupAt is lookupHash for a word whose hash h prefetch computed, and
// where it found its record (see prefetched.at).
func (t *stemTable) lookupAt(w string, h uint64, at int32) (stemEntry, bool) {
	switch {
	case at == 0:
		return stemEntry{}, false
	case at > 0 && t.hot.holds(int(at)-1, w):
		return t.hot.entry(int(at) - 1), true
	case at < 0 && t.cold.holds(int(-at)-1, w):
		return t.cold.entry(int(-at) - 1), true
	}
	return t.lookupHash(w, h) // another word with the same tag
}

// wordTable is an immutable open addressing hash table (linear probing)
// from words to stemEntry. A slot holds the top 32 bits of the word's hash
// and 1 + the offset of its record in data; 0 is an empty slot. A record is
// a header (see hdrWord...) followed by the word, its folded form when it
// differs, its stem unless the stem is a part of the word, and its folded
// stem, preceded by its length, when it differs from the stem.
type wordTable struct {
	seed  maphash.Seed
	slots []uint64
	mask  uint64
	data  string
}

// Record header layout.
const (
	hdrWord       = iota // length of the word
	hdrNormFolded        // length of the folded word, 0: the word itself
	hdrStemOff           // offset of the stem in the word + 1, 0: stored after
	hdrStem              // length of the stem
	hdrFlags             // 1: stopword; 2: folded stem stored after the stem
	hdrID                // 3 bytes, little endian: the number of the folded stem
	hdrLen        = hdrID + 3
)

// maxStemID is the largest number of a folded stem that a record holds.
const maxStemID = 1<<24 - 1

// maxTableWord is the longest word, in bytes, that a table holds; longer
// words are stemmed each time.
const maxTableWord = 255

// newSlots returns the empty slots of an open addressing table (linear
// probing) of n records, at most half full, and the mask of their index. A
// slot holds the top 32 bits of its key's hash and 1 + the offset of its
// record; 0 is an empty slot.
func newSlots(n int) ([]uint64, uint64) {
	size := 16
	for size < n*2 {
		size *= 2
	}
	return make([]uint64, size), uint64(size - 1)
}

// putSlot records in slots the record at off of the key whose hash is h.
func putSlot(slots []uint64, mask, h uint64, off int) {
	i := h & mask
	for slots[i] != 0 {
		i = (i + 1) & mask
	}
	slots[i] = h&^0xFFFFFFFF | uint64(off+1)
}

// newWordTable returns the table of entry(lo) to entry(hi-1), whose
// records take about size bytes.
func newWordTable(seed maphash.Seed, lo, hi, size int, entry func(i int) stemEntry) wordTable {
	t := wordTable{seed: seed}
	t.slots, t.mask = newSlots(hi - lo)
	var data strings.Builder
	data.Grow(size)
	for i := lo; i < hi; i++ {
		e := entry(i)
		if len(e.norm) > maxTableWord || len(e.normFolded) > maxTableWord || len(e.stem) > maxTableWord || len(e.stemFolded) > maxTableWord || e.id > maxStemID {
			continue
		}
		off := data.Len()
		var hdr [hdrLen]byte
		hdr[hdrWord] = byte(len(e.norm))
		if e.normFolded != e.norm {
			hdr[hdrNormFolded] = byte(len(e.normFolded))
		}
		hdr[hdrStem] = byte(len(e.stem))
		if i := strings.Index(e.norm, e.stem); i >= 0 && i < maxTableWord {
			hdr[hdrStemOff] = byte(i + 1)
		}
		if e.stop {
			hdr[hdrFlags] |= 1
		}
		if e.stemFolded != e.stem {
			hdr[hdrFlags] |= 2
		}
		hdr[hdrID], hdr[hdrID+1], hdr[hdrID+2] = byte(e.id), byte(e.id>>8), byte(e.id>>16)
		data.Write(hdr[:])
		data.WriteString(e.norm)
		if hdr[hdrNormFolded] != 0 {
			data.WriteString(e.normFolded)
		}
		if hdr[hdrStemOff] == 0 {
			data.WriteString(e.stem)
		}
		if hdr[hdrFlags]&2 != 0 {
			data.WriteByte(byte(len(e.stemFolded)))
			data.WriteString(e.stemFolded)
		}
		putSlot(t.slots, t.mask, wordHash(seed, e.norm), off)
	}
	t.data = data.String()
	return t
}

// lookup returns the entry of w, whose hash with the table's seed is h.
func (t *wordTable) lookup(w string, h uint64) (stemEntry, bool) {
	if len(t.slots) == 0 {
		return stemEntry{}, false
	}
	tag := h &^ 0xFFFFFFFF
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return stemEntry{}, false
		}
		if s&^0xFFFFFFFF != tag {
			continue
		}
		if off := int(uint32(s)) - 1; t.holds(off, w) {
			return t.entry(off), true
		}
	}
}

// slot returns the slot of the table where the probe for hash h starts.
func (t *wordTable) slot(h uint64) uint64 {
	if len(t.slots) == 0 {
		return 0
	}
	return t.slots[h&t.mask]
}

// record returns the offset of the record of the first slot on the
// probe for hash h whose tag matches h, or -1.
func (t *wordTable) record(h uint64) int {
	if len(t.slots) == 0 {
		return -1
	}
	tag := h &^ 0xFFFFFFFF
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s&^0xFFFFFFFF == tag {
			return int(uint32(s)) - 1
		}
	}
}

// holds reports whether the record at off is that of w.
func (t *wordTable) holds(off int, w string) bool {
	d := t.data[off:]
	n := int(d[hdrWord])
	return n == len(w) && d[hdrLen:hdrLen+n] == w
}

// entry decodes the record at off.
func (t *wordTable) entry(off int) stemEntry {
	d := t.data[off:]
	p := hdrLen
	n := int(d[hdrWord])
	e := stemEntry{norm: d[p : p+n], stop: d[hdrFlags]&1 != 0,
		id: uint32(d[hdrID]) | uint32(d[hdrID+1])<<8 | uint32(d[hdrID+2])<<16}
	p += n
	e.normFolded = e.norm
	if nf := int(d[hdrNormFolded]); nf != 0 {
		e.normFolded = d[p : p+nf]
		p += nf
	}
	ns := int(d[hdrStem])
	if so := int(d[hdrStemOff]); so != 0 {
		e.stem = e.norm[so-1 : so-1+ns]
	} else {
		e.stem = d[p : p+ns]
		p += ns
	}
	e.stemFolded = e.stem
	if d[hdrFlags]&2 != 0 {
		nsf := int(d[p])
		e.stemFolded = d[p+1 : p+1+nsf]
	}
	return e
}
