package index

import (
	"bytes"
	"slices"
	"strings"
)

// segBuilder collects the postings of a batch of documents and encodes them
// as a segment. It is not safe for concurrent use.
type segBuilder struct {
	fields    [nFields]map[string]*plist
	ids       []string
	published []int64
	titleLen  []uint32
	textLen   []uint32
	slab      []plist // room for new lists, allocated in blocks
}

func newSegBuilder() *segBuilder {
	b := &segBuilder{}
	for f := range b.fields {
		b.fields[f] = map[string]*plist{}
	}
	return b
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

// list returns the postings of term in field f, made if needed.
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
// the positional field f of document d.
func (b *segBuilder) positions(f int, d uint32, terms []Term, shift int32) {
	for _, t := range terms {
		p := b.list(f, t.Stem)
		if n := len(p.docs); n == 0 || p.docs[n-1] != d {
			p.docs = append(p.docs, d)
			p.freqs = append(p.freqs, 0)
		}
		p.freqs[len(p.freqs)-1]++
		p.pos = append(p.pos, uint32(t.Pos+shift))
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

// encode returns the segment of the documents added.
func (b *segBuilder) encode() ([]byte, error) {
	var buf bytes.Buffer
	sw := newSegWriter(&buf)
	sw.docs(b.ids, b.published, b.titleLen, b.textLen)
	terms := make([]string, 0, len(b.fields[fText]))
	for f := range b.fields {
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
	return buf.Bytes(), nil
}
