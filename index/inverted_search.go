package index

import (
	"container/heap"
	"context"
	"fmt"
	"math"
	"slices"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/search"
)

// A qnode is a condition of a compiled query, evaluated over one segment
// at a time to the sorted numbers of the documents that meet it.
type qnode struct {
	op    qop
	field int
	term  string
	kids  []*qnode
	// phrase is the terms of a phrase at consecutive positions of field,
	// "" for any word (a stopword of the query).
	phrase []string
}

type qop int

const (
	qTerm   qop = iota
	qAnd        // all kids
	qOr         // any kid
	qPhrase     // the phrase, at consecutive positions
)

// scoreTerm is a term whose BM25 score adds to a matching document's.
type scoreTerm struct {
	field int
	term  string
	boost float64
}

// plan is a compiled Request.
type plan struct {
	must, not []*qnode
	score     []scoreTerm
	from, to  int64 // published in [from, to); math.MinInt64/MaxInt64 when open
	dated     bool  // from or to is set
}

// compile compiles req against view v (which tells the other spellings of
// name-like words).
func (x *Inverted) compile(v *view, req Request) (*plan, error) {
	p := &plan{from: math.MinInt64, to: math.MaxInt64}
	var terms []*qnode
	seen := map[scoreTerm]bool{}
	addScore := func(f int, term string, boost float64) {
		st := scoreTerm{f, term, boost}
		if term != "" && !seen[st] {
			seen[st] = true
			p.score = append(p.score, st)
		}
	}
	for _, c := range req.Query.Clauses {
		var parts []*qnode
		for _, t := range c.Alts {
			n, stems := x.termNode(v, t)
			if n == nil {
				continue
			}
			parts = append(parts, n)
			if !c.Not {
				for _, s := range stems {
					addScore(fText, s, 1)
					addScore(fTitle, s, TitleBoost)
				}
			}
		}
		switch {
		case len(parts) == 0:
			continue // stopwords only
		case c.Not:
			p.not = append(p.not, or(parts))
		case len(parts) == 1 && parts[0].op == qTerm:
			terms = append(terms, parts[0])
		default:
			p.must = append(p.must, or(parts))
		}
	}
	if len(terms)+len(p.must) == 0 && len(req.Query.Clauses) > 0 {
		return nil, ErrNoTerms
	}
	p.must = append(terms, p.must...) // plain terms first: they narrow the others
	if !req.From.IsZero() {
		p.from, p.dated = req.From.Unix(), true
	}
	if !req.To.IsZero() {
		p.to, p.dated = req.To.AddDate(0, 0, 1).Unix(), true // through the end of that day
	}
	if req.Source != "" {
		p.must = append(p.must, &qnode{op: qTerm, field: fSource, term: req.Source})
	}
	if req.Entity != "" {
		p.must = append(p.must, x.entityNode(req.Entity))
	}
	if len(p.must) == 0 && !p.dated {
		// A query of filters alone is fine; no words and no filters is not.
		return nil, ErrNoTerms
	}
	return p, nil
}

func or(kids []*qnode) *qnode {
	if len(kids) == 1 {
		return kids[0]
	}
	return &qnode{op: qOr, kids: kids}
}

func and(kids []*qnode) *qnode {
	if len(kids) == 1 {
		return kids[0]
	}
	return &qnode{op: qAnd, kids: kids}
}

func term(f int, t string) *qnode { return &qnode{op: qTerm, field: f, term: t} }

// termNode is the condition of one word or phrase, as Bleve.termQuery
// builds it, and the stems whose scores it adds; nil when it has no search
// terms (stopwords, punctuation).
func (x *Inverted) termNode(v *view, t search.Term) (*qnode, []string) {
	pt := phraseTerms(x.an.Analyze(t.Text))
	switch len(pt) {
	case 0:
		return nil, nil
	case 1:
		stem := pt[0][0]
		if t.Phrase || stem[0] < 0x80 {
			return term(fText, stem), []string{stem}
		}
		alts := []*qnode{term(fText, stem)}
		stems := []string{stem}
		key := arabic.NameKey(stem)
		if search.NameLike(x.lex, stem) {
			for _, o := range v.otherSpellings(fVariant, key, stem) {
				alts = append(alts, term(fText, o))
				stems = append(stems, o)
			}
		}
		if len(v.otherSpellings(fNameSpell, key, stem)) > 0 {
			alts = append(alts, term(fName, key))
		}
		return or(alts), stems
	}
	phrase := make([]string, len(pt))
	var stems []string
	for i, p := range pt {
		phrase[i] = p[0]
		if p[0] != "" {
			stems = append(stems, p[0])
		}
	}
	var kids []*qnode
	keys, exact := phrasePairs(x.lex, pt)
	for _, k := range keys {
		kids = append(kids, term(fPair, k))
	}
	if !exact || len(kids) != 1 {
		kids = append(kids, &qnode{op: qPhrase, field: fText, phrase: phrase})
	}
	return and(kids), stems
}

// entityNode matches articles that name the entity: its full canonical
// name, or all the name keys of its words among the entity mentions.
func (x *Inverted) entityNode(name string) *qnode {
	full := term(fEntity, EntityKey(x.an, name))
	var keys []*qnode
	for _, t := range x.an.Analyze(name) {
		if t.Stop || t.Stem == "" {
			continue
		}
		keys = append(keys, term(fName, arabic.NameKey(t.Stem)))
	}
	if len(keys) == 0 {
		return full
	}
	return or([]*qnode{full, and(keys)})
}

// otherSpellings returns the stems other than stem that field (fVariant or
// fNameSpell) records under the name key, in any segment.
func (v *view) otherSpellings(f int, key, stem string) []string {
	prefix := spelling(key, "")
	var out []string
	for _, s := range v.segs {
		for i := s.search(f, prefix); i < s.fields[f].terms; i++ {
			e, ok := s.entryAt(f, i)
			if !ok || len(e.term) < len(prefix) || string(e.term[:len(prefix)]) != prefix {
				break
			}
			if o := string(e.term[len(prefix):]); o != stem && o != "" && !slices.Contains(out, o) {
				out = append(out, o)
			}
		}
	}
	return out
}

// evaluator evaluates plans over the segments of a view, reusing its
// buffers.
type evaluator struct {
	s   *segment
	err error
	// lists are the postings (without positions) read in segment s, which
	// scoring reads again; free are lists to reuse.
	lists map[fieldTerm]*plist
	free  []*plist
}

type fieldTerm struct {
	field int
	term  string
}

// reset starts on segment s.
func (e *evaluator) reset(s *segment) {
	e.s, e.err = s, nil
	for k, pl := range e.lists {
		if pl != nil {
			e.free = append(e.free, pl)
		}
		delete(e.lists, k)
	}
}

// list returns the postings of term in field f of the segment, without
// positions (nil when it has none), read once per segment.
func (e *evaluator) list(f int, term string) (*plist, error) {
	k := fieldTerm{f, term}
	if pl, ok := e.lists[k]; ok {
		return pl, nil
	}
	ent, ok := e.s.lookup(f, term)
	if !ok {
		if e.lists == nil {
			e.lists = map[fieldTerm]*plist{}
		}
		e.lists[k] = nil
		return nil, nil
	}
	var pl *plist
	if n := len(e.free); n > 0 {
		pl, e.free = e.free[n-1], e.free[:n-1]
	} else {
		pl = &plist{}
	}
	if err := e.s.postings(f, ent, pl, false); err != nil {
		return nil, err
	}
	if e.lists == nil {
		e.lists = map[fieldTerm]*plist{}
	}
	e.lists[k] = pl
	return pl, nil
}

// eval returns the documents of the segment that meet n, sorted; within,
// when not nil, are the only candidates (sorted).
func (e *evaluator) eval(n *qnode, within []uint32) []uint32 {
	if e.err != nil {
		return nil
	}
	switch n.op {
	case qTerm:
		pl, err := e.list(n.field, n.term)
		if err != nil || pl == nil {
			e.err = err
			return nil
		}
		if within != nil {
			return intersect(nil, within, pl.docs)
		}
		return slices.Clone(pl.docs)
	case qAnd:
		docs := within
		for _, k := range n.kids {
			docs = e.eval(k, docs)
			if len(docs) == 0 {
				return nil
			}
		}
		return docs
	case qOr:
		var docs []uint32
		for _, k := range n.kids {
			docs = union(docs, e.eval(k, within))
		}
		return docs
	case qPhrase:
		return e.phrase(n, within)
	}
	return nil
}

// phrase returns the documents (of within, when not nil) where n.phrase
// stands in n.field.
func (e *evaluator) phrase(n *qnode, within []uint32) []uint32 {
	type word struct {
		off int // position in the phrase
		pl  plist
		cur int // index in pl.docs
		pos int // index in pl.pos of pl.docs[cur]'s first position
	}
	var words []*word
	docs := within
	for i, t := range n.phrase {
		if t == "" {
			continue
		}
		ent, ok := e.s.lookup(n.field, t)
		if !ok {
			return nil
		}
		w := &word{off: i}
		if err := e.s.postings(n.field, ent, &w.pl, true); err != nil {
			e.err = err
			return nil
		}
		if docs == nil {
			docs = slices.Clone(w.pl.docs)
		} else {
			docs = intersect(nil, docs, w.pl.docs)
		}
		if len(docs) == 0 {
			return nil
		}
		words = append(words, w)
	}
	out := docs[:0]
	for _, d := range docs {
		for _, w := range words {
			for w.pl.docs[w.cur] < d {
				w.pos += int(w.pl.freqs[w.cur])
				w.cur++
			}
		}
		if phraseAt(words[0].pl.pos[words[0].pos:words[0].pos+int(words[0].pl.freqs[words[0].cur])], func(start uint32) bool {
			for _, w := range words[1:] {
				ps := w.pl.pos[w.pos : w.pos+int(w.pl.freqs[w.cur])]
				want := start + uint32(w.off-words[0].off)
				if _, ok := slices.BinarySearch(ps, want); !ok {
					return false
				}
			}
			return true
		}) {
			out = append(out, d)
		}
	}
	return out
}

// phraseAt reports whether ok holds for any of the positions ps.
func phraseAt(ps []uint32, ok func(uint32) bool) bool {
	for _, p := range ps {
		if ok(p) {
			return true
		}
	}
	return false
}

// intersect appends to dst the numbers in both a and b (sorted).
func intersect(dst, a, b []uint32) []uint32 {
	if len(a) > len(b) {
		a, b = b, a
	}
	j := 0
	for _, d := range a {
		// Gallop when b is much longer.
		if len(b)-j > 32*len(a) {
			k, _ := slices.BinarySearch(b[j:], d)
			j += k
		} else {
			for j < len(b) && b[j] < d {
				j++
			}
		}
		if j == len(b) {
			break
		}
		if b[j] == d {
			dst = append(dst, d)
		}
	}
	return dst
}

// union returns the numbers in a or b (sorted).
func union(a, b []uint32) []uint32 {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]uint32, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			out = append(out, a[i])
			i++
		case a[i] > b[j]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// difference returns the numbers of a not in b (reusing a).
func difference(a, b []uint32) []uint32 {
	out := a[:0]
	j := 0
	for _, d := range a {
		for j < len(b) && b[j] < d {
			j++
		}
		if j < len(b) && b[j] == d {
			continue
		}
		out = append(out, d)
	}
	return out
}

// matches returns the documents of segment s that match p, sorted.
func (e *evaluator) matches(p *plan, s *segment) ([]uint32, error) {
	e.reset(s)
	var docs []uint32
	if len(p.must) > 0 {
		docs = e.eval(and(p.must), nil)
	} else {
		docs = make([]uint32, s.n)
		for i := range docs {
			docs[i] = uint32(i)
		}
	}
	if p.dated && len(docs) > 0 {
		out := docs[:0]
		for _, d := range docs {
			if t := s.published(d); t != noDate && t >= p.from && t < p.to {
				out = append(out, d)
			}
		}
		docs = out
	}
	for _, n := range p.not {
		if len(docs) == 0 {
			break
		}
		docs = difference(docs, e.eval(n, docs))
	}
	if e.err != nil {
		return nil, e.err
	}
	return docs, nil
}

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// scorer computes the BM25 scores of documents over a view.
type scorer struct {
	idf    []float64 // per plan.score term
	avg    [nFields]float64
	docs   uint64
	scores []float64
}

func newScorer(v *view, p *plan) *scorer {
	sc := &scorer{idf: make([]float64, len(p.score)), docs: v.docs}
	for _, s := range v.segs {
		for _, f := range [2]int{fText, fTitle} {
			sc.avg[f] += float64(s.sums[f])
		}
		for i, st := range p.score {
			if e, ok := s.lookup(st.field, st.term); ok {
				sc.idf[i] += float64(e.df)
			}
		}
	}
	n := float64(v.docs)
	for f := range sc.avg {
		if n > 0 {
			sc.avg[f] /= n
		}
		if sc.avg[f] == 0 {
			sc.avg[f] = 1
		}
	}
	for i, df := range sc.idf {
		sc.idf[i] = math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	return sc
}

// score sets sc.scores to the scores of docs of the segment e matched
// them in.
func (sc *scorer) score(p *plan, e *evaluator, docs []uint32) error {
	s := e.s
	sc.scores = slices.Grow(sc.scores[:0], len(docs))[:len(docs)]
	clear(sc.scores)
	for i, st := range p.score {
		pl, err := e.list(st.field, st.term)
		if err != nil {
			return err
		}
		if pl == nil {
			continue
		}
		j := 0
		for k, d := range pl.docs {
			for j < len(docs) && docs[j] < d {
				j++
			}
			if j == len(docs) {
				break
			}
			if docs[j] != d {
				continue
			}
			tf := float64(pl.freqs[k])
			dl := float64(s.fieldLen(st.field, d))
			sc.scores[j] += st.boost * sc.idf[i] * tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/sc.avg[st.field]))
		}
	}
	return nil
}

// ranked is a match in the top-hits heap.
type ranked struct {
	doc       uint64
	score     float64
	published int64
}

// hitHeap keeps the best hits, the worst on top.
type hitHeap struct {
	h      []ranked
	byDate bool
}

// better reports whether a ranks before b.
func (h *hitHeap) better(a, b ranked) bool {
	if h.byDate && a.published != b.published {
		return a.published > b.published
	}
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

func (h *hitHeap) Len() int           { return len(h.h) }
func (h *hitHeap) Less(i, j int) bool { return h.better(h.h[j], h.h[i]) }
func (h *hitHeap) Swap(i, j int)      { h.h[i], h.h[j] = h.h[j], h.h[i] }
func (h *hitHeap) Push(x any)         { h.h = append(h.h, x.(ranked)) }
func (h *hitHeap) Pop() any {
	x := h.h[len(h.h)-1]
	h.h = h.h[:len(h.h)-1]
	return x
}

// Search implements Index.
func (x *Inverted) Search(ctx context.Context, req Request) (*Result, error) {
	v := x.view.Load()
	p, err := x.compile(v, req)
	if err != nil {
		return nil, err
	}
	limit := max(req.Limit, 0)
	if limit == 0 {
		limit = 10
	}
	keep := limit + max(req.Offset, 0)
	sc := newScorer(v, p)
	h := &hitHeap{byDate: req.ByDate}
	var total uint64
	err = walk(ctx, v, p, func(i int, e *evaluator, docs []uint32) error {
		total += uint64(len(docs))
		if err := sc.score(p, e, docs); err != nil {
			return err
		}
		for k, d := range docs {
			r := ranked{doc: v.bases[i] + uint64(d), score: sc.scores[k], published: e.s.published(d)}
			if h.Len() < keep {
				heap.Push(h, r)
			} else if h.better(r, h.h[0]) {
				h.h[0] = r
				heap.Fix(h, 0)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]ranked, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = heap.Pop(h).(ranked)
	}
	res := &Result{Total: total}
	if req.Offset < len(out) {
		for _, r := range out[max(req.Offset, 0):] {
			res.Hits = append(res.Hits, Hit{ID: v.id(r.doc), Score: r.score})
		}
	}
	return res, nil
}

// walk evaluates p over the segments of v in turn and calls fn with the
// number of each segment, the evaluator (on that segment, for scoring) and
// the segment's matching documents.
func walk(ctx context.Context, v *view, p *plan, fn func(i int, e *evaluator, docs []uint32) error) error {
	e := &evaluator{}
	for i, s := range v.segs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("search: %w", err)
		}
		docs, err := e.matches(p, s)
		if err == nil {
			err = fn(i, e, docs)
		}
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
	}
	return nil
}

// id returns the ID of document n of the view.
func (v *view) id(n uint64) string {
	i, _ := slices.BinarySearch(v.bases, n+1)
	i--
	if i < 0 || n-v.bases[i] >= uint64(v.segs[i].n) {
		return ""
	}
	return v.segs[i].id(uint32(n - v.bases[i]))
}

// Matches walks the matches of req as Bleve.Matches does; the documents of
// a Snapshot are those of one view of the index.
func (x *Inverted) Matches(ctx context.Context, req Request, fn func(snap Snapshot, nums []uint64, id func(uint64) (string, error)) error) (uint64, error) {
	v := x.view.Load()
	p, err := x.compile(v, req)
	if err != nil {
		return 0, err
	}
	var nums []uint64
	err = walk(ctx, v, p, func(i int, _ *evaluator, docs []uint32) error {
		for _, d := range docs {
			nums = append(nums, v.bases[i]+uint64(d))
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	id := func(n uint64) (string, error) {
		if n >= v.docs {
			return "", fmt.Errorf("search: no document %d", n)
		}
		return v.id(n), nil
	}
	if err := fn(Snapshot{p: weakView(v)}, nums, id); err != nil {
		return 0, err
	}
	return uint64(len(nums)), nil
}

// IDs returns the IDs of the articles matching req as Bleve.IDs does.
func (x *Inverted) IDs(ctx context.Context, req Request, max int) ([]string, uint64, error) {
	return matchIDs(ctx, x, req, max)
}
