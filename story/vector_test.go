package story

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strconv"
	"testing"
)

// topBySort is top as a full sort does it: the reference for the selection.
func topBySort(v vec, k int) vec {
	c := slices.Clone(v)
	sort.Slice(c, func(i, j int) bool {
		if c[i].W != c[j].W {
			return c[i].W > c[j].W
		}
		return c[i].ID < c[j].ID
	})
	c = c[:min(k, len(c))]
	slices.SortFunc(c, byID)
	return c
}

// TestTopSelection checks top and heaviest against a full sort on random
// vectors, with many equal weights, for every k.
func TestTopSelection(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name    string
		n       int
		weights int // distinct weights (few: many ties)
	}{
		{"empty", 0, 1},
		{"one", 1, 1},
		{"small, ties", 9, 3},
		{"medium", 40, 1000},
		{"medium, ties", 40, 4},
		{"large", 300, 1 << 20},
		{"large, ties", 300, 7},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ids := r.Perm(tc.n * 3)[:tc.n]
			v := make(vec, tc.n)
			for i := range v {
				v[i] = feat{uint32(ids[i]), float32(r.IntN(tc.weights))}
			}
			orig := slices.Clone(v)
			for k := 0; k <= tc.n+1; k++ {
				want := topBySort(v, k)
				got := v.top(k)
				if len(v) > k && !slices.Equal(got, want) {
					t.Fatalf("top(%d) = %v, want %v", k, got, want)
				}
				if !slices.Equal(v, orig) {
					t.Fatalf("top(%d) changed its vector", k)
				}
				// heaviest: ids heaviest first.
				all := slices.Clone(v)
				slices.SortFunc(all, heavier)
				wantIDs := []uint32{}
				for _, f := range all[:min(k, len(all))] {
					wantIDs = append(wantIDs, f.ID)
				}
				if gotIDs := v.heaviest(k, nil); !slices.Equal(gotIDs, wantIDs) && !(k == 0 && len(gotIDs) == 0) {
					t.Fatalf("heaviest(%d) = %v, want %v", k, gotIDs, wantIDs)
				}
			}
		})
	}
}

// TestMarks checks that a reset set holds only what was added since, across
// growth and the wrap-around of its generation counter.
func TestMarks(t *testing.T) {
	var m marks
	tests := []struct {
		name string
		gen  uint32 // generation before the reset
		n    int
		add  []int
	}{
		{"empty", 0, 0, nil},
		{"first", 0, 4, []int{0, 3}},
		{"grows", 1, 100, []int{99, 5}},
		{"same size", 2, 100, []int{0}},
		{"wraps around", ^uint32(0), 100, []int{7}},
		{"after wrap", 1, 100, []int{3, 99}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m.gen = tt.gen
			s := m.reset(tt.n)
			for _, i := range tt.add {
				s.add(i)
			}
			for i := range tt.n {
				if want := slices.Contains(tt.add, i); s.has(i) != want {
					t.Errorf("has(%d) = %v, want %v", i, s.has(i), want)
				}
			}
		})
	}
}

// TestTF checks the remembered TF factors against their definition, for
// whole counts on both sides of the memo's bound and for counts with a
// fraction (a title weight that is not whole).
func TestTF(t *testing.T) {
	var s state
	for _, n := range []float64{1, 2, 3, 7.5, 100, tfMemoSize - 1, tfMemoSize, 1000, 0.5} {
		if got, want := s.tf(n), 1+math.Log(n); got != want {
			t.Errorf("tf(%v) = %v, want %v", n, got, want)
		}
	}
}

// TestThreadParts checks partNorms and appendTopPart against the parts
// threadKeys splits from a centroid: the same norms, bit for bit, and the
// same top features, on random centroids with few or many entities and
// many equal weights.
func TestThreadParts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 500 {
		n := r.IntN(60)
		s := &state{Cfg: DefaultConfig(), entity: make([]bool, 4*n+1)}
		for i := range s.entity {
			s.entity[i] = r.IntN(4) == 0 || round%5 == 0 && r.IntN(8) != 0
		}
		var c vec
		for _, id := range r.Perm(len(s.entity))[:n] {
			c = append(c, feat{uint32(id), float32(r.IntN(1+round%9)) / 3})
		}
		sortByID(c)
		ents, terms := c.splitTo(make(vec, len(c)), s.entity)
		en, tn, ne := s.partNorms(c)
		if ne != len(ents) || math.Float64bits(en) != math.Float64bits(ents.norm()) || math.Float64bits(tn) != math.Float64bits(terms.norm()) {
			t.Fatalf("round %d: norms %v %v (%d entities), want %v %v (%d)", round, en, tn, ne, ents.norm(), terms.norm(), len(ents))
		}
		// thread's top entities of a story are of its terms when it has
		// fewer than two entities.
		real := ne >= 2
		if _, _, want := s.threadKeys(&cluster{Centroid: c}, new(vec)); real != want {
			t.Fatalf("round %d: %d entities, real %v", round, ne, want)
		}
		part := terms
		if real {
			part = ents
		}
		for k := range 8 {
			want := slices.Clone(part).topInPlace(k)
			got := appendTopPart(nil, c, k, s.entity, real)
			if !slices.IsSortedFunc(got, heavier) {
				t.Fatalf("round %d, k %d: %v not heaviest first", round, k, got)
			}
			sortByID(got)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, k %d: top %v, want %v", round, k, got, want)
			}
		}
	}
}

// TestPow15 checks pow15 against math.Pow bit for bit: on IDF factors of
// document frequencies up to a million documents, on random numbers from 1
// to 2^600 and around powers of two, and on what it hands to math.Pow.
func TestPow15(t *testing.T) {
	check := func(x float64) {
		t.Helper()
		if got, want := pow15(x), math.Pow(x, 1.5); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("pow15(%v) = %v, want %v", x, got, want)
		}
	}
	for _, n := range []uint32{1, 2, 10, 999, 20000, 1 << 20} {
		s := state{N: n, Cfg: Config{IDFPower: 1}}
		for df := uint32(0); df <= n; df += 1 + df/64 {
			check(s.computeIDF(df))
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		check(1 + r.Float64()*63)
		check(math.Ldexp(1+r.Float64(), r.IntN(600)))
	}
	for e := range 600 {
		x := math.Ldexp(1, e)
		check(x)
		check(math.Nextafter(x, 0))
		check(math.Nextafter(x, math.Inf(1)))
	}
	for _, x := range []float64{0, 0.5, math.Nextafter(1, 0), -1, math.Inf(1), math.NaN(), math.MaxFloat64, math.SmallestNonzeroFloat64} {
		check(x)
	}
}

// TestEntityMemo checks that entityFeatures, across generations of its
// memo, gives the features newEntityFeatures computes, and keeps at most
// maxEntityMemo names a generation.
func TestEntityMemo(t *testing.T) {
	memo, plain := newState(DefaultConfig()), newState(DefaultConfig())
	const names = 3 * maxEntityMemo
	for i := range 4 * maxEntityMemo {
		// Names seen again soon, later, and much later.
		n := i % 97
		if i%3 > 0 {
			n = (i * 7919) % names
		}
		e := "وزير " + strconv.Itoa(n)
		got, want := memo.entityFeatures(e), plain.newEntityFeatures(e)
		if !slices.Equal(got, want) {
			t.Fatalf("name %d (%q): features %v, want %v", i, e, got, want)
		}
		if len(memo.entityIDs) > maxEntityMemo || len(memo.oldEntityIDs) > maxEntityMemo {
			t.Fatalf("name %d: memo of %d and %d names", i, len(memo.entityIDs), len(memo.oldEntityIDs))
		}
	}
	if !slices.Equal(memo.Names, plain.Names) {
		t.Errorf("vocabularies differ")
	}
}
