package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/ingest"
)

// A queryMix is what the load of "bench load" asks: a pool of query
// strings (URL-encoded parameters of /api/search) drawn with a Zipf
// distribution, as search logs are: a few queries are asked very often,
// most rarely. With s = 1.1 over 5,000 queries, about 85% of the requests
// go to the 1,000 most frequent ones.
type queryMix struct {
	pool []string
	zipf *rand.Zipf // nil: cycle through pool
}

// zipfS is the exponent of the query distribution.
const zipfS = 1.1

// newQueryMix draws from pool with a Zipf distribution of exponent s
// (s ≤ 1: cycle through the pool in order), seeded for repeatable runs.
func newQueryMix(pool []string, s float64, seed uint64) *queryMix {
	m := &queryMix{pool: pool}
	if s > 1 && len(pool) > 1 {
		m.zipf = rand.NewZipf(rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), s, 1, uint64(len(pool)-1))
	}
	return m
}

// next returns the i-th query of the load. It is not safe for concurrent
// use: the load's scheduler calls it from one goroutine.
func (m *queryMix) next(i int) string {
	if m.zipf == nil {
		return m.pool[i%len(m.pool)]
	}
	return m.pool[m.zipf.Uint64()]
}

// fixedQueries returns serveQueries URL-encoded.
func fixedQueries() []string {
	out := make([]string, len(serveQueries))
	for i, q := range serveQueries {
		u, _ := url.ParseQuery(q)
		out[i] = u.Encode()
	}
	return out
}

// corpusQueries builds a pool of n queries from the titles of the
// articles of corpus, in the proportions of a news desk's searches: one
// content word (60%), two words (20%), a quoted phrase of two adjacent
// words (10%), a word sorted by date or on a later page (10%). The order
// of the pool is shuffled with seed, so that the most frequent queries of
// the Zipf draw are not all from the first articles. The fixed queries
// come first in the pool: they stay the most frequent ones.
func corpusQueries(ctx context.Context, corpus string, n int, seed uint64) ([]string, error) {
	an := arabic.New(arabic.DefaultOptions())
	rng := rand.New(rand.NewPCG(seed, seed+1))
	seen := make(map[string]bool)
	var made []string
	add := func(v url.Values) {
		q := v.Encode()
		if !seen[q] {
			seen[q] = true
			made = append(made, q)
		}
	}
	var words []string
	for it := range ingest.Read(ctx, corpus, ingest.Options{TextField: "content"}) {
		if it.Err != nil {
			continue // the corpus's bad records are the ingest's business
		}
		words = words[:0]
		for _, t := range an.Analyze(it.Article.Title) {
			if t.Kind == arabic.Word && !t.Stop && len([]rune(t.Norm)) >= 3 {
				words = append(words, t.Text)
			}
		}
		if len(words) == 0 {
			continue
		}
		w := words[rng.IntN(len(words))]
		switch r := rng.IntN(10); {
		case r < 6:
			add(url.Values{"q": {w}})
		case r < 8 && len(words) > 1:
			add(url.Values{"q": {w + " " + words[rng.IntN(len(words))]}})
		case r < 9 && len(words) > 1:
			k := rng.IntN(len(words) - 1)
			add(url.Values{"q": {`"` + words[k] + " " + words[k+1] + `"`}})
		case rng.IntN(2) == 0:
			add(url.Values{"q": {w}, "sort": {"date"}})
		default:
			add(url.Values{"q": {w}, "page": {"2"}})
		}
		if len(made) >= n {
			break
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(made) == 0 {
		return nil, fmt.Errorf("query pool: no article titles with words in %s", corpus)
	}
	rng.Shuffle(len(made), func(i, j int) { made[i], made[j] = made[j], made[i] })
	pool := fixedQueries()
	for _, q := range made {
		if !slices.Contains(pool[:len(serveQueries)], q) {
			pool = append(pool, q)
		}
	}
	return pool, nil
}

// writeQueries writes a pool, one query per line.
func writeQueries(w io.Writer, pool []string) error {
	bw := bufio.NewWriter(w)
	for _, q := range pool {
		bw.WriteString(q)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// readQueries reads a pool written by writeQueries: one URL-encoded query
// per line; blank lines are skipped, and a line that does not parse as URL
// parameters with a q is an error naming the line.
func readQueries(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pool []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		v, err := url.ParseQuery(line)
		if err != nil || v.Get("q") == "" {
			return nil, fmt.Errorf("%s:%d: not a search query (URL parameters with q=)", path, n)
		}
		pool = append(pool, v.Encode())
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(pool) == 0 {
		return nil, fmt.Errorf("%s: no queries", path)
	}
	return pool, nil
}

// benchQueryFile builds the corpus pool of the serve benchmark and writes
// it to a temporary file, whose name it returns.
func benchQueryFile(ctx context.Context, corpus string, n int) (string, error) {
	pool, err := corpusQueries(ctx, corpus, n, 1)
	if err != nil {
		return "", err
	}
	f, err := os.CreateTemp("", "marsad-queries-*.txt")
	if err != nil {
		return "", err
	}
	if err := writeQueries(f, pool); err != nil {
		f.Close()
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), f.Close()
}
