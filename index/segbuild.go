package index

import (
	"bytes"
	"slices"
	"strings"
)

// segBuilder collects the postings of a batch of documents and encodes them
// as a segment. An Inverted index reuses one from batch to batch (see
// reset). It is not safe for concurrent use.
type segBuilder struct {
	// fields holds the postings of the keyword fields; those of the
	// positional fields (fText, fTitle) are in pos.
	fields    [nFields]map[string]*plist
	pos       [2]posField // fText, fTitle
	batch     uint64      // the number the stemInfos know this batch by
	ids       []string
	published []int64
	titleLen  []uint32
	textLen   []uint32
	slab      []plist // room for new lists, allocated in blocks

	// Scratch space of encode.
	order      []int32
	starts     []uint32
	sorted     []hit
	docs, frqs []uint32
	poss       []uint32
	out        bytes.Buffer
}

// posField is the postings of a positional field: its terms, numbered in
// the order the batch first had them, and every occurrence of a term, in
// the order added (so by document, then by position).
type posField struct {
	terms []string
	hits  []hit
}

// hit is one occurrence of a term of a positional field.
type hit struct {
	term, doc, pos uint32
}

func newSegBuilder() *segBuilder {
	b := &segBuilder{}
	for f := range b.fields {
		if !fieldPositional(f) {
			b.fields[f] = map[string]*plist{}
		}
	}
	return b
}

// maxKeptHits bounds the occurrences whose room a builder keeps for the
// next batch, so that one huge batch does not hold its memory for good.
const maxKeptHits = 1 << 22

// reset empties the builder for a new batch, which the stemInfos it will
// see know by the number batch (never one of an earlier batch of theirs).
func (b *segBuilder) reset(batch uint64) {
	b.batch = batch
	for f := range b.fields {
		if b.fields[f] != nil {
			clear(b.fields[f])
		}
	}
	for i := range b.pos {
		p := &b.pos[i]
		clear(p.terms)
		p.terms = p.terms[:0]
		if cap(p.hits) > maxKeptHits {
			p.hits = nil
		}
		p.hits = p.hits[:0]
	}
	clear(b.ids)
	b.ids, b.published, b.titleLen, b.textLen = b.ids[:0], b.published[:0], b.titleLen[:0], b.textLen[:0]
	b.slab = nil
	if cap(b.sorted) > maxKeptHits {
		b.sorted = nil
	}
	b.out.Reset()
}

// len returns the number of documents added.
func (b *segBuilder) len() int { return len(b.ids) }

// doc starts a new document and returns its number.
func (b *segBuilder) doc(id string, published int64, titleLen, textLen int) uint32 {
	b.ids = append(b.ids, strings.Clone(id))
	b.published = append(b.published, published)
	b.titleLen = append(b.titleLen, uint32(titleLen))
	b.textLen = append(b.textLen, uint32(textLen))
	return uint32(len(b.ids) - 1)
}

// list returns the postings of term in the keyword field f, made if
// needed.
func (b *segBuilder) list(f int, term string) *plist {
	p := b.fields[f][term]
	if p == nil {
		if len(b.slab) == 0 {
			b.slab = make([]plist, 1024)
		}
		p, b.slab = &b.slab[0], b.slab[1:]
		b.fields[f][strings.Clone(term)] = p
	}
	return p
}

// positions adds terms (in position order), shifted by shift positions, to
// the positional field f of document d. infos[i] is what wordInfo knows of
// terms[i]: it carries the term's number in the field, so that no term is
// looked up by its string here.
func (b *segBuilder) positions(f int, d uint32, terms []Term, infos []*stemInfo, shift int32) {
	p := &b.pos[f]
	for i, t := range terms {
		in := infos[i]
		if in.batch != b.batch {
			in.batch, in.terms = b.batch, [2]uint32{}
		}
		n := in.terms[f]
		if n == 0 {
			p.terms = append(p.terms, in.stem)
			n = uint32(len(p.terms))
			in.terms[f] = n
		}
		p.hits = append(p.hits, hit{term: n - 1, doc: d, pos: uint32(t.Pos + shift)})
	}
}

// keywords adds terms to the field f of document d (repeats count once).
func (b *segBuilder) keywords(f int, d uint32, terms ...string) {
	for _, t := range terms {
		if t == "" {
			continue
		}
		p := b.list(f, t)
		if n := len(p.docs); n == 0 || p.docs[n-1] != d {
			p.docs = append(p.docs, d)
		}
	}
}

// encode returns the segment of the documents added, in memory of its own.
func (b *segBuilder) encode() ([]byte, error) {
	b.out.Reset()
	sw := newSegWriter(&b.out)
	sw.docs(b.ids, b.published, b.titleLen, b.textLen)
	for f := range b.pos {
		b.encodePositional(sw, f)
	}
	var terms []string
	for f := range b.fields {
		if fieldPositional(f) {
			continue
		}
		terms = terms[:0]
		for t := range b.fields[f] {
			terms = append(terms, t)
		}
		slices.Sort(terms)
		for _, t := range terms {
			p := b.fields[f][t]
			sw.term(f, t, p.docs, p.freqs, p.pos)
		}
	}
	if err := sw.finish(); err != nil {
		return nil, err
	}
	return bytes.Clone(b.out.Bytes()), nil
}

// encodePositional writes the terms of the positional field f in order,
// each with its documents, frequencies and positions.
func (b *segBuilder) encodePositional(sw *segWriter, f int) {
	p := &b.pos[f]
	// Group the occurrences by term, keeping their order within a term
	// (a counting sort).
	starts := slices.Grow(b.starts[:0], len(p.terms)+1)[:len(p.terms)+1]
	clear(starts)
	for _, h := range p.hits {
		starts[h.term+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	sorted := slices.Grow(b.sorted[:0], len(p.hits))[:len(p.hits)]
	for _, h := range p.hits {
		sorted[starts[h.term]] = h
		starts[h.term]++
	}
	// starts[t] is now the end of term t's occurrences.
	order := b.order[:0]
	for i := range p.terms {
		order = append(order, int32(i))
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(p.terms[x], p.terms[y]) })
	docs, freqs, pos := b.docs, b.frqs, b.poss
	for _, t := range order {
		var from uint32
		if t > 0 {
			from = starts[t-1]
		}
		docs, freqs, pos = docs[:0], freqs[:0], pos[:0]
		for _, h := range sorted[from:starts[t]] {
			if n := len(docs); n == 0 || docs[n-1] != h.doc {
				docs = append(docs, h.doc)
				freqs = append(freqs, 0)
			}
			freqs[len(freqs)-1]++
			pos = append(pos, h.pos)
		}
		sw.term(f, p.terms[t], docs, freqs, pos)
	}
	b.order, b.starts, b.sorted = order, starts, sorted
	b.docs, b.frqs, b.poss = docs, freqs, pos
}
