// Package article defines the unit of data that flows through Marsad's
// pipeline: an Article with its original text, and the Facts that later
// stages attach to it as spans over that text.
//
// Offsets are rune offsets into Article.Text (or into Article.Title when a
// span says In == "title"), never into a modified copy of the text.
package article

import "time"

// Article is one news article as ingested.
type Article struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"`
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"-"` // zero when unknown
	Text      string    `json:"text"`
}

// DateLayout is the layout of a calendar date in Marsad's JSON contracts.
const DateLayout = "2006-01-02"

// PublishedDate returns the publication date as YYYY-MM-DD, or "" when unknown.
func (a *Article) PublishedDate() string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format(DateLayout)
}

// InTitle is the value of a span's In field when its offsets point into the
// title rather than the text.
const InTitle = "title"

// Span is a half-open range [Start, End) of rune offsets.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	In    string `json:"in,omitempty"` // "" for the text, InTitle for the title
}

// Time is a temporal expression resolved against the publication date.
// Value is YYYY-MM-DD, YYYY-MM, YYYY, or one of PRESENT_REF, PAST_REF,
// FUTURE_REF for vague references.
type Time struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Span
}

// Entity types.
const (
	PER = "PER"
	ORG = "ORG"
	LOC = "LOC"
)

// Entity is a person, organization or place named in an article, with all
// its mentions grouped under one canonical name (the fullest form seen,
// clitics removed). Mentions are the places where it is named; Titles are
// the descriptions that stand for it without naming it (المتحدث باسم
// الكرملين for دميتري بيسكوف), kept apart so that a consumer counting or
// scoring names sees names only.
type Entity struct {
	Text     string `json:"text"`
	Type     string `json:"type"`
	Mentions []Span `json:"mentions"`
	Titles   []Span `json:"titles,omitempty"`
}

// Quote is an attributed statement: who said it, with which reporting verb,
// and whether it was quoted directly (between quotation marks) or reported.
type Quote struct {
	Speaker string `json:"speaker"`
	Verb    string `json:"verb"`
	Text    string `json:"text"`
	Direct  bool   `json:"direct"`
	Span
}

// Facts are what the extract stage finds in one article.
type Facts struct {
	Times    []Time   `json:"times"`
	Entities []Entity `json:"entities"`
	Quotes   []Quote  `json:"quotes"`
}
