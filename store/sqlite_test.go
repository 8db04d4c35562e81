package store

import (
	"context"
	"testing"
	"time"

	"github.com/marsad/marsad/article"
)

func TestSQLite(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2021, 3, 19, 10, 0, 0, 0, time.UTC)
	facts := &article.Facts{Entities: []article.Entity{{Text: "بيسكوف", Type: article.PER, Mentions: []article.Span{{Start: 0, End: 6}}}}}
	entries := []Entry{
		{Article: article.Article{ID: "a", Source: "x", Title: "ت", Text: "نص أ", Published: pub}, Hash: "h1", Facts: facts},
		{Article: article.Article{ID: "b", Source: "y", Text: "نص ب"}, Hash: "h2"},
		{Article: article.Article{ID: "c", Source: "x", Text: "نص أ"}, Hash: "h1"}, // same text as a, same batch
		{Article: article.Article{ID: "a", Text: "other"}, Hash: "h3"},             // same id as a
	}
	outs, err := s.Put(ctx, entries)
	if err != nil {
		t.Fatal(err)
	}
	want := []Status{Added, Added, Duplicate, Present}
	for i, o := range outs {
		if o.Status != want[i] {
			t.Errorf("entry %d: %v, want %v", i, o.Status, want[i])
		}
	}
	if outs[2].DuplicateOf != "a" {
		t.Errorf("duplicate of %q", outs[2].DuplicateOf)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = OpenSQLite(ctx, dir); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	recs, err := s.Get(ctx, "b", "zz", "a")
	if err != nil || len(recs) != 2 || recs[0].Article.ID != "b" || recs[1].Article.ID != "a" {
		t.Fatalf("get: %+v %v", recs, err)
	}
	if a := recs[1]; !a.Article.Published.Equal(pub) || a.Facts == nil || a.Facts.Entities[0].Text != "بيسكوف" || a.Article.Text != "نص أ" {
		t.Errorf("round trip: %+v", a)
	}
	var seen []string
	if err := s.Originals(ctx, outs[0].Seq, func(r Record) error { seen = append(seen, r.Article.ID); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(seen) != 1 || seen[0] != "b" {
		t.Errorf("originals after a: %v", seen)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Duplicates != 1 || st.Sources["x"] != 1 || st.Sources["y"] != 1 || !st.First.Equal(pub) || st.Size == 0 {
		t.Errorf("stats %+v", st)
	}
}
