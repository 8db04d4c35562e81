package story

import (
	"math"
	"slices"
)

// feat is one weighted feature (an interned term or entity).
type feat struct {
	ID uint32
	W  float32
}

// vec is a sparse vector sorted by feature id.
type vec []feat

// norm returns the Euclidean norm of v.
func (v vec) norm() float64 {
	var s float64
	for _, f := range v {
		s += float64(f.W) * float64(f.W)
	}
	return math.Sqrt(s)
}

// dot returns the inner product of two sorted vectors.
func dot(a, b vec) float64 {
	var s float64
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			s += float64(a[i].W) * float64(b[j].W)
			i++
			j++
		}
	}
	return s
}

// dotDense returns the inner product of a vector given by its weights by
// feature id, dense, and a sorted vector b. It sums the products in the
// order dot does, adding zeros between, so that it returns the same value.
func dotDense(a []float32, b vec) float64 {
	var s float64
	for _, f := range b {
		s += float64(a[f.ID]) * float64(f.W)
	}
	return s
}

// cosineNorm returns the cosine similarity of a and b, whose norms are na
// and nb (0 if either is empty).
func cosineNorm(a vec, na float64, b vec, nb float64) float64 {
	if na == 0 || nb == 0 {
		return 0
	}
	return dot(a, b) / (na * nb)
}

// appendSum appends a + b (both sorted) to out.
func appendSum(out, a, b vec) vec {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i].ID < b[j].ID):
			out = append(out, a[i])
			i++
		case i >= len(a) || a[i].ID > b[j].ID:
			out = append(out, b[j])
			j++
		default:
			out = append(out, feat{a[i].ID, a[i].W + b[j].W})
			i++
			j++
		}
	}
	return out
}

// heavier orders features heaviest first, ties by id: a total order, so
// that any selection or sort by it gives the same result.
func heavier(a, b feat) int {
	switch {
	case a.W > b.W:
		return -1
	case a.W < b.W:
		return 1
	}
	return int64cmp(int64(a.ID), int64(b.ID))
}

func byID(a, b feat) int { return int64cmp(int64(a.ID), int64(b.ID)) }

// sortByID sorts v, whose ids differ, by id. It sorts keys of id and
// weight, which slices.Sort compares inline, rather than calling byID.
func sortByID(v vec) {
	var buf [256]uint64
	keys := buf[:0]
	if len(v) > len(buf) {
		keys = make([]uint64, 0, len(v))
	}
	for _, f := range v {
		keys = append(keys, uint64(f.ID)<<32|uint64(math.Float32bits(f.W)))
	}
	slices.Sort(keys)
	for i, k := range keys {
		v[i] = feat{uint32(k >> 32), math.Float32frombits(uint32(k))}
	}
}

// top returns the k heaviest features of v, sorted by id. v itself is
// returned when it has no more than k features; otherwise v is left as it
// was and the result is new.
func (v vec) top(k int) vec {
	if len(v) <= k {
		return v
	}
	return slices.Clone(v).topInPlace(k)
}

// topInPlace is top that reorders v and returns a prefix of it.
func (v vec) topInPlace(k int) vec {
	if len(v) <= k {
		return v
	}
	if k <= 0 {
		return v[:0]
	}
	selectHeaviest(v, k)
	v = v[:k]
	sortByID(v)
	return v
}

// selectHeaviest reorders v so that its k heaviest features (by heavier)
// come first, in no particular order; 0 < k < len(v).
func selectHeaviest(v vec, k int) {
	lo, hi := 0, len(v) // the k-th heaviest is in v[lo:hi]
	for hi-lo > 12 {
		// Median of three as the pivot, moved to v[hi-1].
		m := lo + (hi-lo)/2
		if heavier(v[m], v[lo]) < 0 {
			v[m], v[lo] = v[lo], v[m]
		}
		if heavier(v[hi-1], v[lo]) < 0 {
			v[hi-1], v[lo] = v[lo], v[hi-1]
		}
		if heavier(v[m], v[hi-1]) < 0 {
			v[m], v[hi-1] = v[hi-1], v[m]
		}
		p := v[hi-1]
		i := lo
		for j := lo; j < hi-1; j++ {
			if heavier(v[j], p) < 0 {
				v[i], v[j] = v[j], v[i]
				i++
			}
		}
		v[i], v[hi-1] = v[hi-1], v[i]
		switch {
		case i == k || i == k-1:
			return
		case i < k:
			lo = i + 1
		default:
			hi = i
		}
	}
	slices.SortFunc(v[lo:hi], heavier)
}

// byWeight returns the ids of v's features, heaviest first.
func (v vec) byWeight() []uint32 {
	return v.heaviest(len(v), nil)
}

// heaviest appends to dst the ids of v's n heaviest features, heaviest
// first. v is left as it was.
func (v vec) heaviest(n int, dst []uint32) []uint32 {
	return slices.Clone(v).heaviestInPlace(n, dst)
}

// heaviestInPlace is heaviest that reorders v.
func (v vec) heaviestInPlace(n int, dst []uint32) []uint32 {
	if n < len(v) {
		if n <= 0 {
			return dst
		}
		selectHeaviest(v, n)
		v = v[:n]
	}
	slices.SortFunc(v, heavier)
	for _, f := range v {
		dst = append(dst, f.ID)
	}
	return dst
}

// splitTo returns the parts of v whose features are, and are not,
// entities (isEntity[id] tells), in buf, which must have v's length.
func (v vec) splitTo(buf vec, isEntity []bool) (ents, terms vec) {
	ne := 0
	for _, f := range v {
		if isEntity[f.ID] {
			ne++
		}
	}
	ents, terms = buf[:0:ne], buf[ne:ne]
	for _, f := range v {
		if isEntity[f.ID] {
			ents = append(ents, f)
		} else {
			terms = append(terms, f)
		}
	}
	return ents, terms
}

func int64cmp(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// marks is a reusable set of small non-negative integers: those whose mark
// is the current generation.
type marks struct {
	mark []uint32
	gen  uint32
}

// reset empties the set and makes room for the integers below n.
func (m *marks) reset(n int) *marks {
	if len(m.mark) < n {
		m.mark = append(m.mark, make([]uint32, n-len(m.mark)+n/4)...)
	}
	m.gen++
	if m.gen == 0 { // wrapped around: forget every old mark
		clear(m.mark)
		m.gen = 1
	}
	return m
}

func (m *marks) has(i int) bool { return m.mark[i] == m.gen }
func (m *marks) add(i int)      { m.mark[i] = m.gen }
