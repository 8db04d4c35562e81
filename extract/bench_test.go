package extract

import (
	"context"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/entity"
	"github.com/marsad/marsad/extract/quote"
	"github.com/marsad/marsad/extract/timex"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/internal/cputime"
)

// saudiNewsNet holds one zip per day of SaudiNewsNet articles (a JSON array
// of {source, url, date_extracted, title, author, content} in each).
var saudiNewsNet = filepath.Join(shared, "data", "saudinewsnet")

// corpus yields the SaudiNewsNet articles read by ingest.Read, or skips tb
// when the corpus is absent. Bad records are ingest's concern, not
// extraction's: they are left out, unlogged.
func corpus(tb testing.TB, ctx context.Context) iter.Seq[article.Article] {
	tb.Helper()
	if _, err := os.Stat(saudiNewsNet); err != nil {
		tb.Skipf("SaudiNewsNet not available (%v): it lives in ../shared/data/saudinewsnet", err)
	}
	opts := ingest.Options{IDField: "url", TextField: "content", DateField: "date_extracted",
		Logger: slog.New(slog.DiscardHandler)}
	return func(yield func(article.Article) bool) {
		for it := range ingest.Read(ctx, saudiNewsNet, opts) {
			if it.Err == nil && !yield(it.Article) {
				return
			}
		}
	}
}

// loadCorpus reads every SaudiNewsNet article, or skips b when the corpus
// is absent.
func loadCorpus(b *testing.B) []article.Article {
	b.Helper()
	as := slices.Collect(corpus(b, context.Background()))
	if len(as) == 0 {
		b.Skip("SaudiNewsNet holds no articles")
	}
	return as
}

// perArticle reports the throughput of a benchmark whose every iteration
// processes n articles, after loop ran: articles per second of wall clock,
// and CPU microseconds per article (process CPU time since cpu0, the
// figure to compare on a machine shared with other work).
func perArticle(b *testing.B, n int, cpu0 time.Duration) {
	if s := b.Elapsed().Seconds(); s > 0 {
		b.ReportMetric(float64(n*b.N)/s, "articles/s")
	}
	if cpu := cputime.Self() - cpu0; cpu0 > 0 && cpu > 0 {
		b.ReportMetric(float64(cpu.Microseconds())/float64(n*b.N), "cpu-µs/article")
	}
	b.ReportMetric(0, "ns/op") // one op is the whole corpus: not a useful figure
}

// BenchmarkExtractSaudiNewsNet runs the whole Extract (tokenizing, dates,
// entities, quotes) over the SaudiNewsNet articles, one goroutine, and
// reports articles per second. The sub-benchmarks time each stage alone on
// the same articles, over tokens and entities computed beforehand:
//
//	go test -run '^$' -bench ExtractSaudiNewsNet -benchtime 1x -count 5 ./extract
func BenchmarkExtractSaudiNewsNet(b *testing.B) {
	as := loadCorpus(b)
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	bytes := 0
	for i := range as {
		bytes += len(as[i].Text)
	}
	b.Run("all", func(b *testing.B) {
		b.SetBytes(int64(bytes))
		runtime.GC() // the garbage of what ran before is not charged here
		cpu0 := cputime.Self()
		for b.Loop() {
			for i := range as {
				a := as[i]
				x.Extract(&a, nil)
			}
		}
		perArticle(b, len(as), cpu0)
	})
	// The same on every core: the articles split among GOMAXPROCS
	// goroutines, as engine ingest runs extraction.
	b.Run("all-parallel", func(b *testing.B) {
		b.SetBytes(int64(bytes))
		procs := runtime.GOMAXPROCS(0)
		runtime.GC() // the garbage of what ran before is not charged here
		cpu0 := cputime.Self()
		for b.Loop() {
			var wg sync.WaitGroup
			for p := range procs {
				wg.Go(func() {
					for i := p; i < len(as); i += procs {
						a := as[i]
						x.Extract(&a, nil)
					}
				})
			}
			wg.Wait()
		}
		perArticle(b, len(as), cpu0)
	})
	// The inputs of the stages, computed once and only when a stage that
	// needs them runs.
	words := make([][]entity.Token, len(as))
	ents := make([][]article.Entity, len(as))
	prepare := sync.OnceFunc(func() {
		for i := range as {
			toks := arabic.Tokenize(as[i].Text)
			ws := make([]entity.Token, len(toks))
			for k, t := range toks {
				ws[k] = entity.Token{Text: t.Text, Start: t.Start, End: t.End}
			}
			words[i] = ws
			ents[i] = x.tagger.Entities(as[i].Text, ws)
		}
	})
	b.Run("timex", func(b *testing.B) {
		runtime.GC() // the garbage of what ran before is not charged here
		cpu0 := cputime.Self()
		for b.Loop() {
			for i := range as {
				timex.Find(as[i].Text, as[i].Published)
			}
		}
		perArticle(b, len(as), cpu0)
	})
	b.Run("entity", func(b *testing.B) {
		prepare()
		runtime.GC() // the garbage of what ran before is not charged here
		cpu0 := cputime.Self()
		for b.Loop() {
			for i := range as {
				x.tagger.Entities(as[i].Text, words[i])
			}
		}
		perArticle(b, len(as), cpu0)
	})
	b.Run("quote", func(b *testing.B) {
		prepare()
		runtime.GC() // the garbage of what ran before is not charged here
		cpu0 := cputime.Self()
		for b.Loop() {
			for i := range as {
				quote.Merge(as[i].Text, quote.Analyze(as[i].Text, ents[i], "").Quotes)
			}
		}
		perArticle(b, len(as), cpu0)
	})
}

// BenchmarkShareTokens times the timex and quote stages of Extract on the
// first 4,000 SaudiNewsNet articles, each analyzed into arabic tokens just
// before as Extract has it: "alone" with each stage tokenizing the text
// itself (nil tokens), "shared" with both reading the article's tokens.
// Both charge the arabic tokenizing, so that their difference is what
// sharing the tokens saves.
//
//	go test -run '^$' -bench ShareTokens -benchtime 3x -count 5 ./extract
func BenchmarkShareTokens(b *testing.B) {
	as := loadCorpus(b)
	as = as[:min(len(as), 4000)]
	x, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ents := make([][]article.Entity, len(as))
	for i := range as {
		toks := arabic.Tokenize(as[i].Text)
		ws := make([]entity.Token, len(toks))
		for k, t := range toks {
			ws[k] = entity.Token{Text: t.Text, Start: t.Start, End: t.End}
		}
		ents[i] = x.tagger.Entities(as[i].Text, ws)
	}
	for _, shared := range []bool{false, true} {
		name := "alone"
		if shared {
			name = "shared"
		}
		b.Run(name, func(b *testing.B) {
			var (
				toks  []arabic.Token
				times timex.Finder
				qa    quote.Analyzer
			)
			runtime.GC() // the garbage of what ran before is not charged here
			cpu0 := cputime.Self()
			for b.Loop() {
				for i := range as {
					a := &as[i]
					toks = arabic.AppendTokens(toks[:0], a.Text)
					given := toks
					if !shared {
						given = nil
					}
					times.FindTokens(a.Text, given, a.Published)
					qa.AnalyzeTokens(a.Text, given, ents[i], "")
				}
			}
			perArticle(b, len(as), cpu0)
		})
	}
}
