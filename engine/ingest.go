package engine

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

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
// names), from which the story clusterer's view of it is made too, and its
// facts, ready to store and index. It does not keep the tokens, so that a
// batch waiting for the index stays small.
type prepared struct {
	art   article.Article
	doc   index.Doc
	facts string       // the extracted facts in JSON, "" when not extracted
	print *story.Print // the story clusterer's signatures of the terms
	hash  string
	err   error
}

// addedDocs are the index documents of the articles of a batch that the
// store added, with their sequence numbers and signatures, for the story
// clusterer. The index reads the same documents at the same time: neither
// modifies them.
type addedDocs struct {
	docs   []index.Doc
	seqs   []int64
	prints []*story.Print
	terms  *batchTerms // the docs' terms, released when read
}

// preparedBatch is a batch of articles analyzed, and the memory of their
// documents' terms.
type preparedBatch struct {
	ps    []prepared
	terms *batchTerms
}

// ErrEmpty is the reason an article without text nor title is refused.
var ErrEmpty = errors.New("empty article: no text and no title")

// scratch is the memory one analysis goroutine reuses from one article to
// the next, batch after batch: the tokens of a title and a text (which
// nothing keeps after prepare), the bytes hashed, the facts encoded in
// JSON (by facts, which writes into factsJSON), and the stems signed for
// the story clusterer with their numbers, and its printer (nil when the
// ingest groups no stories).
type scratch struct {
	title, text []arabic.Token
	hash        []byte
	factsJSON   bytes.Buffer
	facts       *json.Encoder
	doc         docScratch
	stems       []string
	stemIDs     []uint32
	printer     *story.Printer
	firsts      index.FirstsScratch
}

// maxScratchTokens bounds the token buffers kept between articles, so that
// one huge article does not hold its tokens' memory for the whole ingest.
const maxScratchTokens = 1 << 16

// prepare analyzes an article; with sc.printer, it computes the story
// clusterer's signatures of its terms too, here on many goroutines rather
// than in the clusterer's one. The document's Firsts and the facts' JSON
// are computed here too, to take work off the serial write.
func (e *Engine) prepare(a article.Article, sc *scratch) prepared {
	p := prepared{art: a}
	if strings.TrimSpace(a.Text) == "" && strings.TrimSpace(a.Title) == "" {
		p.err = ErrEmpty
		return p
	}
	title := e.an.AppendAnalyzed(sc.title[:0], a.Title)
	text := e.an.AppendAnalyzed(sc.text[:0], a.Text)
	p.hash, sc.hash = hashTokens(sc.hash[:0], title, text)
	if p.art.ID == "" {
		p.art.ID = p.hash[:16]
	}
	var facts *article.Facts
	if e.opts.Enrich != nil {
		f := e.opts.Enrich(&p.art, text)
		if sc.facts == nil {
			sc.facts = json.NewEncoder(&sc.factsJSON)
		}
		sc.factsJSON.Reset()
		// What json.Marshal returns, and a newline.
		if err := sc.facts.Encode(&f); err != nil {
			p.err = fmt.Errorf("article %s: facts: %w", p.art.ID, err)
			return p
		}
		b := sc.factsJSON.Bytes()
		p.facts, facts = string(b[:len(b)-1]), &f
		if sc.factsJSON.Cap() > maxScratchTokens*16 {
			sc.factsJSON = bytes.Buffer{}
		}
	}
	p.doc = newDocSeen(&p.art, title, text, facts, &sc.doc)
	var firsts []int32
	if n := len(p.doc.TitleTerms) + len(p.doc.TextTerms); sc.doc.arena != nil {
		firsts = sc.doc.arena.firsts.take(n)[:0]
	} else {
		firsts = make([]int32, 0, n)
	}
	p.doc.Firsts = index.AppendFirsts(firsts, &sc.firsts, p.doc.TitleTerms, p.doc.TextTerms)
	if sc.printer != nil {
		sd := storyDoc(&p.doc, sc.stems[:0])
		sd.StemIDs = stemIDs(stemIDs(sc.stemIDs[:0], p.doc.TitleTerms), p.doc.TextTerms)
		p.print = sc.printer.PrintDoc(&sd)
		if cap(sd.StemIDs) <= maxScratchTokens {
			sc.stemIDs = sd.StemIDs
		}
		clear(sd.Terms)
		if cap(sd.Terms) <= maxScratchTokens {
			sc.stems = sd.Terms[:0]
		}
	}
	// Zero the tokens so that the buffers do not keep this article's
	// strings alive; drop buffers grown by an outsized article.
	clear(title)
	clear(text)
	if cap(title) <= maxScratchTokens {
		sc.title = title[:0]
	}
	if cap(text) <= maxScratchTokens {
		sc.text = text[:0]
	}
	if cap(sc.hash) > maxScratchTokens*16 {
		sc.hash = nil
	}
	return p
}

// Hash is the content hash of an article for finding exact duplicates: the
// normalized forms of the words of its text (its title when it has no
// text), so that spacing, punctuation, diacritics and letter variants do
// not make two copies differ.
func Hash(title, text []arabic.Token) string {
	h, _ := hashTokens(nil, title, text)
	return h
}

// hashTokens is Hash with buf as scratch space for the bytes hashed; it
// returns the (possibly grown) buffer.
func hashTokens(buf []byte, title, text []arabic.Token) (string, []byte) {
	toks := text
	if len(toks) == 0 {
		toks = title
	}
	for _, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		buf = append(buf, t.Norm...)
		buf = append(buf, ' ')
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:16]), buf
}

// newDoc returns the index document of an article with its analyzed title
// and text and its facts (nil when not extracted): the entity names, and the
// name keys of the words of their mentions.
func newDoc(a *article.Article, title, text []arabic.Token, facts *article.Facts) index.Doc {
	return newDocSeen(a, title, text, facts, &docScratch{})
}

// docScratch is the memory newDocSeen reuses from one article to the
// next: a set of name keys, and the terms of a title and a text before
// they are copied out, both in one slice of their exact size, taken from
// arena when it is not nil (prepare takes the document's Firsts there too).
type docScratch struct {
	names map[string]bool
	terms []index.Term
	arena *docArena
}

// newDocSeen is newDoc with the memory of sc, which the caller may reuse
// from article to article.
func newDocSeen(a *article.Article, title, text []arabic.Token, facts *article.Facts, sc *docScratch) index.Doc {
	d := index.Doc{
		ID: a.ID, Title: a.Title, Text: a.Text,
		Published: a.Published, Source: a.Source,
	}
	terms := index.AppendTerms(sc.terms[:0], title)
	nt := len(terms)
	terms = index.AppendTerms(terms, text)
	if len(terms) > 0 {
		var own []index.Term
		if sc.arena != nil {
			own = sc.arena.terms.take(len(terms))
			copy(own, terms)
		} else {
			own = slices.Clone(terms)
		}
		d.TitleTerms, d.TextTerms = own[:nt:nt], own[nt:]
	}
	clear(terms) // keep no stem alive
	if cap(terms) <= maxScratchTokens {
		sc.terms = terms[:0]
	}
	if d.TitleTerms == nil {
		d.TitleTerms = []index.Term{}
	}
	if d.TextTerms == nil {
		d.TextTerms = []index.Term{}
	}
	if facts != nil {
		if sc.names == nil {
			sc.names = make(map[string]bool)
		}
		seen := sc.names
		clear(seen)
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
//
// The articles go through a pipeline of batches: one goroutine cuts arts
// into batches; Workers goroutines analyze (and enrich) the articles of a
// batch; this goroutine stores the batch, then indexes it; one more
// goroutine groups the articles the store added into stories, while the
// index takes them and the next batch is stored. At most one batch waits
// between two stages, so that memory stays bounded by a few batches.
func (e *Engine) Ingest(ctx context.Context, arts iter.Seq[article.Article], report func(Outcome)) (Counts, error) {
	var counts Counts
	var storyCfg *story.Config
	if !e.opts.NoStories {
		c, err := e.Stories(ctx)
		if err != nil {
			return counts, err
		}
		cfg := c.Config()
		storyCfg = &cfg
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	// Stage 1: cut arts into batches.
	batches := make(chan []article.Article)
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
	// Stage 2: analyze (and enrich) each batch on all cores, each
	// goroutine with its scratch kept from batch to batch.
	// The documents' terms are taken from pool and given back when
	// both the index and the stories stage are done with a batch.
	analyzed := make(chan preparedBatch)
	pool := &termPool{}
	go func() {
		defer close(analyzed)
		scs := make([]scratch, e.opts.Workers)
		if storyCfg != nil {
			for i := range scs {
				scs[i].printer = story.NewPrinter(*storyCfg)
			}
		}
		for batch := range batches {
			ps := e.prepareAll(batch, scs, pool)
			select {
			case analyzed <- ps:
			case <-ctx.Done():
				return
			}
		}
	}()
	// Stage 4: group the added articles into stories.
	added := make(chan addedDocs)
	storiesDone := make(chan struct{})
	go func() {
		defer close(storiesDone)
		var buf []string
		for docs := range added {
			buf = e.addStories(docs, buf)
			docs.terms.release()
		}
	}()
	// Stage 3: store, then index, each batch.
	err := func() error {
		defer close(added)
		for b := range analyzed {
			outs, err := e.write(ctx, b, added)
			if err != nil {
				return err
			}
			for _, o := range outs {
				counts.Add(o)
				if report != nil {
					report(o)
				}
			}
		}
		return ctx.Err()
	}()
	if err != nil {
		cancel()
		for range analyzed {
		}
	}
	<-storiesDone
	if err != nil {
		return counts, errors.Join(err, e.SaveStories())
	}
	// Save the stories while the index persists its last batches.
	saved := make(chan error, 1)
	go func() { saved <- e.SaveStories() }()
	return counts, errors.Join(e.Index.Sync(ctx), <-saved)
}

// prepareAll analyzes the articles of a batch on one goroutine per scratch
// of scs, at most one per article (see prepare), their documents' terms
// taken from pool.
func (e *Engine) prepareAll(batch []article.Article, scs []scratch, pool *termPool) preparedBatch {
	ps := make([]prepared, len(batch))
	workers := min(len(scs), len(batch))
	terms := newBatchTerms(pool, workers)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range workers {
		sc := &scs[w]
		sc.doc.arena = &terms.arenas[w]
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(batch) {
					return
				}
				ps[i] = e.prepare(batch[i], sc)
				batch[i] = article.Article{} // ps[i] holds it now
			}
		})
	}
	wg.Wait()
	for w := range workers {
		scs[w].doc.arena = nil
	}
	return preparedBatch{ps, terms}
}

// write stores one batch, hands the documents of the articles the store
// added to the stories stage (when added is not nil), and indexes them.
// Once the index is done with them, it releases the batch's terms (which
// an error leaves to the collector).
func (e *Engine) write(ctx context.Context, b preparedBatch, added chan<- addedDocs) ([]Outcome, error) {
	ps := b.ps
	outs := make([]Outcome, len(ps))
	entries := make([]store.Entry, 0, len(ps))
	which := make([]int, 0, len(ps))
	for i := range ps {
		outs[i].ID = ps[i].art.ID
		if ps[i].err != nil {
			outs[i].Err = ps[i].err
			continue
		}
		entries = append(entries, store.Entry{Article: ps[i].art, Hash: ps[i].hash, FactsJSON: ps[i].facts})
		which = append(which, i)
	}
	if len(entries) == 0 {
		b.terms.release()
		return outs, nil
	}
	res, err := e.Store.Put(ctx, entries)
	if err != nil {
		return nil, err
	}
	clear(entries) // the facts and texts are stored: let them go
	var (
		docs   = make([]index.Doc, 0, len(res))
		seqs   = make([]int64, 0, len(res))
		prints = make([]*story.Print, 0, len(res))
		last   int64
	)
	for k, r := range res {
		i := which[k]
		outs[i].Status, outs[i].DuplicateOf = r.Status, r.DuplicateOf
		last = max(last, r.Seq)
		if r.Status == store.Added {
			docs = append(docs, ps[i].doc)
			seqs = append(seqs, r.Seq)
			prints = append(prints, ps[i].print)
		}
		ps[i] = prepared{}
	}
	if len(docs) == 0 {
		b.terms.release()
		return outs, nil
	}
	if added != nil && !e.opts.NoStories {
		b.terms.readers.Add(1)
		select {
		case added <- addedDocs{docs, seqs, prints, b.terms}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	if err := e.Index.Add(ctx, docs, last); err != nil {
		return nil, err
	}
	b.terms.release() // Add keeps nothing of docs
	return outs, nil
}
