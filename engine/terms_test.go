package engine

import (
	"testing"

	"github.com/marsad/marsad/index"
)

// TestBatchTerms checks that a batch's terms are handed out in slices of
// their own, given back to the pool only by the last reader, and zeroed
// before the next batch takes them.
func TestBatchTerms(t *testing.T) {
	pool := &termPool{}
	b := newBatchTerms(pool, 2)
	var got [][]index.Term
	q := termChunk / 4
	takes := []struct{ arena, n int }{{0, 3}, {1, 0}, {0, q}, {1, 5}, {0, q + 1}, {1, q}, {1, q}, {1, q}, {1, q}}
	for i, tk := range takes {
		n := tk.n
		s := b.arenas[tk.arena].terms.take(n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("take(%d): len %d cap %d", n, len(s), cap(s))
		}
		for k := range s {
			if s[k] != (index.Term{}) {
				t.Fatalf("take(%d): term %d not zero", n, k)
			}
			s[k] = index.Term{Stem: "كتب", Pos: int32(i), StemID: uint32(k)}
		}
		got = append(got, s)
	}
	for i, s := range got { // no slice wrote over another
		for k := range s {
			if s[k].Pos != int32(i) || s[k].StemID != uint32(k) {
				t.Fatalf("slice %d, term %d: %+v", i, k, s[k])
			}
		}
	}
	if f := b.arenas[1].firsts.take(10); len(f) != 10 || cap(f) != 10 {
		t.Fatalf("firsts: len %d cap %d", len(f), cap(f))
	}
	b.readers.Add(1) // the stories stage
	b.release()
	if len(pool.terms.free) != 0 {
		t.Fatalf("%d chunks given back before the last reader", len(pool.terms.free))
	}
	b.release()
	// The outsized take (q+1) had memory of its own: one chunk for arena
	// 0, two for arena 1 (5 and three q in the first, q in the second).
	if len(pool.terms.free) != 3 || len(pool.firsts.free) != 1 {
		t.Fatalf("%d chunks of terms and %d of firsts given back, want 3 and 1", len(pool.terms.free), len(pool.firsts.free))
	}
	next := newBatchTerms(pool, 1)
	next.arenas[0].terms.take(1)
	if len(pool.terms.free) != 2 {
		t.Fatalf("%d chunks left, want 2 (one reused)", len(pool.terms.free))
	}
	for k, term := range next.arenas[0].terms.chunks[0] {
		if term != (index.Term{}) {
			t.Fatalf("reused chunk: term %d not zero: %+v", k, term)
		}
	}
	many := make([][]index.Term, maxPooledChunks+3)
	for i := range many {
		many[i] = make([]index.Term, termChunk)
	}
	pool.terms.put(many)
	if len(pool.terms.free) != maxPooledChunks {
		t.Fatalf("pool keeps %d chunks, want at most %d", len(pool.terms.free), maxPooledChunks)
	}
}
