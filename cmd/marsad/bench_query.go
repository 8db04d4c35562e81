package main

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
)

// runBenchQuery times the bench queries (those of bench ingest) on an
// existing data directory, split into the steps of a search.
func runBenchQuery(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench query", "[--db DIR] [--rounds N] [--limit N] [--query Q]... [--compact] [--verbose] [--cpuprofile FILE]",
		`Time the queries of bench ingest on the data already in --db (build it once
with marsad ingest, or bench ingest --side marsad --dir DIR), as marsad
search runs them: the index lookup, fetching the hits from the store and
building their snippets (HTML), without a search cache. Every query is run
once untimed (to bring the data into memory), then --rounds times. Prints
p50/p90/p99 in ms of each step and of the whole search, and the CPU time
of the process per search (steadier than the wall clock on a loaded
machine); --verbose adds the median and slowest whole search of each query.`)
	db := dbFlag(fs)
	rounds := fs.Int("rounds", 20, "times each query is run")
	limit := fs.Int("limit", 10, "hits per search")
	verbose := fs.Bool("verbose", false, "print the median and slowest search of each query")
	compact := fs.Bool("compact", false, "first merge the index into one segment (see marsad compact); rewrites the index")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the timed rounds to `file`")
	var only []string
	fs.Func("query", "time this `query` instead of the bench queries (repeatable)", func(s string) error {
		only = append(only, s)
		return nil
	})
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	queries := benchQueries
	if len(only) > 0 {
		queries = only
	}
	eng, err := openEngine(ctx, e, dataDir(e, *db), engine.Options{NoStories: true})
	if err != nil {
		return err
	}
	defer eng.Close()
	if *compact {
		t := time.Now()
		if err := compactIndex(ctx, eng); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "compacted the index in %.1fs\n", time.Since(t).Seconds())
	}
	n, _ := eng.Index.Count()
	reqs := make([]index.Request, len(queries))
	for i, s := range queries {
		q, err := search.Parse(s)
		if err != nil {
			return fmt.Errorf("query %s: %w", s, err)
		}
		reqs[i] = index.Request{Query: q, Limit: *limit}
	}
	run := func(req index.Request, tr *engine.SearchTrace) (time.Duration, error) {
		t := time.Now()
		_, _, err := eng.Search(ctx, req, engine.SearchOptions{Format: search.HTML, Trace: tr})
		return time.Since(t), err
	}
	for i, req := range reqs {
		if _, err := run(req, nil); err != nil {
			return fmt.Errorf("query %s: %w", queries[i], err)
		}
	}
	stop, err := startCPUProfile(*cpuprofile)
	if err != nil {
		return err
	}
	var idx, fetch, snip, total []time.Duration
	per := make([][]time.Duration, len(reqs))
	cpu0 := cpuSeconds()
	for range max(1, *rounds) {
		for i, req := range reqs {
			var tr engine.SearchTrace
			d, err := run(req, &tr)
			if err != nil {
				stop()
				return fmt.Errorf("query %s: %w", queries[i], err)
			}
			idx, fetch, snip, total = append(idx, tr.Index), append(fetch, tr.Fetch), append(snip, tr.Snippets), append(total, d)
			per[i] = append(per[i], d)
		}
	}
	cpu := cpuSeconds() - cpu0
	stop()
	fmt.Fprintf(e.stdout, "%d articles indexed, %d queries x %d rounds, %d hits each\n", n, len(reqs), max(1, *rounds), *limit)
	// The process's CPU time, garbage collection included, tells the
	// cost of a search on a loaded machine better than the wall clock.
	fmt.Fprintf(e.stdout, "CPU per search %.2f ms\n", cpu*1000/float64(len(total)))
	fmt.Fprintf(e.stdout, "%-8s %9s %9s %9s\n", "step", "p50 ms", "p90 ms", "p99 ms")
	for _, s := range []struct {
		name string
		ds   []time.Duration
	}{{"index", idx}, {"fetch", fetch}, {"snippets", snip}, {"search", total}} {
		fmt.Fprintf(e.stdout, "%-8s %9.2f %9.2f %9.2f\n", s.name, pct(s.ds, 50), pct(s.ds, 90), pct(s.ds, 99))
	}
	if *verbose {
		for i, ds := range per {
			fmt.Fprintf(e.stdout, "  %-28s median %7.2fms slowest %7.2fms\n", queries[i], pct(ds, 50), pct(ds, 100))
		}
	}
	return nil
}

// pct returns the p-th percentile of ds in milliseconds (the sample at
// rank len*p/100, as latencies takes it); ds is reordered.
func pct(ds []time.Duration, p int) float64 {
	if len(ds) == 0 {
		return 0
	}
	slices.Sort(ds)
	return float64(ds[min(len(ds)-1, len(ds)*p/100)].Microseconds()) / 1000
}
