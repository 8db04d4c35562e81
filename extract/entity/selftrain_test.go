package entity

import (
	"context"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// bruteMargins computes margins by enumerating every allowed label
// sequence.
func bruteMargins(trans *[nLabels + 1][nLabels]float32, sc []float32, n int) []float32 {
	negInf := float32(math.Inf(-1))
	best := make([][nLabels]float32, n)
	for i := range best {
		for l := range best[i] {
			best[i][l] = negInf
		}
	}
	seq := make([]int, n)
	var rec func(i int)
	rec = func(i int) {
		if i == n {
			var s float32
			prev := nLabels
			for k, l := range seq {
				s += trans[prev][l] + sc[k*nLabels+l]
				prev = l
			}
			for k, l := range seq {
				best[k][l] = max(best[k][l], s)
			}
			return
		}
		for l := range nLabels {
			if isInside(l) && (i == 0 || (seq[i-1] != l && seq[i-1] != l-1)) {
				continue
			}
			seq[i] = l
			rec(i + 1)
		}
	}
	rec(0)
	out := make([]float32, n)
	for i := range best {
		s := slices.Clone(best[i][:])
		slices.Sort(s)
		out[i] = s[nLabels-1] - s[nLabels-2]
	}
	return out
}

func TestMargins(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var trans [nLabels + 1][nLabels]float32
	for p := range trans {
		for l := range trans[p] {
			trans[p][l] = float32(rng.NormFloat64())
		}
	}
	var fwd, bwd, got []float32
	for _, n := range []int{1, 2, 3, 4} {
		for range 5 {
			sc := make([]float32, n*nLabels)
			for i := range sc {
				sc[i] = float32(rng.NormFloat64() * 3)
			}
			fwd, bwd, got = margins(&trans, sc, n, fwd, bwd, got)
			want := bruteMargins(&trans, sc, n)
			for i := range want {
				if d := got[i] - want[i]; d > 1e-3 || d < -1e-3 {
					t.Fatalf("n=%d token %d: margin %v, want %v", n, i, got[i], want[i])
				}
			}
			for i := range n {
				if got[i] < 0 {
					t.Fatalf("n=%d token %d: negative margin %v", n, i, got[i])
				}
			}
		}
	}
}

func TestSelfLabel(t *testing.T) {
	var data []Sentence
	for range 5 {
		data = append(data,
			Sentence{Words: []string{"قال", "محمد", "علي", "في", "الرياض", "اليوم"}, Tags: []string{"O", "B-PER", "I-PER", "O", "B-LOC", "O"}},
			Sentence{Words: []string{"أعلنت", "وزارة", "الصحة", "في", "جدة", "أمس"}, Tags: []string{"O", "B-ORG", "I-ORG", "O", "B-LOC", "O"}})
	}
	tg, err := Train(context.Background(), data, TrainOptions{Epochs: 3, Seed: 1, Stages: 2, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"قال محمد علي في الرياض اليوم .\nأعلنت وزارة الصحة في جدة أمس .",
		"قصير جدا .\nكتب كتابا جديدا عن البحر والسماء والليل .",
		"قال محمد علي في جدة اليوم .",
	}
	each := func(fn func(string)) error {
		for _, s := range texts {
			fn(s)
		}
		return nil
	}
	for _, limit := range []int{1, 2, 10} {
		got, err := tg.selfLabel(context.Background(), each, limit)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) > limit {
			t.Errorf("limit %d: %d sentences", limit, len(got))
		}
		for _, s := range got {
			if len(s.Words) < selfMinLen || len(s.Words) != len(s.Tags) {
				t.Errorf("limit %d: bad sentence %q %q", limit, s.Words, s.Tags)
			}
			if len(spans(s.Tags)) == 0 {
				t.Errorf("limit %d: sentence without a name: %q %q", limit, s.Words, s.Tags)
			}
		}
	}
	// Self-training runs end to end and keeps a working tagger.
	tg2, err := Train(context.Background(), data, TrainOptions{Epochs: 3, Seed: 1, Stages: 2, Folds: 2, SelfTrain: 2, Unlabelled: each})
	if err != nil {
		t.Fatal(err)
	}
	if tags := tg2.Tag(data[0].Words); len(tags) != len(data[0].Words) {
		t.Errorf("self-trained tagger: %d tags for %d words", len(tags), len(data[0].Words))
	}
}
