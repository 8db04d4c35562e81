package backend

import (
	"context"
	"strings"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/store"
)

// hits runs req and returns the total and one page of hits with HTML
// snippets. It is engine.Search with search.LazySnippet, which analyzes
// only as much of each hit as its snippet needs: on a search page the
// analysis of whole articles is most of the cost.
func (b *Backend) hits(ctx context.Context, req index.Request) (int, []server.Hit, error) {
	res, err := b.e.Index.Search(ctx, req)
	if err != nil {
		return 0, nil, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	briefs, err := b.st.Briefs(ctx, ids...)
	if err != nil {
		return 0, nil, err
	}
	byID := make(map[string]store.Brief, len(briefs))
	for _, r := range briefs {
		byID[r.Article.ID] = r
	}
	an := b.e.Analyzer()
	m := req.Query.Matcher(an)
	hits := make([]server.Hit, 0, len(res.Hits))
	for _, h := range res.Hits {
		r, ok := byID[h.ID]
		if !ok {
			continue // indexed but not stored: cannot happen with the engine
		}
		a := r.Article
		text := a.Text
		if strings.TrimSpace(text) == "" {
			text = a.Title
		}
		hits = append(hits, server.Hit{
			ID: a.ID, Score: h.Score, Published: date(a.Published), Source: a.Source, Title: a.Title,
			Snippet: search.LazySnippet(text, an, m, r.Mentions, b.opts.SnippetWords, search.HTML),
		})
	}
	return int(res.Total), hits, nil
}
