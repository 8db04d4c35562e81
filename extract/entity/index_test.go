package entity

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"unsafe"
)

// TestFeatIndex checks that the index finds the weights of every feature
// and only those.
func TestFeatIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 7, 100, 5000} {
		m := make(map[uint64]int32, n)
		var w []float32
		for len(m) < n {
			k := r.Uint64()
			if n == 7 {
				k = uint64(len(m)) << 60 // keys that collide in the low bits
			}
			if _, ok := m[k]; ok {
				continue
			}
			m[k] = int32(len(w))
			for range nLabels {
				w = append(w, r.Float32()-0.5)
			}
		}
		x := newFeatIndex(featStage{index: m, w: w})
		for k, o := range m {
			ws, ok := x.get(k)
			if !ok {
				t.Fatalf("n=%d: feature %x not found", n, k)
			}
			if ws != [nLabels]float32(w[o:o+nLabels]) {
				t.Fatalf("n=%d: feature %x: weights %v, want %v", n, k, ws, w[o:o+nLabels])
			}
		}
		for range 10000 {
			k := r.Uint64()
			if _, in := m[k]; in {
				continue
			}
			if _, ok := x.get(k); ok {
				t.Fatalf("n=%d: feature %x found but not in the model", n, k)
			}
		}
	}
}

// TestFeatIndexModel checks the index of the embedded model against its
// map and weights (read with the map), and that sum adds their weights in
// order.
func TestFeatIndexModel(t *testing.T) {
	tg := indexedTagger(t)
	for _, s := range []*Tagger{tg, tg.first} {
		if s == nil {
			continue
		}
		var ks []uint64
		var want [nLabels]float32
		for k, o := range s.index {
			ws, ok := s.fx.get(k)
			if !ok || ws != [nLabels]float32(s.w[o:o+nLabels]) {
				t.Fatalf("feature %x: got %v %v, want %v", k, ws, ok, s.w[o:o+nLabels])
			}
			if len(ks) < 50 {
				ks = append(ks, k, k^1)
				for l := range want {
					want[l] += s.w[int(o)+l]
				}
				if _, in := s.index[k^1]; in {
					for l := range want {
						want[l] += s.w[int(s.index[k^1])+l]
					}
				}
			}
		}
		var row [nLabels]float32
		s.fx.sum(&row, ks)
		if row != want {
			t.Errorf("sum = %v, want %v", row, want)
		}
	}
}

// TestFeatIndexStages checks an index of two stages, where features with
// many non-zero weights spill some of them: get in each stage's view and
// sum2 give each stage's weights, to the bit.
func TestFeatIndexStages(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	st := randomStages(r, 3000, 4, 3, true)
	x := newFeatIndex(st[0], st[1])
	if len(x.spill) == 0 {
		t.Fatal("no feature spilled")
	}
	views := [2]featIndex{x, x.view(1)}
	for k := range uint64(3000) {
		var want [2][nLabels]float32
		for s := range st {
			o, in := st[s].index[k]
			if in {
				want[s] = [nLabels]float32(st[s].w[o : o+nLabels])
			}
			ws, ok := views[s].get(k)
			if ok != in || ws != want[s] {
				t.Fatalf("stage %d: feature %d: got %v %v, want %v %v", s, k, ws, ok, want[s], in)
			}
		}
		var rows [2][nLabels]float32
		x.sum2(&rows[0], &rows[1], []uint64{k})
		if rows != want {
			t.Fatalf("feature %d: sum2 = %v, want %v", k, rows, want)
		}
	}
}

// TestTouchPassed checks that touchPassed keeps each token's features that
// the filter lets through, in order, and that sum2Passed of what it keeps
// gives what sum2 of all the features gives, to the bit, in an index of
// two stages and in an empty one.
func TestTouchPassed(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	st := randomStages(r, 2000, 3, 2, false)
	for _, x := range []featIndex{newFeatIndex(st[0], st[1]), {}} {
		for range 500 {
			// Tokens of 0 to 7 features, known or not (keys past 2000
			// or random).
			var ks []uint64
			off := []int32{0}
			for range r.IntN(6) {
				for range r.IntN(8) {
					k := uint64(r.IntN(2400))
					if r.IntN(4) == 0 {
						k = r.Uint64()
					}
					ks = append(ks, k)
				}
				off = append(off, int32(len(ks)))
			}
			all, allOff := append([]uint64(nil), ks...), append([]int32(nil), off...)
			kept, _ := x.touchPassed(ks, off)
			for tok := 0; tok+1 < len(off); tok++ {
				var want, got [2][nLabels]float32
				x.sum2(&want[0], &want[1], all[allOff[tok]:allOff[tok+1]])
				x.sum2Passed(&got[0], &got[1], kept[off[tok]:off[tok+1]])
				if got != want {
					t.Fatalf("token %d of %v: sum2Passed %v, want %v", tok, all, got, want)
				}
				var passed []uint64
				for _, k := range all[allOff[tok]:allOff[tok+1]] {
					if len(x.slots) != 0 {
						if b := filterBits(k); x.filter[(k*mulSlot)>>x.fshift]&b == b {
							passed = append(passed, k)
						}
					}
				}
				if !slices.Equal(kept[off[tok]:off[tok+1]], passed) {
					t.Fatalf("token %d of %v: kept %v, want %v", tok, all, kept[off[tok]:off[tok+1]], passed)
				}
			}
		}
	}
}

// randomStages returns two stages' weights of features 0 to n-1: a stage
// lacks a feature one time in absent (the feature is the other stage's
// only, or of none), and a weight is non-zero one time in sparse. With
// dense, half the features have all their weights non-zero, so that the
// index spills some of them.
func randomStages(r *rand.Rand, n uint64, absent, sparse int, dense bool) [2]featStage {
	var st [2]featStage
	for s := range st {
		st[s].index = map[uint64]int32{}
	}
	for k := range n {
		for s := range st {
			if r.IntN(absent) == 0 {
				continue
			}
			st[s].index[k] = int32(len(st[s].w))
			full := dense && r.IntN(2) == 0
			for range nLabels {
				v := float32(0)
				if full || r.IntN(sparse) == 0 {
					v = r.Float32() - 0.5
				}
				st[s].w = append(st[s].w, v)
			}
		}
	}
	return st
}

// TestFeatIndexKeys checks that an index built from the stages' keys in
// order, as Load reads them, is the one built from their maps alone: for
// random stages, and for the embedded model, whose index Load built so.
func TestFeatIndexKeys(t *testing.T) {
	st := randomStages(rand.New(rand.NewPCG(9, 10)), 3000, 4, 3, true)
	want := newFeatIndex(st[0], st[1])
	for s := range st {
		st[s].keys = slices.Sorted(maps.Keys(st[s].index)) // randomStages adds them in order
	}
	if got := newFeatIndex(st[0], st[1]); !reflect.DeepEqual(got, want) {
		t.Error("random stages: the index from the keys differs from the index from the maps")
	}
	tg, ix := defaultTagger(t), indexedTagger(t)
	want = newFeatIndex(featStage{index: ix.index, w: ix.w}, featStage{index: ix.first.index, w: ix.first.w})
	if !reflect.DeepEqual(tg.fx, want) {
		t.Error("embedded model: the index Load built differs from the index from the maps")
	}
}

// indexedTagger returns the embedded model loaded with the index maps that
// Load leaves out, read from the file rather than from the feature index.
func indexedTagger(t testing.TB) *Tagger {
	t.Helper()
	tg, err := load(bytes.NewReader(embeddedModel), true)
	if err != nil {
		t.Fatal(err)
	}
	if tg.index == nil || tg.first == nil || tg.first.index == nil {
		t.Fatal("load with the index maps left one out, or the model has one stage")
	}
	return tg
}

// TestFeatureMap checks that Load leaves the index maps out, and that
// featureMap builds from the feature index the maps that the file has.
func TestFeatureMap(t *testing.T) {
	tg, ix := defaultTagger(t), indexedTagger(t)
	for _, st := range [][2]*Tagger{{tg, ix}, {tg.first, ix.first}} {
		if st[0].index != nil {
			t.Error("Load built an index map")
		}
		if got := st[0].featureMap(); !maps.Equal(got, st[1].index) || !slices.Equal(st[0].w, st[1].w) {
			t.Errorf("featureMap: %d features, the file %d", len(got), len(st[1].index))
		}
	}
}

// TestReadWeightsUnordered checks a model file whose features are out of
// order: Load reads them into the index map.
func TestReadWeightsUnordered(t *testing.T) {
	src := &Tagger{}
	var want []uint64
	for _, k := range []uint64{7, 3, 9, 3} { // 3 twice: the last one counts
		w := make([]float32, nLabels)
		w[int(k)%nLabels] = float32(k)
		src.w = append(src.w, w...)
		want = append(want, k)
	}
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	// As writeWeights, but in the order of want.
	for p := range src.trans {
		binary.Write(bw, binary.LittleEndian, src.trans[p])
	}
	binary.Write(bw, binary.LittleEndian, float32(1))
	bw.Write(binary.AppendUvarint(nil, uint64(len(want))))
	for i, k := range want {
		binary.Write(bw, binary.LittleEndian, k)
		binary.Write(bw, binary.LittleEndian, uint16(1)<<(int(k)%nLabels))
		binary.Write(bw, binary.LittleEndian, int16(src.w[i*nLabels+int(k)%nLabels]))
	}
	bw.Flush()
	var got Tagger
	keys, err := got.readWeights(bufio.NewReader(&buf), false)
	if err != nil || keys != nil || len(got.index) != 3 {
		t.Fatalf("readWeights: keys %v, %d features, %v", keys, len(got.index), err)
	}
	for k, o := range got.index {
		if got.w[int(o)+int(k)%nLabels] != float32(k) {
			t.Errorf("feature %d: weights %v", k, got.w[o:int(o)+nLabels])
		}
	}
	if got.index[3] != 3*nLabels {
		t.Errorf("feature 3 at %d, want the last one's, %d", got.index[3], 3*nLabels)
	}
}

// TestFeatSlotSize checks that a slot is 64 bytes, as prefetchSlots
// computes their addresses.
func TestFeatSlotSize(t *testing.T) {
	if n := unsafe.Sizeof(featSlot{}); n != 64 {
		t.Fatalf("featSlot is %d bytes, prefetchSlots assumes 64", n)
	}
}
