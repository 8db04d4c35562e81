package index

import (
	"context"
	"fmt"
	"maps"
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

// TestMatchesSnapshot checks that Matches numbers the documents IDs finds,
// the same way while the index does not change, in a snapshot that
// changes when documents are added.
func TestMatchesSnapshot(t *testing.T) {
	ctx := context.Background()
	var docs []Doc
	for i := range 30 {
		docs = append(docs, Doc{ID: fmt.Sprint(i), Title: "خبر", Text: "ارتفعت أسعار النفط في الأسواق"})
	}
	b := indexOf(t, docs...)
	pq, err := search.Parse("النفط")
	if err != nil {
		t.Fatal(err)
	}
	req := Request{Query: pq}
	matches := func() (Snapshot, map[uint64]string) {
		t.Helper()
		var (
			snap  Snapshot
			byNum = map[uint64]string{}
		)
		total, err := b.Matches(ctx, req, func(s Snapshot, nums []uint64, id func(uint64) (string, error)) error {
			snap = s
			for _, n := range nums {
				if byNum[n], err = id(n); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if int(total) != len(byNum) {
			t.Errorf("total %d, %d distinct numbers", total, len(byNum))
		}
		return snap, byNum
	}
	snap1, nums1 := matches()
	snap2, nums2 := matches()
	if snap1 == (Snapshot{}) || snap1 != snap2 || !maps.Equal(nums1, nums2) {
		t.Errorf("unchanged index: snapshots equal %v, numbers equal %v", snap1 == snap2, maps.Equal(nums1, nums2))
	}
	ids, _, err := b.IDs(ctx, req, 0)
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Sorted(maps.Values(nums1))
	slices.Sort(ids)
	if !slices.Equal(got, ids) || len(ids) != 30 {
		t.Errorf("Matches found %v, IDs %v", got, ids)
	}
	if err := b.Add(ctx, []Doc{{ID: "new", Title: "خبر", Text: "النفط"}}, 2); err != nil {
		t.Fatal(err)
	}
	snap3, nums3 := matches()
	if snap3 == snap1 || len(nums3) != 31 {
		t.Errorf("after Add: same snapshot %v, %d matches", snap3 == snap1, len(nums3))
	}
}
