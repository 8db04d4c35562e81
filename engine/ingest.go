package engine

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"iter"
	"sort"
	"strings"
	"sync"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/story"
)

// Outcome is what ingesting one article did.
type Outcome struct {
	ID          string
	Status      store.Status
	DuplicateOf string
	Err         error // the article was refused (Status is meaningless)
}

// Counts sums up an ingest.
type Counts struct {
	Added, Present, Duplicates, Failed int
}

// Add counts o.
func (c *Counts) Add(o Outcome) {
	switch {
	case o.Err != nil:
		c.Failed++
	case o.Status == store.Added:
		c.Added++
	case o.Status == store.Present:
		c.Present++
	default:
		c.Duplicates++
	}
}

// prepared is an article analyzed once: its index document (terms, entity
// names) and its facts, ready to store and index. It does not keep the
// tokens, so that a batch waiting for the index stays small.
type prepared struct {
	art   article.Article
	doc   index.Doc
	facts *article.Facts
	story story.Doc // the story clusterer's view of the article
	hash  string
	err   error
}

// ErrEmpty is the reason an article without text nor title is refused.
var ErrEmpty = errors.New("empty article: no text and no title")

func (e *Engine) prepare(a article.Article) prepared {
	p := prepared{art: a}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "" {
		p.err = ErrEmpty
		return p
	}
	title := e.an.AppendAnalyzed(make([]arabic.Token, 0, len(a.Title)/7+2), a.Title)
	text := e.an.AppendAnalyzed(make([]arabic.Token, 0, len(a.Text)/7+2), a.Text)
	p.hash = Hash(title, text)
	if p.art.ID == "" {
		p.art.ID = p.hash[:16]
	}
	if e.opts.Enrich != nil {
		f := e.opts.Enrich(&p.art, text)
		p.facts = &f
	}
	p.doc = newDoc(&p.art, title, text, p.facts)
	p.story = storyDoc(&p.art, title, text, p.facts)
	return p
}

// Hash is the content hash of an article for finding exact duplicates: the
// normalized forms of the words of its text (its title when it has no
// text), so that spacing, punctuation, diacritics and letter variants do
// not make two copies differ.
func Hash(title, text []arabic.Token) string {
	toks := text
	if len(toks) == 0 {
		toks = title
	}
	h := sha256.New()
	for _, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		h.Write([]byte(t.Norm))
		h.Write([]byte{' '})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// newDoc returns the index document of an article with its analyzed title
// and text and its facts (nil when not extracted): the entity names, and the
// name keys of the words of their mentions.
func newDoc(a *article.Article, title, text []arabic.Token, facts *article.Facts) index.Doc {
	d := index.Doc{
		ID: a.ID, Title: a.Title, Text: a.Text,
		Published: a.Published, Source: a.Source,
		TitleTerms: index.Terms(title), TextTerms: index.Terms(text),
	}
	if d.TitleTerms == nil {
		d.TitleTerms = []index.Term{}
	}
	if d.TextTerms == nil {
		d.TextTerms = []index.Term{}
	}
	if facts != nil {
		seen := map[string]bool{}
		for _, ent := range facts.Entities {
			d.Entities = append(d.Entities, ent.Text)
			for _, m := range ent.Mentions {
				toks := text
				if m.In == article.InTitle {
					toks = title
				}
				for _, t := range tokensIn(toks, m.Start, m.End) {
					if t.Stop || t.Stem == "" {
						continue
					}
					if k := arabic.NameKey(t.Stem); !seen[k] {
						seen[k] = true
						d.Names = append(d.Names, k)
					}
				}
			}
		}
	}
	return d
}

// tokensIn returns the tokens within the rune span [start, end).
func tokensIn(toks []arabic.Token, start, end int) []arabic.Token {
	i := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	j := i
	for j < len(toks) && toks[j].End <= end {
		j++
	}
	return toks[i:j]
}

// Ingest stores and indexes the articles of arts, calling report (when not
// nil) with the outcome of each, from one goroutine. It stops at the first
// error of the store or the index (an article's own problem is reported as
// its Outcome.Err and the ingest goes on), or when ctx is done.
func (e *Engine) Ingest(ctx context.Context, arts iter.Seq[article.Article], report func(Outcome)) (Counts, error) {
	var counts Counts
	if !e.opts.NoStories {
		if _, err := e.Stories(ctx); err != nil {
			return counts, err
		}
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Stage 1 (this goroutine's helper): cut arts into batches.
	batches := make(chan []article.Article, 1)
	go func() {
		defer close(batches)
		batch := make([]article.Article, 0, e.opts.Batch)
		for a := range arts {
			batch = append(batch, a)
			if len(batch) == e.opts.Batch {
				select {
				case batches <- batch:
				case <-ctx.Done():
					return
				}
				batch = make([]article.Article, 0, e.opts.Batch)
			}
		}
		if len(batch) > 0 {
			select {
			case batches <- batch:
			case <-ctx.Done():
			}
		}
	}()
	// Stage 2: analyze (and enrich) each batch on all cores, one batch
	// ahead of stage 3.
	analyzed := make(chan []prepared) // one batch analyzed ahead, no more
	go func() {
		defer close(analyzed)
		for batch := range batches {
			ps := make([]prepared, len(batch))
			var wg sync.WaitGroup
			next := make(chan int, len(batch))
			for i := range batch {
				next <- i
			}
			close(next)
			for w := 0; w < e.opts.Workers; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range next {
						ps[i] = e.prepare(batch[i])
					}
				}()
			}
			wg.Wait()
			select {
			case analyzed <- ps:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Stage 3: store, then index, each batch.
	for ps := range analyzed {
		outs, err := e.write(ctx, ps)
		if err != nil {
			cancel()
			for range analyzed {
			}
			return counts, err
		}
		for _, o := range outs {
			counts.Add(o)
			if report != nil {
				report(o)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return counts, err
	}
	return counts, errors.Join(e.Index.Sync(ctx), e.SaveStories())
}

// write stores and indexes one batch.
func (e *Engine) write(ctx context.Context, ps []prepared) ([]Outcome, error) {
	outs := make([]Outcome, len(ps))
	var entries []store.Entry
	var which []int
	for i := range ps {
		outs[i].ID = ps[i].art.ID
		if ps[i].err != nil {
			outs[i].Err = ps[i].err
			continue
		}
		entries = append(entries, store.Entry{Article: ps[i].art, Hash: ps[i].hash, Facts: ps[i].facts})
		which = append(which, i)
	}
	if len(entries) == 0 {
		return outs, nil
	}
	res, err := e.Store.Put(ctx, entries)
	if err != nil {
		return nil, err
	}
	var docs []index.Doc
	var last int64
	for k, r := range res {
		i := which[k]
		outs[i].Status, outs[i].DuplicateOf = r.Status, r.DuplicateOf
		last = max(last, r.Seq)
		if r.Status == store.Added {
			docs = append(docs, ps[i].doc)
		}
	}
	if len(docs) > 0 {
		if err := e.Index.Add(ctx, docs, last); err != nil {
			return nil, err
		}
	}
	e.addStories(ps, which, res)
	return outs, nil
}
