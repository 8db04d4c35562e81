package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/marsad/marsad/search"
)

// TestInvertedFlushAndMerge persists every batch as a segment file, so
// that tiers fill and merge; every article stays found, the sequence
// number is persisted with the files, and a reopened index (after files
// left over by a crash) answers the same.
func TestInvertedFlushAndMerge(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	x.flushBytes = 1 // persist every Add
	texts := []string{"ارتفعت أسعار النفط", "قال وزير الخارجية إن الحوار ممكن", "افتتح متحف للخط العربي في الرياض"}
	const batches = 3 * mergeFactor * mergeFactor
	for i := range batches {
		docs := []Doc{{ID: fmt.Sprint("a", i), Title: "خبر", Text: texts[i%3]}, {ID: fmt.Sprint("b", i), Title: "خبر", Text: texts[(i+1)%3]}}
		if err := x.Add(ctx, docs, int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(x.view.Load().segs); n >= batches/2 {
		t.Errorf("%d segment files after %d flushes: tiers not merged", n, batches)
	}
	answers := func(x *Inverted) [][]string {
		var out [][]string
		for _, q := range []string{"النفط", `"وزير الخارجية"`, "الرياض OR النفط", "خبر -الحوار"} {
			ids := searchIDs(t, x, q)
			out = append(out, ids)
		}
		return out
	}
	before := answers(x)
	for i, ids := range before {
		if len(ids) == 0 {
			t.Errorf("query %d finds nothing", i)
		}
	}
	if c, _ := x.Count(); c != 2*batches {
		t.Errorf("Count %d, want %d", c, 2*batches)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	// What a crash leaves: a segment being written, a file no manifest lists.
	for _, name := range []string{"00000999.seg.tmp", "00000998.seg", manifestName + ".tmp"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("partial"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	x, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if seq, _ := x.Seq(); seq != batches {
		t.Errorf("Seq %d after reopen, want %d", seq, batches)
	}
	if after := answers(x); !slices.EqualFunc(after, before, slices.Equal) {
		t.Errorf("after reopen %v, before %v", after, before)
	}
	for _, name := range []string{"00000999.seg.tmp", "00000998.seg"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err == nil {
			t.Errorf("%s left in the index", name)
		}
	}
}

// TestInvertedUnpersisted: what was added but not persisted is searched
// at once, and after a crash (no Sync, no Close) the index reopens at the
// last persisted sequence number without it.
func TestInvertedUnpersisted(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := x.Add(ctx, []Doc{{ID: "1", Text: "ارتفعت أسعار النفط"}}, 1); err != nil {
		t.Fatal(err)
	}
	if err := x.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(ctx, []Doc{{ID: "2", Text: "تراجعت أسعار النفط"}}, 2); err != nil {
		t.Fatal(err)
	}
	if got := searchIDs(t, x, "النفط"); !slices.Equal(got, []string{"1", "2"}) {
		t.Errorf("before persisting: %v", got)
	}
	x.lock.Close() // the process dies: nothing more is written
	y, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	if seq, _ := y.Seq(); seq != 1 {
		t.Errorf("Seq %d after a crash, want 1", seq)
	}
	if got := searchIDs(t, y, "النفط"); !slices.Equal(got, []string{"1"}) {
		t.Errorf("after a crash: %v", got)
	}
}

// TestInvertedInUse: a second Open of a held directory fails with ErrInUse.
func TestInvertedInUse(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the lock")
	}
	dir := t.TempDir()
	x, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if _, err := Open(dir); err == nil || !errors.Is(err, ErrInUse) {
		t.Errorf("second Open: %v, want ErrInUse", err)
	}
}

// TestInvertedConcurrent searches while batches are added, persisted and
// merged, and the collector unmaps the segment files merged away: every
// search sees whole batches, and none reads a file after it is unmapped.
func TestInvertedConcurrent(t *testing.T) {
	ctx := context.Background()
	x, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	x.flushBytes = 1
	q, err := search.Parse("النفط")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for {
				select {
				case <-done:
					return
				default:
				}
				res, err := x.Search(ctx, Request{Query: q, Limit: 100})
				if err != nil {
					t.Error(err)
					return
				}
				if res.Total%2 != 0 || len(res.Hits) != int(min(res.Total, 100)) {
					t.Errorf("a search saw %d matches, %d hits: not whole batches", res.Total, len(res.Hits))
					return
				}
				runtime.GC()
			}
		})
	}
	for i := range 40 {
		docs := []Doc{{ID: fmt.Sprint("a", i), Text: "ارتفعت أسعار النفط"}, {ID: fmt.Sprint("b", i), Text: "تراجعت أسعار النفط"}}
		if err := x.Add(ctx, docs, int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	close(done)
	wg.Wait()
}
