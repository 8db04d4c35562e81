package entity

// featIndex is an open-addressing hash table from feature hashes to their
// weights, faster than a Go map with a separate weight array for this one
// job. It is built once (from the model's map and weights, so the model
// format does not depend on it) and only read afterwards.
//
// Looking a feature up costs what a cache miss costs: the tables of a model
// are megabytes, and a document's features are scattered over them. So a
// slot holds the feature's weights next to its key, in one cache line, and a
// small filter (a blocked Bloom filter of 8 to 16 bits a feature, which
// stays in the processor's second-level cache) answers most lookups of features the
// model does not know, about half of them, without reading the table.
type featIndex struct {
	slots  []featSlot
	shift  uint     // slot of key k: (k*mulSlot) >> shift
	filter []uint64 // word of key k: (k*mulSlot) >> fshift
	fshift uint
}

// featSlot is one slot of a featIndex: 64 bytes, one cache line (the
// slots of a large slice start at a page boundary).
type featSlot struct {
	key  uint64
	w    [nLabels]float32
	used bool
	_    [64 - 8 - 4*nLabels - 1]byte
}

const (
	mulSlot   = 0x9e3779b97f4a7c15 // Fibonacci hashing: the top bits of k*mulSlot
	mulFilter = 0xff51afd7ed558ccd // the bits tested in a filter word
)

// filterBits returns the two bits of k's filter word that k sets.
func filterBits(k uint64) uint64 {
	q := k * mulFilter
	return 1<<(q>>58) | 1<<(q>>52&63)
}

// newFeatIndex builds the index of the features m maps to offsets of their
// nLabels weights in w.
func newFeatIndex(m map[uint64]int32, w []float32) featIndex {
	// A load factor of 1/2 to 2/3: the filter keeps most lookups of
	// unknown features, whose probes are the long ones, out of the table,
	// and a smaller table misses the cache less.
	bits := uint(4)
	for 1<<bits < len(m)+len(m)/2 {
		bits++
	}
	fbits := uint(1) // filter words: at most 8 features a word, at least 8 bits a feature
	for 1<<fbits < len(m)/8 {
		fbits++
	}
	x := featIndex{slots: make([]featSlot, 1<<bits), shift: 64 - bits,
		filter: make([]uint64, 1<<fbits), fshift: 64 - fbits}
	mask := uint64(len(x.slots) - 1)
	for k, o := range m {
		i := (k * mulSlot) >> x.shift
		for x.slots[i].used {
			i = (i + 1) & mask
		}
		s := &x.slots[i]
		s.key, s.used = k, true
		copy(s.w[:], w[o:int(o)+nLabels])
		x.filter[(k*mulSlot)>>x.fshift] |= filterBits(k)
	}
	return x
}

// get returns the weights of feature k.
func (x *featIndex) get(k uint64) (*[nLabels]float32, bool) {
	if len(x.slots) == 0 {
		return nil, false
	}
	p := k * mulSlot
	if b := filterBits(k); x.filter[p>>x.fshift]&b != b {
		return nil, false
	}
	mask := uint64(len(x.slots) - 1)
	for i := p >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if !s.used {
			return nil, false
		}
		if s.key == k {
			return &s.w, true
		}
	}
}

// sum adds the weights of the features ks to row, in the order of ks.
// It is fastest when touch brought them to the cache before.
func (x *featIndex) sum(row *[nLabels]float32, ks []uint64) {
	if len(x.slots) == 0 {
		return
	}
	for _, k := range ks {
		if ws, ok := x.get(k); ok {
			for l := range row {
				row[l] += ws[l]
			}
		}
	}
}

// touch reads the first slot of each of the features ks that pass the
// filter, so that the lookups that follow find them in the processor's
// cache: the reads are independent of each other, so the processor
// overlaps their cache misses, where the lookups' probe loops would wait
// for one at a time. The result means nothing; it and noinline keep the
// reads from being optimized away.
//
//go:noinline
func (x *featIndex) touch(ks []uint64) uint64 {
	if len(x.slots) == 0 {
		return 0
	}
	var sum uint64
	for _, k := range ks {
		p := k * mulSlot
		if b := filterBits(k); x.filter[p>>x.fshift]&b == b {
			sum += x.slots[p>>x.shift].key
		}
	}
	return sum
}
