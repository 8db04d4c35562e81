package engine

import (
	"sync"
	"sync/atomic"

	"github.com/marsad/marsad/index"
)

// termChunk is the number of terms of a chunk of a termPool (24 bytes
// each): a batch of 200 articles takes a few dozen.
const termChunk = 1 << 13

// maxPooledChunks bounds the chunks a termPool keeps for the next batches
// (24 MB). A pool never keeps more than the batches of an ingest took at
// once, at most four (about 55 chunks for batches of 500 articles of
// news); the bound is for batches far larger.
const maxPooledChunks = 128

// termPool keeps the chunks of index terms of the batches an ingest is done
// with, for the next batches, so that the documents' terms are not garbage
// the collector marks and sweeps batch after batch. It is safe for
// concurrent use.
type termPool struct {
	mu   sync.Mutex
	free [][]index.Term // each of termChunk terms, zeroed
}

// get returns a zeroed chunk of termChunk terms.
func (p *termPool) get() []index.Term {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		c := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		return c
	}
	return make([]index.Term, termChunk)
}

// put zeroes the chunks (so that they keep no stem alive) and keeps them
// for get, up to maxPooledChunks.
func (p *termPool) put(chunks [][]index.Term) {
	for _, c := range chunks {
		clear(c)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range chunks {
		if len(p.free) == maxPooledChunks {
			return
		}
		p.free = append(p.free, c)
	}
}

// termArena hands out the terms of the documents one analysis goroutine
// prepares for a batch, from chunks of a termPool. It is not safe for
// concurrent use.
type termArena struct {
	pool   *termPool
	chunks [][]index.Term // taken from pool
	rest   []index.Term   // the free end of the last chunk
}

// take returns a zeroed slice of n terms (of capacity n), valid until the
// batch is released.
func (a *termArena) take(n int) []index.Term {
	if n > len(a.rest) {
		if n > termChunk/4 { // an outsized document: memory of its own
			return make([]index.Term, n)
		}
		c := a.pool.get()
		a.chunks = append(a.chunks, c)
		a.rest = c
	}
	t := a.rest[:n:n]
	a.rest = a.rest[n:]
	return t
}

// batchTerms holds the terms of the documents of one batch, one termArena
// per analysis goroutine. Its readers (the index's Add, the stories stage)
// each call release when done with the batch's documents; the last returns
// the chunks to the pool, after which no document of the batch may be read.
type batchTerms struct {
	arenas  []termArena
	readers atomic.Int32
}

// newBatchTerms returns the terms of a batch prepared by workers goroutines,
// with one reader, the caller.
func newBatchTerms(pool *termPool, workers int) *batchTerms {
	b := &batchTerms{arenas: make([]termArena, workers)}
	for i := range b.arenas {
		b.arenas[i].pool = pool
	}
	b.readers.Store(1)
	return b
}

// release ends one reader's use of the batch's documents; the last one
// gives the chunks back to the pool. A nil b does nothing.
func (b *batchTerms) release() {
	if b == nil || b.readers.Add(-1) != 0 {
		return
	}
	for i := range b.arenas {
		a := &b.arenas[i]
		a.pool.put(a.chunks)
		a.chunks, a.rest = nil, nil
	}
}
