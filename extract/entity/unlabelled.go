package entity

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"github.com/marsad/marsad/ingest"
)

// WordStats are word features learned from unlabelled text: distributional
// clusters (words that occur in similar contexts share a cluster), how often
// a word takes the article ال, and how frequent it is. Names rarely take ال
// and cluster together, which helps with names never seen in training.
type WordStats struct {
	packed map[string]uint32 // normalized word -> packed features (see pack)
	words  []string          // frequent raw word forms, most frequent first
}

// Packed word features: fine cluster+1 (12 bits), coarse cluster+1 (6 bits),
// ال-ratio bucket+1 (4 bits), frequency bucket+1 (4 bits); 0 is unknown.
func pack(fine, coarse, ratio, freq int) uint32 {
	return uint32(fine+1) | uint32(coarse+1)<<12 | uint32(ratio+1)<<18 | uint32(freq+1)<<22
}

func unpackFine(p uint32) uint16  { return uint16(p & 0xfff) }
func unpackCoarse(p uint32) uint8 { return uint8(p >> 12 & 0x3f) }
func unpackRatio(p uint32) uint8  { return uint8(p >> 18 & 0xf) }
func unpackFreq(p uint32) uint8   { return uint8(p >> 22 & 0xf) }

// StatsOptions configure BuildWordStats.
type StatsOptions struct {
	Vocab    int    // words clustered (most frequent first); 0 means 40000
	Context  int    // context words (most frequent tokens); 0 means 400
	Fine     int    // fine clusters; 0 means 256
	Coarse   int    // coarse clusters; 0 means 32
	MinCount int    // least count of a clustered word; 0 means 5
	Known    int    // raw word forms kept for fast tagging; 0 means 30000
	Seed     uint64 // seed of the projection and of k-means
}

// ReadSaudiNewsNet calls fn with the content of each article of the
// SaudiNewsNet zips (JSON arrays of objects with a "content" field) in dir,
// read with [ingest.Read]. Articles that cannot be read (such as one with
// empty content) are skipped; it is an error when none can be read.
func ReadSaudiNewsNet(ctx context.Context, dir string, fn func(text string)) error {
	opts := ingest.Options{
		TextField: "content",
		DateField: "date_extracted",
		Logger:    slog.New(slog.DiscardHandler),
	}
	read, failed := 0, 0
	var firstErr error
	for it := range ingest.Read(ctx, dir, opts) {
		if it.Err != nil {
			if failed == 0 {
				firstErr = it.Err
			}
			failed++
			continue
		}
		read++
		fn(it.Article.Text)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if read == 0 {
		if firstErr != nil {
			return fmt.Errorf("read %s: no article (%d failed, first: %w)", dir, failed, firstErr)
		}
		return fmt.Errorf("read %s: no article", dir)
	}
	return nil
}

// BuildWordStats learns word statistics from texts (called once per text by
// each).
func BuildWordStats(ctx context.Context, each func(fn func(text string)) error, opt StatsOptions) (*WordStats, error) {
	def := func(p *int, v int) {
		if *p <= 0 {
			*p = v
		}
	}
	def(&opt.Vocab, 40000)
	def(&opt.Context, 400)
	def(&opt.Fine, 256)
	def(&opt.Coarse, 32)
	def(&opt.MinCount, 5)
	def(&opt.Known, 30000)
	ids := map[string]int32{}
	var names []string
	var freq []int
	rawCount := map[string]int{}
	var seq []int32 // token ids, -1 between texts
	err := each(func(text string) {
		for _, tk := range Tokenize(text) {
			rawCount[tk.Text]++
			n := normalize(tk.Text)
			id, ok := ids[n]
			if !ok {
				id = int32(len(names))
				ids[n] = id
				names = append(names, n)
				freq = append(freq, 0)
			}
			freq[id]++
			seq = append(seq, id)
		}
		seq = append(seq, -1)
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	byFreq := make([]int32, len(names))
	for i := range byFreq {
		byFreq[i] = int32(i)
	}
	slices.SortStableFunc(byFreq, func(a, b int32) int { return freq[b] - freq[a] })
	ctxIdx := make([]int32, len(names)) // id -> context dimension, -1 if none
	for i := range ctxIdx {
		ctxIdx[i] = -1
	}
	for i, id := range byFreq[:min(opt.Context, len(byFreq))] {
		ctxIdx[id] = int32(i)
	}
	row := make([]int32, len(names)) // id -> vocabulary row, -1 if none
	for i := range row {
		row[i] = -1
	}
	var vocab []int32
	for _, id := range byFreq {
		if len(vocab) == opt.Vocab || freq[id] < opt.MinCount {
			break
		}
		if isPunct(names[id]) {
			continue
		}
		row[id] = int32(len(vocab))
		vocab = append(vocab, id)
	}
	dims := 2 * opt.Context
	m := make([]float32, len(vocab)*dims)
	for i, id := range seq {
		if id < 0 || row[id] < 0 {
			continue
		}
		base := int(row[id]) * dims
		if i > 0 && seq[i-1] >= 0 && ctxIdx[seq[i-1]] >= 0 {
			m[base+int(ctxIdx[seq[i-1]])]++
		}
		if i+1 < len(seq) && seq[i+1] >= 0 && ctxIdx[seq[i+1]] >= 0 {
			m[base+opt.Context+int(ctxIdx[seq[i+1]])]++
		}
	}
	// Positive pointwise mutual information, then rows to unit length.
	rowSum := make([]float64, len(vocab))
	colSum := make([]float64, dims)
	var total float64
	for r := range vocab {
		for c := 0; c < dims; c++ {
			x := float64(m[r*dims+c])
			rowSum[r] += x
			colSum[c] += x
			total += x
		}
	}
	for r := range vocab {
		for c := 0; c < dims; c++ {
			x := float64(m[r*dims+c])
			if x == 0 {
				continue
			}
			pmi := math.Log(x * total / (rowSum[r] * colSum[c]))
			m[r*dims+c] = float32(max(pmi, 0))
		}
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x636c7573))
	const proj = 128
	R := make([]float32, dims*proj)
	for i := range R {
		R[i] = float32(rng.NormFloat64())
	}
	X := make([]float32, len(vocab)*proj)
	for r := range vocab {
		x := X[r*proj : (r+1)*proj]
		for c := 0; c < dims; c++ {
			v := m[r*dims+c]
			if v == 0 {
				continue
			}
			rc := R[c*proj : (c+1)*proj]
			for k := range x {
				x[k] += v * rc[k]
			}
		}
		unit(x)
	}
	m = nil
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	fine := kmeans(X, proj, opt.Fine, 15, rng)
	// Coarse clusters group the fine centroids.
	cent := centroids(X, proj, fine, opt.Fine)
	coarseOfFine := kmeans(cent, proj, opt.Coarse, 20, rng)

	ws := &WordStats{packed: map[string]uint32{}}
	bucket := func(n int) int { // frequency bucket: log2 of the count, capped
		b := 0
		for n > 1 && b < 14 {
			n >>= 1
			b++
		}
		return b
	}
	ratioOf := func(w string) int {
		if strings.HasPrefix(w, "ال") {
			return -1
		}
		a, b := 0, 0
		if id, ok := ids[w]; ok {
			a = freq[id]
		}
		if id, ok := ids["ال"+w]; ok {
			b = freq[id]
		}
		if a+b < opt.MinCount {
			return -1
		}
		return min(int(10*float64(b)/float64(a+b)), 9) / 2 // 0..4
	}
	for r, id := range vocab {
		w := names[id]
		f := fine[r]
		ws.packed[w] = pack(f, coarseOfFine[f], ratioOf(w), bucket(freq[id]))
	}
	raws := make([]string, 0, len(rawCount))
	for w, n := range rawCount {
		if n >= opt.MinCount && !isPunct(w) {
			raws = append(raws, w)
		}
	}
	slices.SortFunc(raws, func(a, b string) int {
		if d := rawCount[b] - rawCount[a]; d != 0 {
			return d
		}
		return strings.Compare(a, b)
	})
	ws.words = raws[:min(len(raws), opt.Known)]
	return ws, nil
}

func unit(x []float32) {
	var s float64
	for _, v := range x {
		s += float64(v) * float64(v)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for k := range x {
		x[k] *= inv
	}
}

// kmeans clusters the unit rows of X (n×d) into k groups by cosine
// similarity (spherical k-means) and returns each row's cluster.
func kmeans(X []float32, d, k, iters int, rng *rand.Rand) []int {
	n := len(X) / d
	k = min(k, n)
	assign := make([]int, n)
	if k == 0 {
		return assign
	}
	// k-means++ seeding: each next centre is drawn with probability
	// proportional to the distance to the nearest centre chosen so far.
	C := make([]float32, k*d)
	dist := make([]float64, n)
	for i := range dist {
		dist[i] = math.Inf(1)
	}
	next := rng.IntN(n)
	for j := 0; j < k; j++ {
		c := C[j*d : (j+1)*d]
		copy(c, X[next*d:(next+1)*d])
		var total float64
		for i := 0; i < n; i++ {
			var s float32
			for t, v := range X[i*d : (i+1)*d] {
				s += v * c[t]
			}
			dist[i] = min(dist[i], max(0, 1-float64(s)))
			total += dist[i]
		}
		if total == 0 {
			next = rng.IntN(n)
			continue
		}
		x := rng.Float64() * total
		for i := 0; i < n; i++ {
			x -= dist[i]
			if x <= 0 {
				next = i
				break
			}
		}
	}
	for it := 0; it < iters; it++ {
		for i := 0; i < n; i++ {
			x := X[i*d : (i+1)*d]
			best, arg := float32(math.Inf(-1)), 0
			for j := 0; j < k; j++ {
				c := C[j*d : (j+1)*d]
				var s float32
				for t := range x {
					s += x[t] * c[t]
				}
				if s > best {
					best, arg = s, j
				}
			}
			assign[i] = arg
		}
		C = centroids(X, d, assign, k)
	}
	return assign
}

// centroids returns the unit mean of the rows of each cluster.
func centroids(X []float32, d int, assign []int, k int) []float32 {
	C := make([]float32, k*d)
	for i, a := range assign {
		c := C[a*d : (a+1)*d]
		for t, v := range X[i*d : (i+1)*d] {
			c[t] += v
		}
	}
	for j := 0; j < k; j++ {
		unit(C[j*d : (j+1)*d])
	}
	return C
}

// ReadWordStats builds word statistics from the SaudiNewsNet zips in dir.
func ReadWordStats(ctx context.Context, dir string, opt StatsOptions) (*WordStats, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	return BuildWordStats(ctx, func(fn func(string)) error { return ReadSaudiNewsNet(ctx, dir, fn) }, opt)
}
