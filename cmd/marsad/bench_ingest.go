package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar" // the stock "ar" analyzer, the peer we race
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/internal/cputime"
	"github.com/marsad/marsad/search"
)

// benchQueries are the queries timed on both sides.
var benchQueries = []string{
	"السعودية", "وزير الخارجية", `"ولي العهد"`, "النفط OR الطاقة", "الرياض -جدة",
	"الأمم المتحدة", "اليمن", "الحوثيين", "الاقتصاد", "كرة القدم", "إيران", "داعش",
	"المملكة العربية السعودية", "أسعار النفط", `"مجلس الوزراء"`, "التعليم",
}

// benchResult is what one side of the bench prints (as JSON) for its parent.
type benchResult struct {
	Side     string  `json:"side"`
	Articles int     `json:"articles"`
	Bytes    int64   `json:"bytes"`
	Seconds  float64 `json:"seconds"`
	CPU      float64 `json:"cpu_seconds"` // user + system time of the ingest
	// GCCPU is the part of CPU the Go runtime estimates it spent
	// collecting garbage and returning memory to the system.
	GCCPU float64 `json:"gc_cpu_seconds"`
	P50ms float64 `json:"p50_ms"`
	P99ms float64 `json:"p99_ms"`
	// Index-only query latency (Marsad: without fetching articles and
	// building snippets).
	IndexP50ms float64 `json:"index_p50_ms,omitempty"`
	IndexP99ms float64 `json:"index_p99_ms,omitempty"`
	Indexed    uint64  `json:"indexed"`
	MaxRSSMB   float64 `json:"max_rss_mb"`
}

func runBenchIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench ingest", "[--data DIR] [--limit N] [--replicate K]",
		`Ingest a corpus of zipped JSON arrays (fields source, url, date_extracted,
title, content; ../shared/data/saudinewsnet) into temporary directories, with
Marsad (store + index, the whole pipeline) and with stock bleve (its "ar"
analyzer, default mapping, batches of 1,000, title and text), each in a child
process of this binary, and print articles/s, MB/s, peak RSS and query
p50/p99 of each. --replicate K ingests K copies of the corpus (copy k > 0
gets k appended to each text, so it is not a duplicate).

The machine's load moves such figures by tens of percent: compare sides of
one invocation, and take medians of several alternated runs, e.g.

	marsad bench ingest --runs 3
	marsad bench ingest --runs 3 --only marsad --baseline /tmp/marsad.old`)
	data := fs.String("data", "../shared/data/saudinewsnet", "corpus `directory` of .zip files")
	limit := fs.Int("limit", 0, "ingest at most `N` articles of the corpus (0: all)")
	replicate := fs.Int("replicate", 1, "ingest `K` copies of the corpus")
	side := fs.String("side", "", "run one side only, in this process (marsad or bleve); used by the parent")
	dir := fs.String("dir", "", "directory for --side")
	reuse := fs.Bool("reuse", false, "with --side marsad: only time the queries on the data already in --dir")
	batch := fs.Int("batch", engine.DefaultBatch, "Marsad batch size")
	only := fs.String("only", "", "run only this side (marsad or bleve), e.g. for query latency on a big replicated corpus")
	rounds := fs.Int("rounds", 20, "times each query is run")
	facts := fs.Bool("facts", true, "Marsad extracts facts (dates, entities, quotes) as marsad ingest does")
	stories := fs.Bool("stories", true, "Marsad groups articles into stories as marsad ingest does")
	compact := fs.Bool("compact", false, "Marsad compacts its index after the ingest, as marsad compact does (counted in the ingest's time), before the queries")
	cpuprofile := fs.String("cpuprofile", "", "with --side, write a CPU profile of the ingest to `file`")
	runs := fs.Int("runs", 1, "run the sides `N` times, alternated, and print each side's medians too")
	baseline := fs.String("baseline", "", "also run the Marsad side of this other marsad `binary` (e.g. an earlier build), labelled base, in the same runs")
	memprofile := fs.String("memprofile", "", "with --side, write a heap profile (allocations, and the heap in use at the end of the ingest, before closing) to `file`")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	corpus := benchCorpus{dir: *data, limit: *limit, replicate: max(1, *replicate)}
	if *side != "" {
		stopProfile, err := startCPUProfile(*cpuprofile)
		if err != nil {
			return err
		}
		defer stopProfile()
		heapProfile := func() error { return nil }
		if *memprofile != "" {
			heapProfile = func() error {
				f, err := os.Create(*memprofile)
				if err != nil {
					return err
				}
				runtime.GC() // the heap in use now, not at the last GC
				err = pprof.Lookup("heap").WriteTo(f, 0)
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				return err
			}
		}
		r, err := benchSide(ctx, e, *side, *dir, corpus, *batch, *rounds, *reuse, *facts, *stories, *compact, heapProfile)
		if err != nil {
			return err
		}
		return json.NewEncoder(e.stdout).Encode(r)
	}
	if *runs < 1 {
		fmt.Fprintln(e.stderr, "marsad bench ingest: --runs must be at least 1")
		fs.Usage()
		return errUsage
	}
	if _, err := os.Stat(*data); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	sides := []benchSideRun{{label: "bleve", exe: exe, side: "bleve"}, {label: "marsad", exe: exe, side: "marsad"}}
	if *only != "" {
		sides = []benchSideRun{{label: *only, exe: exe, side: *only}}
	}
	if *baseline != "" {
		sides = append(sides, benchSideRun{label: "base", exe: *baseline, side: "marsad"})
	}
	childArgs := []string{"--data", *data, "--limit", strconv.Itoa(*limit), "--replicate", strconv.Itoa(corpus.replicate),
		"--batch", strconv.Itoa(*batch), "--rounds", strconv.Itoa(*rounds),
		"--facts=" + strconv.FormatBool(*facts), "--stories=" + strconv.FormatBool(*stories), "--compact=" + strconv.FormatBool(*compact)}
	var results []benchResult // run by run, side by side
	for run := range *runs {
		for _, s := range sides {
			fmt.Fprintf(e.stderr, "bench: %s (run %d of %d)...\n", s.label, run+1, *runs)
			r, err := s.run(ctx, e, childArgs)
			if err != nil {
				return err
			}
			results = append(results, r)
		}
	}
	printBenchIngest(e, results, len(sides))
	return nil
}

// benchSideRun is one side of the ingest bench: the side (marsad or bleve)
// run by the marsad binary exe, labelled label in the table.
type benchSideRun struct{ label, exe, side string }

// run runs the side in a child process over a temporary directory.
func (s benchSideRun) run(ctx context.Context, e *env, args []string) (benchResult, error) {
	var r benchResult
	tmp, err := os.MkdirTemp("", "marsad-bench-"+s.side)
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.CommandContext(ctx, s.exe, append([]string{"bench", "ingest", "--side", s.side, "--dir", tmp}, args...)...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, e.stderr
	if err := cmd.Run(); err != nil {
		return r, fmt.Errorf("bench %s: %w", s.label, err)
	}
	if err := json.Unmarshal(out.Bytes(), &r); err != nil {
		return r, fmt.Errorf("bench %s: %w", s.label, err)
	}
	r.Side = s.label
	if _, rss := cputime.Child(cmd.ProcessState); rss > 0 {
		r.MaxRSSMB = float64(rss) / (1 << 20)
	}
	return r, nil
}

// printBenchIngest prints the results of the ingest bench, nsides a run,
// run by run; with several runs, then the medians of each side; then how
// Marsad and the baseline build compare with bleve, and Marsad with the
// baseline.
func printBenchIngest(e *env, results []benchResult, nsides int) {
	fmt.Fprintf(e.stdout, "%-7s %8s %7s %8s %10s %7s %8s %8s %12s %9s %9s %9s\n", "side", "articles", "MB", "wall s", "articles/s", "MB/s",
		"CPU s", "GC CPU s", "articles/CPUs", "peak RSS", "query p50", "query p99")
	row := func(r benchResult) {
		fmt.Fprintf(e.stdout, "%-7s %8d %7.1f %8.1f %10.0f %7.2f %8.1f %8.1f %12.0f %6.0f MB %7.2fms %7.2fms\n", r.Side, r.Articles, float64(r.Bytes)/1e6,
			r.Seconds, float64(r.Articles)/r.Seconds, float64(r.Bytes)/1e6/r.Seconds, r.CPU, r.GCCPU, float64(r.Articles)/r.CPU, r.MaxRSSMB, r.P50ms, r.P99ms)
	}
	for _, r := range results {
		row(r)
	}
	meds := results
	if len(results) > nsides {
		meds = make([]benchResult, nsides)
		for i := range meds {
			var runs []benchResult
			for k := i; k < len(results); k += nsides {
				runs = append(runs, results[k])
			}
			meds[i] = medianResult(runs)
		}
		fmt.Fprintf(e.stdout, "medians of %d runs:\n", len(results)/nsides)
		for _, r := range meds {
			row(r)
		}
	}
	for _, r := range meds {
		if r.IndexP99ms > 0 {
			fmt.Fprintf(e.stdout, "%s index-only query p50 %.2fms p99 %.2fms (without fetching articles and building snippets)\n", r.Side, r.IndexP50ms, r.IndexP99ms)
		}
	}
	bySide := map[string]benchResult{}
	for _, r := range meds {
		bySide[r.Side] = r
	}
	for _, pair := range [][2]string{{"marsad", "bleve"}, {"base", "bleve"}, {"marsad", "base"}} {
		m, ok1 := bySide[pair[0]]
		b, ok2 := bySide[pair[1]]
		if !ok1 || !ok2 {
			continue
		}
		fmt.Fprintf(e.stdout, "%s/%s: throughput %.2fx (wall), %.2fx (per CPU second); peak RSS %.2fx\n", m.Side, b.Side,
			float64(m.Articles)/m.Seconds/(float64(b.Articles)/b.Seconds), float64(m.Articles)/m.CPU/(float64(b.Articles)/b.CPU), m.MaxRSSMB/b.MaxRSSMB)
	}
}

// medianResult returns, field by field, the median of runs of one side.
func medianResult(runs []benchResult) benchResult {
	r := runs[0]
	field := func(get func(benchResult) float64) float64 {
		xs := make([]float64, len(runs))
		for i, x := range runs {
			xs[i] = get(x)
		}
		return median(xs)
	}
	// Articles and bytes are the same in every run: the median of wall
	// seconds is that of throughput.
	r.Seconds = field(func(x benchResult) float64 { return x.Seconds })
	r.CPU = field(func(x benchResult) float64 { return x.CPU })
	r.GCCPU = field(func(x benchResult) float64 { return x.GCCPU })
	r.MaxRSSMB = field(func(x benchResult) float64 { return x.MaxRSSMB })
	r.P50ms = field(func(x benchResult) float64 { return x.P50ms })
	r.P99ms = field(func(x benchResult) float64 { return x.P99ms })
	r.IndexP50ms = field(func(x benchResult) float64 { return x.IndexP50ms })
	r.IndexP99ms = field(func(x benchResult) float64 { return x.IndexP99ms })
	return r
}

// benchCorpus reads the bench corpus.
type benchCorpus struct {
	dir       string
	limit     int
	replicate int
}

// articles yields the corpus (replicated), read by ingest.Read as marsad
// ingest reads it (articles without content are refused there, and
// skipped here), stopping at the first error, which it stores in *errp.
func (c benchCorpus) articles(ctx context.Context, errp *error) iter.Seq[article.Article] {
	return func(yield func(article.Article) bool) {
		files, err := snnZips(c.dir)
		if err != nil {
			*errp = fmt.Errorf("corpus: %w", err)
			return
		}
		opts := ingest.Options{TextField: "content", DateField: "date_extracted"}
		for k := 0; k < c.replicate; k++ {
			n := 0
			for _, f := range files {
				for it := range ingest.Read(ctx, f, opts) {
					if errors.Is(it.Err, ingest.ErrNoText) {
						continue
					}
					if it.Err != nil {
						*errp = it.Err
						return
					}
					if c.limit > 0 && n >= c.limit {
						break
					}
					n++
					a := it.Article
					if k > 0 {
						a.ID += "#" + strconv.Itoa(k)
						a.Text += " " + strconv.Itoa(k)
					}
					if !yield(a) {
						return
					}
				}
				if c.limit > 0 && n >= c.limit {
					break
				}
			}
		}
	}
}

// benchSide ingests the corpus with one side and times its queries.
// heapProfile is called at the end of the ingest, before closing.
func benchSide(ctx context.Context, e *env, side, dir string, c benchCorpus, batchSize, rounds int, reuse, facts, stories, compact bool, heapProfile func() error) (benchResult, error) {
	r := benchResult{Side: side}
	var readErr error
	arts := c.articles(ctx, &readErr)
	counted := func(yield func(article.Article) bool) {
		for a := range arts {
			r.Articles++
			r.Bytes += int64(len(a.Title) + len(a.Text))
			if !yield(a) {
				return
			}
		}
	}
	var query, indexQuery func(q string) error
	start, cpu0, gc0 := time.Now(), cpuSeconds(), gcCPUSeconds()
	switch side {
	case "marsad":
		restoreGC := tuneGCForIngest(e) // as marsad ingest does
		// --reuse only times queries: don't group the stored articles into stories.
		opts := engine.Options{Batch: batchSize, NoStories: !stories || reuse}
		loaded := func() error { return nil }
		if facts {
			opts.Enrich, loaded = extractFacts() // loads while the engine opens, as marsad ingest does
		}
		eng, err := engine.Open(ctx, dir, opts)
		if err := errors.Join(err, loaded()); err != nil {
			if eng != nil {
				eng.Close()
			}
			return r, err
		}
		if reuse {
			counted = func(func(article.Article) bool) {} // query the existing data only
		}
		if _, err := eng.Ingest(ctx, counted, nil); err != nil {
			eng.Close()
			return r, err
		}
		if compact {
			if err := compactIndex(ctx, eng); err != nil {
				eng.Close()
				return r, err
			}
		}
		if err := heapProfile(); err != nil {
			eng.Close()
			return r, err
		}
		if err := eng.Close(); err != nil {
			return r, err
		}
		r.Seconds, r.CPU, r.GCCPU = time.Since(start).Seconds(), cpuSeconds()-cpu0, gcCPUSeconds()-gc0
		restoreGC()
		if eng, err = engine.Open(ctx, dir, engine.Options{}); err != nil {
			return r, err
		}
		defer eng.Close()
		r.Indexed, _ = eng.Index.Count()
		query = func(s string) error {
			q, err := search.Parse(s)
			if err != nil {
				return err
			}
			_, _, err = eng.Search(ctx, index.Request{Query: q, Limit: 10}, engine.SearchOptions{Format: search.HTML})
			return err
		}
		indexQuery = func(s string) error {
			q, err := search.Parse(s)
			if err != nil {
				return err
			}
			_, err = eng.Index.Search(ctx, index.Request{Query: q, Limit: 10})
			return err
		}
	case "bleve":
		m := mapping.NewIndexMapping()
		m.DefaultAnalyzer = "ar"
		idx, err := bleve.New(filepath.Join(dir, "bleve"), m)
		if err != nil {
			return r, err
		}
		type doc struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		b := idx.NewBatch()
		for a := range counted {
			if err := b.Index(a.ID, doc{a.Title, a.Text}); err != nil {
				return r, err
			}
			if b.Size() >= 1000 {
				if err := idx.Batch(b); err != nil {
					return r, err
				}
				b = idx.NewBatch()
			}
		}
		if err := idx.Batch(b); err != nil {
			return r, err
		}
		if err := heapProfile(); err != nil {
			return r, err
		}
		if err := idx.Close(); err != nil {
			return r, err
		}
		r.Seconds, r.CPU, r.GCCPU = time.Since(start).Seconds(), cpuSeconds()-cpu0, gcCPUSeconds()-gc0
		if idx, err = bleve.Open(filepath.Join(dir, "bleve")); err != nil {
			return r, err
		}
		defer idx.Close()
		r.Indexed, _ = idx.DocCount()
		query = func(s string) error {
			_, err := idx.SearchInContext(ctx, bleve.NewSearchRequest(bleve.NewQueryStringQuery(s)))
			return err
		}
	default:
		return r, fmt.Errorf("unknown side %q", side)
	}
	if readErr != nil {
		return r, readErr
	}
	var err error
	if r.P50ms, r.P99ms, err = latencies(query, rounds); err != nil {
		return r, err
	}
	if indexQuery != nil {
		if r.IndexP50ms, r.IndexP99ms, err = latencies(indexQuery, rounds); err != nil {
			return r, err
		}
	}
	return r, nil
}

// latencies runs every bench query rounds times, after one untimed round
// that brings the index's pages into memory (a fresh index is read from
// disk the first time), and returns the p50 and p99 latencies in
// milliseconds.
func latencies(query func(string) error, rounds int) (p50, p99 float64, err error) {
	for _, q := range benchQueries {
		if err := query(q); err != nil {
			return 0, 0, fmt.Errorf("query %s: %w", q, err)
		}
	}
	var lat []time.Duration
	per := map[string][]time.Duration{}
	for range max(1, rounds) {
		for _, q := range benchQueries {
			t := time.Now()
			if err := query(q); err != nil {
				return 0, 0, fmt.Errorf("query %s: %w", q, err)
			}
			d := time.Since(t)
			lat = append(lat, d)
			per[q] = append(per[q], d)
		}
	}
	if os.Getenv("MARSAD_BENCH_VERBOSE") != "" {
		for _, q := range benchQueries {
			slices.Sort(per[q])
			fmt.Fprintf(os.Stderr, "  %-28s median %v slowest %v\n", q, per[q][len(per[q])/2], per[q][len(per[q])-1])
		}
	}
	slices.Sort(lat)
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return ms(lat[len(lat)/2]), ms(lat[len(lat)*99/100]), nil
}

// cpuSeconds returns the user and system time this process has used.
func cpuSeconds() float64 { return cputime.Self().Seconds() }

// gcCPUSeconds returns the runtime's estimate of the CPU time this process
// has spent in the garbage collector and scavenging memory.
func gcCPUSeconds() float64 {
	ms := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/scavenge/total:cpu-seconds"}}
	metrics.Read(ms)
	var sum float64
	for _, m := range ms {
		if m.Value.Kind() == metrics.KindFloat64 {
			sum += m.Value.Float64()
		}
	}
	return sum
}
