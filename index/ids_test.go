package index

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/marsad/marsad/search"
)

// TestIDsMatchesSearch checks that IDs finds the same articles as Search,
// with the same total, and keeps to its maximum.
func TestIDsMatchesSearch(t *testing.T) {
	ctx := context.Background()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	var docs []Doc
	for i := range 60 {
		text := "ارتفعت أسعار النفط في الأسواق"
		if i%3 == 0 {
			text = "قال الكرملين إن الحوار مع واشنطن ممكن"
		}
		docs = append(docs, Doc{ID: fmt.Sprint(i), Title: "خبر", Text: text,
			Source: []string{"a", "b"}[i%2], Published: day.AddDate(0, 0, i)})
	}
	b := indexOf(t, docs...)
	for _, tt := range []struct {
		q    string
		req  Request
		want int
	}{
		{q: "النفط", want: 40},
		{q: `"الحوار مع واشنطن"`, want: 20},
		{q: "النفط OR الكرملين", want: 60},
		{q: "النفط -الأسواق", want: 0},
		{q: "النفط", req: Request{Source: "a"}, want: 20},
		{q: "النفط", req: Request{From: day.AddDate(0, 0, 30)}, want: 20},
		{q: "غائبة", want: 0},
	} {
		pq, err := search.Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		req := tt.req
		req.Query = pq
		ids, total, err := b.IDs(ctx, req, 0)
		if err != nil {
			t.Fatalf("%s: %v", tt.q, err)
		}
		req.Limit = 100
		res, err := b.Search(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, h := range res.Hits {
			want = append(want, h.ID)
		}
		slices.Sort(ids)
		slices.Sort(want)
		if !slices.Equal(ids, want) || total != res.Total || int(total) != tt.want {
			t.Errorf("%s %+v: IDs %d of %d, Search %d of %d, want %d", tt.q, tt.req, len(ids), total, len(want), res.Total, tt.want)
		}
		if ids, total, _ := b.IDs(ctx, req, 5); len(ids) != min(5, tt.want) || int(total) != tt.want {
			t.Errorf("%s max 5: %d IDs of %d", tt.q, len(ids), total)
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	pq, _ := search.Parse("النفط")
	if _, _, err := b.IDs(cctx, Request{Query: pq}, 0); err == nil {
		t.Error("IDs with a cancelled context: no error")
	}
}
