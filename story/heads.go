package story

import "math/bits"

// bucketHeads maps the LSH bucket keys of the near-duplicate window to the
// entries of the latest documents in their buckets (see bucketSlots). It
// is an open-addressing hash table (linear probing, deletion by moving
// back the entries after, never shrinking) whose slots hold each key with
// its entry: a lookup reads one slot, often a cache miss in a table this
// large, where a Go map reads its control word and then its slot. The keys
// are whole bucket keys, compared in full.
type bucketHeads struct {
	slots []headSlot // a power of two of them, or none
	shift uint       // 64 - log2(len(slots))
	n     int        // keys held
}

// headSlot is one slot of a bucketHeads: a key and its entry plus one, 0
// for an empty slot.
type headSlot struct {
	key uint64
	e1  int64
}

// newBucketHeads returns a table with room for n keys.
func newBucketHeads(n int) bucketHeads {
	size := 64
	for size*3 < n*4 {
		size *= 2
	}
	var t bucketHeads
	t.resize(size)
	return t
}

// home returns the slot where the probe for k starts. Bucket keys come
// out of mix64, but a multiplication spreads keys of any kind over the
// top bits it takes.
func (t *bucketHeads) home(k uint64) int {
	return int((k * 0x9e3779b97f4a7c15) >> t.shift)
}

// find returns the slot of k, or the empty slot where k would go.
func (t *bucketHeads) find(k uint64) int {
	mask := len(t.slots) - 1
	i := t.home(k)
	for t.slots[i].e1 != 0 && t.slots[i].key != k {
		i = (i + 1) & mask
	}
	return i
}

// get returns the entry of k.
func (t *bucketHeads) get(k uint64) (int64, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	sl := &t.slots[t.find(k)]
	return sl.e1 - 1, sl.e1 != 0
}

// slot returns the slot of k, valid until the next call, which holds
// k's entry plus one, or 0 when k had none: then the caller must set it
// (to a positive value), as the slot is k's.
func (t *bucketHeads) slot(k uint64) *headSlot {
	if len(t.slots) == 0 {
		t.resize(64)
	}
	i := t.find(k)
	if t.slots[i].e1 == 0 {
		if (t.n+1)*4 > len(t.slots)*3 { // more than 3/4 full with k: grow
			t.resize(2 * len(t.slots))
			i = t.find(k)
		}
		t.slots[i].key = k
		t.n++
	}
	return &t.slots[i]
}

// deleteIf deletes k when its entry is e.
func (t *bucketHeads) deleteIf(k uint64, e int64) {
	if len(t.slots) == 0 {
		return
	}
	i := t.find(k)
	if t.slots[i].e1 != e+1 {
		return
	}
	// Empty slot i, then move back into it the first later key of the
	// run whose probe starts at i or before it (cyclically), until the
	// run's end.
	mask := len(t.slots) - 1
	for j := i; ; {
		t.slots[i] = headSlot{}
		for {
			j = (j + 1) & mask
			if t.slots[j].e1 == 0 {
				t.n--
				return
			}
			if h := t.home(t.slots[j].key); (j-h)&mask >= (j-i)&mask {
				break
			}
		}
		t.slots[i] = t.slots[j]
		i = j
	}
}

// resize moves the keys into a table of size slots, a power of two.
func (t *bucketHeads) resize(size int) {
	old := t.slots
	t.slots, t.shift, t.n = make([]headSlot, size), uint(64-bits.TrailingZeros(uint(size))), 0
	for _, sl := range old {
		if sl.e1 != 0 {
			t.slots[t.find(sl.key)] = sl
			t.n++
		}
	}
}
