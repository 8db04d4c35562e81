package backend

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/story"
)

// EngineStories serves the stories that an engine groups its articles into.
type EngineStories struct {
	Engine *engine.Engine
}

// StoryOf returns the story of an article, or nil when it is in none.
func (s EngineStories) StoryOf(ctx context.Context, articleID string) (*server.StoryRef, error) {
	c, err := s.Engine.Stories(ctx)
	if err != nil {
		return nil, err
	}
	a, ok := c.Assignment(articleID)
	if !ok {
		return nil, nil
	}
	st, ok := c.Story(a.Story)
	if !ok {
		return nil, nil
	}
	return &server.StoryRef{ID: st.ID, Title: st.Title, Thread: st.Thread}, nil
}

// Stories lists the stories matching f, newest first, one page of them.
func (s EngineStories) Stories(ctx context.Context, f server.StoryFilter) ([]server.StorySummary, error) {
	c, err := s.Engine.Stories(ctx)
	if err != nil {
		return nil, err
	}
	q, err := StoryQueryOf(f)
	if err != nil {
		return nil, err
	}
	list := Filter(c.Stories(), q)
	size := f.Size
	if size <= 0 {
		size = server.DefaultPageSize
	}
	lo := (max(f.Page, 1) - 1) * size
	out := []server.StorySummary{}
	for _, st := range list[min(lo, len(list)):min(lo+size, len(list))] {
		out = append(out, Summary(st))
	}
	return out, nil
}

// Story returns one story with its timeline (oldest first: date, source,
// headline and key quote of each article) and the other stories of its
// thread.
func (s EngineStories) Story(ctx context.Context, id string) (server.StoryView, error) {
	c, err := s.Engine.Stories(ctx)
	if err != nil {
		return server.StoryView{}, err
	}
	st, ok := c.Story(id)
	if !ok {
		return server.StoryView{}, fmt.Errorf("story %q: %w", id, server.ErrNotFound)
	}
	recs, err := s.Engine.Store.Get(ctx, st.Articles...)
	if err != nil {
		return server.StoryView{}, err
	}
	v := server.StoryView{StorySummary: Summary(st), Timeline: []server.TimelineEntry{}, Thread: []server.StorySummary{}}
	when := map[string]time.Time{}
	for _, r := range recs {
		a := r.Article
		en := server.TimelineEntry{Date: date(a.Published), Source: a.Source, Headline: Headline(a), Article: a.ID}
		if r.Facts != nil && len(r.Facts.Quotes) > 0 {
			q := r.Facts.Quotes[0]
			en.Quote = &q
		}
		when[a.ID] = a.Published
		v.Timeline = append(v.Timeline, en)
	}
	slices.SortStableFunc(v.Timeline, func(a, b server.TimelineEntry) int { return when[a.Article].Compare(when[b.Article]) })
	var thread []story.Story
	for _, o := range c.Stories() {
		if o.Thread == st.Thread && o.ID != st.ID {
			thread = append(thread, o)
		}
	}
	slices.SortStableFunc(thread, func(a, b story.Story) int { return a.First.Compare(b.First) })
	for _, o := range thread {
		v.Thread = append(v.Thread, Summary(o))
	}
	return v, nil
}

// StoryQuery selects stories: active within [From, To] (zero: open), with
// an entity among the story's main ones, with words in its title, of at
// least MinArticles articles.
type StoryQuery struct {
	From, To    time.Time
	Entity      string
	Words       string
	MinArticles int
}

// StoryQueryOf maps the server's story filter to a StoryQuery: To
// includes its whole day. A malformed date is an error wrapping
// server.ErrBadRequest.
func StoryQueryOf(f server.StoryFilter) (StoryQuery, error) {
	q := StoryQuery{Entity: f.Entity, Words: f.Q, MinArticles: f.MinArticles}
	var err error
	if f.From != "" {
		if q.From, err = time.Parse(article.DateLayout, f.From); err != nil {
			return q, fmt.Errorf("%w: from %q is not a date YYYY-MM-DD", server.ErrBadRequest, f.From)
		}
	}
	if f.To != "" {
		if q.To, err = time.Parse(article.DateLayout, f.To); err != nil {
			return q, fmt.Errorf("%w: to %q is not a date YYYY-MM-DD", server.ErrBadRequest, f.To)
		}
		q.To = q.To.Add(24*time.Hour - time.Nanosecond)
	}
	return q, nil
}

// Filter returns the stories of list that match q, newest (last article)
// first.
func Filter(list []story.Story, q StoryQuery) []story.Story {
	norm := func(s string) string {
		return arabic.Normalize(strings.TrimSpace(s), arabic.DefaultNormalizeOptions())
	}
	ent, words := norm(q.Entity), norm(q.Words)
	out := list[:0:0]
	for _, s := range list {
		if len(s.Articles) < q.MinArticles || !q.From.IsZero() && s.Last.Before(q.From) || !q.To.IsZero() && s.First.After(q.To) {
			continue
		}
		if ent != "" && !slices.ContainsFunc(s.TopEntities, func(n string) bool { return strings.Contains(norm(n), ent) }) {
			continue
		}
		if words != "" && !strings.Contains(norm(s.Title), words) {
			continue
		}
		out = append(out, s)
	}
	slices.SortStableFunc(out, func(a, b story.Story) int { return b.Last.Compare(a.Last) })
	return out
}

// Summary is a story in the `marsad stories --json` contract.
func Summary(s story.Story) server.StorySummary {
	return server.StorySummary{ID: s.ID, Title: s.Title, Articles: s.Articles, First: date(s.First), Last: date(s.Last), Thread: s.Thread}
}

// Headline is an article's title, else the first line of its text.
func Headline(a article.Article) string {
	if a.Title != "" {
		return a.Title
	}
	first, _, _ := strings.Cut(strings.TrimSpace(a.Text), "\n")
	return first
}
