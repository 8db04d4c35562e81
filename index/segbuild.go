package index

import (
	"bytes"
	"slices"
	"strings"
)

// segBuilder collects the postings of a batch of documents and encodes them
// as a segment. Inverted keeps one from batch to batch (see reset): all
// its memory is scratch, which the segment encoded does not point into.
// It is not safe for concurrent use.
type segBuilder struct {
	pos       [2]posField // fText, fTitle
	kw        keyLists    // the other fields
	batch     uint64      // the number the stemInfos know this batch by
	ids       []string
	published []int64
	titleLen  []uint32
	textLen   []uint32
	// Encoding scratch: the segment's bytes, before they are copied out at
	// their exact size, the writer, and a field's terms and lists in order.
	out   bytes.Buffer
	sw    segWriter
	lists []termList
}

// posField is the postings of a positional field: its terms, numbered in
// the order the batch first had them, and every occurrence of a term, in
// the order added (so by document, then by position), and where each
// document's occurrences start. The rest is encode's scratch.
type posField struct {
	terms []string
	ids   []uint32 // the terms' arabic.Lexicon.StemIDs, which sort as they do
	hits  []hit
	docs  []uint32 // the index in hits of each document's first

	sorted             []occ    // hits grouped by term
	starts             []uint32 // where each term's hits end in sorted
	byID               []uint64 // order's scratch
	slots              []uint32 // order's scratch, zero between calls
	other, ordered     []uint32
	tdocs, freqs, locs []uint32 // one term's postings
}

// reset empties p, keeping its memory, with room for n occurrences.
func (p *posField) reset(n int) {
	clear(p.terms) // keep no stem alive
	p.terms, p.ids, p.docs = p.terms[:0], p.ids[:0], p.docs[:0]
	if cap(p.hits) < n {
		p.hits = make([]hit, 0, n)
	}
	p.hits = p.hits[:0]
}

// maxOrderSlots bounds the StemIDs order ranks by a slot each rather than
// by sorting: the default lexicon numbers fewer than 30,000 stems.
const maxOrderSlots = 1 << 17

// order returns the numbers of the terms in the byte order of the terms.
// Those with a StemID, which ascend as their stems do, are put in order
// by it (sortByID); the others by their strings; then the two lists are
// merged. The slice returned is valid until the next call.
func (p *posField) order() []uint32 {
	byID, other := p.byID[:0], p.other[:0]
	for i, id := range p.ids {
		if id != 0 {
			byID = append(byID, uint64(id)<<32|uint64(i))
		} else {
			other = append(other, uint32(i))
		}
	}
	p.byID, p.other = byID, other
	p.sortByID()
	slices.SortFunc(other, func(x, y uint32) int { return strings.Compare(p.terms[x], p.terms[y]) })
	out := p.ordered[:0]
	for _, k := range p.byID {
		n := uint32(k)
		for len(other) > 0 && p.terms[other[0]] < p.terms[n] {
			out = append(out, other[0])
			other = other[1:]
		}
		out = append(out, n)
	}
	out = append(out, other...)
	p.ordered = out
	return out
}

// sortByID sorts byID (StemID<<32 | term number). When the StemIDs are
// small and distinct, as a lexicon's are, it sets each term in the slot of
// its StemID and reads the slots in order, rather than comparing.
func (p *posField) sortByID() {
	top := uint32(0)
	for _, k := range p.byID {
		top = max(top, uint32(k>>32))
	}
	if top >= maxOrderSlots || int(top) > 16*len(p.byID) {
		slices.Sort(p.byID)
		return
	}
	if len(p.slots) <= int(top) {
		p.slots = make([]uint32, top+1)
	}
	slots := p.slots[:top+1]
	for _, k := range p.byID {
		id := uint32(k >> 32)
		if slots[id] != 0 { // two terms of one StemID
			clear(slots)
			slices.Sort(p.byID)
			return
		}
		slots[id] = uint32(k) + 1
	}
	byID := p.byID[:0]
	for id, n := range slots {
		if n != 0 {
			byID = append(byID, uint64(id)<<32|uint64(n-1))
			slots[id] = 0
		}
	}
	p.byID = byID
}

// keyLists is the postings of the keyword fields: lists numbered in the
// order the batch made them, each with its field and term, and every
// document of a list, in the order added.
type keyLists struct {
	byTerm [nFields]map[string]uint32 // list numbers by term, per keyword field
	pairs  map[pairRef]uint32         // the lists of fPair by their words
	of     [nFields][]uint32          // the lists of each field
	terms  []string                   // the term of each list
	last   []uint32                   // per list, 1 + the last document added
	posts  []posting

	sorted []uint32 // encode's scratch: posts' documents grouped by list
	starts []uint32 // where each list's documents end in sorted
}

// posting is a document of a list of keyLists.
type posting struct{ list, doc uint32 }

// reset empties k, keeping its memory.
func (k *keyLists) reset() {
	for f := range k.byTerm {
		if fieldPositional(f) {
			continue
		}
		if k.byTerm[f] == nil {
			k.byTerm[f] = map[string]uint32{}
		}
		clear(k.byTerm[f])
		k.of[f] = k.of[f][:0]
	}
	if k.pairs == nil {
		k.pairs = map[pairRef]uint32{}
	}
	clear(k.pairs)
	clear(k.terms) // keep no term alive
	k.terms, k.last, k.posts = k.terms[:0], k.last[:0], k.posts[:0]
}

// list makes a new list of term in field f and returns its number.
func (k *keyLists) list(f int, term string) uint32 {
	n := uint32(len(k.terms))
	k.terms = append(k.terms, term)
	k.last = append(k.last, 0)
	k.of[f] = append(k.of[f], n)
	return n
}

// add adds document d to list l, unless it is its last already.
func (k *keyLists) add(l, d uint32) {
	if k.last[l] != d+1 {
		k.last[l] = d + 1
		k.posts = append(k.posts, posting{l, d})
	}
}

// group sorts the documents of posts by list into sorted (a counting
// sort, which keeps them ascending within a list), so that docs can
// return a list's documents.
func (k *keyLists) group() {
	starts := zeroed(k.starts, len(k.terms)+1)
	for _, p := range k.posts {
		starts[p.list+1]++
	}
	accumulate(starts)
	sorted := slices.Grow(k.sorted[:0], len(k.posts))[:len(k.posts)]
	for _, p := range k.posts {
		sorted[starts[p.list]] = p.doc
		starts[p.list]++
	}
	// starts[l] is now the end of list l's documents, starts[l-1] its
	// start: shift them by one.
	copy(starts[1:], starts)
	starts[0] = 0
	k.starts, k.sorted = starts, sorted
}

// docs returns the documents of list l (after group).
func (k *keyLists) docs(l uint32) []uint32 { return k.sorted[k.starts[l]:k.starts[l+1]] }

// termList is a term of a keyword field and its list.
type termList struct {
	term string
	list uint32
}

// hit is one occurrence of a term of a positional field, in a document
// posField.docs tells.
type hit struct {
	term, pos uint32
}

// occ is one occurrence of a term of a positional field, grouped by term.
type occ struct {
	doc, pos uint32
}

// newSegBuilder returns a builder for a batch that the stemInfos it will
// see know by the number batch (never one of an earlier batch of theirs),
// with room for the given numbers of occurrences of the positional fields
// (fText, fTitle), 0 if unknown.
func newSegBuilder(batch uint64, text, title int) *segBuilder {
	b := new(segBuilder)
	b.reset(batch, text, title)
	return b
}

// reset empties b for a new batch, as newSegBuilder returns it, keeping
// its memory.
func (b *segBuilder) reset(batch uint64, text, title int) {
	b.batch = batch
	clear(b.ids) // keep no ID alive
	b.ids, b.published, b.titleLen, b.textLen = b.ids[:0], b.published[:0], b.titleLen[:0], b.textLen[:0]
	b.pos[fText].reset(text)
	b.pos[fTitle].reset(title)
	b.kw.reset()
}

// maxKeptBuilder bounds the memory of a builder Inverted keeps for the
// next batch (see keptBytes): one of an outsized batch is dropped.
const maxKeptBuilder = 16 << 20

// keptBytes returns about how much memory b holds for the next batch.
func (b *segBuilder) keptBytes() int {
	n := b.out.Cap() + 16*cap(b.ids) + 16*cap(b.kw.terms) + 8*cap(b.kw.posts) + 4*(cap(b.kw.sorted)+cap(b.kw.starts)+cap(b.kw.last))
	n += 40 * (len(b.kw.pairs) + len(b.kw.terms)) // the maps, roughly
	for i := range b.pos {
		p := &b.pos[i]
		n += 8*(cap(p.hits)+cap(p.sorted)) + 20*cap(p.terms) + 8*cap(p.byID) + 4*(cap(p.docs)+cap(p.slots))
	}
	return n
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

// positions adds terms (in position order), shifted by shift positions, to
// the positional field f of document d. infos[i] is what wordInfo knows of
// terms[i]: it carries the term's number in the field, so that no term is
// looked up by its string here.
func (b *segBuilder) positions(f int, d uint32, terms []Term, infos []*stemInfo, shift int32) {
	p := &b.pos[f]
	for uint32(len(p.docs)) <= d {
		p.docs = append(p.docs, uint32(len(p.hits)))
	}
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
		p.hits = append(p.hits, hit{term: n - 1, pos: uint32(t.Pos + shift)})
	}
}

// keywords adds terms to the field f of document d (repeats count once).
func (b *segBuilder) keywords(f int, d uint32, terms ...string) {
	k := &b.kw
	for _, t := range terms {
		if t == "" {
			continue
		}
		l, ok := k.byTerm[f][t]
		if !ok {
			t = strings.Clone(t) // not the document's string: keep no text alive
			l = k.list(f, t)
			k.byTerm[f][t] = l
		}
		k.add(l, d)
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
	k := &b.kw
	eachPair(terms, infos, func(i, gap int) {
		r := pairRef{infos[i-1], infos[i], gap}
		l, ok := k.pairs[r]
		if !ok {
			l = k.list(fPair, pairKey(r.a.stem, r.b.stem, gap))
			k.pairs[r] = l
		}
		k.add(l, d)
	})
}

// encode returns the segment of the documents added, in memory of its own
// (of its exact size). size is the size it is expected to have (0 if
// unknown), room made ahead rather than by doubling.
func (b *segBuilder) encode(size int) ([]byte, error) {
	// The buffer kept from the last batch serves unless it is too small
	// or more than twice the size (grown by the first batch, which holds
	// every spelling first seen): then one a quarter above the size is
	// made, room for the next batches too.
	if c := b.out.Cap(); c < size || c > 2*size {
		b.out = *bytes.NewBuffer(make([]byte, 0, size+size/4))
	}
	b.out.Reset()
	sw := &b.sw
	sw.reset(&b.out)
	sw.docs(b.ids, b.published, b.titleLen, b.textLen)
	for f := range b.pos {
		b.encodePositional(sw, f)
	}
	k := &b.kw
	k.group()
	for f := range k.of {
		if fieldPositional(f) {
			continue
		}
		lists := b.lists[:0]
		for _, l := range k.of[f] {
			lists = append(lists, termList{k.terms[l], l})
		}
		slices.SortFunc(lists, func(x, y termList) int { return strings.Compare(x.term, y.term) })
		for i := 0; i < len(lists); {
			// A term has one list, made by keywords or wordPairs: should
			// both have made one, their documents are merged.
			j := i + 1
			for j < len(lists) && lists[j].term == lists[i].term {
				j++
			}
			docs := k.docs(lists[i].list)
			if j > i+1 {
				docs = slices.Clone(docs)
				for _, l := range lists[i+1 : j] {
					docs = append(docs, k.docs(l.list)...)
				}
				slices.Sort(docs)
				docs = slices.Compact(docs)
			}
			sw.term(f, lists[i].term, docs, nil, nil)
			i = j
		}
		clear(lists) // keep no term alive
		b.lists = lists[:0]
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
	starts := zeroed(p.starts, len(p.terms)+1)
	for _, h := range p.hits {
		starts[h.term+1]++
	}
	accumulate(starts)
	sorted := slices.Grow(p.sorted[:0], len(p.hits))[:len(p.hits)]
	for d, from := range p.docs {
		to := uint32(len(p.hits))
		if d+1 < len(p.docs) {
			to = p.docs[d+1]
		}
		for _, h := range p.hits[from:to] {
			sorted[starts[h.term]] = occ{uint32(d), h.pos}
			starts[h.term]++
		}
	}
	p.starts, p.sorted = starts, sorted
	// starts[t] is now the end of term t's occurrences.
	docs, freqs, pos := p.tdocs, p.freqs, p.locs
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
	p.tdocs, p.freqs, p.locs = docs, freqs, pos
}

// zeroed returns n zeros in the memory of buf when it has room.
func zeroed(buf []uint32, n int) []uint32 {
	s := slices.Grow(buf[:0], n)[:n]
	clear(s)
	return s
}

// accumulate turns counts into their running sums, for a counting sort.
func accumulate(counts []uint32) {
	for i := 1; i < len(counts); i++ {
		counts[i] += counts[i-1]
	}
}
