package entity

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/internal/cputime"
)

// benchArticles is how many SaudiNewsNet articles BenchmarkEntitiesArticles
// tags per iteration.
const benchArticles = 200

// BenchmarkEntitiesArticles tags real news articles (the first
// benchArticles of one day of SaudiNewsNet, tokenized as the extractor
// does) with the default tagger and reports the time per article, and the
// process CPU time per article ("cpu-µs/article", steadier than wall time
// on a loaded machine; it includes the garbage collector). It is skipped
// when ../shared is absent.
func BenchmarkEntitiesArticles(b *testing.B) {
	zip := filepath.Join("../../../shared/data/saudinewsnet", "2015-07-21.zip")
	type doc struct {
		text string
		toks []Token
	}
	var docs []doc
	opts := ingest.Options{TextField: "content", DateField: "date_extracted", Logger: slog.New(slog.DiscardHandler)}
	for it := range ingest.Read(context.Background(), zip, opts) {
		if it.Err != nil {
			continue
		}
		var toks []Token
		for _, t := range arabic.Tokenize(it.Article.Text) {
			toks = append(toks, Token{Text: t.Text, Start: t.Start, End: t.End})
		}
		docs = append(docs, doc{it.Article.Text, toks})
		if len(docs) == benchArticles {
			break
		}
	}
	if len(docs) == 0 {
		b.Skipf("no SaudiNewsNet articles in %s; skipping", zip)
	}
	tg := defaultTagger(b)
	var bytes int64
	for _, d := range docs {
		bytes += int64(len(d.text))
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	cpu0 := cputime.Self()
	for b.Loop() {
		for _, d := range docs {
			tg.Entities(d.text, d.toks)
		}
	}
	cpu := cputime.Self() - cpu0
	n := float64(b.N * len(docs))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/n/1e3, "µs/article")
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/n/1e3, "cpu-µs/article")
	}
}
