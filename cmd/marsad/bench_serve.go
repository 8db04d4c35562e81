package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/backend"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/internal/cputime"
	"github.com/marsad/marsad/server"
)

// serveQueries are the searches of the serve benchmark: single words
// common and rare in Saudi news of 2015, phrases, OR, exclusion, filters,
// later pages and date sort.
var serveQueries = []string{
	"q=السعودية", "q=الرياض", "q=وزير", "q=النفط", "q=اليمن", "q=الحوثي", "q=إيران", "q=سوريا",
	"q=داعش", "q=الحج", "q=مكة", "q=التعليم", "q=الصحة", "q=الأمطار", "q=المرور", "q=الاقتصاد",
	"q=الهلال", "q=النصر", "q=الطلاب", "q=المستشفى", "q=الأمير", "q=الملك", "q=مجلس", "q=الشورى",
	`q="ولي العهد"`, `q="خادم الحرمين الشريفين"`, `q="أسعار النفط"`, `q="الأمم المتحدة"`,
	"q=الحوثي OR صالح", "q=الاتفاق النووي", "q=الرياض -الهلال", "q=وزارة الصحة كورونا",
	"q=السعودية&sort=date", "q=الملك&page=3", "q=وزير&from=2015-08-01&to=2015-08-31",
	"q=النفط&source=aleqtisadiya", "q=الهلال&sort=date&page=2", "q=جدة", "q=الدمام", "q=المدينة المنورة",
}

func runBenchServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench serve", "[--data DIR] [--db DIR] [--clients 32] [--rate 500] [--duration 20s]",
		`Ingest a corpus of zipped JSON arrays (../shared/data/saudinewsnet, with
facts) into a data directory (a temporary one unless --db names one; an
existing --db is used as it is), serve it on 127.0.0.1, and drive
/api/search from a second process ("marsad bench load") at a fixed rate
from concurrent clients. Prints requests/s and
latency percentiles, measured from each request's scheduled start, the
server's CPU time per request and the machine's load average (figures
taken on a busy machine are noisy: compare them with it).

The queries (--mix corpus, the default) are a pool of --pool queries made
from the titles of the corpus's articles (one word, two words, a quoted
phrase, date sort, a later page) after the 40 fixed ones, drawn with a
Zipf distribution (s = 1.1) as search logs are: popular searches repeat,
most are rare. The warm-up and the measured run draw different sequences.
--mix fixed cycles through the 40 fixed queries only: after the warm-up
every page is in the backend's cache.`)
	data := fs.String("data", "../shared/data/saudinewsnet", "corpus `directory` of .zip files")
	db := fs.String("db", "", "data `directory` to serve (created and filled from --data when empty)")
	limit := fs.Int("limit", 0, "ingest at most `N` articles (0: all)")
	clients := fs.Int("clients", 32, "concurrent `clients`")
	rate := fs.Int("rate", 500, "requests per second")
	duration := fs.Duration("duration", 20*time.Second, "length of the measured run (at most 5m)")
	warmup := fs.Duration("warmup", 3*time.Second, "unmeasured run before it")
	mix := fs.String("mix", "corpus", "queries: `corpus` (Zipf over a pool made from titles) or fixed")
	poolSize := fs.Int("pool", 5000, "queries in the corpus pool")
	facetCache := fs.Int("facet-cache", 0, "queries whose facets the backend caches (0: its default; -1: none)")
	searchCache := fs.Int("search-cache", 0, "entries of each of the backend's search caches: pages of hits, briefs, snippets (0: its defaults; -1: none)")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the server during the load to `file`")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*mix != "corpus" && *mix != "fixed") || *poolSize < 1 {
		fmt.Fprintln(e.stderr, "marsad bench serve: --mix is corpus or fixed, and --pool at least 1")
		return errUsage
	}
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	dir := *db
	if dir == "" {
		tmp, err := os.MkdirTemp("", "marsad-bench-serve")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	eng, err := openWithFacts(ctx, e, dir, engine.Options{Logger: log})
	if err != nil {
		return err
	}
	defer eng.Close()
	st, err := eng.Store.Stats(ctx)
	if err != nil {
		return err
	}
	if st.Articles == 0 {
		if err := benchServeIngest(ctx, e, eng, *data, *limit); err != nil {
			return err
		}
	}
	start := time.Now()
	b, err := backend.New(ctx, eng, backend.Options{Logger: log, FacetCache: *facetCache,
		SearchCache: engine.CacheSizes{Pages: *searchCache, Briefs: *searchCache, Snippets: *searchCache}})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bench: backend ready in %v\n", time.Since(start).Round(time.Millisecond))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	served := make(chan error, 1)
	go func() { served <- server.Serve(sctx, ln, server.New(b, server.Options{}), nil) }()

	exe, err := os.Executable()
	if err != nil {
		stop()
		return errors.Join(err, <-served)
	}
	var queryArgs []string
	if *mix == "corpus" {
		f, err := benchQueryFile(ctx, *data, *poolSize)
		if err != nil {
			stop()
			return errors.Join(err, <-served)
		}
		defer os.Remove(f)
		queryArgs = []string{"--queries", f}
	}
	runs := 0
	load := func(d time.Duration, json bool) *exec.Cmd {
		runs++
		args := []string{"bench", "load", "--url", "http://" + ln.Addr().String(),
			"--clients", strconv.Itoa(*clients), "--rate", strconv.Itoa(*rate),
			"--duration", d.String(), "--warmup", "0s", "--seed", strconv.Itoa(runs)}
		args = append(args, queryArgs...)
		if json {
			args = append(args, "--json")
		}
		cmd := exec.CommandContext(ctx, exe, args...)
		cmd.Stderr = e.stderr
		return cmd
	}
	// The warm-up is a load process of its own, so that the CPU time and
	// the profile cover the measured run only.
	if *warmup > 0 {
		fmt.Fprintf(e.stderr, "bench: warming up for %v\n", *warmup)
		if err := load(*warmup, false).Run(); err != nil {
			stop()
			return errors.Join(fmt.Errorf("warm-up: %w", err), <-served)
		}
	}
	stopProfile, err := startCPUProfile(*cpuprofile)
	if err != nil {
		stop()
		return errors.Join(err, <-served)
	}
	var out bytes.Buffer
	cmd := load(*duration, true)
	cmd.Stdout = &out
	avgBefore := loadAverage()
	before := cputime.Self()
	start = time.Now()
	err = cmd.Run()
	wall := time.Since(start)
	server := cputime.Self() - before
	avgAfter := loadAverage()
	stopProfile()
	stop()
	if err == nil {
		var r loadResult
		if err = json.Unmarshal(out.Bytes(), &r); err == nil {
			printLoad(e, r)
			loadCPU, _ := cputime.Child(cmd.ProcessState)
			fmt.Fprintf(e.stdout, "CPU over %.1f s: server %.1f s (%.0f%% of a core, %.2f ms per request), load process %.1f s; %d cores; load average %s before, %s after\n",
				wall.Seconds(), server.Seconds(), 100*server.Seconds()/wall.Seconds(),
				server.Seconds()*1000/float64(max(r.Requests, 1)), loadCPU.Seconds(), runtime.NumCPU(), avgBefore, avgAfter)
		}
	}
	return errors.Join(err, <-served)
}

// loadAverage returns the 1, 5 and 15 minute load averages of the machine
// (from /proc/loadavg), or "?" where they cannot be read.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// benchServeIngest ingests the corpus in dir into eng, with progress.
func benchServeIngest(ctx context.Context, e *env, eng *engine.Engine, dir string, limit int) error {
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("corpus: %w", err)
	}
	opts := ingest.Options{IDField: "url", TextField: "content", DateField: "date_extracted",
		Logger: slog.New(slog.DiscardHandler)}
	bad := 0
	arts := func(yield func(article.Article) bool) {
		n := 0
		for it := range ingest.Read(ctx, dir, opts) {
			if it.Err != nil {
				bad++
				continue
			}
			if limit > 0 && n >= limit || !yield(it.Article) {
				return
			}
			n++
		}
	}
	start := time.Now()
	done := 0
	c, err := eng.Ingest(ctx, arts, func(engine.Outcome) {
		if done++; done%2000 == 0 {
			fmt.Fprintf(e.stderr, "bench: ingested %d articles in %v\n", done, time.Since(start).Round(time.Second))
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "bench: ingest: %d added, %d duplicates, %d failed, %d unreadable in %v\n",
		c.Added, c.Duplicates, c.Failed, bad, time.Since(start).Round(time.Second))
	return nil
}

// loadResult is what "marsad bench load" measures.
type loadResult struct {
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	Seconds  float64 `json:"seconds"`
	RPS      float64 `json:"requests_per_second"`
	P50ms    float64 `json:"p50_ms"`
	P90ms    float64 `json:"p90_ms"`
	P99ms    float64 `json:"p99_ms"`
	Maxms    float64 `json:"max_ms"`
	Distinct int     `json:"distinct_queries"`
	FirstErr string  `json:"first_error,omitempty"`
}

func runBenchLoad(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "bench load", "--url http://127.0.0.1:PORT [--clients 32] [--rate 500] [--duration 20s]",
		`Drive GET /api/search of a running "marsad serve" on loopback at a fixed
rate (open loop: requests are scheduled at the rate whatever the answers'
speed, and latency counts from the scheduled start) from concurrent
clients, over a fixed list of queries, and print requests/s and latency
percentiles. $MARSAD_TOKEN is sent when set.`)
	base := fs.String("url", "", "server `URL` (loopback only)")
	clients := fs.Int("clients", 32, "concurrent `clients`")
	rate := fs.Int("rate", 500, "requests per second")
	duration := fs.Duration("duration", 20*time.Second, "length of the measured run (at most 5m)")
	warmup := fs.Duration("warmup", 3*time.Second, "unmeasured run before it")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	queries := fs.String("queries", "", "`file` of queries, one URL-encoded parameter list per line, drawn with a Zipf distribution (default: cycle through 40 fixed queries)")
	seed := fs.Uint64("seed", 1, "seed of the Zipf draw")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	u, err := url.Parse(*base)
	if err != nil || u.Host == "" {
		fmt.Fprintln(e.stderr, "marsad bench load: --url http://127.0.0.1:PORT is required")
		return errUsage
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("bench load: %s is not a loopback address", u.Host)
	}
	if *clients < 1 || *rate < 1 || *duration <= 0 || *duration > 5*time.Minute || *warmup < 0 || *warmup > time.Minute {
		fmt.Fprintln(e.stderr, "marsad bench load: need clients ≥ 1, rate ≥ 1, 0 < duration ≤ 5m, 0 ≤ warmup ≤ 1m")
		return errUsage
	}
	mix := newQueryMix(fixedQueries(), 0, 0)
	if *queries != "" {
		pool, err := readQueries(*queries)
		if err != nil {
			return fmt.Errorf("bench load: %w", err)
		}
		mix = newQueryMix(pool, zipfS, *seed)
	}
	token := e.getenv(envToken)
	client := &http.Client{
		Timeout:   10 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: *clients, MaxConnsPerHost: *clients},
	}
	defer client.CloseIdleConnections()
	if *warmup > 0 {
		fmt.Fprintf(e.stderr, "bench: warming up for %v\n", *warmup)
		loadRun(ctx, client, u.String(), token, mix, *clients, *rate, *warmup)
	}
	fmt.Fprintf(e.stderr, "bench: %d clients, %d req/s for %v\n", *clients, *rate, *duration)
	r := loadRun(ctx, client, u.String(), token, mix, *clients, *rate, *duration)
	if err := ctx.Err(); err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(r)
	}
	printLoad(e, r)
	return nil
}

// printLoad prints what a load run measured.
func printLoad(e *env, r loadResult) {
	fmt.Fprintf(e.stdout, "requests %d (%d distinct queries)  errors %d  %.1f s  %.0f req/s  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms\n",
		r.Requests, r.Distinct, r.Errors, r.Seconds, r.RPS, r.P50ms, r.P90ms, r.P99ms, r.Maxms)
	if r.FirstErr != "" {
		fmt.Fprintf(e.stdout, "first error: %s\n", r.FirstErr)
	}
}

// loadRun schedules rate requests per second for d, served by clients
// goroutines, and measures them.
func loadRun(ctx context.Context, client *http.Client, base, token string, mix *queryMix, clients, rate int, d time.Duration) loadResult {
	type job struct {
		at time.Time
		q  string
	}
	jobs := make(chan job, rate*int(d/time.Second+1))
	var (
		mu       sync.Mutex
		lat      []float64
		errs     int
		firstErr string
	)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				err := loadOne(ctx, client, base+"/api/search?"+j.q, token)
				ms := float64(time.Since(j.at)) / float64(time.Millisecond)
				mu.Lock()
				lat = append(lat, ms)
				if err != nil {
					if errs == 0 {
						firstErr = err.Error()
					}
					errs++
				}
				mu.Unlock()
			}
		}()
	}
	asked := make(map[string]bool)
	start := time.Now()
	n := int(d.Seconds() * float64(rate))
	interval := time.Second / time.Duration(rate)
	for i := 0; i < n && ctx.Err() == nil; i++ {
		at := start.Add(time.Duration(i) * interval)
		if w := time.Until(at); w > 0 {
			time.Sleep(w)
		}
		q := mix.next(i)
		asked[q] = true
		jobs <- job{at: at, q: q}
	}
	close(jobs)
	wg.Wait()
	secs := time.Since(start).Seconds()
	slices.Sort(lat)
	pct := func(p float64) float64 {
		if len(lat) == 0 {
			return 0
		}
		return lat[min(len(lat)-1, int(p*float64(len(lat))))]
	}
	return loadResult{Requests: len(lat), Errors: errs, Seconds: secs, RPS: float64(len(lat)) / secs,
		P50ms: pct(0.50), P90ms: pct(0.90), P99ms: pct(0.99), Maxms: pct(1), Distinct: len(asked), FirstErr: firstErr}
}

func loadOne(ctx context.Context, client *http.Client, u, token string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return err
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %d %s", u, resp.StatusCode, bytes.TrimSpace(body[:min(len(body), 200)]))
	}
	return nil
}
