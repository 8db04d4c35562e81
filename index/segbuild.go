package index

import (
	"bytes"
	"slices"
	"strings"
)

// segBuilder collects the postings of a batch of documents and encodes them
// as a segment. It is not safe for concurrent use.
type segBuilder struct {
	// fields holds the postings of the keyword fields; those of the
	// positional fields (fText, fTitle) are in pos.
	fields    [nFields]map[string]*plist
	pairs     map[pairRef]*plist // the lists of fields[fPair] by their words
	pos       [2]posField        // fText, fTitle
	batch     uint64             // the number the stemInfos know this batch by
	ids       []string
	published []int64
	titleLen  []uint32
	textLen   []uint32
	slab      []plist // room for new lists, allocated in blocks
}

// posField is the postings of a positional field: its terms, numbered in
// the order the batch first had them, and every occurrence of a term, in
// the order added (so by document, then by position).
type posField struct {
	terms []string
	ids   []uint32 // the terms' arabic.Lexicon.StemIDs, which sort as they do
	hits  []hit
}

// order returns the numbers of the terms in the byte order of the terms.
// Those with a StemID, which ascend as their stems do, are sorted by it;
// the others by their strings; then the two lists are merged.
func (p *posField) order() []uint32 {
	var byID []uint64 // StemID<<32 | number
	var other []uint32
	for i, id := range p.ids {
		if id != 0 {
			byID = append(byID, uint64(id)<<32|uint64(i))
		} else {
			other = append(other, uint32(i))
		}
	}
	slices.Sort(byID)
	slices.SortFunc(other, func(x, y uint32) int { return strings.Compare(p.terms[x], p.terms[y]) })
	out := make([]uint32, 0, len(p.terms))
	for _, k := range byID {
		n := uint32(k)
		for len(other) > 0 && p.terms[other[0]] < p.terms[n] {
			out = append(out, other[0])
			other = other[1:]
		}
		out = append(out, n)
	}
	return append(out, other...)
}

// termList is a term of a keyword field and its postings.
type termList struct {
	term string
	p    *plist
}

// hit is one occurrence of a term of a positional field.
type hit struct {
	term, doc, pos uint32
}

// newSegBuilder returns a builder for a batch that the stemInfos it will
// see know by the number batch (never one of an earlier batch of theirs),
// with room for the given numbers of occurrences of the positional fields
// (fText, fTitle), 0 if unknown.
func newSegBuilder(batch uint64, text, title int) *segBuilder {
	b := &segBuilder{batch: batch, pairs: map[pairRef]*plist{}}
	for f := range b.fields {
		if !fieldPositional(f) {
			b.fields[f] = map[string]*plist{}
		}
	}
	b.pos[fText].hits = make([]hit, 0, text)
	b.pos[fTitle].hits = make([]hit, 0, title)
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
			p.ids = append(p.ids, in.id)
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

// pairRef is a word pair by the infos of its words (one per stem) and the
// number of stopwords between them.
type pairRef struct {
	a, b *stemInfo
	gap  int
}

// wordPairs adds the word pairs of terms (see eachPair) to the pair field
// of document d: infos[i] is what wordInfo knows of terms[i]. It finds a
// pair's list by the infos of its words, making the pair's term only for
// the first document of the batch that has it.
func (b *segBuilder) wordPairs(d uint32, terms []Term, infos []*stemInfo) {
	eachPair(terms, infos, func(i, gap int) {
		r := pairRef{infos[i-1], infos[i], gap}
		p := b.pairs[r]
		if p == nil {
			p = b.list(fPair, pairKey(r.a.stem, r.b.stem, gap))
			b.pairs[r] = p
		}
		if n := len(p.docs); n == 0 || p.docs[n-1] != d {
			p.docs = append(p.docs, d)
		}
	})
}

// encode returns the segment of the documents added, in memory of its own
// (of its exact size). size is the size it is expected to have (0 if
// unknown), room made ahead rather than by doubling.
func (b *segBuilder) encode(size int) ([]byte, error) {
	var out bytes.Buffer
	out.Grow(size)
	sw := newSegWriter(&out)
	sw.docs(b.ids, b.published, b.titleLen, b.textLen)
	for f := range b.pos {
		b.encodePositional(sw, f)
	}
	var lists []termList
	for f := range b.fields {
		if fieldPositional(f) {
			continue
		}
		lists = lists[:0]
		for t, p := range b.fields[f] {
			lists = append(lists, termList{t, p})
		}
		slices.SortFunc(lists, func(x, y termList) int { return strings.Compare(x.term, y.term) })
		for _, l := range lists {
			sw.term(f, l.term, l.p.docs, l.p.freqs, l.p.pos)
		}
	}
	if err := sw.finish(); err != nil {
		return nil, err
	}
	return bytes.Clone(out.Bytes()), nil
}

// encodePositional writes the terms of the positional field f in order,
// each with its documents, frequencies and positions.
func (b *segBuilder) encodePositional(sw *segWriter, f int) {
	p := &b.pos[f]
	// Group the occurrences by term, keeping their order within a term
	// (a counting sort).
	starts := make([]uint32, len(p.terms)+1)
	for _, h := range p.hits {
		starts[h.term+1]++
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	sorted := make([]hit, len(p.hits))
	for _, h := range p.hits {
		sorted[starts[h.term]] = h
		starts[h.term]++
	}
	// starts[t] is now the end of term t's occurrences.
	var docs, freqs, pos []uint32
	for _, t := range p.order() {
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
}
