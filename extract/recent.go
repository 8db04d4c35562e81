package extract

import (
	"fmt"
	"hash/maphash"
	"slices"

	lru "github.com/hashicorp/golang-lru/v2"

	"github.com/marsad/marsad/article"
)

// recentTexts is how many texts a recent cache holds. Copies of an article
// mostly come close together (a wire story the outlets of a feed carry the
// same day, an item a feed lists again): in the bench corpus, 542 of its 592
// copies of an earlier text come within 1,000 articles of it. The cache
// keeps the texts alive with their facts: about 5 MB of heap at 1,024 for
// news of some 3 KB an article.
const recentTexts = 1024

// recent remembers the entities and quotes of the texts extracted last, so
// that a copy of one of them costs only its temporal expressions: entities
// and quotes depend on the text alone, temporal expressions also on the
// publication date. It is safe for concurrent use. A nil *recent remembers
// nothing.
type recent struct {
	seed  maphash.Seed
	texts *lru.Cache[uint64, *recentFacts]
}

// recentFacts are the facts of one text that depend on the text alone.
type recentFacts struct {
	text     string
	entities []article.Entity
	quotes   []article.Quote
}

// newRecent returns a recent cache of the last size texts (size > 0).
func newRecent(size int) *recent {
	c, err := lru.New[uint64, *recentFacts](size)
	if err != nil {
		panic(fmt.Sprintf("extract: recent cache of %d texts: %v", size, err))
	}
	return &recent{seed: maphash.MakeSeed(), texts: c}
}

// hash returns the key of text in r.
func (r *recent) hash(text string) uint64 {
	if r == nil {
		return 0
	}
	return maphash.String(r.seed, text)
}

// get returns copies of the entities and quotes remembered for text, whose
// key is h, and whether r had them.
func (r *recent) get(text string, h uint64) (es []article.Entity, qs []article.Quote, ok bool) {
	if r == nil {
		return nil, nil, false
	}
	f, ok := r.texts.Get(h)
	if !ok || f.text != text {
		return nil, nil, false
	}
	return cloneEntities(f.entities), slices.Clone(f.quotes), true
}

// add remembers copies of the entities and quotes of text, whose key is h.
func (r *recent) add(text string, h uint64, es []article.Entity, qs []article.Quote) {
	if r == nil {
		return
	}
	r.texts.Add(h, &recentFacts{text: text, entities: cloneEntities(es), quotes: slices.Clone(qs)})
}

// cloneEntities returns a copy of es that shares no memory with it: the
// entities, and their mentions and titles in one array, each slice capped at
// its length so that appending to one never writes over the next.
func cloneEntities(es []article.Entity) []article.Entity {
	if es == nil {
		return nil
	}
	n := 0
	for _, e := range es {
		n += len(e.Mentions) + len(e.Titles)
	}
	spans := make([]article.Span, 0, n)
	c := slices.Clone(es)
	for i := range c {
		c[i].Mentions, spans = appendCapped(spans, c[i].Mentions)
		c[i].Titles, spans = appendCapped(spans, c[i].Titles)
	}
	return c
}

// appendCapped appends s to spans, which has room for it, and returns the
// copy, capped at its length (nil for nil), and spans.
func appendCapped(spans, s []article.Span) (copied, all []article.Span) {
	if s == nil {
		return nil, spans
	}
	start := len(spans)
	spans = append(spans, s...)
	return spans[start:len(spans):len(spans)], spans
}
