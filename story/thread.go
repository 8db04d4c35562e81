package story

import (
	"math"
	"slices"
	"sort"
)

// thread links st to an earlier story of the same long-running subject when
// they share at least ThreadMinEntities of their top entities and both the
// entity and the term parts of their centroids are similar. Candidates come
// from an index over pairs of top entities, so one famous name alone never
// brings a candidate. The index holds threads (their first story), not
// stories, so that a busy subject does not push an old thread out of it; a
// new story is compared with the thread's first and latest stories.
func (s *state) thread(idx int32, st *cluster) {
	ents, terms, real := s.threadKeys(st, &s.ownSplit)
	top := ents.top(s.Cfg.ThreadTopEntities)
	if len(top) < 2 || s.Cfg.ThreadMinEntities < 1 {
		return
	}
	keys := pairKeys(top)
	if !st.Linked {
		seen := s.seenStories.reset(len(s.Stories))
		seen.add(int(idx))
		best, bestScore := int32(-1), 0.0
		en, tn := ents.norm(), terms.norm()
		consider := func(ci int32) {
			if seen.has(int(ci)) || ci >= idx { // only link to an earlier story
				return
			}
			seen.add(int(ci))
			// What threadKeys would split from the candidate's
			// centroid, read from the centroid itself: the products of
			// ents (terms) with it are those with its entity (term)
			// part, in the same order.
			o := s.Stories[ci]
			v := s.threadView(o)
			oc, oen, otn, oreal := o.Centroid, v.ents, v.terms, v.real
			if shared(top, v.top) < s.Cfg.ThreadMinEntities {
				return
			}
			es, ts := 1.0, cosineNorm(terms, tn, oc, otn)
			if real && oreal {
				es = cosineNorm(ents, en, oc, oen)
			}
			if es < s.Cfg.ThreadEntitySim || ts < s.Cfg.ThreadTermSim {
				return
			}
			if sc := es * ts; sc > bestScore {
				best, bestScore = ci, sc
			}
		}
		for _, k := range keys {
			s.threadList = s.threads.appendList(s.threadList[:0], k)
			for _, r := range s.threadList {
				r = s.root(r)
				if seen.has(int(r)) {
					continue
				}
				consider(r)
				seen.add(int(r))
				if l := s.Stories[r].Latest; l > r {
					consider(l)
				}
			}
		}
		if best >= 0 {
			r := s.root(best)
			st.Thread = r
			st.Linked = true
			if idx > s.Stories[r].Latest {
				s.Stories[r].Latest = idx
			}
		}
	}
	root := s.root(idx)
	rt := s.Stories[root]
	for _, k := range keys {
		if slices.Contains(rt.ThreadKeys, k) {
			continue
		}
		rt.ThreadKeys = append(rt.ThreadKeys, k)
		s.threads.add(k, root, s.Cfg.ThreadPostings)
	}
}

// threadKeys splits a story's centroid into its entity and term parts, in
// *buf, grown as needed, valid until buf is used again. A story without
// entities (its articles came without them) stands for them with its
// heaviest terms, which are mostly names and the subject's key words.
// real reports whether ents are entities.
func (s *state) threadKeys(st *cluster, buf *vec) (ents, terms vec, real bool) {
	if cap(*buf) < len(st.Centroid) {
		*buf = make(vec, len(st.Centroid))
	}
	ents, terms = st.Centroid.splitTo((*buf)[:len(st.Centroid)], s.entity)
	if len(ents) >= 2 {
		return ents, terms, true
	}
	return terms.top(s.Cfg.ThreadTopEntities), terms, false
}

// threadView is what thread reads of a candidate story's centroid: the
// norms of its entity and term parts, whether it has entities (real, as
// threadKeys tells) and its top entities (see threadKeys), sorted by id.
// A story keeps it until its centroid changes (not saved).
type threadView struct {
	ents, terms float64
	real        bool
	top         vec
	ok          bool
}

// threadView returns st's view, computed when st's centroid has changed.
func (s *state) threadView(st *cluster) *threadView {
	v := &st.view
	if !v.ok {
		var ne int
		v.ents, v.terms, ne = s.partNorms(st.Centroid)
		v.real = ne >= 2
		v.top = appendTopPart(v.top[:0], st.Centroid, s.Cfg.ThreadTopEntities, s.entity, v.real)
		sortByID(v.top)
		v.ok = true
	}
	return v
}

// partNorms returns the norms of the entity and the term parts of v,
// which threadKeys splits, as vec.norm computes them, and the number of
// its entities.
func (s *state) partNorms(v vec) (ents, terms float64, ne int) {
	for _, f := range v {
		if s.entity[f.ID] {
			ents += float64(f.W) * float64(f.W)
			ne++
		} else {
			terms += float64(f.W) * float64(f.W)
		}
	}
	return math.Sqrt(ents), math.Sqrt(terms), ne
}

// appendTopPart appends to dst, which must be empty, the k heaviest
// features of v that are entities (isEntity[id] tells) when ents is true,
// that are not when it is false, heaviest first: the features top(k)
// returns of that part of v, in another order.
func appendTopPart(dst, v vec, k int, isEntity []bool, ents bool) vec {
	if k <= 0 {
		return dst
	}
	for _, f := range v {
		if isEntity[f.ID] != ents || len(dst) == k && heavier(f, dst[k-1]) >= 0 {
			continue
		}
		if len(dst) < k {
			dst = append(dst, f)
		}
		// Move f up from the last place to its own.
		i := len(dst) - 1
		for ; i > 0 && heavier(f, dst[i-1]) < 0; i-- {
			dst[i] = dst[i-1]
		}
		dst[i] = f
	}
	return dst
}

// pairKeys returns a key for each unordered pair of features of v.
func pairKeys(v vec) []uint64 {
	ids := make([]uint32, len(v))
	for i, f := range v {
		ids[i] = f.ID
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	var keys []uint64
	for i := range ids {
		for j := i + 1; j < len(ids); j++ {
			keys = append(keys, uint64(ids[i])<<32|uint64(ids[j]))
		}
	}
	return keys
}

// shared counts the features two sorted vectors have in common.
func shared(a, b vec) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
