package entity

import (
	"math"
	"slices"
	"testing"
)

// TestPruned checks Tagger.Pruned against its definition on the embedded
// model: a feature is kept, in every stage that has it and with its
// weights, exactly when one of its weights in either stage is at least the
// threshold in absolute value; pruning again changes nothing, and the
// pruned model survives Save and Load, its weights to the bit. The
// embedded model is pruned at DefaultPrune already.
func TestPruned(t *testing.T) {
	tg := defaultTagger(t)
	if tg.first == nil {
		t.Fatal("the embedded model has one stage: the test wants two")
	}
	tgIndex := map[*Tagger]map[uint64]int32{tg: tg.featureMap(), tg.first: tg.first.featureMap()}
	strong := func(k uint64, thr float32) bool {
		for _, s := range []*Tagger{tg, tg.first} {
			if o, ok := tgIndex[s][k]; ok {
				for _, v := range s.w[o : o+nLabels] {
					if float32(math.Abs(float64(v))) >= thr {
						return true
					}
				}
			}
		}
		return false
	}
	for _, thr := range []float32{DefaultPrune + 0.5, 3} {
		p := tg.Pruned(thr)
		for _, st := range [][2]*Tagger{{tg, p}, {tg.first, p.first}} {
			orig, pr := st[0], st[1]
			for k, o := range tgIndex[orig] {
				po, ok := pr.index[k]
				if ok != strong(k, thr) {
					t.Fatalf("thr %v: feature %x kept %v, strong %v", thr, k, ok, strong(k, thr))
				}
				if ok && !slices.Equal(pr.w[po:po+nLabels], orig.w[o:o+nLabels]) {
					t.Fatalf("thr %v: feature %x weights %v, want %v", thr, k, pr.w[po:po+nLabels], orig.w[o:o+nLabels])
				}
			}
			if len(pr.index) >= len(tgIndex[orig]) || pr.trans != orig.trans {
				t.Errorf("thr %v: %d of %d features kept, transitions kept %v", thr, len(pr.index), len(tgIndex[orig]), pr.trans == orig.trans)
			}
		}
		if n := p.Pruned(thr).Features(); n != p.Features() {
			t.Errorf("thr %v: pruning again keeps %d of %d features", thr, n, p.Features())
		}
		q := reload(t, p)
		for _, st := range [][2]*Tagger{{p, q}, {p.first, q.first}} {
			qIndex := st[1].featureMap()
			for k, o := range st[0].index {
				qo, ok := qIndex[k]
				if !ok || !slices.Equal(st[1].w[qo:qo+nLabels], st[0].w[o:o+nLabels]) {
					t.Fatalf("thr %v: feature %x saved with weights %v, loaded %v (%v)", thr, k, st[0].w[o:o+nLabels], st[1].w[qo:qo+nLabels], ok)
				}
			}
		}
		if q.Features() != p.Features() {
			t.Errorf("thr %v: %d features saved, %d loaded", thr, p.Features(), q.Features())
		}
		for _, w := range tg.words[:2000] {
			h := hashS(hashB(hashT(fNorm), window), w)
			if _, want := p.index[h]; p.inLexicon(w) != want {
				t.Errorf("thr %v: inLexicon(%q) = %v, the pruned map says %v", thr, w, !want, want)
			}
		}
	}
	if n := tg.Pruned(DefaultPrune).Features(); n != tg.Features() {
		t.Errorf("Pruned(DefaultPrune) keeps %d of the embedded model's %d features: is it pruned?", n, tg.Features())
	}
	if tg.Pruned(0) != tg {
		t.Error("Pruned(0) is not the tagger itself")
	}
}
