package entity

import (
	"hash/maphash"
	"strings"
	"unsafe"
)

// wordTable maps words to their vocabulary entries with no pointer in it
// but those to its three slices: the words and the strings of their token
// information live in one byte arena, and an entry refers to them by
// offset. The garbage collector then marks a table of any size at the cost
// of three objects, which it would otherwise scan entry by entry (a map of
// strings to entries holding five strings each) on every cycle.
//
// A table holds at most the entries it was made for. Entries are only
// added, never changed until reset, and the arena's bytes are never
// overwritten (reset gives the table a new arena), so the strings that info
// returns, which point into the arena, stay valid however long they are
// kept (they keep the arena alive). A table is not safe for
// concurrent use by itself: unknownCache locks around it, and the
// vocabulary is only read after it is built.
type wordTable struct {
	seed  maphash.Seed
	slots []uint64 // 0 when empty, else the hash's top 32 bits << 32 | entry index+1
	ents  []vocabEntry
	arena []byte
}

// vocabEntry is the entry of one word: its token information and its role
// scores. It holds no pointer (see wordTable). It is 448 bytes, seven cache
// lines, so that the entries of a table (which start at a page boundary,
// as all large allocations do) each take seven lines, not eight for most,
// and its key and token information take the last two.
type vocabEntry struct {
	roles [2]roleScores // of the tagger itself, and of its first stage
	key   strRef        // the word
	info  packedInfo
}

// strRef is a string of a wordTable's arena.
type strRef struct{ off, n uint32 }

// packedInfo is a tokInfo whose strings are in a wordTable's arena.
type packedInfo struct {
	norm, base, clitic, stem, shape strRef

	wh, bh       uint64
	st, stB      uint32
	doc, auto    uint16
	gazN, gazB   uint8
	spanB, spanI uint8
	cue          uint8
	phrase       bool
}

// newWordTable returns a table for at most n entries, with room in its
// arena for about bytes bytes of strings, that hashes words with seed
// (tables of the same seed hash a word alike, so one hash serves them all).
func newWordTable(n, bytes int, seed maphash.Seed) *wordTable {
	size := 4
	for size < 2*n {
		size *= 2
	}
	return &wordTable{seed: seed, slots: make([]uint64, size),
		ents: make([]vocabEntry, 0, n), arena: make([]byte, 0, bytes)}
}

// reset empties t for reuse, with a new arena of about bytes bytes: the
// strings of its entries stay valid, but no pointer to an entry may be
// kept past it.
func (t *wordTable) reset(bytes int) {
	clear(t.slots)
	t.ents = t.ents[:0]
	t.arena = make([]byte, 0, bytes)
}

// full reports whether the table holds as many entries as it was made for.
func (t *wordTable) full() bool { return len(t.ents) == cap(t.ents) }

// find returns the entry of w, or nil.
func (t *wordTable) find(w string) *vocabEntry {
	return t.findHash(w, t.hash(w))
}

// hash returns the hash of w in t.
func (t *wordTable) hash(w string) uint64 { return maphash.String(t.seed, w) }

// touch reads the memory that finding the words of the hashes hs (from
// hash) reads first: their first slots, then the entries (their key, and
// their token information, which info reads next: an entry's last two
// cache lines) and the words those slots refer to, each step for all of hs
// before the next, so that
// the processor overlaps their cache misses (see featIndex.touch), where
// the finds that follow would wait for one at a time. The result means
// nothing; it and noinline keep the reads from being optimized away.
//
//go:noinline
func (t *wordTable) touch(hs []uint64) uint64 {
	mask := uint64(len(t.slots) - 1)
	var sum uint64
	for _, h := range hs {
		sum += t.slots[h&mask]
	}
	for _, h := range hs {
		if s := t.slots[h&mask]; s != 0 && s&^0xffffffff == h>>32<<32 {
			e := &t.ents[uint32(s)-1]
			sum += uint64(e.key.off) + e.info.wh + uint64(e.info.cue)
		}
	}
	for _, h := range hs {
		if s := t.slots[h&mask]; s != 0 && s&^0xffffffff == h>>32<<32 {
			if off := t.ents[uint32(s)-1].key.off; int(off) < len(t.arena) {
				sum += uint64(t.arena[off])
			}
		}
	}
	return sum
}

// touchNext reads the cache lines of the entry that add fills next, and
// the start of the arena's free room, so that add, called once the entry's
// roles are computed, writes to memory in the processor's cache rather
// than waiting for each line of it in turn (the entries are megabytes,
// each written once). It does nothing when t is full. The result means
// nothing (see touch).
//
//go:noinline
func (t *wordTable) touchNext() uint64 {
	n := len(t.ents)
	if n == cap(t.ents) {
		return 0
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(&t.ents[:n+1][n])), unsafe.Sizeof(vocabEntry{}))
	var sum uint64
	for i := 0; i < len(b); i += 64 {
		sum += uint64(b[i])
	}
	sum += uint64(b[len(b)-1])
	if len(t.arena) < cap(t.arena) {
		sum += uint64(t.arena[:len(t.arena)+1][len(t.arena)])
	}
	return sum
}

// findHash is find of w whose hash is h.
func (t *wordTable) findHash(w string, h uint64) *vocabEntry {
	tag := h >> 32 << 32
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return nil
		}
		if s&^0xffffffff == tag {
			e := &t.ents[uint32(s)-1]
			if t.str(e.key) == w {
				return e
			}
		}
	}
}

// add adds the entry of w, whose hash is h (see hash), which the table
// lacks and has room for, and returns it. A nil roles leaves the entry's
// roles as they are, which is zero only in a table never reset.
func (t *wordTable) add(w string, h uint64, info *tokInfo, roles *[2]roleScores) *vocabEntry {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	// In place, every field set (after reset the entry holds an old
	// word's): a composite literal would be built and then copied.
	t.ents = t.ents[:len(t.ents)+1]
	t.slots[i] = h>>32<<32 | uint64(len(t.ents))
	e := &t.ents[len(t.ents)-1]
	if roles != nil {
		e.roles = *roles
	}
	start := len(t.arena)
	e.key = t.put(start, w)
	e.info = packedInfo{
		norm: t.put(start, info.norm), base: t.put(start, info.base),
		clitic: t.put(start, info.clitic), stem: t.put(start, info.stem),
		shape: t.put(start, info.shape),
		wh:    info.wh, bh: info.bh, st: info.st, stB: info.stB, doc: info.doc, auto: info.auto,
		gazN: info.gazN, gazB: info.gazB, spanB: info.spanB, spanI: info.spanI,
		cue: info.cue, phrase: info.phrase,
	}
	return e
}

// put returns s as a string of the arena: the same bytes as the entry's
// other strings, those from start on, when they hold s (the normalized
// form is most often the word itself, and its base one of its suffixes),
// else bytes added for it.
func (t *wordTable) put(start int, s string) strRef {
	if s == "" {
		return strRef{}
	}
	if i := strings.Index(unsafe.String(unsafe.SliceData(t.arena[start:]), len(t.arena)-start), s); i >= 0 {
		return strRef{uint32(start + i), uint32(len(s))}
	}
	off := len(t.arena)
	t.arena = append(t.arena, s...)
	return strRef{uint32(off), uint32(len(s))}
}

// str returns the string r of the arena, without copying it.
func (t *wordTable) str(r strRef) string {
	if r.n == 0 {
		return ""
	}
	return unsafe.String(&t.arena[r.off], r.n)
}

// info returns the token information of e, an entry of t.
func (t *wordTable) info(e *vocabEntry) tokInfo {
	p := &e.info
	return tokInfo{
		norm: t.str(p.norm), base: t.str(p.base), clitic: t.str(p.clitic),
		stem: t.str(p.stem), shape: t.str(p.shape),
		wh: p.wh, bh: p.bh, st: p.st, stB: p.stB, doc: p.doc, auto: p.auto,
		gazN: p.gazN, gazB: p.gazB, spanB: p.spanB, spanI: p.spanI,
		cue: p.cue, phrase: p.phrase,
	}
}
