package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
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
