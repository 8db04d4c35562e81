package entity

import "math"

// Pruned returns a tagger like t without its weak features: those whose
// largest weight in absolute value, over the labels of both stages, is
// under thr. A feature either stays in both stages or leaves both (the
// feature index holds both stages' weights of a feature in one slot).
// Save writes only the features kept, and inLexicon knows only the words
// whose form feature was kept. thr <= 0 returns t.
//
// Most features of a trained model come from few training updates and
// have small weights; dropping them shrinks the model and its feature
// index, whose lookups cost cache misses, for a small cost in F1 (see
// MODEL.md).
func (t *Tagger) Pruned(thr float32) *Tagger {
	if thr <= 0 {
		return t
	}
	stages := []*Tagger{t}
	if t.first != nil {
		stages = append(stages, t.first)
	}
	index := make([]map[uint64]int32, len(stages))
	for i, s := range stages {
		index[i] = s.featureMap()
	}
	largest := make(map[uint64]float32, len(index[0]))
	for i, s := range stages {
		for k, o := range index[i] {
			m := largest[k]
			for _, v := range s.w[o : o+nLabels] {
				m = max(m, float32(math.Abs(float64(v))))
			}
			largest[k] = m
		}
	}
	pruned := func(s *Tagger, index map[uint64]int32) *Tagger {
		p := &Tagger{gaz: s.gaz, trans: s.trans, index: map[uint64]int32{}}
		for k, o := range index {
			if largest[k] >= thr {
				p.index[k] = int32(len(p.w))
				p.w = append(p.w, s.w[o:o+nLabels]...)
			}
		}
		return p
	}
	p := pruned(t, index[0])
	p.words = t.words
	if t.first != nil {
		p.first = pruned(t.first, index[1])
	}
	p.prepare()
	return p
}

// Features returns how many features t has (in either stage).
func (t *Tagger) Features() int {
	index := t.featureMap()
	n := len(index)
	if t.first != nil {
		for k := range t.first.featureMap() {
			if _, ok := index[k]; !ok {
				n++
			}
		}
	}
	return n
}
