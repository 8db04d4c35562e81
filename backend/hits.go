package backend

import (
	"context"

	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/server"
)

// hits runs req and returns the total and one page of hits with HTML
// snippets.
func (b *Backend) hits(ctx context.Context, req index.Request) (int, []server.Hit, error) {
	total, hs, err := b.e.Search(ctx, req, engine.SearchOptions{Format: search.HTML, Words: b.opts.SnippetWords, Cache: b.search})
	if err != nil {
		return 0, nil, err
	}
	hits := make([]server.Hit, len(hs))
	for i, h := range hs {
		hits[i] = server.Hit{ID: h.ID, Score: h.Score, Published: date(h.Published), Source: h.Source, Title: h.Title, Snippet: h.Snippet}
	}
	return int(total), hits, nil
}
