package story

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestThreadIndexLikeMap checks the chained thread index against the map of
// slices it replaces (append, keep the latest keep/2 of a list longer than
// keep), and its round trip through the layout Save writes.
func TestThreadIndexLikeMap(t *testing.T) {
	for _, keep := range []int{0, 1, 2, 5, 8} {
		r := rand.New(rand.NewPCG(1, uint64(keep)))
		x := newThreadIndex()
		want := map[uint64][]int32{}
		for i := range 2000 {
			k := uint64(r.IntN(7))
			x.add(k, int32(i), keep)
			p := append(want[k], int32(i))
			if keep > 0 && len(p) > keep {
				p = slices.Clone(p[len(p)-keep/2:])
			}
			want[k] = p
		}
		for k := range uint64(8) {
			if got := x.appendList(nil, k); !slices.Equal(got, want[k]) {
				t.Errorf("keep %d: list %d = %v, want %v", keep, k, got, want[k])
			}
		}
		y := threadIndexOf(x.toMap())
		for k := range uint64(8) {
			if got := y.appendList(nil, k); !slices.Equal(got, want[k]) {
				t.Errorf("keep %d: list %d after the round trip = %v, want %v", keep, k, got, want[k])
			}
		}
	}
}

// toMap returns the lists as a map of slices, the layout versions 1 and 2
// of Save wrote.
func (x *threadIndex) toMap() map[uint64][]int32 {
	m := make(map[uint64][]int32, len(x.heads))
	for k := range x.heads {
		m[k] = x.appendList(nil, k)
	}
	return m
}
