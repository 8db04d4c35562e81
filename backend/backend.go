// Package backend implements server.Backend over Marsad's engine: search
// with snippets and facets from the index and the store, articles with
// their facts and copies, entities from the facts stored with the
// articles, statistics, and ingest of JSON Lines bodies or feed URLs.
//
// Stories come from an optional StorySource; without one the story lists
// are empty and every story is not found.
package backend

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/ingest"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/store"
)

// StorySource supplies stories. It is the hook for the story stage: until
// stories are stored, the backend runs without one.
type StorySource interface {
	// StoryOf returns the story of an article, or nil when it is in none.
	StoryOf(ctx context.Context, articleID string) (*server.StoryRef, error)
	// Stories and Story are as in server.Backend.
	Stories(ctx context.Context, f server.StoryFilter) ([]server.StorySummary, error)
	Story(ctx context.Context, id string) (server.StoryView, error)
}

// EntityStore is what the backend needs of the store beyond store.Store:
// the entity tables and the light listings for facets (see
// store.SQLite).
type EntityStore interface {
	store.Store
	SyncEntities(ctx context.Context) (int64, error)
	Entities(ctx context.Context, q string, limit int) ([]store.EntityCount, error)
	Entity(ctx context.Context, name string, limit int) (store.EntityDetail, error)
	EntityMentions(ctx context.Context, seq int64, fn func(store.EntityMention) error) error
	Metas(ctx context.Context, seq int64, fn func(store.ArticleMeta) error) error
	Copies(ctx context.Context, id string) ([]string, error)
	Briefs(ctx context.Context, ids ...string) ([]store.Brief, error)
}

// IDLister lists all the articles matching a request (see index.Inverted.IDs).
type IDLister interface {
	IDs(ctx context.Context, req index.Request, max int) ([]string, uint64, error)
}

// matchLister lists the matches of a request as document numbers of an
// index snapshot (see index.Inverted.Matches): facets then look up no IDs.
type matchLister interface {
	Matches(ctx context.Context, req index.Request, fn func(snap index.Snapshot, nums []uint64, id func(uint64) (string, error)) error) (uint64, error)
}

// Options configures a Backend.
type Options struct {
	Stories StorySource    // nil: no stories yet
	Ingest  ingest.Options // how bodies and feeds are read
	// TopEntities is the number of entities in search facets (default 10).
	TopEntities int
	// SnippetWords is the length of snippets in words (default 30).
	SnippetWords int
	// FacetCache is the number of queries whose facets are kept, the most
	// recently asked (default 1024; negative: none).
	FacetCache int
	// SearchCache bounds the cache of index results, article briefs and
	// snippets of searches (see engine.SearchCache; zero sizes take the
	// defaults, negative ones cache nothing of that kind). It is cleared
	// after each ingest, with the facet cache.
	SearchCache engine.CacheSizes
	Logger      *slog.Logger // nil: slog.Default()
}

// Backend is server.Backend over an engine. It is safe for concurrent use.
type Backend struct {
	e       *engine.Engine
	st      EntityStore
	ids     IDLister
	opts    Options
	log     *slog.Logger
	cat     *catalog
	facets  *facetCache
	search  *engine.SearchCache
	ingests sync.Mutex // one ingest at a time
}

var _ server.Backend = (*Backend)(nil)

// New returns the backend of e. The engine's store must implement
// EntityStore and its index IDLister (the embedded ones do). New brings
// the entity tables up to date with the store.
func New(ctx context.Context, e *engine.Engine, opts Options) (*Backend, error) {
	st, ok := e.Store.(EntityStore)
	if !ok {
		return nil, fmt.Errorf("backend: store %T has no entity tables", e.Store)
	}
	ids, ok := e.Index.(IDLister)
	if !ok {
		return nil, fmt.Errorf("backend: index %T cannot list matches", e.Index)
	}
	if opts.TopEntities <= 0 {
		opts.TopEntities = 10
	}
	if opts.SnippetWords <= 0 {
		opts.SnippetWords = 30
	}
	if opts.FacetCache == 0 {
		opts.FacetCache = 1024
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if t, ok := e.Store.(interface {
		TuneForReading(ctx context.Context, cacheMiB, mmapMiB int) error
	}); ok {
		if err := t.TuneForReading(ctx, 64, 1024); err != nil {
			return nil, err
		}
	}
	b := &Backend{e: e, st: st, ids: ids, opts: opts, log: opts.Logger, cat: newCatalog(), facets: newFacetCache(opts.FacetCache),
		search: engine.NewSearchCache(opts.SearchCache)}
	if err := b.refresh(ctx); err != nil {
		return nil, err
	}
	return b, nil
}

// refresh brings the entity tables and the facet catalog up to date with
// the store.
func (b *Backend) refresh(ctx context.Context) error {
	// The caches go even when the refresh fails: the engine changed.
	defer func() {
		b.facets.clear()
		b.search.Clear()
	}()
	start := time.Now()
	n, err := b.st.SyncEntities(ctx)
	if err != nil {
		return err
	}
	if err := b.cat.refresh(ctx, b.st); err != nil {
		return err
	}
	if n > 0 {
		b.log.Info("entity tables updated", "articles", n, "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

func badRequest(err error) error { return fmt.Errorf("%w: %v", server.ErrBadRequest, err) }

// request maps a server query to an index request.
func request(q server.SearchQuery) (index.Request, error) {
	var req index.Request
	if strings.TrimSpace(q.Q) == "" {
		if q.Source == "" && q.Entity == "" && q.From == "" && q.To == "" {
			return req, fmt.Errorf("%w: type at least one word to search", server.ErrBadRequest)
		}
		// Filters alone: every article that passes them.
	} else {
		pq, err := search.Parse(q.Q)
		if err != nil {
			return req, badRequest(err)
		}
		req.Query = pq
	}
	for _, d := range []struct {
		s  string
		to *time.Time
	}{{q.From, &req.From}, {q.To, &req.To}} {
		if d.s == "" {
			continue
		}
		t, err := time.Parse(article.DateLayout, d.s)
		if err != nil {
			return req, fmt.Errorf("%w: date %q is not YYYY-MM-DD", server.ErrBadRequest, d.s)
		}
		*d.to = t
	}
	req.Source, req.Entity = q.Source, q.Entity
	req.ByDate = q.Sort == server.SortDate
	size := max(q.Size, 1)
	req.Limit, req.Offset = size, (max(q.Page, 1)-1)*size
	return req, nil
}

func date(t time.Time) server.Date {
	if t.IsZero() {
		return ""
	}
	return server.Date(t.UTC().Format(article.DateLayout))
}

// Search implements server.Backend.
func (b *Backend) Search(ctx context.Context, q server.SearchQuery) (server.SearchResult, error) {
	req, err := request(q)
	if err != nil {
		return server.SearchResult{}, err
	}
	total, hits, err := b.hits(ctx, req)
	if errors.Is(err, index.ErrNoTerms) {
		return server.SearchResult{}, badRequest(err)
	}
	if err != nil {
		return server.SearchResult{}, err
	}
	res := server.SearchResult{Total: total, Hits: hits}
	key := facetKey(q.Q, req)
	f, ok, gen := b.facets.get(key)
	if ok {
		res.Facets = f
		return res, nil
	}
	if ml, ok := b.ids.(matchLister); ok {
		_, err = ml.Matches(ctx, req, func(snap index.Snapshot, nums []uint64, id func(uint64) (string, error)) error {
			res.Facets, err = b.cat.facetsOf(snap, nums, id, b.opts.TopEntities)
			return err
		})
	} else {
		var ids []string
		ids, _, err = b.ids.IDs(ctx, req, 0)
		res.Facets = b.cat.facets(ids, b.opts.TopEntities)
	}
	if err != nil {
		return server.SearchResult{}, err
	}
	b.facets.put(key, res.Facets, gen)
	return res, nil
}

// Article implements server.Backend.
func (b *Backend) Article(ctx context.Context, id string) (server.ArticleView, error) {
	recs, err := b.e.Store.Get(ctx, id)
	if err != nil {
		return server.ArticleView{}, err
	}
	if len(recs) == 0 {
		return server.ArticleView{}, fmt.Errorf("%w: article %q", server.ErrNotFound, id)
	}
	r := recs[0]
	v := server.ArticleView{Article: r.Article}
	if r.Facts != nil {
		v.Facts = *r.Facts
	}
	if v.Duplicates, err = b.st.Copies(ctx, id); err != nil {
		return server.ArticleView{}, err
	}
	if b.opts.Stories != nil {
		// The story of a copy is its original's.
		sid := id
		if r.DuplicateOf != "" {
			sid = r.DuplicateOf
		}
		if v.Story, err = b.opts.Stories.StoryOf(ctx, sid); err != nil {
			return server.ArticleView{}, err
		}
	}
	return v, nil
}

// Stories implements server.Backend.
func (b *Backend) Stories(ctx context.Context, f server.StoryFilter) ([]server.StorySummary, error) {
	if b.opts.Stories == nil {
		return []server.StorySummary{}, nil
	}
	return b.opts.Stories.Stories(ctx, f)
}

// Story implements server.Backend.
func (b *Backend) Story(ctx context.Context, id string) (server.StoryView, error) {
	if b.opts.Stories == nil {
		return server.StoryView{}, fmt.Errorf("%w: story %q (stories are not built yet)", server.ErrNotFound, id)
	}
	return b.opts.Stories.Story(ctx, id)
}

// Entities implements server.Backend.
func (b *Backend) Entities(ctx context.Context, q string, limit int) ([]server.EntityCount, error) {
	cs, err := b.st.Entities(ctx, q, limit)
	if err != nil {
		return nil, err
	}
	return entityCounts(cs), nil
}

func entityCounts(cs []store.EntityCount) []server.EntityCount {
	out := make([]server.EntityCount, len(cs))
	for i, c := range cs {
		out[i] = server.EntityCount{Name: c.Name, Type: c.Type, Count: c.Articles}
	}
	return out
}

// entityLimit bounds the co-occurring entities and the quotes of an
// entity view.
const entityLimit = 50

// Entity implements server.Backend.
func (b *Backend) Entity(ctx context.Context, name string) (server.EntityView, error) {
	d, err := b.st.Entity(ctx, name, entityLimit)
	if errors.Is(err, store.ErrNoEntity) {
		return server.EntityView{}, fmt.Errorf("%w: entity %q", server.ErrNotFound, name)
	}
	if err != nil {
		return server.EntityView{}, err
	}
	v := server.EntityView{
		Name: d.Name, Type: d.Type, Articles: d.Articles, Days: d.Days,
		Cooccurring: entityCounts(d.Cooccurring),
		Quotes:      make([]server.EntityQuote, len(d.Quotes)),
	}
	for i, q := range d.Quotes {
		v.Quotes[i] = server.EntityQuote{Quote: q.Quote, Article: q.ID, Published: date(q.Published), Source: q.Source, Title: q.Title}
	}
	return v, nil
}

// Stats implements server.Backend.
func (b *Backend) Stats(ctx context.Context) (server.Stats, error) {
	st, err := b.e.Store.Stats(ctx)
	if err != nil {
		return server.Stats{}, err
	}
	sources := 0
	for s := range st.Sources {
		if s != "" {
			sources++
		}
	}
	return server.Stats{Articles: st.Articles, Duplicates: st.Duplicates, Sources: sources, First: date(st.First), Last: date(st.Last)}, nil
}

// maxFeeds bounds the feed URLs of one ingest request.
const maxFeeds = 100

// Ingest implements server.Backend.
func (b *Backend) Ingest(ctx context.Context, body io.Reader, contentType string) ([]server.IngestResult, error) {
	var items iter.Seq[ingest.Item]
	// A failure to read the body (such as http.MaxBytesError) is the
	// request's, not one article's: it is returned as the error.
	br := &bodyReader{r: body}
	switch contentType {
	case server.IngestJSONLines:
		items = ingest.ReadJSONLines(ctx, br, "body", b.opts.Ingest)
	case server.IngestJSON:
		var urls []string
		if err := json.NewDecoder(br).Decode(&urls); err != nil {
			if br.err != nil {
				return nil, fmt.Errorf("read body: %w", br.err)
			}
			return nil, fmt.Errorf("%w: the body must be a JSON list of feed URLs: %v", server.ErrBadRequest, err)
		}
		if len(urls) == 0 || len(urls) > maxFeeds {
			return nil, fmt.Errorf("%w: give 1 to %d feed URLs", server.ErrBadRequest, maxFeeds)
		}
		for _, u := range urls {
			p, err := url.Parse(u)
			if err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" {
				return nil, fmt.Errorf("%w: %q is not an http(s) URL", server.ErrBadRequest, u)
			}
		}
		items = func(yield func(ingest.Item) bool) {
			for _, u := range urls {
				for it := range ingest.Read(ctx, u, b.opts.Ingest) {
					if !yield(it) {
						return
					}
				}
			}
		}
	default:
		return nil, fmt.Errorf("%w: content type %q", server.ErrBadRequest, contentType)
	}
	b.ingests.Lock()
	defer b.ingests.Unlock()
	var (
		mu      sync.Mutex // the reader and the reports run on different goroutines
		results []server.IngestResult
	)
	arts := func(yield func(article.Article) bool) {
		for it := range items {
			if it.Err != nil {
				mu.Lock()
				results = append(results, server.IngestResult{ID: it.Origin, Status: server.IngestFailed, Error: it.Err.Error()})
				mu.Unlock()
				continue
			}
			if !yield(it.Article) {
				return
			}
		}
	}
	_, err := b.e.Ingest(ctx, arts, func(o engine.Outcome) {
		r := server.IngestResult{ID: o.ID}
		switch {
		case o.Err != nil:
			r.Status, r.Error = server.IngestFailed, o.Err.Error()
		case o.Status == store.Added:
			r.Status = server.IngestAdded
		case o.Status == store.Present:
			r.Status = server.IngestUnchanged
		default:
			r.Status, r.DuplicateOf = server.IngestDuplicate, o.DuplicateOf
		}
		mu.Lock()
		results = append(results, r)
		mu.Unlock()
	})
	// Refresh even after an error: what was committed is searchable.
	if rerr := b.refresh(context.WithoutCancel(ctx)); rerr != nil {
		err = errors.Join(err, rerr)
	}
	if br.err != nil {
		// The articles read before the failure are ingested.
		err = errors.Join(err, fmt.Errorf("read body: %w", br.err))
	}
	if err != nil {
		return nil, fmt.Errorf("ingest: %w", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if results == nil {
		results = []server.IngestResult{}
	}
	return results, nil
}

// bodyReader remembers the first read error of a request body other than
// io.EOF.
type bodyReader struct {
	r   io.Reader
	err error
}

func (b *bodyReader) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if err != nil && err != io.EOF && b.err == nil {
		b.err = err
	}
	return n, err
}
