package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
)

// IDs returns the IDs of the articles matching req, in no particular order,
// at most max of them (all when max <= 0), and the total number of matches.
// It skips scoring and sorting, so it is the cheap way to compute facets
// over all the hits of a query. req's Limit, Offset and ByDate are ignored.
func (b *Bleve) IDs(ctx context.Context, req Request, max int) ([]string, uint64, error) {
	q, err := b.Query(req)
	if err != nil {
		return nil, 0, err
	}
	if max <= 0 {
		n, err := b.idx.DocCount()
		if err != nil {
			return nil, 0, fmt.Errorf("search: %w", err)
		}
		max = int(n) + 1
	}
	sr := bleve.NewSearchRequestOptions(q, max, 0, false)
	sr.Score = bleve.ScoreNone
	res, err := b.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, 0, fmt.Errorf("search: %w", err)
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	return ids, res.Total, nil
}
