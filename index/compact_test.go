package index

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/marsad/marsad/search"
)

// TestCompact merges the segments of several batches into one; the
// answers (the articles found and their number) stay the same, and the
// index reopens. The scores stay the same too: BM25 reads the statistics
// of the whole index, whatever its segments.
func TestCompact(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"ارتفعت أسعار النفط في الأسواق العالمية",
		"قال وزير الخارجية إن الحوار مع واشنطن ممكن",
		"افتتح متحف جديد للخط العربي في الرياض",
		"هطلت أمطار غزيرة على مدينة جدة",
	}
	for batch := range mergeFactor + 2 { // a merged tier and two files
		var docs []Doc
		for i := range 5 {
			n := batch*5 + i
			docs = append(docs, Doc{ID: fmt.Sprint(n), Title: texts[n%3], Text: texts[n%4] + " " + texts[(n+1)%4]})
		}
		if err := b.Add(ctx, docs, int64(batch+1)); err != nil {
			t.Fatal(err)
		}
		if err := b.Sync(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(b.view.Load().segs); n != 3 {
		t.Fatalf("%d segments before Compact, want 3", n)
	}
	queries := []string{"النفط", "الرياض -جدة", "الحوار OR متحف", `"أسعار النفط"`}
	answers := func() []*Result {
		var out []*Result
		for _, s := range queries {
			q, err := search.Parse(s)
			if err != nil {
				t.Fatal(err)
			}
			res, err := b.Search(ctx, Request{Query: q, Limit: 20})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, res)
		}
		return out
	}
	before := answers()
	if err := b.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(b.view.Load().segs); n != 1 {
		t.Errorf("%d segments after Compact, want 1", n)
	}
	for i, res := range answers() {
		if res.Total != before[i].Total || !slices.Equal(res.Hits, before[i].Hits) {
			t.Errorf("%s: %d %v after Compact, %d %v before", queries[i], res.Total, res.Hits, before[i].Total, before[i].Hits)
		}
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if s, err := b.Seq(); err != nil || s != mergeFactor+2 {
		t.Errorf("seq after Compact and reopen: %d %v, want %d", s, err, mergeFactor+2)
	}
}
