// Package engine ties Marsad's stages together over one data directory: it
// analyzes each article once, shares the tokens between extraction (the
// Enrich hook) and the full-text index, stores articles and their facts
// (package store), indexes them (package index), and answers searches with
// highlighted snippets (package search).
//
// Crash safety: a batch of articles is committed to the store first, in
// one transaction, then indexed; the index records the sequence number of
// the last article it holds atomically with the documents. Open indexes
// whatever the store holds past that number, so a crash at any moment loses
// at most the articles of the batch not yet committed to the store.
package engine

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/store"
)

// DefaultDir is the data directory used when none is given.
const DefaultDir = "marsad-data"

// EnvDir is the environment variable that names the data directory.
const EnvDir = "MARSAD_DB"

// Enricher extracts the facts of an article from its text and the tokens of
// its text, analyzed once by the pipeline. It must be safe for concurrent use.
type Enricher func(a *article.Article, toks []arabic.Token) article.Facts

// DefaultBatch is the default of Options.Batch. A batch is committed to the
// store in one transaction and indexed as one segment; a few batches are in
// memory at once (being analyzed, stored and indexed, grouped into
// stories), so that a bigger one costs memory more than it saves time.
const DefaultBatch = 500

// Options configures an Engine.
type Options struct {
	Batch   int      // articles per batch (default DefaultBatch)
	Workers int      // analysis goroutines (default GOMAXPROCS)
	Enrich  Enricher // nil: no facts
	// NoStories leaves grouping into stories to the next call of Stories
	// (which adds every article stored since) instead of doing it in Ingest.
	NoStories bool
	Logger    *slog.Logger // nil: slog.Default()
}

// Engine is Marsad over one data directory: a store and an index.
type Engine struct {
	Store store.Store
	Index index.Index
	an    *arabic.Analyzer
	opts  Options
	log   *slog.Logger
	dir   string
	// stories is the story clusterer, loaded by Ingest or Stories.
	stories stories
}

// Open opens the data directory dir (creating it when needed) and brings
// the index up to date with the store.
func Open(ctx context.Context, dir string, opts Options) (*Engine, error) {
	if opts.Batch <= 0 {
		opts.Batch = DefaultBatch
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	st, err := store.OpenSQLite(ctx, dir)
	if err != nil {
		return nil, err
	}
	ixDir := filepath.Join(dir, "index")
	ix, err := index.Open(ixDir)
	if err != nil && !errors.Is(err, index.ErrInUse) {
		// The index is derived from the store: rebuild an unreadable one.
		opts.Logger.Warn("rebuilding the index from the store", "reason", err)
		if rmErr := os.RemoveAll(ixDir); rmErr == nil {
			ix, err = index.Open(ixDir)
		}
	}
	if err != nil {
		st.Close()
		return nil, err
	}
	e := &Engine{Store: st, Index: ix, an: arabic.New(arabic.DefaultOptions()), opts: opts, log: opts.Logger, dir: dir}
	if _, err := e.CatchUp(ctx); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

// Close waits until the index is persisted, then closes the index and the
// store.
func (e *Engine) Close() error {
	return errors.Join(e.SaveStories(), e.Index.Sync(context.Background()), e.Index.Close(), e.Store.Close())
}

// Analyzer returns the analyzer the engine indexes and searches with.
func (e *Engine) Analyzer() *arabic.Analyzer { return e.an }

// CatchUp indexes the stored articles the index does not hold yet (after a
// crash) and returns how many it indexed.
func (e *Engine) CatchUp(ctx context.Context) (int, error) {
	seq, err := e.Index.Seq()
	if err != nil {
		return 0, err
	}
	var (
		docs []index.Doc
		last int64
		n    int
	)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		if err := e.Index.Add(ctx, docs, last); err != nil {
			return err
		}
		n += len(docs)
		docs = docs[:0]
		return nil
	}
	err = e.Store.Originals(ctx, seq, func(r store.Record) error {
		a := r.Article
		docs = append(docs, newDoc(&a, e.an.Analyze(a.Title), e.an.Analyze(a.Text), r.Facts))
		last = r.Seq
		if len(docs) >= e.opts.Batch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		return n, fmt.Errorf("catch up index: %w", err)
	}
	if n > 0 {
		e.log.Info("indexed articles stored by an interrupted ingest", "articles", n)
	}
	return n, nil
}

// Stats is what a data directory holds.
type Stats struct {
	store.Stats
	Indexed   uint64 // documents in the index
	IndexSize int64  // bytes
}

// Stats returns the statistics of the store and the index.
func (e *Engine) Stats(ctx context.Context) (Stats, error) {
	st, err := e.Store.Stats(ctx)
	if err != nil {
		return Stats{}, err
	}
	n, err := e.Index.Count()
	if err != nil {
		return Stats{}, fmt.Errorf("index count: %w", err)
	}
	return Stats{Stats: st, Indexed: n, IndexSize: e.Index.Size()}, nil
}
