package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/article"
)

// BenchmarkPut stores 4,000 articles of about 6 KB of text in batches of
// 500, as an ingest does, into a new store, with a context that can be
// canceled, as an ingest's.
func BenchmarkPut(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	const n, batch = 4000, 500
	// A text we wrote, varied by article so that no two hashes are equal.
	para := strings.Repeat("أعلنت الوزارة اليوم عن خطة جديدة لتطوير شبكة النقل في المدينة. ", 50)
	entries := make([]Entry, n)
	for i := range entries {
		id := fmt.Sprintf("a%d", i)
		entries[i] = Entry{
			Article: article.Article{ID: id, URL: "https://example.com/" + id, Source: "example", Title: "خبر " + id,
				Published: time.Date(2015, 7, 1, 0, 0, i, 0, time.UTC), Text: id + " " + para},
			Hash:      fmt.Sprintf("%032x", i),
			FactsJSON: `{"entities":[]}`,
		}
	}
	b.SetBytes(int64(n * len(para)))
	for b.Loop() {
		s, err := OpenSQLite(ctx, b.TempDir())
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < n; i += batch {
			if _, err := s.Put(ctx, entries[i:i+batch]); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}
