package entity

import (
	"maps"
	"math"
	"math/bits"
	"slices"
)

// featIndex is an open-addressing hash table from feature hashes to their
// weights, faster than a Go map with a separate weight array for this one
// job. It is built once (from the model's maps and weights, so the model
// format does not depend on it) and only read afterwards.
//
// Looking a feature up costs what a cache miss costs: the tables of a model
// are megabytes, and a document's features are scattered over them. So a
// slot holds the feature's weights next to its key, in one cache line, and a
// small filter (a blocked Bloom filter of 8 to 16 bits a feature, which
// stays in the processor's second-level cache) answers most lookups of features the
// model does not know, about half of them, without reading the table.
//
// The index of a two-stage tagger holds the weights of both stages (stage
// 0 the tagger's, stage 1 its first stage's), so that one lookup, one
// cache miss, serves both: most features are the same in both stages, and
// a word's features are looked up for both. A slot keeps only the weights
// that are not zero (under three a stage on average), which is what lets
// both stages' weights share a cache line; adding a zero weight to a score
// changes nothing (a sum that starts at +0 is never -0), so the scores are
// those of the dense weights, to the bit. The index reads the weights of
// its stage; view returns the same index for the other stage.
type featIndex struct {
	slots  []featSlot
	shift  uint     // slot of key k: (k*mulSlot) >> shift
	filter []uint64 // word of key k: (k*mulSlot) >> fshift
	fshift uint
	// spill holds, spillStride each, the weights that the slots of the
	// features with more non-zero weights than a slot holds (slotWeights)
	// have no room for (see featSlot).
	spill []float32
	stage int // the stage whose weights get, sum and has read
}

// slotWeights is how many weights a slot holds.
const slotWeights = 13

// A spilled feature's slot holds the dense weights of stage 0 and of the
// first slotStage1 labels of stage 1; spill holds the rest of stage 1's,
// spillStride floats (32 bytes) a feature, so that they never straddle
// two cache lines: a lookup reads two lines, where the slot's key and the
// 2*nLabels weights of spill read three on average.
const (
	slotStage1  = slotWeights - 1 - nLabels // the last weight is the offset in spill
	spillStride = 8
)

// featSlot is one slot of a featIndex: 64 bytes, one cache line (the
// slots of a large slice start at a page boundary).
type featSlot struct {
	key uint64
	// mask[s]: bits 0 to nLabels-1 are the labels of stage s whose weights
	// are not zero, bit slotIn is set when stage s has the feature, and
	// mask[0]'s bit slotSpill when the weights are in spill.
	mask [2]uint16
	// w holds the non-zero weights of stage 0 by label, then those of
	// stage 1; when they are spilled, the dense weights of stage 0, the
	// first slotStage1 of stage 1, and (the bits of) the offset of the
	// others in spill.
	w [slotWeights]float32
}

const (
	slotIn    = 1 << 15
	slotSpill = 1 << 14
	labelMask = 1<<nLabels - 1
)

const (
	mulSlot   = 0x9e3779b97f4a7c15 // Fibonacci hashing: the top bits of k*mulSlot
	mulFilter = 0xff51afd7ed558ccd // the bits tested in a filter word
)

// filterBits returns the two bits of k's filter word that k sets.
func filterBits(k uint64) uint64 {
	q := k * mulFilter
	return 1<<(q>>58) | 1<<(q>>52&63)
}

// featStage is the features of one stage: feature hash -> offset of its
// nLabels weights in w. keys, when not nil, holds the keys of index in
// increasing order, the i-th one's weights at w[i*nLabels:], as Load reads
// them; else newFeatIndex sorts them.
type featStage struct {
	index map[uint64]int32
	w     []float32
	keys  []uint64
}

// newFeatIndex builds the index of the features of one or two stages
// (see featIndex), for stage 0.
func newFeatIndex(stages ...featStage) featIndex {
	// The features by how many weights they have, most first, so that
	// the features most tokens have (those with most weights: the bias,
	// shapes, affixes) take the slots they hash to, and their lookups
	// read one cache line. The features come from merging the stages'
	// keys in order.
	type feat struct {
		key uint64
		n   int
		off [2]int32 // of its weights in each stage's w, -1 when not there
	}
	keys := make([][]uint64, len(stages))
	offs := make([][]int32, len(stages))
	size := 0
	for s, st := range stages {
		keys[s] = st.keys
		if keys[s] == nil {
			keys[s] = slices.Sorted(maps.Keys(st.index))
			offs[s] = make([]int32, len(keys[s]))
			for i, k := range keys[s] {
				offs[s][i] = st.index[k]
			}
		}
		size += len(keys[s])
	}
	off := func(s, i int) int32 {
		if offs[s] != nil {
			return offs[s][i]
		}
		return int32(i * nLabels)
	}
	fs := make([]feat, 0, size)
	var at [2]int
	for {
		f := feat{key: math.MaxUint64, off: [2]int32{-1, -1}}
		more := false
		for s := range stages {
			if at[s] < len(keys[s]) {
				f.key, more = min(f.key, keys[s][at[s]]), true
			}
		}
		if !more {
			break
		}
		for s, st := range stages {
			if at[s] < len(keys[s]) && keys[s][at[s]] == f.key {
				o := off(s, at[s])
				f.off[s] = o
				f.n += nonZero(st.w[o : o+nLabels])
				at[s]++
			}
		}
		fs = append(fs, f)
	}
	// Order them by n, most first, then by key: a counting sort, stable,
	// of features merged in the order of their keys.
	var count [2*nLabels + 2]int
	for _, f := range fs {
		count[f.n]++
	}
	for n, sum := len(count)-1, 0; n >= 0; n-- {
		count[n], sum = sum, sum+count[n]
	}
	byN := make([]feat, len(fs))
	for _, f := range fs {
		byN[count[f.n]] = f
		count[f.n]++
	}
	fs = byN
	n := len(fs)
	// A load factor of 1/2 to 3/4: the filter keeps most lookups of
	// unknown features, whose probes are the long ones, out of the table,
	// and a smaller table misses the cache less.
	bits := uint(4)
	for 1<<bits < n+n/3 {
		bits++
	}
	fbits := uint(1) // filter words: at most 8 features a word, at least 8 bits a feature
	for 1<<fbits < n/8 {
		fbits++
	}
	x := featIndex{slots: make([]featSlot, 1<<bits), shift: 64 - bits,
		filter: make([]uint64, 1<<fbits), fshift: 64 - fbits}
	mask := uint64(len(x.slots) - 1)
	var dense [2][nLabels]float32
	for _, f := range fs {
		k := f.key
		var in [2]bool
		for s, st := range stages {
			o := f.off[s]
			in[s] = o >= 0
			dense[s] = [nLabels]float32{}
			if in[s] {
				copy(dense[s][:], st.w[o:int(o)+nLabels])
			}
		}
		i := (k * mulSlot) >> x.shift
		for x.slots[i].mask[0]|x.slots[i].mask[1] != 0 {
			i = (i + 1) & mask
		}
		x.fill(&x.slots[i], k, &in, &dense)
		x.filter[(k*mulSlot)>>x.fshift] |= filterBits(k)
	}
	return x
}

// nonZero returns how many of ws are not zero.
func nonZero(ws []float32) int {
	n := 0
	for _, v := range ws {
		if v != 0 {
			n++
		}
	}
	return n
}

// fill sets slot s to feature k of the stages in with weights w.
func (x *featIndex) fill(s *featSlot, k uint64, in *[2]bool, w *[2][nLabels]float32) {
	s.key = k
	nw := 0
	for st := range w {
		if in[st] {
			s.mask[st] = slotIn
		}
		for l, v := range w[st] {
			if v != 0 {
				s.mask[st] |= 1 << l
				if nw < slotWeights {
					s.w[nw] = v
				}
				nw++
			}
		}
	}
	if nw > slotWeights {
		s.mask[0] |= slotSpill
		copy(s.w[:nLabels], w[0][:])
		copy(s.w[nLabels:], w[1][:slotStage1])
		s.w[slotWeights-1] = math.Float32frombits(uint32(len(x.spill)))
		var rest [spillStride]float32
		copy(rest[:], w[1][slotStage1:])
		x.spill = append(x.spill, rest[:]...)
	}
}

// spilled returns the weights of stage 1 of the spilled slot s that its
// slot has no room for, those of the labels from slotStage1 on.
func (x *featIndex) spilled(s *featSlot) *[nLabels - slotStage1]float32 {
	o := int(math.Float32bits(s.w[slotWeights-1]))
	return (*[nLabels - slotStage1]float32)(x.spill[o : o+nLabels-slotStage1])
}

// addSpilled adds the weights of stage st of the spilled slot s to row.
func (x *featIndex) addSpilled(row *[nLabels]float32, s *featSlot, st int) {
	if st == 0 {
		for l, v := range (*[nLabels]float32)(s.w[:nLabels]) {
			row[l] += v
		}
		return
	}
	for l, v := range (*[slotStage1]float32)(s.w[nLabels : nLabels+slotStage1]) {
		row[l] += v
	}
	for l, v := range x.spilled(s) {
		row[slotStage1+l] += v
	}
}

// keys returns the keys of the features of x's stage, in increasing order.
func (x *featIndex) keys() []uint64 {
	var ks []uint64
	for i := range x.slots {
		if x.slots[i].mask[x.stage]&slotIn != 0 {
			ks = append(ks, x.slots[i].key)
		}
	}
	slices.Sort(ks)
	return ks
}

// view returns the index for the weights of stage s.
func (x *featIndex) view(s int) featIndex {
	v := *x
	v.stage = s
	return v
}

// find returns the slot of feature k, or nil.
func (x *featIndex) find(k uint64) *featSlot {
	if len(x.slots) == 0 {
		return nil
	}
	if b := filterBits(k); x.filter[(k*mulSlot)>>x.fshift]&b != b {
		return nil
	}
	return x.probe(k)
}

// probe is find of a feature k that the filter lets through, in an index
// with slots.
func (x *featIndex) probe(k uint64) *featSlot {
	mask := uint64(len(x.slots) - 1)
	for i := (k * mulSlot) >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.mask[0]|s.mask[1] == 0 {
			return nil
		}
		if s.key == k {
			return s
		}
	}
}

// get returns the weights of feature k in x's stage, and whether the
// stage has it.
func (x *featIndex) get(k uint64) ([nLabels]float32, bool) {
	var w [nLabels]float32
	s := x.find(k)
	if s == nil || s.mask[x.stage]&slotIn == 0 {
		return w, false
	}
	x.add(&w, s, x.stage)
	return w, true
}

// add adds the weights of stage st of slot s to row.
func (x *featIndex) add(row *[nLabels]float32, s *featSlot, st int) {
	if s.mask[0]&slotSpill != 0 {
		x.addSpilled(row, s, st)
		return
	}
	i := 0
	if st == 1 {
		i = bits.OnesCount16(s.mask[0] & labelMask)
	}
	for m := s.mask[st] & labelMask; m != 0; m &= m - 1 {
		row[bits.TrailingZeros16(m)] += s.w[i]
		i++
	}
}

// add2 adds the weights of stage 0 of slot s to row0, those of stage 1
// to row1.
func (x *featIndex) add2(row0, row1 *[nLabels]float32, s *featSlot) {
	if s.mask[0]&slotSpill != 0 {
		x.addSpilled(row0, s, 0)
		x.addSpilled(row1, s, 1)
		return
	}
	i := 0
	for m := s.mask[0] & labelMask; m != 0; m &= m - 1 {
		row0[bits.TrailingZeros16(m)] += s.w[i]
		i++
	}
	for m := s.mask[1] & labelMask; m != 0; m &= m - 1 {
		row1[bits.TrailingZeros16(m)] += s.w[i]
		i++
	}
}

// sum adds the weights of the features ks in x's stage to row, in the
// order of ks. It is fastest when touch brought them to the cache before.
func (x *featIndex) sum(row *[nLabels]float32, ks []uint64) {
	for _, k := range ks {
		if s := x.find(k); s != nil {
			x.add(row, s, x.stage)
		}
	}
}

// sum2 is sum for both stages at once: the weights of stage 0 go to row0,
// those of stage 1 to row1.
func (x *featIndex) sum2(row0, row1 *[nLabels]float32, ks []uint64) {
	for _, k := range ks {
		if s := x.find(k); s != nil {
			x.add2(row0, row1, s)
		}
	}
}

// sum2Passed is sum2 of features that the filter lets through (see
// touchPassed).
func (x *featIndex) sum2Passed(row0, row1 *[nLabels]float32, ks []uint64) {
	for _, k := range ks {
		if s := x.probe(k); s != nil {
			x.add2(row0, row1, s)
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
	if len(x.spill) == 0 {
		return sum
	}
	// Then the spilled weights of those whose slot says so (features
	// that most tokens have, as the bias).
	for _, k := range ks {
		p := k * mulSlot
		if b := filterBits(k); x.filter[p>>x.fshift]&b == b {
			if s := &x.slots[p>>x.shift]; s.key == k && s.mask[0]&slotSpill != 0 {
				sum += uint64(x.spill[math.Float32bits(s.w[slotWeights-1])])
			}
		}
	}
	return sum
}

// prefetch asks the processor to bring the slots of the features ks to its
// cache without waiting for them (see prefetchSlots), so that work done
// meanwhile overlaps their cache misses; touch waits for its reads.
func (x *featIndex) prefetch(ks []uint64) {
	if len(x.slots) != 0 && len(ks) != 0 {
		prefetchSlots(&x.slots[0], x.shift, ks)
	}
}

// touchPassed is touch of the features of several tokens, those of the
// t-th at ks[off[t]:off[t+1]], that also drops from ks the features that
// the filter rejects, moving off along, and returns the rest: their
// lookups (sum2Passed) then skip the filter, computed once a feature
// rather than three times. Their sums are those of all the features, to
// the bit, as the index has none of those dropped. The second result
// means nothing (see touch).
//
//go:noinline
func (x *featIndex) touchPassed(ks []uint64, off []int32) ([]uint64, uint64) {
	if len(x.slots) == 0 {
		clear(off)
		return ks[:0], 0
	}
	var sum uint64
	n := 0
	for t := 0; t+1 < len(off); t++ {
		lo, hi := off[t], off[t+1]
		off[t] = int32(n)
		for _, k := range ks[lo:hi] {
			p := k * mulSlot
			if b := filterBits(k); x.filter[p>>x.fshift]&b == b {
				sum += x.slots[p>>x.shift].key
				ks[n] = k
				n++
			}
		}
	}
	if len(off) > 0 {
		off[len(off)-1] = int32(n)
	}
	ks = ks[:n]
	if len(x.spill) == 0 {
		return ks, sum
	}
	for _, k := range ks {
		if s := &x.slots[(k*mulSlot)>>x.shift]; s.key == k && s.mask[0]&slotSpill != 0 {
			sum += uint64(x.spill[math.Float32bits(s.w[slotWeights-1])])
		}
	}
	return ks, sum
}
