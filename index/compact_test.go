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
// index reopens. The scores may change: bleve's BM25 takes a field's
// average length from the sizes of the segments' dictionaries.
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
	for batch := range 4 {
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
		if res.Total != before[i].Total || !slices.Equal(ids(res), ids(before[i])) {
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
	if s, err := b.Seq(); err != nil || s != 4 {
		t.Errorf("seq after Compact and reopen: %d %v, want 4", s, err)
	}
}

// ids returns the sorted IDs of the hits of res.
func ids(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}
