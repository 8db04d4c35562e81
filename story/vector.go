package story

import (
	"math"
	"slices"
	"sort"
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

// cosine returns the cosine similarity of two vectors (0 if either is empty).
func cosine(a, b vec) float64 {
	na, nb := a.norm(), b.norm()
	if na == 0 || nb == 0 {
		return 0
	}
	return dot(a, b) / (na * nb)
}

// add returns a + b (both sorted).
func add(a, b vec) vec {
	out := make(vec, 0, len(a)+len(b))
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

// top returns the k heaviest features of v, sorted by id.
func (v vec) top(k int) vec {
	if len(v) <= k {
		return v
	}
	c := slices.Clone(v)
	sort.Slice(c, func(i, j int) bool {
		if c[i].W != c[j].W {
			return c[i].W > c[j].W
		}
		return c[i].ID < c[j].ID
	})
	c = c[:k]
	slices.SortFunc(c, func(a, b feat) int { return int64cmp(int64(a.ID), int64(b.ID)) })
	return c
}

// byWeight returns the ids of v's features, heaviest first.
func (v vec) byWeight() []uint32 {
	c := slices.Clone(v)
	sort.Slice(c, func(i, j int) bool {
		if c[i].W != c[j].W {
			return c[i].W > c[j].W
		}
		return c[i].ID < c[j].ID
	})
	ids := make([]uint32, len(c))
	for i, f := range c {
		ids[i] = f.ID
	}
	return ids
}

// split returns the parts of v whose features are, and are not, entities,
// in one allocation.
func (v vec) split(isEntity func(uint32) bool) (ents, terms vec) {
	ne := 0
	for _, f := range v {
		if isEntity(f.ID) {
			ne++
		}
	}
	if ne == 0 || ne == len(v) {
		if ne == 0 {
			return nil, slices.Clone(v)
		}
		return slices.Clone(v), nil
	}
	buf := make(vec, len(v))
	ents, terms = buf[:0:ne], buf[ne:ne]
	for _, f := range v {
		if isEntity(f.ID) {
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
