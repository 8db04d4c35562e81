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
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/story"
)

// DefaultDir is the data directory used when none is given.
const DefaultDir = "marsad-data"

// EnvDir is the environment variable that names the data directory.
const EnvDir = "MARSAD_DB"

// Enricher extracts the facts of an article from its text and the tokens of
// its text, analyzed once by the pipeline. It must be safe for concurrent use.
type Enricher func(a *article.Article, toks []arabic.Token) article.Facts

// Options configures an Engine.
type Options struct {
	Batch   int      // articles per batch (default 1000)
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
		opts.Batch = 1000
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

// Outcome is what ingesting one article did.
type Outcome struct {
	ID          string
	Status      store.Status
	DuplicateOf string
	Err         error // the article was refused (Status is meaningless)
}

// Counts sums up an ingest.
type Counts struct {
	Added, Present, Duplicates, Failed int
}

// Add counts o.
func (c *Counts) Add(o Outcome) {
	switch {
	case o.Err != nil:
		c.Failed++
	case o.Status == store.Added:
		c.Added++
	case o.Status == store.Present:
		c.Present++
	default:
		c.Duplicates++
	}
}

// prepared is an article analyzed once: its index document (terms, entity
// names) and its facts, ready to store and index. It does not keep the
// tokens, so that a batch waiting for the index stays small.
type prepared struct {
	art   article.Article
	doc   index.Doc
	facts *article.Facts
	story story.Doc // the story clusterer's view of the article
	hash  string
	err   error
}

// ErrEmpty is the reason an article without text nor title is refused.
var ErrEmpty = errors.New("empty article: no text and no title")

func (e *Engine) prepare(a article.Article) prepared {
	p := prepared{art: a}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "" {
		p.err = ErrEmpty
		return p
	}
	title := e.an.AppendAnalyzed(make([]arabic.Token, 0, len(a.Title)/7+2), a.Title)
	text := e.an.AppendAnalyzed(make([]arabic.Token, 0, len(a.Text)/7+2), a.Text)
	p.hash = Hash(title, text)
	if p.art.ID == "" {
		p.art.ID = p.hash[:16]
	}
	if e.opts.Enrich != nil {
		f := e.opts.Enrich(&p.art, text)
		p.facts = &f
	}
	p.doc = newDoc(&p.art, title, text, p.facts)
	p.story = storyDoc(&p.art, title, text, p.facts)
	return p
}

// Hash is the content hash of an article for finding exact duplicates: the
// normalized forms of the words of its text (its title when it has no
// text), so that spacing, punctuation, diacritics and letter variants do
// not make two copies differ.
func Hash(title, text []arabic.Token) string {
	toks := text
	if len(toks) == 0 {
		toks = title
	}
	h := sha256.New()
	for _, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		h.Write([]byte(t.Norm))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// newDoc returns the index document of an article with its analyzed title
// and text and its facts (nil when not extracted): the entity names, and the
// name keys of the words of their mentions.
func newDoc(a *article.Article, title, text []arabic.Token, facts *article.Facts) index.Doc {
	d := index.Doc{
		ID: a.ID, Title: a.Title, Text: a.Text,
		Published: a.Published, Source: a.Source,
		TitleTerms: index.Terms(title), TextTerms: index.Terms(text),
	}
	if d.TitleTerms == nil {
		d.TitleTerms = []index.Term{}
	}
	if d.TextTerms == nil {
		d.TextTerms = []index.Term{}
	}
	if facts != nil {
		seen := map[string]bool{}
		for _, ent := range facts.Entities {
			d.Entities = append(d.Entities, ent.Text)
			for _, m := range ent.Mentions {
				toks := text
				if m.In == article.InTitle {
					toks = title
				}
				for _, t := range tokensIn(toks, m.Start, m.End) {
					if t.Stop || t.Stem == "" {
						continue
					}
					if k := arabic.NameKey(t.Stem); !seen[k] {
						seen[k] = true
						d.Names = append(d.Names, k)
					}
				}
			}
		}
	}
	return d
}

// tokensIn returns the tokens within the rune span [start, end).
func tokensIn(toks []arabic.Token, start, end int) []arabic.Token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	j := i
	for j < len(toks) && toks[j].End <= end {
		j++
	}
	return toks[i:j]
}

// Ingest stores and indexes the articles of arts, calling report (when not
// nil) with the outcome of each, from one goroutine. It stops at the first
// error of the store or the index (an article's own problem is reported as
// its Outcome.Err and the ingest goes on), or when ctx is done.
func (e *Engine) Ingest(ctx context.Context, arts iter.Seq[article.Article], report func(Outcome)) (Counts, error) {
	var counts Counts
	if !e.opts.NoStories {
		if _, err := e.Stories(ctx); err != nil {
			return counts, err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Stage 1 (this goroutine's helper): cut arts into batches.
	batches := make(chan []article.Article, 1)
	go func() {
		defer close(batches)
		batch := make([]article.Article, 0, e.opts.Batch)
		for a := range arts {
			batch = append(batch, a)
			if len(batch) == e.opts.Batch {
				select {
				case batches <- batch:
				case <-ctx.Done():
					return
				}
				batch = make([]article.Article, 0, e.opts.Batch)
			}
		}
		if len(batch) > 0 {
			select {
			case batches <- batch:
			case <-ctx.Done():
			}
		}
	}()
	// Stage 2: analyze (and enrich) each batch on all cores, one batch
	// ahead of stage 3.
	analyzed := make(chan []prepared) // one batch analyzed ahead, no more
	go func() {
		defer close(analyzed)
		for batch := range batches {
			ps := make([]prepared, len(batch))
			var wg sync.WaitGroup
			next := make(chan int, len(batch))
			for i := range batch {
				next <- i
			}
			close(next)
			for w := 0; w < e.opts.Workers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range next {
						ps[i] = e.prepare(batch[i])
					}
				}()
			}
			wg.Wait()
			select {
			case analyzed <- ps:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Stage 3: store, then index, each batch.
	for ps := range analyzed {
		outs, err := e.write(ctx, ps)
		if err != nil {
			cancel()
			for range analyzed {
			}
			return counts, err
		}
		for _, o := range outs {
			counts.Add(o)
			if report != nil {
				report(o)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return counts, err
	}
	return counts, errors.Join(e.Index.Sync(ctx), e.SaveStories())
}

// write stores and indexes one batch.
func (e *Engine) write(ctx context.Context, ps []prepared) ([]Outcome, error) {
	outs := make([]Outcome, len(ps))
	var entries []store.Entry
	var which []int
	for i := range ps {
		outs[i].ID = ps[i].art.ID
		if ps[i].err != nil {
			outs[i].Err = ps[i].err
			continue
		}
		entries = append(entries, store.Entry{Article: ps[i].art, Hash: ps[i].hash, Facts: ps[i].facts})
		which = append(which, i)
	}
	if len(entries) == 0 {
		return outs, nil
	}
	res, err := e.Store.Put(ctx, entries)
	if err != nil {
		return nil, err
	}
	var docs []index.Doc
	var last int64
	for k, r := range res {
		i := which[k]
		outs[i].Status, outs[i].DuplicateOf = r.Status, r.DuplicateOf
		last = max(last, r.Seq)
		if r.Status == store.Added {
			docs = append(docs, ps[i].doc)
		}
	}
	if len(docs) > 0 {
		if err := e.Index.Add(ctx, docs, last); err != nil {
			return nil, err
		}
	}
	e.addStories(ps, which, res)
	return outs, nil
}

// Hit is one search result, with its snippet.
type Hit struct {
	ID        string
	Score     float64
	Published time.Time
	Source    string
	Title     string
	URL       string
	Snippet   string
}

// SearchOptions are the presentation options of Search.
type SearchOptions struct {
	Format search.Format // how the snippet marks matched words
	Words  int           // snippet length in words (default 30)
}

// Search runs req and returns the total number of matches and the hits,
// each with a snippet of its original text with the matched words marked.
func (e *Engine) Search(ctx context.Context, req index.Request, so SearchOptions) (uint64, []Hit, error) {
	res, err := e.Index.Search(ctx, req)
	if err != nil {
		return 0, nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	recs, err := e.Store.Get(ctx, ids...)
	if err != nil {
		return 0, nil, err
	}
	byID := make(map[string]store.Record, len(recs))
	for _, r := range recs {
		byID[r.Article.ID] = r
	}
	m := req.Query.Matcher(e.an)
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, ok := byID[h.ID]
		if !ok {
			continue // indexed but not stored: cannot happen with this engine
		}
		a := r.Article
		text := a.Text
		if strings.TrimSpace(text) == "" {
			text = a.Title
		}
		var mentions []article.Span
		if r.Facts != nil {
			for _, ent := range r.Facts.Entities {
				mentions = append(mentions, ent.Mentions...)
			}
		}
		hits = append(hits, Hit{
			ID: a.ID, Score: h.Score, Published: a.Published, Source: a.Source, Title: a.Title, URL: a.URL,
			Snippet: search.Snippet(text, e.an.Analyze(text), m, mentions, so.Words, so.Format),
		})
	}
	return res.Total, hits, nil
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
