package index

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the index's segments into one and waits until the merge
// is persisted. A search reads every term's postings once per segment, so
// an index of one segment answers the queries of frequent words faster
// than the dozen segments an ingest leaves; the merge rewrites the whole
// index (20-30 s for 200,000 articles) and must not overlap an Add.
//
// The articles a query finds and their number stay the same, but not
// their scores (2-10% lower on the 200k bench corpus): bleve's BM25 takes
// a field's average length from the sizes of the segments' term
// dictionaries, which any merge (Compact, or scorch's own in the
// background) changes; and equal scores are ordered by internal document
// number, which a merge renumbers. On the bench corpus the top hits stay
// the same articles; the order of its identical copies changes.
func (b *Bleve) Compact(ctx context.Context) error {
	adv, err := b.idx.Advanced()
	if err != nil {
		return fmt.Errorf("compact index: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("compact index: not a scorch index (%T)", adv)
	}
	// One force merge merges what its plan takes (a tier at a time):
	// repeat while the segments get fewer.
	last := segments(s)
	for last > 1 {
		if err := s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
			return fmt.Errorf("compact index: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("compact index: %w", err)
		}
		n := segments(s)
		if n >= last {
			break
		}
		last = n
	}
	return b.Sync(ctx)
}

// segments returns the number of segments of s's current snapshot.
func segments(s interface{ StatsMap() map[string]interface{} }) uint64 {
	n, _ := s.StatsMap()["num_root_filesegments"].(uint64)
	m, _ := s.StatsMap()["num_root_memorysegments"].(uint64)
	return n + m
}
