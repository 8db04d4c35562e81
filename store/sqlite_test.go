package store

import (
	"context"
	"errors"
	"fmt"
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

// TestReadersDuringWrite checks that reads neither wait for a write
// transaction in progress nor see its uncommitted rows, and that the read
// connections cannot write.
func TestReadersDuringWrite(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Put(ctx, []Entry{{Article: article.Article{ID: "a", Text: "نص أ"}, Hash: "h1"}}); err != nil {
		t.Fatal(err)
	}
	tx, err := s.db.BeginTx(ctx, nil) // the writer, busy with a batch
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO articles (id, text, hash, added) VALUES ('b', 'نص ب', 'h2', '')`); err != nil {
		t.Fatal(err)
	}
	// Without a reader of their own, these would wait for the writer's
	// connection until the deadline.
	rctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	recs, err := s.Get(rctx, "a", "b")
	if err != nil {
		t.Fatalf("get during a write: %v", err)
	}
	if len(recs) != 1 || recs[0].Article.ID != "a" {
		t.Errorf("get during a write: %+v, want the committed article a only", recs)
	}
	if st, err := s.Stats(rctx); err != nil || st.Articles != 1 {
		t.Errorf("stats during a write: %+v %v", st, err)
	}
	if _, err := s.reader().ExecContext(ctx, `DELETE FROM articles`); err == nil {
		t.Error("a read connection wrote")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if recs, err := s.Get(ctx, "a", "b"); err != nil || len(recs) != 2 {
		t.Errorf("get after the commit: %+v %v", recs, err)
	}
}

// TestTuneForReading checks that the store still reads after its readers
// are replaced by tuned ones.
func TestTuneForReading(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	if _, err := s.Put(ctx, []Entry{{Article: article.Article{ID: "a", Text: "نص"}, Hash: "h"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.TuneForReading(ctx, 8, 64); err != nil {
		t.Fatal(err)
	}
	var mmap int64
	if err := s.reader().QueryRowContext(ctx, `PRAGMA mmap_size`).Scan(&mmap); err != nil || mmap != 64<<20 {
		t.Errorf("mmap_size %d %v, want %d", mmap, err, 64<<20)
	}
	if recs, err := s.Get(ctx, "a"); err != nil || len(recs) != 1 {
		t.Errorf("get after tuning: %+v %v", recs, err)
	}
}

// TestPutCanceled checks that Put stops at a context done before it ends
// (checked between entries, its statements running without it) and that
// it stores none of the batch.
func TestPutCanceled(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	entries := []Entry{
		{Article: article.Article{ID: "a", Text: "نص أ"}, Hash: "h1"},
		{Article: article.Article{ID: "b", Text: "نص ب"}, Hash: "h2"},
	}
	if _, err := s.Put(cctx, entries); !errors.Is(err, context.Canceled) {
		t.Fatalf("Put with a canceled context: %v, want context.Canceled", err)
	}
	recs, err := s.Get(ctx, "a", "b")
	if err != nil || len(recs) != 0 {
		t.Errorf("stored after a canceled Put: %+v %v", recs, err)
	}
}

// TestPutPresent checks that entries whose IDs are stored, in an earlier
// batch or earlier in the same one, are left alone and take no sequence
// number (the next article added gets the next one), that a duplicate of a
// stored original names it, and that an entry failing another constraint
// fails the batch rather than passing for present.
func TestPutPresent(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	first := []Entry{
		{Article: article.Article{ID: "a", Text: "نص أ"}, Hash: "h1"},
		{Article: article.Article{ID: "b", Text: "نص ب"}, Hash: "h2"},
	}
	if _, err := s.Put(ctx, first); err != nil {
		t.Fatal(err)
	}
	second := []Entry{
		{Article: article.Article{ID: "b", Text: "نص آخر"}, Hash: "h9"},
		{Article: article.Article{ID: "c", Text: "نص ج"}, Hash: "h3"},
		{Article: article.Article{ID: "a", Text: "نص أ"}, Hash: "h1"},
		{Article: article.Article{ID: "d", Text: "نص ب"}, Hash: "h2"},
		{Article: article.Article{ID: "c", Text: "نص ج"}, Hash: "h3"},
		{Article: article.Article{ID: "e", Text: "نص ه"}, Hash: "h5"},
	}
	outs, err := s.Put(ctx, second)
	if err != nil {
		t.Fatal(err)
	}
	want := []Outcome{
		{Status: Present},
		{Status: Added, Seq: 3},
		{Status: Present},
		{Status: Duplicate, Seq: 4, DuplicateOf: "b"},
		{Status: Present},
		{Status: Added, Seq: 5},
	}
	for i, o := range outs {
		if o != want[i] {
			t.Errorf("entry %d (%s): %+v, want %+v", i, second[i].Article.ID, o, want[i])
		}
	}
	recs, err := s.Get(ctx, "b")
	if err != nil || len(recs) != 1 || recs[0].Article.Text != "نص ب" {
		t.Errorf("b after a second put: %+v %v", recs, err)
	}
	// An entry refused for another reason (here by a trigger) fails the
	// batch.
	if _, err := s.db.ExecContext(ctx, `CREATE TRIGGER refuse_f BEFORE INSERT ON articles WHEN NEW.id = 'f'
		BEGIN SELECT RAISE(ABORT, 'refused'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []Entry{{Article: article.Article{ID: "g", Text: "نص ز"}, Hash: "h7"}, {Article: article.Article{ID: "f", Text: "نص و"}, Hash: "h6"}}); err == nil {
		t.Error("Put of a refused entry: no error")
	}
	if recs, err := s.Get(ctx, "g", "f"); err != nil || len(recs) != 0 {
		t.Errorf("stored of a failed batch: %+v %v", recs, err)
	}
}

// TestPutDuplicatesOfMany checks that a batch with more hashes than one
// query looks up finds the originals of all of them.
func TestPutDuplicatesOfMany(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	n := 2*maxHashesPerQuery + 3
	originals := make([]Entry, n)
	copies := make([]Entry, n+1)
	for i := range originals {
		h := fmt.Sprintf("h%d", i)
		originals[i] = Entry{Article: article.Article{ID: fmt.Sprintf("a%d", i), Text: "نص"}, Hash: h}
		copies[i] = Entry{Article: article.Article{ID: fmt.Sprintf("b%d", i), Text: "نص"}, Hash: h}
	}
	copies[n] = Entry{Article: article.Article{ID: "c", Text: "نص آخر"}, Hash: "new"}
	if _, err := s.Put(ctx, originals); err != nil {
		t.Fatal(err)
	}
	outs, err := s.Put(ctx, copies)
	if err != nil {
		t.Fatal(err)
	}
	for i, o := range outs[:n] {
		if want := fmt.Sprintf("a%d", i); o.Status != Duplicate || o.DuplicateOf != want {
			t.Errorf("entry %d: %+v, want a duplicate of %s", i, o, want)
		}
	}
	if o := outs[n]; o.Status != Added || o.Seq != int64(2*n+1) {
		t.Errorf("last entry: %+v, want added with seq %d", o, 2*n+1)
	}
}

// openTemp opens a store in a temporary directory, closed when the test
// ends.
func openTemp(t *testing.T) *SQLite {
	t.Helper()
	s, err := OpenSQLite(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
