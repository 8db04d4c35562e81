package engine

import (
	"sync"
	"sync/atomic"

	"github.com/marsad/marsad/index"
)

// termChunk is the number of elements of a chunk of a chunkPool (terms of
// 24 bytes, Firsts of 4): a batch of 500 articles of news takes about 15
// chunks of terms.
const termChunk = 1 << 13

// maxPooledChunks bounds the chunks a chunkPool keeps for the next batches
// (24 MB of terms). A pool never keeps more than the batches of an ingest
// took at once, at most four (about 55 chunks of terms for batches of 500
// articles of news); the bound is for batches far larger.
const maxPooledChunks = 128

// chunkPool keeps the chunks of the batches an ingest is done with, for
// the next batches, so that the documents' terms are not garbage the
// collector marks and sweeps batch after batch. It is safe for concurrent
// use.
type chunkPool[T any] struct {
	mu   sync.Mutex
	free [][]T // each of termChunk elements, zeroed
}

// get returns a zeroed chunk of termChunk elements.
func (p *chunkPool[T]) get() []T {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		c := p.free[n-1]
		p.free[n-1] = nil
		p.free = p.free[:n-1]
		return c
	}
	return make([]T, termChunk)
}

// put zeroes the chunks (so that they keep no stem alive) and keeps them
// for get, up to maxPooledChunks.
func (p *chunkPool[T]) put(chunks [][]T) {
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

// arena hands out slices from chunks of a chunkPool to one analysis
// goroutine for one batch. It is not safe for concurrent use.
type arena[T any] struct {
	pool   *chunkPool[T]
	chunks [][]T // taken from pool
	rest   []T   // the free end of the last chunk
}

// take returns a zeroed slice of n elements (of capacity n), valid until
// the arena is released.
func (a *arena[T]) take(n int) []T {
	if n > len(a.rest) {
		if n > termChunk/4 { // an outsized document: memory of its own
			return make([]T, n)
		}
		c := a.pool.get()
		a.chunks = append(a.chunks, c)
		a.rest = c
	}
	t := a.rest[:n:n]
	a.rest = a.rest[n:]
	return t
}

// release gives the chunks back to the pool.
func (a *arena[T]) release() {
	a.pool.put(a.chunks)
	a.chunks, a.rest = nil, nil
}

// termPool keeps the chunks of the documents' Terms and Firsts of an
// ingest.
type termPool struct {
	terms  chunkPool[index.Term]
	firsts chunkPool[int32]
}

// docArena hands out the Terms and Firsts of the documents one analysis
// goroutine prepares for a batch.
type docArena struct {
	terms  arena[index.Term]
	firsts arena[int32]
}

// batchTerms holds the Terms and Firsts of the documents of one batch, one
// docArena per analysis goroutine. Its readers (the index's Add, the
// stories stage) each call release when done with the batch's documents;
// the last returns the chunks to the pool, after which no document of the
// batch may be read.
type batchTerms struct {
	arenas  []docArena
	readers atomic.Int32
}

// newBatchTerms returns the terms of a batch prepared by workers goroutines,
// with one reader, the caller.
func newBatchTerms(pool *termPool, workers int) *batchTerms {
	b := &batchTerms{arenas: make([]docArena, workers)}
	for i := range b.arenas {
		b.arenas[i].terms.pool = &pool.terms
		b.arenas[i].firsts.pool = &pool.firsts
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
		b.arenas[i].terms.release()
		b.arenas[i].firsts.release()
	}
}
