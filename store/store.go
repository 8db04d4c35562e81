// Package store keeps Marsad's articles: their text and metadata, their
// content hash for finding exact duplicates, and the facts extracted from
// them. Store is the interface the rest of Marsad uses; SQLite is the
// embedded implementation (one file in the data directory, WAL mode, no
// setup), and a server-backed one (PostgreSQL) can implement it later.
package store

import (
	"context"
	"time"

	"github.com/marsad/marsad/article"
)

// Entry is one article to store, with what the pipeline computed for it.
type Entry struct {
	Article article.Article
	Hash    string         // hash of the normalized text; equal hashes are duplicates
	Facts   *article.Facts // nil when not extracted
	// FactsJSON, when not empty, is Facts encoded with json.Marshal by
	// the caller ahead (on its own goroutines); Put stores it and ignores
	// Facts.
	FactsJSON string
}

// Status is what Put did with one entry.
type Status int

// Put outcomes.
const (
	Added     Status = iota // stored as a new article
	Present                 // an article with that ID was already stored: nothing changed
	Duplicate               // stored as a duplicate of an article with the same text
)

func (s Status) String() string {
	switch s {
	case Added:
		return "added"
	case Present:
		return "already present"
	default:
		return "duplicate"
	}
}

// Outcome is the result of Put for one entry.
type Outcome struct {
	Status      Status
	Seq         int64  // sequence number of the stored article (0 when Present)
	DuplicateOf string // ID of the article it duplicates, for Duplicate
}

// Record is a stored article.
type Record struct {
	Article     article.Article
	Seq         int64 // increasing with every article stored
	Hash        string
	DuplicateOf string // "" for an original
	Facts       *article.Facts
	Added       time.Time
}

// Stats summarizes what a store holds.
type Stats struct {
	Articles    int            // originals (not duplicates)
	Duplicates  int            // articles stored as duplicates of another
	Sources     map[string]int // originals per source ("" for none)
	First, Last time.Time      // range of publication dates (zero when none)
	LastSeq     int64          // highest sequence number
	Size        int64          // bytes on disk
}

// Store keeps articles. Implementations are safe for concurrent use.
type Store interface {
	// Put stores entries in one transaction, in order: an entry whose ID is
	// stored already is left alone (Present); one whose Hash equals a
	// stored original's is stored as its Duplicate; the others are Added.
	// When Put returns without error every entry is durable.
	Put(ctx context.Context, entries []Entry) ([]Outcome, error)
	// Get returns the articles with the given IDs, in that order; unknown
	// IDs are skipped.
	Get(ctx context.Context, ids ...string) ([]Record, error)
	// Briefs is Get for a page of search hits: the articles with the
	// spans of their entity mentions, without decoding their other facts.
	Briefs(ctx context.Context, ids ...string) ([]Brief, error)
	// Originals calls fn for every original (non-duplicate) article with a
	// sequence number above seq, in sequence order, until fn returns an error.
	Originals(ctx context.Context, seq int64, fn func(Record) error) error
	// Stats summarizes the store.
	Stats(ctx context.Context) (Stats, error)
	Close() error
}
