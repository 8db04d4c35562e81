package ingest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// saudiNewsNet is the folder of the SaudiNewsNet corpus in ../shared.
const saudiNewsNet = "../../shared/data/saudinewsnet"

// saudiNewsNetOptions map the corpus's field names.
var saudiNewsNetOptions = Options{IDField: "url", TextField: "content", DateField: "date_extracted"}

// BenchmarkReadSaudiNewsNetZip reads one day of SaudiNewsNet (a zip of one
// JSON array) and reports articles/s and MB/s of article text.
func BenchmarkReadSaudiNewsNetZip(b *testing.B) {
	zip := filepath.Join(saudiNewsNet, "2015-07-21.zip")
	if _, err := os.Stat(zip); err != nil {
		b.Skipf("SaudiNewsNet not available (%v): it lives in ../shared/data/saudinewsnet", err)
	}
	ctx := context.Background()
	articles, bytes := 0, 0
	for b.Loop() {
		for it := range Read(ctx, zip, saudiNewsNetOptions) {
			if it.Err == nil {
				articles++
				bytes += len(it.Article.Text)
			}
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(articles)/s, "articles/s")
	b.ReportMetric(float64(bytes)/s/1e6, "textMB/s")
}

// BenchmarkReadJSONLines reads one day of SaudiNewsNet rewritten as an
// uncompressed JSON lines file with the default field names.
func BenchmarkReadJSONLines(b *testing.B) {
	zip := filepath.Join(saudiNewsNet, "2015-07-21.zip")
	if _, err := os.Stat(zip); err != nil {
		b.Skipf("SaudiNewsNet not available (%v): it lives in ../shared/data/saudinewsnet", err)
	}
	p := filepath.Join(b.TempDir(), "day.jsonl")
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	enc := json.NewEncoder(f)
	for it := range Read(context.Background(), zip, saudiNewsNetOptions) {
		if it.Err == nil {
			a := it.Article
			enc.Encode(map[string]string{"id": a.ID, "url": a.URL, "source": a.Source, "title": a.Title,
				"published": a.Published.Format(time.RFC3339), "text": a.Text})
		}
	}
	f.Close()
	ctx := context.Background()
	articles, bytes := 0, 0
	for b.Loop() {
		for it := range Read(ctx, p, Options{}) {
			if it.Err == nil {
				articles++
				bytes += len(it.Article.Text)
			}
		}
	}
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(articles)/s, "articles/s")
	b.ReportMetric(float64(bytes)/s/1e6, "textMB/s")
}

// BenchmarkCountSaudiNewsNet counts the whole corpus, as a progress bar
// would before an ingest.
func BenchmarkCountSaudiNewsNet(b *testing.B) {
	if _, err := os.Stat(saudiNewsNet); err != nil {
		b.Skipf("SaudiNewsNet not available (%v)", err)
	}
	n := 0
	for b.Loop() {
		n = Count(saudiNewsNet, saudiNewsNetOptions)
	}
	b.ReportMetric(float64(n), "articles")
}
