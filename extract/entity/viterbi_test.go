package entity

import (
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/marsad/marsad/internal/cputime"
)

// plainViterbi is viterbi written plainly, label by label, for tests.
func plainViterbi(trans *[nLabels + 1][nLabels]float32, sc []float32, n int) []int {
	back := make([]uint8, n*nLabels)
	var prev, cur [nLabels]float32
	for l := range nLabels {
		prev[l] = trans[nLabels][l] + sc[l]
		if isInside(l) {
			prev[l] = float32(math.Inf(-1))
		}
	}
	for i := 1; i < n; i++ {
		for l := range nLabels {
			from := []int{0, 1, 2, 3, 4, 5, 6, 7, 8}
			if isInside(l) {
				from = []int{l - 1, l}
			}
			best, arg := prev[from[0]]+trans[from[0]][l], from[0]
			for _, p := range from[1:] {
				if s := prev[p] + trans[p][l]; s > best {
					best, arg = s, p
				}
			}
			cur[l] = best + sc[i*nLabels+l]
			back[i*nLabels+l] = uint8(arg)
		}
		prev = cur
	}
	out := make([]int, n)
	arg := 0
	for l := 1; l < nLabels; l++ {
		if prev[l] > prev[arg] {
			arg = l
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nLabels+arg])
	}
	return out
}

// TestViterbi checks viterbi against plainViterbi on random scores, some
// drawn from a few values so that paths tie (the first best must win).
func TestViterbi(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for k := range 2000 {
		draw := func() float32 { return r.Float32()*8 - 4 }
		if k%2 == 0 {
			draw = func() float32 { return float32(r.IntN(3) - 1) }
		}
		var trans [nLabels + 1][nLabels]float32
		for p := range trans {
			for l := range trans[p] {
				trans[p][l] = draw()
			}
		}
		n := 1 + r.IntN(40)
		sc := make([]float32, n*nLabels)
		for i := range sc {
			sc[i] = draw()
		}
		got := make([]int, n)
		viterbi(&trans, sc, n, make([]uint8, n*nLabels), got)
		if want := plainViterbi(&trans, sc, n); !slices.Equal(got, want) {
			t.Fatalf("case %d: viterbi %v, want %v", k, got, want)
		}
	}
}

// BenchmarkViterbi decodes the sentences of a day of SaudiNewsNet from the
// scores that tagDoc gives them, in both stages, and reports the process
// CPU time per token. It is skipped when ../shared is absent.
func BenchmarkViterbi(b *testing.B) {
	docs := julySentences(21)
	if len(docs) == 0 {
		b.Skip("no SaudiNewsNet articles in ../shared/data/saudinewsnet; skipping")
	}
	tg := defaultTagger(b)
	st := tg.getState()
	type sentence struct{ sc1, sc2 []float32 }
	var sents []sentence
	ntok := 0
	for _, d := range docs {
		tg.tagDoc(d, st)
		off := 0
		for _, ws := range d {
			m := len(ws)
			if m == 0 {
				continue
			}
			lo, hi := off*nLabels, (off+m)*nLabels
			sents = append(sents, sentence{slices.Clone(st.sc[lo:hi]), slices.Clone(st.sc2[lo:hi])})
			off += m
			ntok += m
		}
	}
	back := make([]uint8, 0)
	out := make([]int, 0)
	runtime.GC()
	cpu0 := cputime.Self()
	for b.Loop() {
		for _, s := range sents {
			n := len(s.sc1) / nLabels
			back = slices.Grow(back[:0], n*nLabels)[:n*nLabels]
			out = slices.Grow(out[:0], n)[:n]
			viterbi(&tg.first.trans, s.sc1, n, back, out)
			viterbi(&tg.trans, s.sc2, n, back, out)
		}
	}
	cpu := cputime.Self() - cpu0
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N*ntok), "cpu-ns/token")
	b.ReportMetric(0, "ns/op")
}
