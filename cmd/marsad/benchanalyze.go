package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/cputime"
)

// errEnough stops reading the corpus once enough text is loaded.
var errEnough = errors.New("enough text")

func runBenchAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench analyze", "[--data DIR] [--runs N] [--mb MB]",
		`Measures the throughput (MB/s of UTF-8 text, one goroutine) of the Marsad
analyzer (tokenize, normalize, stopwords, stem) and of bleve v2's "ar"
analyzer (Lucene's Arabic analysis, Light-10 stemmer) on the same articles in
the same run, alternating them, and prints the medians and their ratio. The
articles come from the SaudiNewsNet corpus in DIR; when it is absent, from a
text of ours repeated.`)
	data := fs.String("data", defaultCorpus, "folder of SaudiNewsNet zips")
	runs := fs.Int("runs", 5, "number of timed runs of each analyzer")
	mb := fs.Int("mb", 8, "megabytes of text to analyze per run")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *runs < 1 || *mb < 1 {
		fmt.Fprintln(e.stderr, "marsad bench analyze: --runs and --mb must be at least 1")
		return errUsage
	}
	texts, source, err := benchTexts(ctx, *data, *mb)
	if err != nil {
		return err
	}
	var size int
	bytes := make([][]byte, len(texts)) // bleve analyzes []byte: convert outside the timing
	for i, t := range texts {
		size += len(t)
		bytes[i] = []byte(t)
	}
	ba, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		return fmt.Errorf("bleve ar analyzer: %w", err)
	}
	a := arabic.New(arabic.DefaultOptions())
	_ = a.Terms("تهيئة المعجم") // load the lexicon outside the timing

	fmt.Fprintf(e.stdout, "text: %.1f MB, %d articles from %s; %s, GOMAXPROCS %d\n",
		float64(size)/(1<<20), len(texts), source, runtime.Version(), runtime.GOMAXPROCS(0))
	// Wall-clock MB/s is what a user sees; MB per CPU second (user+system
	// time of the process, the garbage collector included) is steadier on
	// a machine shared with other work.
	var ours, theirs, oursCPU, theirsCPU []float64
	var nOurs, nTheirs int
	for r := 1; r <= *runs; r++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		runtime.GC() // start each run with no garbage of the other's
		c0 := cputime.Self()
		d, n := timeMarsad(a, texts)
		c1 := cputime.Self()
		nOurs = n
		ours, oursCPU = append(ours, mbps(size, d)), append(oursCPU, mbps(size, c1-c0))
		runtime.GC()
		c1 = cputime.Self()
		d, n = timeBleve(ba, bytes)
		c2 := cputime.Self()
		nTheirs = n
		theirs, theirsCPU = append(theirs, mbps(size, d)), append(theirsCPU, mbps(size, c2-c1))
		fmt.Fprintf(e.stdout, "run %d: marsad %7.1f MB/s (%7.1f MB/cpu-s)   bleve ar %7.1f MB/s (%7.1f MB/cpu-s)\n",
			r, ours[len(ours)-1], oursCPU[len(oursCPU)-1], theirs[len(theirs)-1], theirsCPU[len(theirsCPU)-1])
	}
	mo, mt := median(ours), median(theirs)
	co, ct := median(oursCPU), median(theirsCPU)
	fmt.Fprintf(e.stdout, "terms: marsad %d, bleve ar %d\n", nOurs, nTheirs)
	fmt.Fprintf(e.stdout, "median of %d runs, wall clock: marsad %.1f MB/s, bleve ar %.1f MB/s, ratio %.2fx\n", *runs, mo, mt, mo/mt)
	fmt.Fprintf(e.stdout, "median of %d runs, CPU time:   marsad %.1f MB/s, bleve ar %.1f MB/s, ratio %.2fx\n", *runs, co, ct, co/ct)
	return nil
}

func mbps(size int, d time.Duration) float64 {
	return float64(size) / (1 << 20) / d.Seconds()
}

// timeMarsad analyzes every text and returns the time taken and the number
// of search terms produced.
func timeMarsad(a *arabic.Analyzer, texts []string) (time.Duration, int) {
	var toks []arabic.Token
	n := 0
	start := time.Now()
	for _, t := range texts {
		toks = a.AppendAnalyzed(toks[:0], t)
		for i := range toks {
			if !toks[i].Stop && toks[i].Stem != "" {
				n++
			}
		}
	}
	return time.Since(start), n
}

func timeBleve(ba analysis.Analyzer, texts [][]byte) (time.Duration, int) {
	n := 0
	start := time.Now()
	for _, t := range texts {
		n += len(ba.Analyze(t))
	}
	return time.Since(start), n
}

// benchTexts loads about mb megabytes of article contents from the corpus
// in dir, or, when dir does not exist, our fallback text.
func benchTexts(ctx context.Context, dir string, mb int) ([]string, string, error) {
	if _, err := os.Stat(dir); err != nil {
		return fallbackTexts(mb), "our fallback text (corpus not found)", nil
	}
	var texts []string
	size := 0
	_, err := eachArticle(ctx, dir, func(_, content string) error {
		if size >= mb<<20 {
			return errEnough
		}
		texts = append(texts, content)
		size += len(content)
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return nil, "", err
	}
	return texts, dir, nil
}
