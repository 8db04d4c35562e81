package main

import (
	"context"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/ingest"
)

func ingestCommand() command {
	return command{name: "ingest", summary: "read articles into the store and the search index", run: runIngest}
}

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ingest", "[--db DIR] [--text-field F ...] [--batch N] PATH|URL...",
		`Read articles from files, folders, archives, feeds and URLs (.txt, .jsonl,
.json, .zip, .gz, RSS/Atom, saved HTML pages), store them and index them
for search. An article already stored (same id) is left alone; one whose
text equals a stored article's is recorded as its duplicate. Bad input is
reported with where it came from and why, the rest goes on, and the exit
status is 1 when anything failed. To keep its memory low, the ingest runs
the garbage collector with GOGC=50 and a soft limit of 320 MiB (raised
with the live heap) unless $GOGC or $GOMEMLIMIT say otherwise: GOGC=100
trades memory for a few percent of speed.`)
	db := dbFlag(fs)
	var opts ingest.Options
	fieldFlags(fs, &opts)
	batch := fs.Int("batch", engine.DefaultBatch, "articles per batch (committed together)")
	stories := fs.Bool("stories", true, "group articles into stories as they are ingested (false: on the next marsad stories)")
	srcs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(srcs) == 0 {
		fmt.Fprintln(e.stderr, "marsad ingest: give at least one PATH or URL")
		fs.Usage()
		return errUsage
	}
	opts.Logger = slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	defer tuneGCForIngest(e)()
	eng, err := openWithFacts(ctx, e, dataDir(e, *db), engine.Options{Batch: *batch, NoStories: !*stories})
	if err != nil {
		return err
	}
	defer eng.Close()

	total := 0
	for _, s := range srcs {
		n := ingest.Count(s, opts)
		if n < 0 {
			total = -1
			break
		}
		total += n
	}
	p := newProgress(e.stderr, total)
	var readFailed int
	arts := func(yield func(article.Article) bool) {
		for _, s := range srcs {
			for it := range ingest.Read(ctx, s, opts) {
				if it.Err != nil {
					readFailed++
					p.fail(it.Origin, it.Err)
					continue
				}
				if !yield(it.Article) {
					return
				}
			}
		}
	}
	counts, err := eng.Ingest(ctx, iter.Seq[article.Article](arts), func(o engine.Outcome) {
		if o.Err != nil {
			p.fail(o.ID, o.Err)
		}
		p.add(1)
	})
	p.finish()
	counts.Failed += readFailed
	fmt.Fprintf(e.stdout, "added %d, already present %d, duplicates %d, failed %d\n",
		counts.Added, counts.Present, counts.Duplicates, counts.Failed)
	if err != nil {
		return err
	}
	if counts.Failed > 0 {
		return errFailed
	}
	return nil
}

// Memory during an ingest. An ingest allocates much short-lived memory
// (tokens, extraction, the index's batches) over a live heap of models,
// story clusterer and batches in flight. With the collector's defaults
// (GOGC 100: the heap grows to twice the live heap before a collection,
// no limit) its peak RSS was about 1.6 times stock bleve's on the bench
// corpus. During an ingest, unless $GOGC and $GOMEMLIMIT say otherwise:
//
//   - the target is 50: the heap grows to 1.5 times the live heap, and
//     the collector runs about twice as often;
//   - a soft limit of ingestMemoryLimit makes it collect (and return
//     freed memory to the system) earlier at the peaks. The limit follows
//     the live heap up, staying ingestLimitHeadroom times above it, so that
//     a live heap that grows with a big corpus never makes the collector
//     run back to back: it then costs at most what a target of 25 would.
//
// The bench ingest figures in the commit that set these give their cost.
const (
	ingestGCPercent     = 50
	ingestMemoryLimit   = 320 << 20
	ingestLimitHeadroom = 1.25
)

// tuneGCForIngest sets the garbage collector's target and soft memory
// limit for an ingest and returns the function that restores the previous
// ones.
func tuneGCForIngest(e *env) (restore func()) {
	var undo []func()
	if e.getenv("GOGC") == "" {
		old := debug.SetGCPercent(ingestGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if old := debug.SetMemoryLimit(-1); e.getenv("GOMEMLIMIT") == "" && old == math.MaxInt64 {
		debug.SetMemoryLimit(ingestMemoryLimit)
		stop, done := make(chan struct{}), make(chan struct{})
		go followLiveHeap(stop, done)
		undo = append(undo, func() {
			close(stop)
			<-done
			debug.SetMemoryLimit(old)
		})
	}
	return func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
}

// followLiveHeap keeps the soft memory limit at least ingestLimitHeadroom
// times the live heap until stop is closed, then closes done.
func followLiveHeap(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(250 * time.Millisecond)
	defer t.Stop()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	for {
		select {
		case <-stop:
			return
		case <-t.C:
		}
		metrics.Read(live)
		if live[0].Value.Kind() != metrics.KindUint64 {
			return
		}
		debug.SetMemoryLimit(max(ingestMemoryLimit, int64(float64(live[0].Value.Uint64())*ingestLimitHeadroom)))
	}
}

// progress shows how an ingest goes: a bar with rate and ETA on a terminal,
// a log line every few seconds otherwise. It is safe for concurrent use.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	bar   *progressbar.ProgressBar
	done  int
	start time.Time
	last  time.Time
	total int
	log   *slog.Logger
}

func newProgress(w io.Writer, total int) *progress {
	p := &progress{w: w, start: time.Now(), last: time.Now(), total: total}
	if isTerminalOut(w) {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("ingest"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("articles"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	} else {
		p.log = slog.New(slog.NewTextHandler(w, nil))
	}
	return p
}

func (p *progress) add(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done += n
	if p.bar != nil {
		_ = p.bar.Add(n)
		return
	}
	if now := time.Now(); now.Sub(p.last) >= 5*time.Second {
		p.last = now
		rate := float64(p.done) / now.Sub(p.start).Seconds()
		args := []any{"articles", p.done, "per_second", int(rate)}
		if p.total > 0 && rate > 0 {
			args = append(args, "total", p.total, "eta", (time.Duration(float64(p.total-p.done)/rate) * time.Second).Round(time.Second))
		}
		p.log.Info("ingest", args...)
	}
}

// fail reports one failed item.
func (p *progress) fail(origin string, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Clear()
	}
	msg := err.Error()
	if ie, ok := err.(*ingest.Error); ok {
		msg = ie.Err.Error()
	}
	fmt.Fprintf(p.w, "failed: %s: %s\n", origin, msg)
}

func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		_ = p.bar.Finish()
	}
}
