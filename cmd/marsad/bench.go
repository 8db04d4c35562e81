package main

import (
	"context"
	"fmt"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
)

// benchCommand dispatches to the benchmarks: "marsad bench analyze", and
// the others that stages add to benchmarks().
func benchCommand() command {
	return command{
		name:    "bench",
		summary: "measure throughput (bench analyze: the analyzer against bleve's)",
		run:     runBench,
	}
}

// benchmark is one subcommand of "marsad bench".
type benchmark struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func benchmarks() []benchmark {
	return []benchmark{
		{"analyze", "Arabic analysis throughput against bleve's ar analyzer", runBenchAnalyze},
		{"ingest", "ingest a corpus with Marsad and with stock bleve, compare", runBenchIngest},
		{"serve", "serve a corpus and load /api/search from a second process: requests/s, p50/p99", runBenchServe},
		{"query", "time the bench queries on an existing --db: index lookup, fetch, snippets p50/p90/p99", runBenchQuery},
		{"load", "drive /api/search of a running marsad serve on loopback at a fixed rate", runBenchLoad},
	}
}

func runBench(ctx context.Context, e *env, args []string) error {
	list := func() {
		fmt.Fprint(e.stderr, "Usage: marsad bench BENCHMARK [options]\n\nBenchmarks:\n")
		for _, b := range benchmarks() {
			fmt.Fprintf(e.stderr, "  %-10s %s\n", b.name, b.summary)
		}
	}
	if len(args) == 0 || args[0] == "-h" || args[0] == "-help" || args[0] == "--help" {
		list()
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, b := range benchmarks() {
		if b.name == args[0] {
			return b.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "marsad bench: unknown benchmark %q\n", args[0])
	list()
	return errUsage
}

// median returns the median of xs (the mean of the middle two for an even
// count); xs is reordered.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// benchFallbackText is text we wrote, used when the corpus is absent.
const benchFallbackText = `أعلن المتحدث باسم الحكومة، اليوم الخميس، أن الوزراء سيجتمعون الأسبوع المقبل في العاصمة لبحث خطة اقتصادية جديدة تهدف إلى خفض الأسعار وتحسين الخدمات العامة في المدن والمناطق الريفية.
وقال المتحدث للصحفيين إن «الحوار مع الشركاء الدوليين مستمر»، مضيفاً أن المفاوضات التي بدأت في يناير ٢٠٢١ حققت تقدماً ملموساً بنسبة 19.5% خلال الأشهر الماضية.
وأشار إلى أن اللجنة البرلمانية ستنشر تقريرها النهائي قبل نهاية العام، وأن المواطنين يستطيعون الاطلاع عليه عبر الموقع الرسمي للوزارة، فيما أكدت مصادر مطلعة لـ"ABC News" أن الاتفاق قد يُوقَّع في واشنطن.
`

// fallbackTexts returns about mb megabytes of text built from
// benchFallbackText, one article per paragraph.
func fallbackTexts(mb int) []string {
	paras := strings.Split(strings.TrimSpace(benchFallbackText), "\n")
	var out []string
	for n, i := 0, 0; n < mb<<20; i++ {
		p := paras[i%len(paras)]
		out = append(out, p)
		n += len(p)
	}
	return out
}

// startCPUProfile writes a CPU profile to path until the returned function
// is called; with an empty path it does nothing.
func startCPUProfile(path string) (stop func(), err error) {
	if path == "" {
		return func() {}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}
