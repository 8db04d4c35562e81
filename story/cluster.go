package story

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

const (
	entityMark         = "\x01" // prefix of entity feature names in the vocabulary
	maxDocEntities     = 40     // entity features kept per document
	threadKeep         = 40     // centroid term features kept by stories that are no longer active
	threadKeepEntities = 20     // centroid entity features kept by them
	sweepEvery         = 24 * time.Hour
	maxTitleRunes      = 300
	topEntitiesOut     = 5
	topTermsOut        = 10
	leadSalt           = 0x6c656164    // "lead"
	fullSalt           = 0x66756c6c    // "full"
	maxEntityMemo      = 8192          // entity names of a generation of entityFeatures' memo
	maxStemNumber      = 1 << stemBits // bound of the term numbers byStem holds
	idfMemoSize        = 4096          // document frequencies whose IDF factor idf remembers
	tfMemoSize         = 256           // counts whose TF factor tf remembers
)

// Clusterer groups documents into duplicates, stories and threads as they
// are added. It is safe for concurrent use.
type Clusterer struct {
	mu sync.Mutex
	s  state
}

// state is everything a Clusterer knows; it is what Save writes.
type state struct {
	Cfg Config

	// Vocabulary of features (terms and entities) and their document
	// frequencies. vocab finds a name's id; not saved, made again from
	// Names.
	vocab vocabIndex
	Names []string
	// names holds the bytes of Names and Display (not saved).
	names stringArena
	// entity tells, by feature id, whether Names[id] is an entity's (has
	// entityMark); not saved, made again from Names.
	entity []bool
	// byStem holds the id plus one of the feature of each term number
	// (Doc.StemIDs) below maxStemNumber seen, 0 for one not seen; not
	// saved, made again as documents come.
	byStem []uint32
	// Display is the first spelling seen of each entity feature.
	Display map[uint32]string
	DF      []uint32
	N       uint32 // documents counted in DF

	Docs    map[string]docRec // every document ever added
	Stories []*cluster
	// spans holds the time span of each story, packed together for
	// candidates; not saved, made again from Stories.
	spans  []span
	Active []int32            // stories that may still take articles
	Post   map[uint32][]int32 // feature → active stories indexed under it

	// Near-duplicate window: documents of the last DupWindow, oldest first,
	// as Load reads them; after Load, window holds them and Recent is nil.
	Recent []recent
	Base   int64 // sequence number of the oldest document of the window
	window recentRing
	// The LSH buckets of the window's documents (see bucketSlots); not
	// saved, made again from Recent.
	heads bucketHeads

	// ThreadIdx is the thread index (entity pair → stories) as Load reads
	// it; after Load, threads holds it and ThreadIdx is nil.
	ThreadIdx map[uint64][]int32
	threads   threadIndex

	Now       time.Time // latest publication time seen
	LastSweep time.Time

	// Scratch space, not saved. Between calls slots is all zero and hits
	// is all zero.
	slots        []slot              // by feature id: vectorize's counts
	feats        []uint32            // features whose slot is set
	hits         []int32             // by story: candidates' counts of shared features
	cands        []int32             // stories whose hits are counted
	qids         []uint32            // query features of candidates
	byWeight     vec                 // candidates' copy of the document vector
	candKeys     []uint64            // candidates' sort keys
	stale        []int32             // candidates' stories out of the time window
	top          vec                 // reindex's and thread's top features
	dense        []float32           // by feature id: the weights of the vector add scores
	shingle      []uint64            // fingerprint's shingle hashes
	split        vec                 // sweep's parts of a retired story's centroid
	ownSplit     vec                 // thread's parts of its story's centroid
	docVec       vec                 // vectorize's result
	entVec       vec                 // vectorize's entity features
	merged       vec                 // join's sum of a centroid and a document
	chain        []int64             // findDuplicate's sequence numbers of one bucket
	threadList   []int32             // thread's stories of one entity pair
	entityIDs    map[string][]uint32 // entityFeatures' results by entity name
	oldEntityIDs map[string][]uint32 // the generation before entityIDs
	idfMemo      []idfAt             // by document frequency: idf's factors
	tfMemo       []float64           // by count: tf's factors
	seenStories  marks               // thread's stories already considered
	seenRecent   marks               // findDuplicate's documents already scored, by place in the window
}

// slot is vectorize's count of one feature of a document.
type slot struct {
	n   float64 // term count, title terms weighted
	in  bool    // a term of the document
	ent bool    // an entity of the document
}

type docRec struct {
	Story int32
	Dup   string
}

type recent struct {
	ID      string
	Time    time.Time
	Sig     signature
	Lead    signature
	HasSig  bool
	HasLead bool
	LeadLen int
}

// span is a story's time span, without pointers.
type span struct{ first, last instant }

// spanOf returns the span from first to last.
func spanOf(first, last time.Time) span { return span{instantOf(first), instantOf(last)} }

// instant is a time as seconds and nanoseconds since the Unix epoch,
// which compare faster than a time.Time (its monotonic reading, if any,
// dropped).
type instant struct {
	sec  int64
	nsec int64
}

func instantOf(t time.Time) instant { return instant{t.Unix(), int64(t.Nanosecond())} }

// sub returns the duration a-b, for a not before b, as time.Time's Sub
// returns it (the longest duration when it is longer).
func (a instant) sub(b instant) time.Duration {
	sec := a.sec - b.sec
	if sec < 0 || sec >= math.MaxInt64/int64(time.Second)-1 {
		return time.Unix(a.sec, a.nsec).Sub(time.Unix(b.sec, b.nsec))
	}
	return time.Duration(sec)*time.Second + time.Duration(a.nsec-b.nsec)
}

// before reports whether a is before b.
func (a instant) before(b instant) bool {
	return a.sec < b.sec || a.sec == b.sec && a.nsec < b.nsec
}

// cluster is one story.
type cluster struct {
	ID         string
	Articles   []string
	Sources    []string // distinct, in order of appearance
	First      time.Time
	Last       time.Time
	Centroid   vec // sum of member vectors, truncated
	Members    int // members that contributed to the centroid
	Title      string
	TitleScore float64
	norm       float64 // norm of Centroid when normOK (not saved)
	normOK     bool
	view       threadView // thread's view of Centroid (not saved)
	Thread     int32      // index of the thread's first story
	Linked     bool       // Thread was set by linking to an earlier story
	Latest     int32      // for a thread's first story: the thread's latest story
	Indexed    []uint32
	ThreadKeys []uint64
	NextTry    int // size at which thread linking is tried next
}

// New returns an empty Clusterer.
func New(cfg Config) *Clusterer {
	return &Clusterer{s: newState(cfg.sanitized())}
}

func newState(cfg Config) state {
	return state{
		Cfg:     cfg,
		Display: map[uint32]string{},
		Docs:    map[string]docRec{},
		Post:    map[uint32][]int32{},
		threads: newThreadIndex(),
	}
}

// Config returns the configuration of c, its settings that make no sense
// replaced (see Config), as NewPrinter takes it.
func (c *Clusterer) Config() Config {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.s.Cfg
}

// Len returns the number of documents added.
func (c *Clusterer) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.s.Docs)
}

// Add assigns d to a story (and thread), noting when it copies an earlier
// document. Adding an id a second time returns its first assignment.
func (c *Clusterer) Add(d Doc) Assignment {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.s.add(d)
}

// Assignment returns where an added article was put, as Add returned it.
func (c *Clusterer) Assignment(id string) (Assignment, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.s.Docs[id]
	if !ok {
		return Assignment{}, false
	}
	return c.s.assignment(r), true
}

func (s *state) assignment(r docRec) Assignment {
	st := s.Stories[r.Story]
	return Assignment{DuplicateOf: r.Dup, Story: st.ID, Thread: s.Stories[s.root(r.Story)].ID}
}

// root follows thread links to the thread's first story.
func (s *state) root(i int32) int32 {
	for s.Stories[i].Thread != i {
		i = s.Stories[i].Thread
	}
	return i
}

func (s *state) add(d Doc) Assignment {
	if r, ok := s.Docs[d.ID]; ok {
		return s.assignment(r)
	}
	t := d.Published
	if t.IsZero() {
		t = s.Now
	}
	if t.After(s.Now) {
		s.Now = t
	}
	s.evict()
	if s.Now.Sub(s.LastSweep) >= sweepEvery {
		s.sweep()
		s.LastSweep = s.Now
	}

	rec := s.fingerprint(d, t)
	var dup string
	if rec.HasSig {
		b := bandsOf(&rec)
		dup = s.findDuplicate(&rec, &b)
		s.remember(rec, &b)
	}

	v := s.vectorize(d)
	if dup != "" {
		r := s.Docs[dup]
		if r.Dup != "" {
			dup = r.Dup
		}
		st := s.Stories[r.Story]
		s.join(r.Story, st, d, t, nil)
		nr := docRec{Story: r.Story, Dup: dup}
		s.Docs[d.ID] = nr
		return s.assignment(nr)
	}

	best, bestScore := int32(-1), 0.0
	vn := v.norm()
	// v's weights by feature id, for dotting with many centroids.
	if n := len(s.Names); len(s.dense) < n {
		s.dense = append(s.dense, make([]float32, n-len(s.dense))...)
	}
	for _, f := range v {
		s.dense[f.ID] = f.W
	}
	far, at := s.farDistance(), instantOf(t)
	for _, ci := range s.candidates(v, t) {
		// The score is a cosine, at most 1 (give or take rounding), times
		// the decay: a story whose decay is below both the threshold and
		// the best score so far can neither join d nor be the best story
		// that does, and needs no dot product; one farther than far does
		// not need its decay either. Neither needs the story's record.
		dist := s.spans[ci].distance(at)
		if dist > far {
			continue
		}
		decay := s.decay(dist)
		if decay*(1+1e-9) < max(s.Cfg.Threshold, bestScore) {
			continue
		}
		st := s.Stories[ci]
		score := 0.0
		if nc := st.centroidNorm(); vn != 0 && nc != 0 {
			score = dotDense(s.dense, st.Centroid) / (vn * nc)
		}
		score *= decay
		if score > bestScore || (score == bestScore && best >= 0 && ci < best) {
			best, bestScore = ci, score
		}
	}
	for _, f := range v {
		s.dense[f.ID] = 0
	}
	var idx int32
	if best >= 0 && bestScore >= s.Cfg.Threshold {
		idx = best
		s.join(idx, s.Stories[idx], d, t, v)
	} else {
		idx = int32(len(s.Stories))
		st := &cluster{
			ID:      "s" + strconv.Itoa(int(idx)+1),
			First:   t,
			Last:    t,
			Thread:  idx,
			NextTry: 1,
		}
		s.Stories = append(s.Stories, st)
		s.spans = append(s.spans, span{})
		s.Active = append(s.Active, idx)
		s.join(idx, st, d, t, v)
	}
	r := docRec{Story: idx}
	s.Docs[d.ID] = r
	return s.assignment(r)
}

// distance returns the distance in time of a from the span, as
// time.Time's Sub measures it on the wall clock.
func (sp span) distance(a instant) time.Duration {
	switch {
	case a.before(sp.first):
		return sp.first.sub(a)
	case sp.last.before(a):
		return a.sub(sp.last)
	}
	return 0
}

// decay is the Gaussian damping of a story's similarity with a document
// at distance dist from the story's time span, on the distance in days.
func (s *state) decay(dist time.Duration) float64 {
	if s.Cfg.Sigma <= 0 {
		return 1
	}
	x := float64(dist) / float64(s.Cfg.Sigma)
	return math.Exp(-x * x / 2)
}

// farDistance returns a distance from a story's time span past which its
// decay is below Threshold by far more than any rounding (at most
// Threshold^1.02), or the longest duration when there is none.
func (s *state) farDistance() time.Duration {
	thr := s.Cfg.Threshold
	if s.Cfg.Sigma <= 0 || !(thr > 0 && thr < 0.99) {
		return math.MaxInt64
	}
	return time.Duration(1.01 * math.Sqrt(-2*math.Log(thr)) * float64(s.Cfg.Sigma))
}

// join adds d to story st; v is nil for a duplicate, which does not move
// the centroid.
func (s *state) join(idx int32, st *cluster, d Doc, t time.Time, v vec) {
	st.Articles = append(st.Articles, d.ID)
	if d.Source != "" && !slices.Contains(st.Sources, d.Source) {
		st.Sources = append(st.Sources, d.Source)
	}
	if t.Before(st.First) {
		st.First = t
	}
	if t.After(st.Last) {
		st.Last = t
	}
	s.spans[idx] = spanOf(st.First, st.Last)
	if v == nil {
		if st.Title == "" {
			st.Title = clip(d.Title)
		}
		return
	}
	s.merged = appendSum(s.merged[:0], st.Centroid, v)
	sum := s.merged.topInPlace(s.Cfg.MaxCentroidFeat)
	if cap(st.Centroid) < len(sum) {
		// Room for the centroid to grow up to its bound without moving
		// again soon.
		st.Centroid = make(vec, 0, min(max(len(sum), 2*cap(st.Centroid)), max(len(sum), s.Cfg.MaxCentroidFeat)))
	}
	st.Centroid = append(st.Centroid[:0], sum...)
	st.changed()
	st.Members++
	if score := cosineNorm(v, v.norm(), st.Centroid, st.centroidNorm()); st.Title == "" || (d.Title != "" && score > st.TitleScore) {
		st.Title, st.TitleScore = clip(d.Title), score
	}
	s.reindex(idx, st)
	if len(st.Articles) >= st.NextTry && st.NextTry > 0 {
		s.thread(idx, st)
		st.NextTry *= 2
		if st.NextTry > 16 {
			st.NextTry = 0
		}
	}
}

// changed forgets what st computed of its centroid, which has changed.
func (st *cluster) changed() { st.normOK, st.view.ok = false, false }

// centroidNorm returns the norm of st.Centroid, computed once per change.
func (st *cluster) centroidNorm() float64 {
	if !st.normOK {
		st.norm, st.normOK = st.Centroid.norm(), true
	}
	return st.norm
}

func clip(title string) string {
	title = strings.TrimSpace(title)
	if utf8.RuneCountInString(title) > maxTitleRunes {
		return string([]rune(title)[:maxTitleRunes])
	}
	return strings.Clone(title) // not the whole text it may be a slice of
}

// reindex puts st in the posting lists of its top centroid features.
func (s *state) reindex(idx int32, st *cluster) {
	s.top = append(s.top[:0], st.Centroid...).topInPlace(s.Cfg.IndexFeatures)
	for _, f := range s.top {
		if slices.Contains(st.Indexed, f.ID) {
			continue
		}
		st.Indexed = append(st.Indexed, f.ID)
		p := append(s.Post[f.ID], idx)
		if s.Cfg.MaxPostings > 0 && len(p) > s.Cfg.MaxPostings {
			p = slices.Clone(p[len(p)-s.Cfg.MaxPostings/2:])
		}
		s.Post[f.ID] = p
	}
}

// candidates returns the active stories sharing top features with v, most
// shared features first (the latest story first among equals), at most
// MaxCandidates of them. The result is scratch space, valid until the next
// call.
func (s *state) candidates(v vec, t time.Time) []int32 {
	if len(v) == 0 {
		return nil
	}
	if n := len(s.Stories); len(s.hits) < n {
		s.hits = append(s.hits, make([]int32, n-len(s.hits))...)
	}
	n := s.Cfg.QueryFeatures
	if n <= 0 {
		n = len(v)
	}
	s.byWeight = append(s.byWeight[:0], v...)
	s.qids = s.byWeight.heaviestInPlace(n, s.qids[:0])
	hits, out, stale := s.hits, s.cands[:0], s.stale[:0]
	// A story is out of the time window when it ended more than
	// ActiveWindow before t, or starts more than ActiveWindow after it.
	from, to := instantOf(t.Add(-s.Cfg.ActiveWindow)), instantOf(t.Add(s.Cfg.ActiveWindow))
	for _, id := range s.qids {
		for _, ci := range s.Post[id] {
			switch h := hits[ci]; {
			case h > 0:
				hits[ci]++
			case h == 0:
				// A story is tested once for being in the time window
				// (hits -1 when it is not).
				sp := &s.spans[ci]
				if sp.last.before(from) || to.before(sp.first) {
					hits[ci] = -1
					stale = append(stale, ci)
					continue
				}
				hits[ci] = 1
				out = append(out, ci)
			}
		}
	}
	// Most shared features first, then the latest story: sort keys of
	// count and index, descending.
	keys := s.candKeys[:0]
	for _, ci := range out {
		keys = append(keys, uint64(hits[ci])<<32|uint64(ci))
		hits[ci] = 0
	}
	slices.Sort(keys)
	for i, k := range keys {
		out[len(keys)-1-i] = int32(uint32(k))
	}
	for _, ci := range stale {
		hits[ci] = 0
	}
	s.candKeys, s.stale = keys[:0], stale[:0]
	s.cands = out
	if len(out) > s.Cfg.MaxCandidates {
		out = out[:s.Cfg.MaxCandidates]
	}
	return out
}

// intern returns the id of a feature name, adding it to the vocabulary.
func (s *state) intern(name string) uint32 {
	if id, ok := s.vocab.id(name, s.Names); ok {
		return id
	}
	id := uint32(len(s.Names))
	// A term may be a slice of a whole article text: keep only its bytes.
	name = s.names.clone(name)
	s.Names = append(s.Names, name)
	s.vocab.add(s.Names)
	s.entity = append(s.entity, strings.HasPrefix(name, entityMark))
	s.DF = append(s.DF, 0)
	return id
}

// termFeature returns the id of the feature of the term b of d's bag, by
// its number when it has one, adding it to the vocabulary.
func (s *state) termFeature(d *Doc, b bagTerm) uint32 {
	n := int(b.stem)
	if n == 0 || n >= maxStemNumber {
		return s.intern(d.term(b.at))
	}
	if n < len(s.byStem) {
		if id1 := s.byStem[n]; id1 != 0 {
			return id1 - 1
		}
	} else {
		s.byStem = append(s.byStem, make([]uint32, min(max(n+1, 2*len(s.byStem)), maxStemNumber)-len(s.byStem))...)
	}
	id := s.intern(d.term(b.at))
	s.byStem[n] = id + 1
	return id
}

// vectorize counts d in the document frequencies and returns its TF-IDF
// vector, truncated and normalized, in scratch space valid until the next
// call.
func (s *state) vectorize(d Doc) vec {
	feats := s.feats[:0]
	count := func(t string, w float64) {
		if t == "" {
			return
		}
		id := s.intern(t)
		if int(id) >= len(s.slots) {
			s.slots = append(s.slots, make([]slot, int(id)+1-len(s.slots))...)
		}
		sl := &s.slots[id]
		if !sl.in {
			sl.in = true
			feats = append(feats, id)
		}
		sl.n += w
	}
	if bag, ok := d.bag(); ok {
		// The same sums as count's, one term at a time.
		for _, pb := range bag {
			b := pb.unpack()
			id := s.termFeature(&d, b)
			if int(id) >= len(s.slots) {
				s.slots = append(s.slots, make([]slot, int(id)+1-len(s.slots))...)
			}
			n := float64(b.text)
			for range b.title {
				n += s.Cfg.TitleWeight
			}
			s.slots[id] = slot{n: n, in: true}
			feats = append(feats, id)
		}
	} else {
		for _, t := range d.Terms {
			count(t, 1)
		}
		for _, t := range d.TitleTerms {
			count(t, s.Cfg.TitleWeight)
		}
	}
	nterms := len(feats)
	for _, e := range d.Entities {
		for _, id := range s.entityFeatures(e) {
			if sl := &s.slots[id]; !sl.ent {
				sl.ent = true
				feats = append(feats, id)
			}
		}
	}
	s.N++
	for _, id := range feats {
		s.DF[id]++
	}
	// Terms and entities are truncated separately, so that a long text
	// does not push its names out.
	v := s.docVec[:0]
	for _, id := range feats[:nterms] {
		v = append(v, feat{id, float32(s.tf(s.slots[id].n) * s.idf(id))})
	}
	v = v.topInPlace(s.Cfg.MaxDocFeatures)
	ev := s.entVec[:0]
	for _, id := range feats[nterms:] {
		ev = append(ev, feat{id, float32(s.Cfg.EntityWeight * s.idf(id))})
	}
	v = normalize(append(v, ev.topInPlace(maxDocEntities)...))
	for _, id := range feats {
		s.slots[id] = slot{}
	}
	s.feats, s.docVec, s.entVec = feats[:0], v[:0], ev[:0]
	return v
}

// entityFeatures returns the ids of the features of entity name e (see
// entityKeys), interning them and giving each a display name and a slot.
// The caller must not modify the result.
func (s *state) entityFeatures(e string) []uint32 {
	// The same names come back article after article: remember the
	// features of those of the latest two generations of names.
	if s.entityIDs == nil || len(s.entityIDs) >= maxEntityMemo {
		// The generation before the old one is forgotten: its map, cleared,
		// holds the new one.
		next := s.oldEntityIDs
		if next == nil {
			next = make(map[string][]uint32, maxEntityMemo)
		}
		clear(next)
		s.oldEntityIDs, s.entityIDs = s.entityIDs, next
	}
	if ids, ok := s.entityIDs[e]; ok {
		return ids
	}
	ids, ok := s.oldEntityIDs[e]
	if !ok {
		ids = s.newEntityFeatures(e)
	}
	// e may be a slice of a whole article text: keep only its bytes.
	s.entityIDs[strings.Clone(e)] = ids
	return ids
}

// newEntityFeatures is entityFeatures for a name not in its memo.
func (s *state) newEntityFeatures(e string) []uint32 {
	var ids []uint32
	for _, k := range entityKeys(e) {
		id := s.intern(entityMark + k)
		if int(id) >= len(s.slots) {
			s.slots = append(s.slots, make([]slot, int(id)+1-len(s.slots))...)
		}
		if _, ok := s.Display[id]; !ok {
			s.Display[id] = s.names.clone(strings.Join(strings.Fields(e), " "))
		}
		ids = append(ids, id)
	}
	return ids
}

// normalize sorts v by id and scales it to unit length.
func normalize(v vec) vec {
	sortByID(v)
	if n := v.norm(); n > 0 {
		for i := range v {
			v[i].W = float32(float64(v[i].W) / n)
		}
	}
	return v
}

// entityKeys returns the features of an entity name: one per word of it,
// normalized (diacritics, alef, yeh, teh marbuta, digits) and folded as a
// name, so that ترامب and ترمب, بيسكوف and بيسكوڤ meet, and so do the
// canonical names different articles chose (بوتين, فلاديمير بوتين). Words of
// one letter are dropped.
func entityKeys(name string) []string {
	words := strings.Fields(arabic.Normalize(name, arabic.DefaultNormalizeOptions()))
	keys := words[:0]
	for _, w := range words {
		if k := arabic.NameKey(w); utf8.RuneCountInString(k) > 1 && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// tf returns the TF factor of a term counted n times, 1 + ln n,
// remembered for small whole counts, as most are.
func (s *state) tf(n float64) float64 {
	if k := int(n); float64(k) == n && k >= 0 && k < tfMemoSize {
		if len(s.tfMemo) == 0 {
			s.tfMemo = make([]float64, tfMemoSize)
			for i := range s.tfMemo {
				s.tfMemo[i] = 1 + math.Log(float64(i))
			}
		}
		return s.tfMemo[k]
	}
	return 1 + math.Log(n)
}

func (s *state) idf(id uint32) float64 {
	// The features of an article share few document frequencies, most of
	// them small: remember the factor of each small one for the current N.
	df := s.DF[id]
	if df < idfMemoSize {
		if len(s.idfMemo) == 0 {
			s.idfMemo = make([]idfAt, idfMemoSize)
		}
		m := &s.idfMemo[df]
		if m.n != uint64(s.N)+1 {
			m.n, m.idf = uint64(s.N)+1, s.computeIDF(df)
		}
		return m.idf
	}
	return s.computeIDF(df)
}

// idfAt is the IDF factor of a document frequency when N was n-1.
type idfAt struct {
	n   uint64
	idf float64
}

// computeIDF returns the IDF factor of a document frequency.
func (s *state) computeIDF(df uint32) float64 {
	idf := math.Log(float64(s.N+1)/float64(df+1)) + 1
	if p := s.Cfg.IDFPower; p > 0 && p != 1 {
		if p == 1.5 {
			return pow15(idf)
		}
		return math.Pow(idf, p)
	}
	return idf
}

// pow15 returns math.Pow(x, 1.5) for x at least 1, computed as Pow
// computes it without its tests of special cases: for an exponent of whole
// part 1 and fraction 0.5, Pow multiplies Exp(0.5*Log(x)) by x's mantissa
// and scales the product by x's power of two, which, far from overflow,
// rounds as the product with x itself does. TestPow15 checks it.
func pow15(x float64) float64 {
	if !(x >= 1 && x < 1<<500) {
		return math.Pow(x, 1.5)
	}
	return math.Exp(0.5*math.Log(x)) * x
}

// sweep retires stories idle for longer than ActiveWindow and rebuilds the
// inverted index from the active ones.
func (s *state) sweep() {
	keep := s.Active[:0]
	for _, ci := range s.Active {
		st := s.Stories[ci]
		if s.Now.Sub(st.Last) <= s.Cfg.ActiveWindow {
			keep = append(keep, ci)
			continue
		}
		s.split = slices.Grow(s.split[:0], len(st.Centroid))
		ents, terms := st.Centroid.splitTo(s.split[:len(st.Centroid)], s.entity)
		terms, ents = terms.topInPlace(threadKeep), ents.topInPlace(threadKeepEntities)
		st.Centroid = normalize(append(append(make(vec, 0, len(terms)+len(ents)), terms...), ents...))
		st.changed()
		st.Indexed = nil
	}
	s.Active = keep
	clear(s.Post)
	for _, ci := range s.Active {
		for _, id := range s.Stories[ci].Indexed {
			s.Post[id] = append(s.Post[id], ci)
		}
	}
}
