package entity

// featIndex is an open-addressing hash table from feature hashes to weight
// offsets, faster than a Go map for this one job. It is built once and only
// read afterwards.
type featIndex struct {
	slots []featSlot
	shift uint
}

type featSlot struct {
	key uint64
	off int32 // -1 for an empty slot
}

func newFeatIndex(m map[uint64]int32) featIndex {
	bits := uint(4)
	for 1<<bits < 2*len(m) {
		bits++
	}
	x := featIndex{slots: make([]featSlot, 1<<bits), shift: 64 - bits}
	for i := range x.slots {
		x.slots[i].off = -1
	}
	mask := uint64(len(x.slots) - 1)
	for k, o := range m {
		i := (k * 0x9e3779b97f4a7c15) >> x.shift
		for x.slots[i].off >= 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = featSlot{k, o}
	}
	return x
}

// get returns the offset of feature k's weights.
func (x *featIndex) get(k uint64) (int32, bool) {
	if len(x.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(x.slots) - 1)
	for i := (k * 0x9e3779b97f4a7c15) >> x.shift; ; i = (i + 1) & mask {
		s := &x.slots[i]
		if s.off < 0 {
			return 0, false
		}
		if s.key == k {
			return s.off, true
		}
	}
}

// touch reads the first slot of each of the features ks, so that the
// lookups that follow find them in the processor's cache: the reads are
// independent of each other, so the processor overlaps their cache
// misses, where the lookups' probe loops would wait for one at a time.
// The result means nothing; it and noinline keep the reads from being
// optimized away.
//
//go:noinline
func (x *featIndex) touch(ks []uint64) int32 {
	if len(x.slots) == 0 {
		return 0
	}
	var sum int32
	for _, k := range ks {
		sum += x.slots[(k*0x9e3779b97f4a7c15)>>x.shift].off
	}
	return sum
}
