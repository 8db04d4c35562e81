package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/search"
)

// IDs returns the IDs of the articles matching req, in no particular order,
// at most max of them (all when max <= 0), and the total number of matches.
// It skips scoring, sorting and the collector's heap: it walks the query's
// searcher over an index snapshot, so it is the cheap way to compute facets
// over all the hits of a query. req's Limit, Offset and ByDate are ignored.
func (b *Bleve) IDs(ctx context.Context, req Request, max int) ([]string, uint64, error) {
	q, err := b.Query(req)
	if err != nil {
		return nil, 0, err
	}
	adv, err := b.idx.Advanced()
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	defer r.Close()
	s, err := q.Searcher(ctx, r, b.idx.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	defer s.Close()
	sc := &search.SearchContext{
		DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0),
		IndexReader:       r,
	}
	var (
		ids   []string
		total uint64
	)
	for {
		if total%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, 0, fmt.Errorf("search: %w", err)
			}
		}
		dm, err := s.Next(sc)
		if err != nil {
			return nil, 0, fmt.Errorf("search: %w", err)
		}
		if dm == nil {
			break
		}
		total++
		if max <= 0 || len(ids) < max {
			id, err := r.ExternalID(dm.IndexInternalID)
			if err != nil {
				return nil, 0, fmt.Errorf("search: %w", err)
			}
			ids = append(ids, id)
		}
		sc.DocumentMatchPool.Put(dm)
	}
	return ids, total, nil
}
