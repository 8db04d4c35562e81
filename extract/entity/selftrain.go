package entity

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"
)

// Self-training: a trained tagger labels unlabelled text, and the sentences
// it labels most confidently are added to the training data.

// Bounds on the sentences considered for self-training, in tokens.
const (
	selfMinLen = 5
	selfMaxLen = 60
)

// margins returns, for each token of a sentence with emission scores sc
// (n×nLabels), how much better the best label sequence scores than the
// best one that labels the token differently (max-sum forward-backward under
// the same constraints as viterbi). The buffers are reused.
func margins(trans *[nLabels + 1][nLabels]float32, sc []float32, n int, fwd, bwd, out []float32) ([]float32, []float32, []float32) {
	negInf := float32(math.Inf(-1))
	fwd = slices.Grow(fwd[:0], n*nLabels)[:n*nLabels]
	bwd = slices.Grow(bwd[:0], n*nLabels)[:n*nLabels]
	out = slices.Grow(out[:0], n)[:n]
	allowed := func(p, l int) bool { return !isInside(l) || p == l-1 || p == l }
	for l := range nLabels {
		fwd[l] = negInf
		if !isInside(l) {
			fwd[l] = trans[nLabels][l] + sc[l]
		}
	}
	for i := 1; i < n; i++ {
		for l := range nLabels {
			best := negInf
			for p := range nLabels {
				if allowed(p, l) {
					best = max(best, fwd[(i-1)*nLabels+p]+trans[p][l])
				}
			}
			fwd[i*nLabels+l] = best + sc[i*nLabels+l]
		}
	}
	for l := range nLabels {
		bwd[(n-1)*nLabels+l] = 0
	}
	for i := n - 2; i >= 0; i-- {
		for l := range nLabels {
			best := negInf
			for q := range nLabels {
				if allowed(l, q) {
					best = max(best, trans[l][q]+sc[(i+1)*nLabels+q]+bwd[(i+1)*nLabels+q])
				}
			}
			bwd[i*nLabels+l] = best
		}
	}
	for i := range n {
		first, second := negInf, negInf
		for l := range nLabels {
			s := fwd[i*nLabels+l] + bwd[i*nLabels+l]
			switch {
			case s > first:
				first, second = s, first
			case s > second:
				second = s
			}
		}
		out[i] = first - second
	}
	return fwd, bwd, out
}

// selfSent is a sentence labelled by a tagger, with its confidence.
type selfSent struct {
	margin float32
	seq    int // order of discovery, to break ties deterministically
	sent   Sentence
}

// selfHeap is a min-heap of sentences by margin.
type selfHeap []selfSent

func (h selfHeap) Len() int { return len(h) }
func (h selfHeap) Less(i, j int) bool {
	if h[i].margin != h[j].margin {
		return h[i].margin < h[j].margin
	}
	return h[i].seq > h[j].seq
}
func (h selfHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *selfHeap) Push(x any)   { *h = append(*h, x.(selfSent)) }
func (h *selfHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// selfLabel tags the texts given by each with t and returns the at most
// limit sentences (of selfMinLen to selfMaxLen tokens, holding at least one
// PER, ORG or LOC name) whose least token margin is largest, in the order
// they were read. Their tags are the tagger's (MISC included).
func (t *Tagger) selfLabel(ctx context.Context, each func(fn func(text string)) error, limit int) ([]Sentence, error) {
	var h selfHeap
	var fwd, bwd, marg []float32
	seq := 0
	// Fresh words for each text: the sentences kept point into them.
	err := t.tagTexts(ctx, each, false, func(sents [][]string, r docResult, st *tagState) {
		labels := slices.Clone(r.labels)
		off := 0
		for _, ws := range sents {
			n := len(ws)
			lo := off
			off += n
			if n < selfMinLen || n > selfMaxLen {
				continue
			}
			named := false
			for _, l := range labels[lo:off] {
				named = named || (l > 0 && l < 7)
			}
			if !named {
				continue
			}
			// The scores of the last stage, as decode computes them.
			st.sc = slices.Grow(st.sc[:0], n*nLabels)[:n*nLabels]
			t.emissions(r.infos[lo:off], st.ents[lo:off], 0, st)
			fwd, bwd, marg = margins(&t.trans, st.sc, n, fwd, bwd, marg)
			m := slices.Min(marg)
			if len(h) == limit && m <= h[0].margin {
				continue
			}
			tags := make([]string, n)
			for i, l := range labels[lo:off] {
				tags[i] = labelNames[l]
			}
			heap.Push(&h, selfSent{margin: m, seq: seq, sent: Sentence{Words: ws, Tags: tags}})
			seq++
			if len(h) > limit {
				heap.Pop(&h)
			}
		}
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(h, func(a, b selfSent) int { return a.seq - b.seq })
	out := make([]Sentence, len(h))
	for i, s := range h {
		out[i] = s.sent
	}
	return out, nil
}

// selfTrain labels the unlabelled texts with tg, adds the opt.SelfTrain
// most confident sentences to data with weight opt.SelfWeight and trains
// again.
func selfTrain(ctx context.Context, tg *Tagger, data []Sentence, gaz *gazetteer, words []string, opt TrainOptions) (*Tagger, error) {
	extra, err := tg.selfLabel(ctx, opt.Unlabelled, opt.SelfTrain)
	if err != nil {
		return nil, fmt.Errorf("self-training: %w", err)
	}
	if opt.Log != nil {
		opt.Log.Info("self-training", "sentences", len(extra))
	}
	wt := opt.SelfWeight
	if wt <= 0 {
		wt = 0.5
	}
	all := append(slices.Clone(data), extra...)
	opt.weights = make([]float32, len(all))
	for i := range opt.weights {
		opt.weights[i] = 1
		if i >= len(data) {
			opt.weights[i] = wt
		}
	}
	return trainStages(ctx, all, gaz, words, opt)
}
