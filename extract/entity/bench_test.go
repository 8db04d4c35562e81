package entity

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/ingest"
)

// benchArticles is how many SaudiNewsNet articles BenchmarkEntitiesArticles
// tags per iteration.
const benchArticles = 200

// BenchmarkEntitiesArticles tags real news articles (the first
// benchArticles of one day of SaudiNewsNet, tokenized as the extractor
// does) with the default tagger and reports the time per article. It is
// skipped when ../shared is absent.
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
	for b.Loop() {
		for _, d := range docs {
			tg.Entities(d.text, d.toks)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs))/1e3, "µs/article")
}
