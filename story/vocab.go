package story

import (
	"hash/maphash"
	"strings"
	"unsafe"
)

// vocabIndex maps the feature names of a vocabulary to their ids. It is an
// open-addressing hash table (linear probing, never shrinking) whose
// entries hold a name of up to inlineName bytes in place, as most terms
// are: finding such a name reads one entry, where a Go map reads its
// control word, its slot and the name's bytes elsewhere in memory, each
// often a cache miss in a vocabulary this large. A longer name is compared
// with the vocabulary's own copy.
type vocabIndex struct {
	seed  maphash.Seed
	slots []vocabSlot // a power of two of them, or none
	n     int         // names held
}

const (
	inlineName = 16
	lenBits    = 5 // vocabSlot.meta's bits for a name's length
	longName   = inlineName + 1
)

// vocabSlot is one entry of a vocabIndex: id+1 (0 for an empty slot), and
// meta, the hash's high bits above the name's length (longName for a name
// not held in key).
type vocabSlot struct {
	key  [inlineName]byte
	meta uint32
	id1  uint32
}

// Len returns the number of names x indexes.
func (x *vocabIndex) Len() int { return x.n }

// id returns the id of name, which is names[id] when x indexes names.
func (x *vocabIndex) id(name string, names []string) (uint32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	h := maphash.String(x.seed, name)
	meta := metaOf(h, len(name))
	mask := len(x.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		sl := &x.slots[i]
		switch {
		case sl.id1 == 0:
			return 0, false
		case sl.meta != meta:
		case len(name) <= inlineName:
			if string(sl.key[:len(name)]) == name {
				return sl.id1 - 1, true
			}
		case names[sl.id1-1] == name:
			return sl.id1 - 1, true
		}
	}
}

// metaOf is the meta of a name of n bytes and hash h.
func metaOf(h uint64, n int) uint32 {
	return uint32(h>>32)&^(1<<lenBits-1) | uint32(min(n, longName))
}

// add indexes the last of names, whose other names x indexes and which it
// does not hold, as id len(names)-1.
func (x *vocabIndex) add(names []string) {
	if len(x.slots)*5 < (x.n+1)*8 { // more than 5/8 full: grow
		x.index(names)
		return
	}
	x.put(names[len(names)-1], uint32(len(names)-1))
}

// index makes x the index of names, the names of ids 0, 1, ... in turn,
// which must differ: it reports false when one is there twice.
func (x *vocabIndex) index(names []string) bool {
	if x.seed == (maphash.Seed{}) {
		x.seed = maphash.MakeSeed()
	}
	size := 64
	for size*5 < len(names)*8 {
		size *= 2
	}
	x.slots, x.n = make([]vocabSlot, size), 0
	for i, name := range names {
		if _, ok := x.id(name, names); ok {
			return false
		}
		x.put(name, uint32(i))
	}
	return true
}

// put puts name, which x does not hold, with its id in its first empty
// slot.
func (x *vocabIndex) put(name string, id uint32) {
	h := maphash.String(x.seed, name)
	mask := len(x.slots) - 1
	i := int(h) & mask
	for x.slots[i].id1 != 0 {
		i = (i + 1) & mask
	}
	sl := &x.slots[i]
	sl.meta, sl.id1 = metaOf(h, len(name)), id+1
	if len(name) <= inlineName {
		copy(sl.key[:], name)
	}
	x.n++
}

// stringArena keeps copies of strings in shared chunks of memory rather
// than in an allocation each, so that the garbage collector marks a few
// chunks rather than each of the vocabulary's names. The bytes of a copy
// are never written again. It suits strings kept as long as the arena:
// a chunk lives as long as any of its strings.
type stringArena struct {
	chunk []byte
}

const (
	arenaChunk   = 64 << 10 // bytes of a chunk
	arenaLongest = 1 << 10  // longest string copied into a chunk
)

// clone returns a copy of s.
func (a *stringArena) clone(s string) string {
	switch {
	case s == "":
		return ""
	case len(s) > arenaLongest:
		return strings.Clone(s)
	case cap(a.chunk)-len(a.chunk) < len(s):
		a.chunk = make([]byte, 0, arenaChunk)
	}
	n := len(a.chunk)
	a.chunk = append(a.chunk, s...)
	return unsafe.String(&a.chunk[n], len(s))
}
