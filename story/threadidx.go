package story

// threadIndex is the thread index (entity pair → threads) as chained lists
// without pointers, which the garbage collector need not scan, in place of
// a map of slices: heads maps a key to its list's latest entry and length,
// and each entry of ents holds a story and the entry added before it under
// the same key (noThreadEntry at the list's end). Entries cut off a list
// stay in ents unused.
type threadIndex struct {
	heads map[uint64]threadHead
	ents  []threadEnt
}

type threadHead struct {
	last int32 // index in ents of the latest entry
	n    int32 // entries in the list
}

type threadEnt struct {
	story int32
	prev  int32 // index in ents of the entry before, or noThreadEntry
}

const noThreadEntry = -1

func newThreadIndex() threadIndex {
	return threadIndex{heads: map[uint64]threadHead{}}
}

// add appends story to the list of k, then keeps only the latest keep/2
// entries of a list longer than keep (when keep > 0).
func (x *threadIndex) add(k uint64, story int32, keep int) {
	h, ok := x.heads[k]
	prev := int32(noThreadEntry)
	if ok {
		prev = h.last
	}
	x.ents = append(x.ents, threadEnt{story: story, prev: prev})
	h.last, h.n = int32(len(x.ents)-1), h.n+1
	if keep > 0 && int(h.n) > keep {
		h.n = int32(keep / 2)
		if h.n == 0 {
			delete(x.heads, k)
			return
		}
		e := h.last
		for range h.n - 1 {
			e = x.ents[e].prev
		}
		x.ents[e].prev = noThreadEntry
	}
	x.heads[k] = h
}

// appendList appends to dst the stories in the list of k, oldest first.
func (x *threadIndex) appendList(dst []int32, k uint64) []int32 {
	h, ok := x.heads[k]
	if !ok || h.n <= 0 {
		return dst
	}
	start := len(dst)
	for e := h.last; e != noThreadEntry; e = x.ents[e].prev {
		dst = append(dst, x.ents[e].story)
	}
	for i, j := start, len(dst)-1; i < j; i, j = i+1, j-1 {
		dst[i], dst[j] = dst[j], dst[i]
	}
	return dst
}

// threadIndexOf returns the index of the lists of m, as versions 1 and 2
// of Save wrote them.
func threadIndexOf(m map[uint64][]int32) threadIndex {
	x := threadIndex{heads: make(map[uint64]threadHead, len(m))}
	for k, p := range m {
		if len(p) == 0 {
			continue
		}
		for _, st := range p {
			x.add(k, st, 0)
		}
	}
	return x
}
