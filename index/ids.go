package index

import (
	"context"
	"fmt"
	"weak"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	bleveindex "github.com/blevesearch/bleve_index_api"
)

// IDs returns the IDs of the articles matching req, in no particular order,
// at most max of them (all when max <= 0), and the total number of matches.
// It skips scoring, sorting and the collector's heap: it walks the query's
// searcher over an index snapshot, so it is the cheap way to compute facets
// over all the hits of a query. req's Limit, Offset and ByDate are ignored.
func (b *Bleve) IDs(ctx context.Context, req Request, max int) ([]string, uint64, error) {
	return matchIDs(ctx, b, req, max)
}

// matcher is an index with Matches.
type matcher interface {
	Matches(ctx context.Context, req Request, fn func(snap Snapshot, nums []uint64, id func(uint64) (string, error)) error) (uint64, error)
}

// matchIDs returns the IDs of the matches of req in m, at most max of them
// (all when max <= 0), and their total number.
func matchIDs(ctx context.Context, m matcher, req Request, max int) ([]string, uint64, error) {
	var ids []string
	total, err := m.Matches(ctx, req, func(_ Snapshot, nums []uint64, id func(uint64) (string, error)) error {
		if max > 0 && len(nums) > max {
			nums = nums[:max]
		}
		ids = make([]string, 0, len(nums))
		for _, n := range nums {
			s, err := id(n)
			if err != nil {
				return err
			}
			ids = append(ids, s)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	return ids, total, nil
}

// Snapshot identifies a snapshot of the index: the documents of one
// snapshot keep their numbers (see Matches), those of two snapshots need
// not. Snapshots are comparable; the zero Snapshot is none (numbers valid
// only during the call that gave them). A Snapshot does not keep the
// index's snapshot alive.
type Snapshot struct {
	p any // a weak.Pointer to the index's snapshot, nil for none
}

// weakView returns the Snapshot value of an Inverted index's view.
func weakView(v *view) any { return weak.Make(v) }

// Matches walks the matches of req as IDs does and calls fn once with them
// as document numbers of snapshot snap, in no particular order, and with
// id, which returns the article ID of a document number. id is valid only
// during the call to fn. Matches returns the total number of matches, or
// fn's error.
//
// The numbers of a snapshot are small (up to the number of documents
// indexed in it, deleted ones included): a caller can keep what it knows
// of each document in a slice indexed by number, valid while the snapshot
// stays the same, and so avoid looking up IDs at all.
func (b *Bleve) Matches(ctx context.Context, req Request, fn func(snap Snapshot, nums []uint64, id func(uint64) (string, error)) error) (uint64, error) {
	q, err := b.Query(req)
	if err != nil {
		return 0, err
	}
	adv, err := b.idx.Advanced()
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	defer r.Close()
	s, err := q.Searcher(ctx, r, b.idx.Mapping(), search.SearcherOptions{Score: "none"})
	if err != nil {
		return 0, fmt.Errorf("search: %w", err)
	}
	defer s.Close()
	sc := &search.SearchContext{
		DocumentMatchPool: search.NewDocumentMatchPool(s.DocumentMatchPoolSize(), 0),
		IndexReader:       r,
	}
	var nums []uint64
	for {
		if len(nums)%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return 0, fmt.Errorf("search: %w", err)
			}
		}
		dm, err := s.Next(sc)
		if err != nil {
			return 0, fmt.Errorf("search: %w", err)
		}
		if dm == nil {
			break
		}
		nums = append(nums, dm.IndexInternalID.Value())
		sc.DocumentMatchPool.Put(dm)
	}
	var snap Snapshot
	if is, ok := r.(*scorch.IndexSnapshot); ok {
		snap.p = weak.Make(is)
	}
	id := func(n uint64) (string, error) {
		s, err := r.ExternalID(bleveindex.NewIndexInternalID(nil, n))
		if err != nil {
			return "", fmt.Errorf("search: %w", err)
		}
		return s, nil
	}
	if err := fn(snap, nums, id); err != nil {
		return 0, err
	}
	return uint64(len(nums)), nil
}
