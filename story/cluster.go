package story

import (
	"fmt"
	"math"
	"slices"
	"sort"
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
	leadSalt           = 0x6c656164 // "lead"
	fullSalt           = 0x66756c6c // "full"
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

	// Vocabulary of features (terms and entities) and their document frequencies.
	Vocab map[string]uint32
	Names []string
	// Display is the first spelling seen of each entity feature.
	Display map[uint32]string
	DF      []uint32
	N       uint32 // documents counted in DF

	Docs    map[string]docRec // every document ever added
	Stories []*cluster
	Active  []int32            // stories that may still take articles
	Post    map[uint32][]int32 // feature → active stories indexed under it

	// Near-duplicate window: documents of the last DupWindow, oldest first.
	Recent  []recent
	Base    int64 // sequence number of Recent[0]
	Buckets map[uint64][]int64

	ThreadIdx map[uint64][]int32 // entity pair → stories

	Now       time.Time // latest publication time seen
	LastSweep time.Time

	// Scratch space of vectorize, empty between calls (not saved).
	tf   map[uint32]float64
	ents map[uint32]bool
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
	Thread     int32 // index of the thread's first story
	Linked     bool  // Thread was set by linking to an earlier story
	Latest     int32 // for a thread's first story: the thread's latest story
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
		Cfg:       cfg,
		Vocab:     map[string]uint32{},
		Display:   map[uint32]string{},
		Docs:      map[string]docRec{},
		Post:      map[uint32][]int32{},
		Buckets:   map[uint64][]int64{},
		ThreadIdx: map[uint64][]int32{},
	}
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
	dup := s.findDuplicate(&rec)
	s.remember(rec)

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
	for _, ci := range s.candidates(v, t) {
		st := s.Stories[ci]
		score := cosine(v, st.Centroid)
		score *= s.decay(t, st)
		if score > bestScore || (score == bestScore && best >= 0 && ci < best) {
			best, bestScore = ci, score
		}
	}
	var idx int32
	if best >= 0 && bestScore >= s.Cfg.Threshold {
		idx = best
		s.join(idx, s.Stories[idx], d, t, v)
	} else {
		idx = int32(len(s.Stories))
		st := &cluster{
			ID:      fmt.Sprintf("s%d", idx+1),
			First:   t,
			Last:    t,
			Thread:  idx,
			NextTry: 1,
		}
		s.Stories = append(s.Stories, st)
		s.Active = append(s.Active, idx)
		s.join(idx, st, d, t, v)
	}
	r := docRec{Story: idx}
	s.Docs[d.ID] = r
	return s.assignment(r)
}

// decay is the Gaussian damping of a story's similarity with a document
// published at t, on the distance in days from the story's time span.
func (s *state) decay(t time.Time, st *cluster) float64 {
	var dist time.Duration
	switch {
	case t.Before(st.First):
		dist = st.First.Sub(t)
	case t.After(st.Last):
		dist = t.Sub(st.Last)
	}
	if s.Cfg.Sigma <= 0 {
		return 1
	}
	x := float64(dist) / float64(s.Cfg.Sigma)
	return math.Exp(-x * x / 2)
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
	if v == nil {
		if st.Title == "" {
			st.Title = clip(d.Title)
		}
		return
	}
	st.Centroid = add(st.Centroid, v).top(s.Cfg.MaxCentroidFeat)
	st.Members++
	if score := cosine(v, st.Centroid); st.Title == "" || (d.Title != "" && score > st.TitleScore) {
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

func clip(title string) string {
	title = strings.TrimSpace(title)
	if utf8.RuneCountInString(title) > maxTitleRunes {
		return string([]rune(title)[:maxTitleRunes])
	}
	return strings.Clone(title) // not the whole text it may be a slice of
}

// reindex puts st in the posting lists of its top centroid features.
func (s *state) reindex(idx int32, st *cluster) {
	for _, f := range st.Centroid.top(s.Cfg.IndexFeatures) {
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

// candidates returns the active stories sharing top features with v.
func (s *state) candidates(v vec, t time.Time) []int32 {
	if len(v) == 0 {
		return nil
	}
	hits := map[int32]int{}
	ids := v.byWeight()
	if n := s.Cfg.QueryFeatures; n > 0 && len(ids) > n {
		ids = ids[:n]
	}
	for _, id := range ids {
		for _, ci := range s.Post[id] {
			st := s.Stories[ci]
			if t.Sub(st.Last) > s.Cfg.ActiveWindow || st.First.Sub(t) > s.Cfg.ActiveWindow {
				continue
			}
			hits[ci]++
		}
	}
	out := make([]int32, 0, len(hits))
	for ci := range hits {
		out = append(out, ci)
	}
	sort.Slice(out, func(i, j int) bool {
		if hits[out[i]] != hits[out[j]] {
			return hits[out[i]] > hits[out[j]]
		}
		return out[i] > out[j]
	})
	if len(out) > s.Cfg.MaxCandidates {
		out = out[:s.Cfg.MaxCandidates]
	}
	return out
}

// intern returns the id of a feature name, adding it to the vocabulary.
func (s *state) intern(name string) uint32 {
	if id, ok := s.Vocab[name]; ok {
		return id
	}
	id := uint32(len(s.Names))
	// A term may be a slice of a whole article text: keep only its bytes.
	name = strings.Clone(name)
	s.Vocab[name] = id
	s.Names = append(s.Names, name)
	s.DF = append(s.DF, 0)
	return id
}

func (s *state) isEntity(id uint32) bool {
	return strings.HasPrefix(s.Names[id], entityMark)
}

// vectorize counts d in the document frequencies and returns its TF-IDF
// vector, truncated and normalized.
func (s *state) vectorize(d Doc) vec {
	if s.tf == nil {
		s.tf, s.ents = map[uint32]float64{}, map[uint32]bool{}
	}
	tf, ents := s.tf, s.ents
	defer clear(tf)
	defer clear(ents)
	for _, t := range d.Terms {
		if t == "" {
			continue
		}
		tf[s.intern(t)]++
	}
	for _, t := range d.TitleTerms {
		if t == "" {
			continue
		}
		tf[s.intern(t)] += s.Cfg.TitleWeight
	}
	for _, e := range d.Entities {
		for _, k := range entityKeys(e) {
			id := s.intern(entityMark + k)
			ents[id] = true
			if _, ok := s.Display[id]; !ok {
				s.Display[id] = strings.Clone(strings.Join(strings.Fields(e), " "))
			}
		}
	}
	s.N++
	for id := range tf {
		s.DF[id]++
	}
	for id := range ents {
		s.DF[id]++
	}
	// Terms and entities are truncated separately, so that a long text
	// does not push its names out.
	v := make(vec, 0, len(tf))
	for id, n := range tf {
		v = append(v, feat{id, float32((1 + math.Log(n)) * s.idf(id))})
	}
	v = v.top(s.Cfg.MaxDocFeatures)
	ev := make(vec, 0, len(ents))
	for id := range ents {
		ev = append(ev, feat{id, float32(s.Cfg.EntityWeight * s.idf(id))})
	}
	v = normalize(append(v, ev.top(maxDocEntities)...))
	return v
}

// normalize sorts v by id and scales it to unit length.
func normalize(v vec) vec {
	slices.SortFunc(v, func(a, b feat) int { return int64cmp(int64(a.ID), int64(b.ID)) })
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

func (s *state) idf(id uint32) float64 {
	idf := math.Log(float64(s.N+1)/float64(s.DF[id]+1)) + 1
	if p := s.Cfg.IDFPower; p > 0 && p != 1 {
		return math.Pow(idf, p)
	}
	return idf
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
		ents, terms := st.Centroid.split(s.isEntity)
		st.Centroid = normalize(append(slices.Clone(terms.top(threadKeep)), ents.top(threadKeepEntities)...))
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
