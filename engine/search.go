package engine

import (
	"context"
	"strings"
	"time"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/store"
)

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
// Snippets are cut with search.LazySnippet, which analyzes only as much of
// each hit as its snippet needs: on a page of hits the analysis of whole
// articles would be most of the cost.
func (e *Engine) Search(ctx context.Context, req index.Request, so SearchOptions) (uint64, []Hit, error) {
	res, err := e.Index.Search(ctx, req)
	if err != nil {
		return 0, nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	briefs, err := e.Store.Briefs(ctx, ids...)
	if err != nil {
		return 0, nil, err
	}
	byID := make(map[string]store.Brief, len(briefs))
	for _, b := range briefs {
		byID[b.Article.ID] = b
	}
	m := req.Query.Matcher(e.an)
	hits := make([]Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		b, ok := byID[h.ID]
		if !ok {
			continue // indexed but not stored: cannot happen with this engine
		}
		a := b.Article
		text := a.Text
		if strings.TrimSpace(text) == "" {
			text = a.Title
		}
		hits = append(hits, Hit{
			ID: a.ID, Score: h.Score, Published: a.Published, Source: a.Source, Title: a.Title, URL: a.URL,
			Snippet: search.LazySnippet(text, e.an, m, b.Mentions, so.Words, so.Format),
		})
	}
	return res.Total, hits, nil
}
