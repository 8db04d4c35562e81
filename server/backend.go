package server

import (
	"context"
	"encoding/json"
	"errors"
	"io"

	"github.com/marsad/marsad/article"
)

// Backend is everything the server needs from the rest of Marsad. The
// command that serves wires the real store, index, extractor and story
// builder behind it; tests use an in-memory fake.
//
// Every method must honour ctx (the server cancels it when a request times
// out or the client goes away) and be safe for concurrent use, including
// reads while an Ingest runs.
//
// Errors: wrap ErrNotFound for an unknown id or name (the server answers
// 404) and ErrBadRequest for a malformed query or body (400, and the error
// text is shown to the user, so keep it short and meaningful). Any other
// error is a 500 whose text is logged but not shown.
type Backend interface {
	// Search runs a full-text query. Hits are ordered by q.Sort and ties
	// are broken by article id so that pages are stable. Total counts all
	// matching articles; Facets describe all of them, not only the page.
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
	// Article returns one article with its facts, duplicates and story.
	Article(ctx context.Context, id string) (ArticleView, error)
	// Stories lists stories, newest (by Last) first, one page of f.Size.
	Stories(ctx context.Context, f StoryFilter) ([]StorySummary, error)
	// Story returns one story with its timeline and thread.
	Story(ctx context.Context, id string) (StoryView, error)
	// Entities lists up to limit entities whose canonical name contains q
	// (all entities when q is empty), most mentioned first.
	Entities(ctx context.Context, q string, limit int) ([]EntityCount, error)
	// Entity returns one entity (by canonical name) across all articles.
	Entity(ctx context.Context, name string) (EntityView, error)
	// Stats summarises the collection.
	Stats(ctx context.Context) (Stats, error)
	// Ingest reads a body of the given content type: IngestJSONLines
	// (one article object per line, the shape of the JSON Lines dump) or
	// IngestJSON (a JSON list of feed URLs to fetch), and reports one
	// result per article.
	Ingest(ctx context.Context, body io.Reader, contentType string) ([]IngestResult, error)
}

// ErrNotFound is wrapped by Backend errors for an unknown id or name.
var ErrNotFound = errors.New("not found")

// ErrBadRequest is wrapped by Backend errors for a malformed query or body,
// for example fmt.Errorf("%w: unbalanced quote in query", server.ErrBadRequest).
var ErrBadRequest = errors.New("bad request")

// Content types accepted by POST /api/ingest, as passed to Backend.Ingest.
const (
	IngestJSONLines = "application/x-ndjson" // JSON Lines articles
	IngestJSON      = "application/json"     // a JSON list of feed URLs
)

// Sort orders for SearchQuery.Sort.
const (
	SortRelevance = "relevance"
	SortDate      = "date" // newest first
)

// Date is a calendar date YYYY-MM-DD, or "" when unknown. It is encoded in
// JSON as null when empty, like "published" in the extract contract.
type Date string

// MarshalJSON encodes an empty Date as null.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(d))
}

// UnmarshalJSON decodes null as an empty Date.
func (d *Date) UnmarshalJSON(b []byte) error {
	var s *string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	*d = ""
	if s != nil {
		*d = Date(*s)
	}
	return nil
}

// SearchQuery is a validated search request. From and To are inclusive
// dates (YYYY-MM-DD) or empty; Sort is SortRelevance or SortDate; Page
// counts from 1 and Size is at most MaxPageSize. Q may be empty when a
// filter is set: then every article matching the filters is a hit.
type SearchQuery struct {
	Q      string
	From   string
	To     string
	Source string
	Entity string
	Sort   string
	Page   int
	Size   int
}

// SearchResult is one page of hits. Its JSON is the `marsad search --json`
// contract plus "facets".
type SearchResult struct {
	Total  int    `json:"total"`
	Hits   []Hit  `json:"hits"`
	Facets Facets `json:"facets"`
}

// Hit is one matching article.
type Hit struct {
	ID        string  `json:"id"`
	Score     float64 `json:"score"`
	Published Date    `json:"published"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	// Snippet is HTML: the escaped original text around the matches, with
	// matched words wrapped in <mark>…</mark>. The server keeps only <mark>
	// tags and character references and escapes anything else.
	Snippet string `json:"snippet"`
}

// Facets count all hits of a query (not only one page).
type Facets struct {
	Sources  map[string]int `json:"sources"`  // source → hits
	Days     map[string]int `json:"days"`     // YYYY-MM-DD → hits published that day
	Entities []EntityCount  `json:"entities"` // top entities of the hits, most frequent first
}

// EntityCount is an entity with a count (of articles or mentions).
type EntityCount struct {
	Name  string `json:"name"`
	Type  string `json:"type"` // article.PER, article.ORG or article.LOC
	Count int    `json:"count"`
}

// ArticleView is one article as the server shows it.
type ArticleView struct {
	Article    article.Article
	Facts      article.Facts
	Duplicates []string  // ids of the other copies of this article (wire copies)
	Story      *StoryRef // nil when the article is in no story
}

// StoryRef names a story.
type StoryRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Thread string `json:"thread,omitempty"` // thread id, "" when alone
}

// StoryFilter selects stories. Page counts from 1; Size is at most
// MaxPageSize. The other fields are optional (zero: no condition).
type StoryFilter struct {
	Q      string // words in the story title
	Entity string // canonical name of an entity that appears in the story
	// From and To are inclusive dates YYYY-MM-DD: a story is kept when it
	// is active within them, that is when its last article is not before
	// From and its first is not after To.
	From, To    string
	MinArticles int // only stories of at least this many articles
	Page        int
	Size        int
}

// StorySummary is one story in the `marsad stories --json` contract.
type StorySummary struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Articles []string `json:"articles"`
	First    Date     `json:"first"`
	Last     Date     `json:"last"`
	Thread   string   `json:"thread"` // thread id, "" when the story stands alone
}

// StoryView is a story with its timeline and the other stories of its
// thread.
type StoryView struct {
	StorySummary
	Timeline []TimelineEntry `json:"timeline"` // oldest first
	Thread   []StorySummary  `json:"thread_stories"`
}

// TimelineEntry is one article of a story.
type TimelineEntry struct {
	Date     Date           `json:"date"`
	Source   string         `json:"source"`
	Headline string         `json:"headline"`
	Quote    *article.Quote `json:"quote,omitempty"` // its key quote, if any
	Article  string         `json:"article"`         // article id
}

// EntityView is one entity across the collection.
type EntityView struct {
	Name        string         `json:"name"`
	Type        string         `json:"type"`
	Articles    int            `json:"articles"` // articles that mention it
	Days        map[string]int `json:"days"`     // YYYY-MM-DD → mentions that day
	Cooccurring []EntityCount  `json:"cooccurring"`
	Quotes      []EntityQuote  `json:"quotes"` // newest first
}

// EntityQuote is a statement by an entity, with the article it is from.
type EntityQuote struct {
	article.Quote
	Article   string `json:"article"` // article id
	Published Date   `json:"published"`
	Source    string `json:"source"`
	Title     string `json:"title"`
}

// Stats summarises the collection: the `marsad stats --json` contract.
type Stats struct {
	Articles   int  `json:"articles"`
	Duplicates int  `json:"duplicates"`
	Sources    int  `json:"sources"`
	First      Date `json:"first"`
	Last       Date `json:"last"`
}

// IngestResult reports what happened to one ingested article.
type IngestResult struct {
	ID          string `json:"id"`
	Status      string `json:"status"`                 // one of the Ingest* statuses
	DuplicateOf string `json:"duplicate_of,omitempty"` // for IngestDuplicate
	Error       string `json:"error,omitempty"`        // for IngestFailed
}

// Statuses of IngestResult.
const (
	IngestAdded     = "added"
	IngestUnchanged = "unchanged" // already stored, identical
	IngestDuplicate = "duplicate" // linked to an existing copy
	IngestFailed    = "failed"
)
