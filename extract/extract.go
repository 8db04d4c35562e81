// Package extract finds the facts of an article: its publication date, the
// temporal expressions it uses resolved to dates, the people, organizations
// and places it names, and who said what. It runs the stages in
// extract/timex, extract/entity and extract/quote over the tokens the arabic
// analyzer produced, so an article is analyzed once for both the index and
// extraction.
package extract

import (
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/entity"
	"github.com/marsad/marsad/extract/quote"
	"github.com/marsad/marsad/extract/timex"
)

// Extractor finds facts in articles. It is safe for concurrent use: its
// model is immutable after New, and each call takes its own scratch
// buffers from a pool.
type Extractor struct {
	tagger  *entity.Tagger
	scratch sync.Pool // of *scratch
}

// scratch holds the buffers of one Extract call, reused by later calls:
// nothing Extract returns refers to them.
type scratch struct {
	toks   []arabic.Token
	words  []entity.Token
	times  timex.Finder
	quotes quote.Analyzer
	names  nameFinder
}

// New returns an Extractor with the embedded entity model.
func New() (*Extractor, error) {
	t, err := entity.Default()
	if err != nil {
		return nil, fmt.Errorf("load entity model: %w", err)
	}
	return &Extractor{tagger: t}, nil
}

// Extract returns the facts of a, whose text toks are the analyzed tokens of
// (nil to analyze it here). When a has no publication date, the date found
// in its dateline, if any, is set on a and used to resolve relative dates.
// A title that stands for a person (المتحدث باسم الكرملين) is one of that
// person's Titles, and an organization that speaks (قالت وزارة الخارجية إن) is
// an entity even when the tagger missed it: every quote's speaker is an
// entity of the article.
func (x *Extractor) Extract(a *article.Article, toks []arabic.Token) article.Facts {
	sc, _ := x.scratch.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	defer x.scratch.Put(sc)
	if toks == nil {
		if sc.toks == nil {
			// Arabic news runs about 11 bytes a token (word, space and
			// punctuation): start there and let the buffer grow.
			sc.toks = make([]arabic.Token, 0, len(a.Text)/11+16)
		}
		sc.toks = arabic.AppendTokens(sc.toks[:0], a.Text)
		toks = sc.toks
	}
	if a.Published.IsZero() {
		if d, ok := publicationDate(a.Text); ok {
			a.Published = d
		}
	}
	words := sc.words[:0]
	for _, t := range toks {
		words = append(words, entity.Token{Text: t.Text, Start: t.Start, End: t.End})
	}
	sc.words = words
	f := article.Facts{
		Times:    sc.times.FindTokens(a.Text, toks, a.Published),
		Entities: x.tagger.Entities(a.Text, words),
	}
	// Organizations the tagger missed where the prose names them (a cited
	// outlet, the body a spokesperson speaks for): before quotes, so that
	// they can speak.
	f.Entities = sc.names.addNames(a.Text, toks, f.Entities)
	r := sc.quotes.AnalyzeTokens(a.Text, toks, f.Entities, "")
	f.Quotes = sc.quotes.Merge(a.Text, r.Quotes)
	attachTitles(f.Entities, r.Titles)
	// Organizations that speak but the tagger missed: every speaker is an
	// entity of the article.
	f.Entities = append(f.Entities, r.Entities...)
	nonNil(&f)
	return f
}

// nonNil replaces nil slices by empty ones so that JSON shows [] not null.
func nonNil(f *article.Facts) {
	if f.Times == nil {
		f.Times = []article.Time{}
	}
	if f.Entities == nil {
		f.Entities = []article.Entity{}
	}
	if f.Quotes == nil {
		f.Quotes = []article.Quote{}
	}
}

// Date parses a YYYY-MM-DD date, as given on the command line.
func Date(s string) (time.Time, error) {
	t, err := time.Parse(article.DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return t, nil
}

// publicationDate finds the date in the article's dateline: at the start of
// its text, or at the start of its second line when the first is a headline.
func publicationDate(text string) (time.Time, bool) {
	if d, ok := timex.PublicationDate(text); ok {
		return d, true
	}
	if head, rest, ok := strings.Cut(text, "\n"); ok && utf8.RuneCountInString(head) <= 300 {
		return timex.PublicationDate(strings.TrimLeft(rest, " \t\r\n"))
	}
	return time.Time{}, false
}
