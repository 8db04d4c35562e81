package entity

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unsafe"

	"github.com/marsad/marsad/arabic"
)

// Tagger is a trained named-entity tagger. It is immutable after loading and
// safe for concurrent use.
type Tagger struct {
	gaz *gazetteer
	// index maps a feature's hash to the offset of its nLabels weights in
	// w. Load leaves it nil when the model file has the features in
	// increasing order, as Save writes them: fx, built from them in
	// order, is all tagging needs, and featureMap builds the map for
	// Save and Pruned.
	index map[uint64]int32
	fx    featIndex // the features, for fast lookups
	w     []float32
	trans [nLabels + 1][nLabels]float32 // trans[prev][cur]; prev == nLabels is the sentence start

	// words are the known word forms; vocab caches their token information
	// and role scores, so that tagging a known word costs one map lookup.
	words    []string
	vocab    *wordTable
	sentRole roleScores // scores of the sentinel in each role

	// first, when set, is the first-stage tagger whose labels over the
	// whole article give this tagger its document features.
	first *Tagger

	states sync.Pool // of *tagState, reused between calls

	// unknowns caches the entries of recent words outside the vocabulary:
	// an entry depends on the word only, and most words that a document
	// has but the vocabulary lacks recur in other documents (names of the
	// day's news). It is the only state of a Tagger that changes after
	// loading, and only what it caches, not what tagging returns.
	unknowns unknownCache

	// phrases caches the labels of the phrases that cliticNames tags
	// alone, which recur from one document to the next; like unknowns,
	// what it caches only.
	phrases phraseCache
}

// unknownCache is a bounded cache of vocabulary entries, safe for
// concurrent use. Its callers get copies of the entries, never pointers
// into its tables, which it reuses.
//
// It keeps two generations: new entries go to cur, and when cur is full it
// becomes old and cur starts afresh; an entry found in old moves back to
// cur. So the words that keep recurring (names of the day's news) survive
// the turnover, which starting afresh would drop, for at most twice the
// entries.
type unknownCache struct {
	mu sync.Mutex
	// seed is the tables' hash seed, that of the vocabulary, so that the
	// hash of a word that tagDoc looks up in the vocabulary serves to
	// look it up and add it here. It is set by prepare, or else by the
	// first call to unknown.
	seed     maphash.Seed
	cur, old *wordTable
	// seen holds the top half of the hashes of recent words that get
	// found in neither generation, at their slot: a word is cached only
	// when it is seen again. Most words outside the vocabulary occur in
	// one document only, and caching them cost more than computing them
	// (writing an entry of several cache lines to memory), and pushed
	// the recurring words out.
	seen []uint32
}

// seenSlots is the size of unknownCache.seen.
const seenSlots = 1 << 16

// maxUnknowns bounds the entries of each generation of an unknownCache
// (about 420 bytes each, in wordTables that the collector need not scan).
// Two generations of maps of 1<<15 entries holding strings made
// one-goroutine extraction 5-8% faster than 1<<14, but a whole ingest
// (GOGC 50) spent 25-30% more CPU, most of it marking the cache: the
// pointer-free wordTable removes that cost. With it, 2×1<<15 gave a whole
// ingest 88.7 and 90.9 CPU s against 96.2 and 90.2 for 2×1<<14 (two pairs
// on a loaded machine, up to +10 MB of peak RSS): no clear gain yet, so
// the memory stays where it was. 2×1<<16, measured again on a loaded
// machine: extraction alone 837 against 845 CPU µs/article one goroutine,
// 812 against 850 all-parallel (medians of 3 runs, within the noise), but
// a whole ingest spent 91.6 and 99.8 CPU s against 77.2 and 79.0 for the
// same build at 2×1<<14 (80.1 and 88.0 for the build before it), with a
// peak RSS of 442 and 454 MB against 416 and 417 (the bound is about
// 430 MB): dropped.
const maxUnknowns = 1 << 14

// unknownBytes is the room for strings of each generation's arena, a
// guess that the arena grows past if need be.
const unknownBytes = maxUnknowns * 48

// get looks up w, whose hash is h. When it is cached, get copies its role
// scores to roles and returns its token information and true; else
// whether to cache the entry of w (see seen). No pointer into the cache's
// tables leaves its lock, so that a generation that drops out can be
// reused (see add).
func (c *unknownCache) get(w string, h uint64, roles *[2]roleScores) (info tokInfo, found, keep bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil {
		if e := c.cur.findHash(w, h); e != nil {
			*roles = e.roles
			return c.cur.info(e), true, false
		}
	}
	if c.old != nil {
		if e := c.old.findHash(w, h); e != nil {
			*roles = e.roles
			// The strings of info stay valid: add gives a reused
			// table an arena of its own.
			info := c.old.info(e)
			c.add(w, h, &info, roles)
			return info, true, false
		}
	}
	if c.seen == nil {
		c.seen = make([]uint32, seenSlots)
	}
	i, tag := h&(seenSlots-1), uint32(h>>32)|1
	if c.seen[i] != tag {
		c.seen[i] = tag
		return tokInfo{}, false, false
	}
	if c.cur != nil {
		// The caller computes the entry of w and adds it next.
		c.cur.touchNext()
	}
	return tokInfo{}, false, true
}

// touch reads what finding the words of the hashes hs reads first, in
// both generations (see wordTable.touch), and their slots of seen, which
// get reads for the words that neither generation holds.
func (c *unknownCache) touch(hs []uint64) {
	if len(hs) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil {
		c.cur.touch(hs)
	}
	if c.old != nil {
		c.old.touch(hs)
	}
	touchSeen(c.seen, hs)
}

// touchSeen reads the slots of seen of the hashes hs (see wordTable.touch).
// The result means nothing.
//
//go:noinline
func touchSeen(seen []uint32, hs []uint64) uint32 {
	if len(seen) != seenSlots {
		return 0
	}
	var sum uint32
	for _, h := range hs {
		sum += seen[h&(seenSlots-1)]
	}
	return sum
}

// add caches the entry of w, whose hash is h, which the cache lacks; c.mu
// is held. When cur is full, the old generation's table, which no caller
// holds a pointer into (see get), is emptied to be the new cur, rather
// than a new table of megabytes allocated and its pages faulted in.
func (c *unknownCache) add(w string, h uint64, info *tokInfo, roles *[2]roleScores) {
	if c.cur == nil || c.cur.full() {
		next := c.old
		if next == nil {
			next = newWordTable(maxUnknowns, unknownBytes, c.seed)
		} else {
			next.reset(unknownBytes)
		}
		c.old, c.cur = c.cur, next
	}
	c.cur.add(w, h, info, roles)
}

// unknown returns the vocabulary entry of a word outside the vocabulary
// and its token information, from the cache or computed (and then cached).
func (t *Tagger) unknown(w string, st *tagState) (*vocabEntry, tokInfo) {
	c := &t.unknowns
	c.mu.Lock()
	if c.seed == (maphash.Seed{}) {
		c.seed = maphash.MakeSeed()
	}
	seed := c.seed
	c.mu.Unlock()
	return t.unknownHash(w, maphash.String(seed, w), st)
}

// unknownHash is unknown of w whose hash in t.vocab (and t.unknowns) is h.
// The entry it returns is st's (see tagState.uncached), a copy of the
// cached one or computed.
func (t *Tagger) unknownHash(w string, h uint64, st *tagState) (*vocabEntry, tokInfo) {
	st.uncached = append(st.uncached, vocabEntry{})
	e := &st.uncached[len(st.uncached)-1]
	c := &t.unknowns
	info, found, keep := c.get(w, h, &e.roles)
	if found {
		return e, info
	}
	info = t.gaz.infoBuf(w, &st.atoks)
	st.fbuf = t.entryRoles(&info, &e.roles, st.fbuf)
	if keep {
		c.addNew(w, h, &info, &e.roles)
	}
	return e, info
}

// addNew is add of an entry that the caller computed, unless another
// goroutine cached w meanwhile; c.mu is not held.
func (c *unknownCache) addNew(w string, h uint64, info *tokInfo, roles *[2]roleScores) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur == nil || c.cur.findHash(w, h) == nil {
		c.add(w, h, info, roles)
	}
}

// unknownBlock gives the words of a block of a document (see tagDoc) that
// the vocabulary lacks their entries in st.oovEnts and st.oovInfos, at
// st.blockOov of their position in the block: those the document had
// before, those of the tagger's cache (copied) and the rest computed, as
// unknownHash does one word at a time. The slots of each word's features
// are prefetched as soon as it has them, and summed once all the words are
// analyzed, so that their cache misses overlap the analysis of the next
// words, where unknownHash waits for them before it goes on (touching all
// the words' features at once, without the prefetch, gained nothing: one
// word's features already keep the processor's misses busy). For a
// two-stage tagger whose vocabulary is set; st.hashes and st.blockEnts
// hold the block's.
func (t *Tagger) unknownBlock(ws []string, st *tagState) {
	c := &t.unknowns
	st.blockOov = st.blockOov[:0]
	st.pending = st.pending[:0]
	st.fbuf, st.foff = st.fbuf[:0], st.foff[:0]
	for j, e := range st.blockEnts {
		if e != nil {
			st.blockOov = append(st.blockOov, -1)
			continue
		}
		w := ws[j]
		if i, ok := st.oovIdx[w]; ok {
			st.blockOov = append(st.blockOov, i)
			continue
		}
		h := st.hashes[j]
		st.uncached = append(st.uncached, vocabEntry{})
		e := &st.uncached[len(st.uncached)-1]
		info, found, keep := c.get(w, h, &e.roles)
		i := int32(len(st.oovEnts))
		if !found {
			info = t.gaz.infoBuf(w, &st.atoks)
			n := len(st.fbuf)
			st.fbuf, st.foff = appendRoleFeatures(&info, st.fbuf, st.foff)
			// Their slots come while the next word is analyzed.
			t.fx.prefetch(st.fbuf[n:])
			st.pending = append(st.pending, pendingUnknown{w: w, i: i, h: h, keep: keep})
		}
		st.oovIdx[w] = i
		st.oovEnts = append(st.oovEnts, e)
		st.oovInfos = append(st.oovInfos, info)
		st.blockOov = append(st.blockOov, i)
	}
	if len(st.pending) == 0 {
		return
	}
	st.foff = append(st.foff, int32(len(st.fbuf)))
	st.fbuf, _ = t.fx.touchPassed(st.fbuf, st.foff)
	for p, u := range st.pending {
		e, info := st.oovEnts[u.i], &st.oovInfos[u.i]
		t.fx.roleSums2(&e.roles, st.fbuf, st.foff[p*nRoles:(p+1)*nRoles+1])
		if u.keep {
			c.addNew(u.w, u.h, info, &e.roles)
		}
	}
}

// pendingUnknown is a word whose entry unknownBlock computes, its index
// in tagState.oovEnts, its hash, and whether to cache it.
type pendingUnknown struct {
	w    string
	i    int32
	h    uint64
	keep bool
}

// lookup returns the vocabulary entry of a known word and its token
// information, or nil.
func (t *Tagger) lookup(w string) (*vocabEntry, tokInfo) {
	if t.vocab == nil {
		return nil, tokInfo{}
	}
	e := t.vocab.find(w)
	if e == nil {
		return nil, tokInfo{}
	}
	return e, t.vocab.info(e)
}

// lookupBlock is how many words tagDoc looks up together.
const lookupBlock = 32

func (t *Tagger) getState() *tagState {
	if st, ok := t.states.Get().(*tagState); ok {
		return st
	}
	return &tagState{}
}

// roleScores are the summed weights of the role features of one token in
// each role.
type roleScores [nRoles][nLabels]float32

// roleScores computes the role scores of a token.
func (t *Tagger) roleScores(w *tokInfo, rs *roleScores, fbuf []uint64) []uint64 {
	var off [nRoles + 1]int32
	fbuf = allRoleFeatures(w, fbuf, &off)
	// The features of every role first, so that their cache misses
	// overlap (see featIndex.touch).
	t.fx.touch(fbuf)
	t.fx.roleSums(rs, fbuf, &off)
	return fbuf
}

// allRoleFeatures sets fbuf to the features of w in every role, those of
// role r at fbuf[off[r]:off[r+1]].
func allRoleFeatures(w *tokInfo, fbuf []uint64, off *[nRoles + 1]int32) []uint64 {
	fbuf, _ = appendRoleFeatures(w, fbuf[:0], off[:0:nRoles])
	off[nRoles] = int32(len(fbuf))
	return fbuf
}

// appendRoleFeatures appends the features of w in every role to fbuf, and
// to off the offset in fbuf where each role's features start.
func appendRoleFeatures(w *tokInfo, fbuf []uint64, off []int32) ([]uint64, []int32) {
	for r := range nRoles {
		off = append(off, int32(len(fbuf)))
		fbuf = roleFeatures(w, r, fbuf)
	}
	return fbuf, off
}

// roleSums sets rs to the sums of the weights of the role features fs
// (see allRoleFeatures).
func (x *featIndex) roleSums(rs *roleScores, fs []uint64, off *[nRoles + 1]int32) {
	for r := range rs {
		row := &rs[r]
		*row = [nLabels]float32{}
		x.sum(row, fs[off[r]:off[r+1]])
	}
}

// entryRoles sets roles to the role scores of the token info, for t and
// its first stage. The two stages share the features, computed once, and
// their lookups in both stages' tables overlap.
func (t *Tagger) entryRoles(info *tokInfo, roles *[2]roleScores, fbuf []uint64) []uint64 {
	var off [nRoles + 1]int32
	fbuf = allRoleFeatures(info, fbuf, &off)
	if t.first == nil {
		t.fx.touch(fbuf)
		t.fx.roleSums(&roles[0], fbuf, &off)
		return fbuf
	}
	// One index holds both stages' weights (see featIndex); the features
	// that its filter rejects, a third of an unknown word's, are dropped
	// as they are touched, and the rest summed without the filter.
	fbuf, _ = t.fx.touchPassed(fbuf, off[:])
	t.fx.roleSums2(roles, fbuf, off[:])
	return fbuf
}

// roleSums2 sets roles to the sums of the weights of the role features fs
// in both stages, those of role r at fs[off[r]:off[r+1]], which the filter
// passed (see touchPassed).
func (x *featIndex) roleSums2(roles *[2]roleScores, fs []uint64, off []int32) {
	for r := range nRoles {
		roles[0][r], roles[1][r] = [nLabels]float32{}, [nLabels]float32{}
		x.sum2Passed(&roles[0][r], &roles[1][r], fs[off[r]:off[r+1]])
	}
}

// prepare fills the caches of a tagger whose weights are set. The token
// information of the known words, which needs no weights, is computed
// while the feature index is built.
func (t *Tagger) prepare() { t.prepareKeys(nil, nil) }

// prepareKeys is prepare given, when not nil, the keys of t.index and of
// t.first.index as readWeights returns them (see featStage.keys).
func (t *Tagger) prepareKeys(keys, firstKeys []uint64) {
	t.unknowns.mu.Lock()
	t.unknowns.cur, t.unknowns.old = nil, nil
	t.unknowns.mu.Unlock()
	t.phrases.reset()
	var infos []tokInfo
	var wg sync.WaitGroup
	wg.Go(func() { infos = t.wordInfos() })
	if t.first != nil {
		t.fx = newFeatIndex(featStage{t.index, t.w, keys}, featStage{t.first.index, t.first.w, firstKeys})
		t.first.fx = t.fx.view(1)
	} else {
		t.fx = newFeatIndex(featStage{t.index, t.w, keys})
	}
	var fbuf []uint64
	fbuf = t.roleScores(&sentinel, &t.sentRole, fbuf)
	if t.first != nil {
		fbuf = t.first.roleScores(&sentinel, &t.first.sentRole, fbuf)
	}
	seed := maphash.MakeSeed()
	wg.Wait()
	t.vocab = t.vocabTable(infos, seed)
	t.unknowns.mu.Lock()
	t.unknowns.seed = seed
	t.unknowns.mu.Unlock()
}

// wordInfos returns the token information of each of t.words, computed on
// GOMAXPROCS goroutines.
func (t *Tagger) wordInfos() []tokInfo {
	infos := make([]tokInfo, len(t.words))
	parallelChunks(len(t.words), func(lo, hi int) {
		var toks []arabic.Token
		for i := lo; i < hi; i++ {
			infos[i] = t.gaz.infoBuf(t.words[i], &toks)
		}
	})
	return infos
}

// vocabTable returns the table of the entries of t.words, whose token
// information is infos, hashed with seed. The role scores, which cost most
// of building it, are computed on GOMAXPROCS goroutines, once the table
// holds the entries in the order of t.words, each in place (the entries do
// not move: the table was made for all of them).
func (t *Tagger) vocabTable(infos []tokInfo, seed maphash.Seed) *wordTable {
	size := 0
	for _, w := range t.words {
		size += 2 * len(w)
	}
	vocab := newWordTable(len(t.words), size, seed)
	for i, w := range t.words {
		if h := vocab.hash(w); vocab.findHash(w, h) == nil {
			// The roles stay zero (the table is new) until computed
			// below: the entries' megabytes are written once.
			vocab.add(w, h, &infos[i], nil)
		}
	}
	parallelChunks(len(vocab.ents), func(lo, hi int) {
		var fbuf []uint64
		for i := lo; i < hi; i++ {
			e := &vocab.ents[i]
			info := vocab.info(e)
			fbuf = t.entryRoles(&info, &e.roles, fbuf)
		}
	})
	return vocab
}

// parallelChunks calls do on consecutive chunks [lo, hi) of [0, n), one
// chunk on each of GOMAXPROCS goroutines, and returns when all are done.
func parallelChunks(n int, do func(lo, hi int)) {
	k := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for c := range k {
		lo, hi := n*c/k, n*(c+1)/k
		if lo < hi {
			wg.Go(func() { do(lo, hi) })
		}
	}
	wg.Wait()
}

//go:embed model.bin.gz
var embeddedModel []byte

// Default returns the tagger trained on ANERcorp that is embedded in the
// package (see MODEL.md). Each call decodes the model; callers should keep
// the result.
func Default() (*Tagger, error) {
	t, err := Load(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("load embedded entity model: %w", err)
	}
	return t, nil
}

// emissions computes the label scores of the tokens of one sentence into
// st.sc with t's weights. ents holds the tokens' vocabulary entries (nil for
// unknown words), whose role scores roles[slot] are t's.
func (t *Tagger) emissions(infos []tokInfo, ents []*vocabEntry, slot int, st *tagState) {
	n := len(infos)
	st.rs = slices.Grow(st.rs[:0], n)[:n]
	st.own = st.own[:0]
	st.oov = st.oov[:0]
	for i, e := range ents {
		if e != nil {
			st.rs[i] = &e.roles[slot]
		} else {
			st.own = append(st.own, roleScores{})
			st.fbuf = t.roleScores(&infos[i], &st.own[len(st.own)-1], st.fbuf)
			st.oov = append(st.oov, i)
		}
	}
	for k, i := range st.oov {
		st.rs[i] = &st.own[k]
	}
	// The cross features of a block of tokens are looked up together, so
	// that their cache misses overlap (see featIndex.touch).
	for lo := 0; lo < n; lo += crossBlock {
		hi := min(lo+crossBlock, n)
		st.crossFeatures(infos, lo, hi)
		t.fx.touch(st.fbuf)
		touchRoles(st.rs[max(lo-window, 0):min(hi+window, n)])
		for i := lo; i < hi; i++ {
			row := (*[nLabels]float32)(st.sc[i*nLabels : (i+1)*nLabels])
			var v [nRoles]*[nLabels]float32
			for r := range nRoles {
				rs := &t.sentRole
				if j := i + r - window; j >= 0 && j < n {
					rs = st.rs[j]
				}
				v[r] = &rs[r]
			}
			sumRoles(row, &v)
			t.fx.sum(row, st.fbuf[st.foff[i-lo]:st.foff[i-lo+1]])
		}
	}
}

// sumRoles sets row to the sum of the role scores v, in the order of v
// from +0: the scores that adding each to row in turn gives, to the bit,
// with one store a label rather than one a role and label.
func sumRoles(row *[nLabels]float32, v *[nRoles]*[nLabels]float32) {
	a, b, c, d, e := v[0], v[1], v[2], v[3], v[4]
	for l := range row {
		row[l] = 0 + a[l] + b[l] + c[l] + d[l] + e[l]
	}
}

// crossFeatures sets st.fbuf to the cross features of the tokens lo to hi
// of infos, those of token i at st.fbuf[st.foff[i-lo]:st.foff[i-lo+1]].
func (st *tagState) crossFeatures(infos []tokInfo, lo, hi int) {
	st.fbuf = st.fbuf[:0]
	st.foff = st.foff[:0]
	for i := lo; i < hi; i++ {
		st.foff = append(st.foff, int32(len(st.fbuf)))
		st.fbuf = crossFeatures(infos, i, st.fbuf)
	}
	st.foff = append(st.foff, int32(len(st.fbuf)))
}

// touchRoles reads each cache line of the role scores rs, so that the
// emissions that sum them find them in the processor's cache: the scores
// are those of vocabulary entries scattered over megabytes, and reading
// them all first overlaps their cache misses, as featIndex.touch does for
// features. The result means nothing; it and noinline keep the reads from
// being optimized away.
//
//go:noinline
func touchRoles(rs []*roleScores) float32 {
	var sum float32
	for _, r := range rs {
		// A roleScores is 180 bytes over at most four cache lines:
		// floats less than a line apart, from the first to the last.
		sum += r[0][0] + r[1][6] + r[3][3] + r[4][8]
	}
	return sum
}

// crossBlock is how many tokens' cross features emissions looks up
// together: enough for the processor to overlap many cache misses, few
// enough for what they bring to stay in the first-level cache.
const crossBlock = 32

// slowEmissions computes the same scores as emissions feature by feature
// (for tests).
func (t *Tagger) slowEmissions(words []string, doc []uint16) []float32 {
	infos := t.gaz.analyze(words, nil)
	for i := range doc {
		infos[i].doc = doc[i]
	}
	sc := make([]float32, len(words)*nLabels)
	var fbuf []uint64
	for i := range infos {
		fbuf = features(infos, i, fbuf[:0])
		for _, h := range fbuf {
			if ws, ok := t.fx.get(h); ok {
				for l := range nLabels {
					sc[i*nLabels+l] += ws[l]
				}
			}
		}
	}
	return sc
}

// viterbi finds the best label sequence given emission scores, forbidding
// I-X after anything but B-X or I-X.
func viterbi(trans *[nLabels + 1][nLabels]float32, sc []float32, n int, back []uint8, out []int) {
	negInf := float32(math.Inf(-1))
	// The scores of the labels at the previous position are kept in
	// registers rather than an array, and the loops over labels are
	// written out: BenchmarkViterbi took 53 rather than 80 CPU ns a token.
	t, e := &trans[nLabels], (*[nLabels]float32)(sc[:nLabels])
	v0, v1, v3, v5, v7 := t[0]+e[0], t[1]+e[1], t[3]+e[3], t[5]+e[5], t[7]+e[7]
	v2, v4, v6, v8 := negInf, negInf, negInf, negInf
	for i := 1; i < n; i++ {
		e = (*[nLabels]float32)(sc[i*nLabels : i*nLabels+nLabels])
		bk := (*[nLabels]uint8)(back[i*nLabels : i*nLabels+nLabels])
		// O and B-X follow anything: the best previous label of each,
		// the first of the best, previous label by previous label, so
		// that the five comparisons of a label overlap.
		t = &trans[0]
		b0, b1, b3, b5, b7 := v0+t[0], v0+t[1], v0+t[3], v0+t[5], v0+t[7]
		var a0, a1, a3, a5, a7 uint8
		t = &trans[1]
		b0, a0 = better(b0, a0, v1+t[0], 1)
		b1, a1 = better(b1, a1, v1+t[1], 1)
		b3, a3 = better(b3, a3, v1+t[3], 1)
		b5, a5 = better(b5, a5, v1+t[5], 1)
		b7, a7 = better(b7, a7, v1+t[7], 1)
		t = &trans[2]
		b0, a0 = better(b0, a0, v2+t[0], 2)
		b1, a1 = better(b1, a1, v2+t[1], 2)
		b3, a3 = better(b3, a3, v2+t[3], 2)
		b5, a5 = better(b5, a5, v2+t[5], 2)
		b7, a7 = better(b7, a7, v2+t[7], 2)
		t = &trans[3]
		b0, a0 = better(b0, a0, v3+t[0], 3)
		b1, a1 = better(b1, a1, v3+t[1], 3)
		b3, a3 = better(b3, a3, v3+t[3], 3)
		b5, a5 = better(b5, a5, v3+t[5], 3)
		b7, a7 = better(b7, a7, v3+t[7], 3)
		t = &trans[4]
		b0, a0 = better(b0, a0, v4+t[0], 4)
		b1, a1 = better(b1, a1, v4+t[1], 4)
		b3, a3 = better(b3, a3, v4+t[3], 4)
		b5, a5 = better(b5, a5, v4+t[5], 4)
		b7, a7 = better(b7, a7, v4+t[7], 4)
		t = &trans[5]
		b0, a0 = better(b0, a0, v5+t[0], 5)
		b1, a1 = better(b1, a1, v5+t[1], 5)
		b3, a3 = better(b3, a3, v5+t[3], 5)
		b5, a5 = better(b5, a5, v5+t[5], 5)
		b7, a7 = better(b7, a7, v5+t[7], 5)
		t = &trans[6]
		b0, a0 = better(b0, a0, v6+t[0], 6)
		b1, a1 = better(b1, a1, v6+t[1], 6)
		b3, a3 = better(b3, a3, v6+t[3], 6)
		b5, a5 = better(b5, a5, v6+t[5], 6)
		b7, a7 = better(b7, a7, v6+t[7], 6)
		t = &trans[7]
		b0, a0 = better(b0, a0, v7+t[0], 7)
		b1, a1 = better(b1, a1, v7+t[1], 7)
		b3, a3 = better(b3, a3, v7+t[3], 7)
		b5, a5 = better(b5, a5, v7+t[5], 7)
		b7, a7 = better(b7, a7, v7+t[7], 7)
		t = &trans[8]
		b0, a0 = better(b0, a0, v8+t[0], 8)
		b1, a1 = better(b1, a1, v8+t[1], 8)
		b3, a3 = better(b3, a3, v8+t[3], 8)
		b5, a5 = better(b5, a5, v8+t[5], 8)
		b7, a7 = better(b7, a7, v8+t[7], 8)
		// I-X follows B-X or I-X.
		b2, a2 := better(v1+trans[1][2], 1, v2+trans[2][2], 2)
		b4, a4 := better(v3+trans[3][4], 3, v4+trans[4][4], 4)
		b6, a6 := better(v5+trans[5][6], 5, v6+trans[6][6], 6)
		b8, a8 := better(v7+trans[7][8], 7, v8+trans[8][8], 8)
		bk[0], bk[1], bk[2], bk[3], bk[4], bk[5], bk[6], bk[7], bk[8] = a0, a1, a2, a3, a4, a5, a6, a7, a8
		v0, v1, v2, v3, v4, v5, v6, v7, v8 = b0+e[0], b1+e[1], b2+e[2], b3+e[3], b4+e[4], b5+e[5], b6+e[6], b7+e[7], b8+e[8]
	}
	best, arg := negInf, 0
	for l, v := range [nLabels]float32{v0, v1, v2, v3, v4, v5, v6, v7, v8} {
		if v > best {
			best, arg = v, l
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = arg
		arg = int(back[i*nLabels+arg])
	}
}

// better returns s and p when s is larger than b, else b and a: the best
// of two scores and its label, the first of equals.
func better(b float32, a uint8, s float32, p uint8) (float32, uint8) {
	if s > b {
		return s, p
	}
	return b, a
}

// tagState holds the buffers of one tagging call.
type tagState struct {
	ents   []*vocabEntry
	rs     []*roleScores
	own    []roleScores
	oov    []int
	sc     []float32
	sc2    []float32 // second-stage scores of a document (tagDoc)
	back   []uint8
	labels []int
	fbuf   []uint64
	foff   []int32  // offsets of each token's features in fbuf
	hashes []uint64 // of a block of words in the vocabulary (tagDoc)
	// entries of a block of words in the vocabulary, nil for those it
	// lacks, and the hashes of these (tagDoc)
	blockEnts []*vocabEntry
	uhashes   []uint64
	// index in oovEnts of each word of the block that the vocabulary
	// lacks, -1 for the others, and the words of the block whose entries
	// unknownBlock computes
	blockOov []int32
	pending  []pendingUnknown
	// entries of the unknown words of a document, and their information
	oovEnts  []*vocabEntry
	oovInfos []tokInfo
	oovIdx   map[string]int32
	// uncached holds the entries of unknown words, copied from the
	// tagger's cache or computed, from the call of tagDoc that looked
	// them up on: the slice may move when it grows, but its old arrays
	// stay as they are, for the entries that point into them.
	uncached []vocabEntry
	atoks    []arabic.Token // analyzer buffer
	// document buffers
	dinfos  []tokInfo
	dlabels []int
	doc     []uint16
	df      docScratch
	// buffers of Entities
	ms, refined []mention // the tagger's mentions, and refine's
	words, keys []string
	keyBytes    []byte // the bytes of keys (packKeys)
	sents       [][]string
	starts      []int
	group       groupBufs
	lists       tokenLists // the word lists of keys
	rules       ruleScratch
}

// decode labels one sentence with t's weights (see emissions) and appends
// the labels to out.
func (t *Tagger) decode(infos []tokInfo, ents []*vocabEntry, slot int, st *tagState, out []int) []int {
	n := len(infos)
	if n == 0 {
		return out
	}
	st.sc = slices.Grow(st.sc[:0], n*nLabels)[:n*nLabels]
	st.back = slices.Grow(st.back[:0], n*nLabels)[:n*nLabels]
	st.labels = slices.Grow(st.labels[:0], n)[:n]
	t.emissions(infos, ents, slot, st)
	viterbi(&t.trans, st.sc, n, st.back, st.labels)
	return append(out, st.labels...)
}

// docResult is the tagging of a document.
type docResult struct {
	labels []int     // label of each token, sentences concatenated
	infos  []tokInfo // information on each token
}

// tagDoc labels the sentences of one document. A two-stage tagger first
// labels it with its first stage, then again with document features.
func (t *Tagger) tagDoc(sents [][]string, st *tagState) docResult {
	n := 0
	for _, ws := range sents {
		n += len(ws)
	}
	st.dinfos = slices.Grow(st.dinfos[:0], n)[:n]
	r := docResult{labels: st.dlabels[:0], infos: st.dinfos}
	st.ents = slices.Grow(st.ents[:0], n)[:n]
	// Unknown words get entries of their own, looked up once in the
	// tagger's cache however often they occur in the document.
	clear(st.oovEnts)
	st.oovEnts = st.oovEnts[:0]
	clear(st.oovInfos)
	st.oovInfos = st.oovInfos[:0]
	if st.oovIdx == nil {
		st.oovIdx = map[string]int32{}
	}
	clear(st.oovIdx)
	st.uncached = st.uncached[:0]
	k := 0
	for _, ws := range sents {
		phrase := false
		for lo, w := range ws {
			var e *vocabEntry
			var info tokInfo
			var h uint64
			if t.vocab != nil {
				if lo%lookupBlock == 0 {
					// The words of a block are looked up together (see
					// wordTable.touch).
					st.hashes = st.hashes[:0]
					for _, w := range ws[lo:min(lo+lookupBlock, len(ws))] {
						st.hashes = append(st.hashes, t.vocab.hash(w))
					}
					t.vocab.touch(st.hashes)
					// Then the words the vocabulary lacks in the
					// unknown-word cache, likewise.
					st.blockEnts = st.blockEnts[:0]
					st.uhashes = st.uhashes[:0]
					for j, h := range st.hashes {
						e := t.vocab.findHash(ws[lo+j], h)
						st.blockEnts = append(st.blockEnts, e)
						if e == nil {
							st.uhashes = append(st.uhashes, h)
						}
					}
					t.unknowns.touch(st.uhashes)
					if t.first != nil && len(st.uhashes) != 0 {
						t.unknownBlock(ws[lo:min(lo+lookupBlock, len(ws))], st)
					}
				}
				h = st.hashes[lo%lookupBlock]
				if e = st.blockEnts[lo%lookupBlock]; e != nil {
					info = t.vocab.info(e)
				} else if t.first != nil {
					i := st.blockOov[lo%lookupBlock]
					e, info = st.oovEnts[i], st.oovInfos[i]
				}
			}
			if e == nil {
				if i, ok := st.oovIdx[w]; ok {
					e, info = st.oovEnts[i], st.oovInfos[i]
				} else {
					if t.vocab != nil {
						e, info = t.unknownHash(w, h, st)
					} else {
						e, info = t.unknown(w, st)
					}
					st.oovIdx[w] = int32(len(st.oovEnts))
					st.oovEnts = append(st.oovEnts, e)
					st.oovInfos = append(st.oovInfos, info)
				}
			}
			st.ents[k], r.infos[k] = e, info
			phrase = phrase || r.infos[k].phrase
			k++
		}
		if phrase {
			t.gaz.markSpans(r.infos[k-len(ws) : k])
		}
	}
	if t.first == nil {
		off := 0
		for _, ws := range sents {
			r.labels = t.decode(r.infos[off:off+len(ws)], st.ents[off:off+len(ws)], 0, st, r.labels)
			off += len(ws)
		}
		st.dlabels = r.labels
		return r
	}
	// The first stage, which computes the scores of the second but for
	// the document features as it goes (see emissions2).
	st.sc = slices.Grow(st.sc[:0], n*nLabels)[:n*nLabels]
	st.sc2 = slices.Grow(st.sc2[:0], n*nLabels)[:n*nLabels]
	st.back = slices.Grow(st.back[:0], n*nLabels)[:n*nLabels]
	r.labels = slices.Grow(r.labels[:0], n)[:n]
	off := 0
	for _, ws := range sents {
		m := len(ws)
		if m == 0 {
			continue
		}
		sc := st.sc[off*nLabels : (off+m)*nLabels]
		t.emissions2(r.infos[off:off+m], st.ents[off:off+m], sc, st.sc2[off*nLabels:(off+m)*nLabels], st)
		viterbi(&t.first.trans, sc, m, st.back, r.labels[off:off+m])
		off += m
	}
	st.doc = st.df.docFeatures(r.infos, r.labels, st.doc)
	for i := range r.infos {
		r.infos[i].doc = st.doc[i]
	}
	off = 0
	for _, ws := range sents {
		m := len(ws)
		if m == 0 {
			continue
		}
		infos, sc := r.infos[off:off+m], st.sc2[off*nLabels:(off+m)*nLabels]
		for i := range infos {
			st.fbuf = docCrossFeatures(infos, i, st.fbuf[:0])
			if len(st.fbuf) != 0 {
				t.fx.sum((*[nLabels]float32)(sc[i*nLabels:(i+1)*nLabels]), st.fbuf)
			}
		}
		viterbi(&t.trans, sc, m, st.back, r.labels[off:off+m])
		off += m
	}
	st.dlabels = r.labels
	return r
}

// emissions2 computes the label scores of the tokens of one sentence of a
// two-stage tagger: those of the first stage into sc1, and into sc2 those
// of the second but for the document features, which the first stage's
// labels give. The features that sc2 lacks are the last that emissions
// adds, so adding them to sc2 gives the second stage's scores, to the bit.
// Each feature is looked up once for both stages. ents holds the tokens'
// vocabulary entries, none nil.
func (t *Tagger) emissions2(infos []tokInfo, ents []*vocabEntry, sc1, sc2 []float32, st *tagState) {
	n := len(infos)
	for lo := 0; lo < n; lo += crossBlock {
		hi := min(lo+crossBlock, n)
		st.crossFeatures(infos, lo, hi)
		st.fbuf, _ = t.fx.touchPassed(st.fbuf, st.foff)
		touchEntries(ents[max(lo-window, 0):min(hi+window, n)])
		for i := lo; i < hi; i++ {
			row1 := (*[nLabels]float32)(sc1[i*nLabels : (i+1)*nLabels])
			row2 := (*[nLabels]float32)(sc2[i*nLabels : (i+1)*nLabels])
			var v1, v2 [nRoles]*[nLabels]float32
			for r := range nRoles {
				rs1, rs2 := &t.first.sentRole, &t.sentRole
				if j := i + r - window; j >= 0 && j < n {
					rs1, rs2 = &ents[j].roles[1], &ents[j].roles[0]
				}
				v1[r], v2[r] = &rs1[r], &rs2[r]
			}
			sumRoles(row1, &v1)
			sumRoles(row2, &v2)
			t.fx.sum2Passed(row2, row1, st.fbuf[st.foff[i-lo]:st.foff[i-lo+1]])
		}
	}
}

// touchEntries reads each cache line of the role scores of the entries es,
// as touchRoles does for those of one stage.
//
//go:noinline
func touchEntries(es []*vocabEntry) float32 {
	var sum float32
	for _, e := range es {
		// Both stages' roleScores, 360 bytes over at most seven cache
		// lines: floats less than a line apart, from the first to the last.
		p := (*[2 * nRoles * nLabels]float32)(unsafe.Pointer(&e.roles))
		sum += p[0] + p[15] + p[30] + p[45] + p[60] + p[75] + p[89]
	}
	return sum
}

// Tag returns BIO tags ("B-PER", "I-ORG", "O", ...) for the words of one
// sentence. Types are PER, ORG and LOC; other names are tagged O.
func (t *Tagger) Tag(words []string) []string {
	st := t.getState()
	defer t.states.Put(st)
	labels := t.tagDoc([][]string{words}, st).labels
	out := make([]string, len(labels))
	for i, l := range labels {
		if l >= 7 {
			l = 0
		}
		out[i] = labelNames[l]
	}
	return out
}

// Model file format (gzip-compressed):
//
//	magic "marsad-ner 4\n"
//	uvarint count, then count gazetteer entries: byte types, uvarint len, bytes
//	uvarint count, then count known words: uvarint len, bytes
//	uvarint count, then count word statistics: uvarint len, bytes, uvarint packed
//	(nLabels+1)*nLabels float32 transition weights
//	float32 scale, uvarint count, then count features sorted by hash:
//	  uint64 hash, uint16 label mask, int16 weight per set bit (weight*scale)
//	byte 1 if the first-stage tagger follows (its transitions and features
//	as above), else 0
//	optional sections, each a tag byte and its data, up to the end:
//	  'A' auto-tag statistics: uvarint count, then count entries sorted by
//	  word: uvarint len, bytes, byte statistics (autotag.go)
const modelMagic = "marsad-ner 4\n"

// Save writes the tagger in the model format.
func (t *Tagger) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(modelMagic)
	var tmp [binary.MaxVarintLen64]byte
	uvar := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	type entry struct {
		name string
		bits uint8
	}
	var gz []entry
	for k, v := range t.gaz.words {
		gz = append(gz, entry{k, v})
	}
	for k, v := range t.gaz.phrases {
		gz = append(gz, entry{k, v})
	}
	slices.SortFunc(gz, func(a, b entry) int { return strings.Compare(a.name, b.name) })
	uvar(uint64(len(gz)))
	for _, e := range gz {
		bw.WriteByte(e.bits)
		uvar(uint64(len(e.name)))
		bw.WriteString(e.name)
	}
	uvar(uint64(len(t.words)))
	for _, w := range t.words {
		uvar(uint64(len(w)))
		bw.WriteString(w)
	}
	stats := make([]string, 0, len(t.gaz.stats))
	for w := range t.gaz.stats {
		stats = append(stats, w)
	}
	slices.Sort(stats)
	uvar(uint64(len(stats)))
	for _, w := range stats {
		uvar(uint64(len(w)))
		bw.WriteString(w)
		uvar(uint64(t.gaz.stats[w]))
	}
	t.writeWeights(bw)
	if t.first != nil {
		bw.WriteByte(1)
		t.first.writeWeights(bw)
	} else {
		bw.WriteByte(0)
	}
	t.gaz.writeAuto(bw)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// featureMap returns t.index, or when Load left it nil, the same map built
// from the keys of t.fx: the features of t's stage, whose weights Load put
// in t.w in the increasing order of their keys. It does not change t.
func (t *Tagger) featureMap() map[uint64]int32 {
	if t.index != nil {
		return t.index
	}
	keys := t.fx.keys()
	if len(keys)*nLabels != len(t.w) {
		panic(fmt.Sprintf("entity: %d features in the index, %d weights", len(keys), len(t.w)))
	}
	m := make(map[uint64]int32, len(keys))
	for i, k := range keys {
		m[k] = int32(i * nLabels)
	}
	return m
}

// writeWeights writes the transition and feature weights.
func (t *Tagger) writeWeights(bw *bufio.Writer) {
	var tmp [binary.MaxVarintLen64]byte
	uvar := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	for p := range t.trans {
		for _, x := range t.trans[p] {
			binary.Write(bw, binary.LittleEndian, x)
		}
	}
	var maxAbs float32
	for _, x := range t.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(x))))
	}
	scale := float32(1)
	if maxAbs > 0 {
		scale = 32767 / maxAbs
	}
	binary.Write(bw, binary.LittleEndian, scale)
	index := t.featureMap()
	keys := make([]uint64, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	uvar(uint64(len(keys)))
	var q [nLabels]int16
	for _, k := range keys {
		o := index[k]
		var mask uint16
		for l := 0; l < nLabels; l++ {
			q[l] = int16(math.Round(float64(t.w[int(o)+l] * scale)))
			if q[l] != 0 {
				mask |= 1 << l
			}
		}
		binary.Write(bw, binary.LittleEndian, k)
		binary.Write(bw, binary.LittleEndian, mask)
		for l := 0; l < nLabels; l++ {
			if q[l] != 0 {
				binary.Write(bw, binary.LittleEndian, q[l])
			}
		}
	}
}

var errBadModel = errors.New("not a marsad entity model")

// Load reads a tagger written by Save.
func Load(r io.Reader) (*Tagger, error) { return load(r, false) }

// load is Load; withIndex sets the taggers' index maps even when the
// features are in order (for tests, which check fx against them).
func load(r io.Reader, withIndex bool) (*Tagger, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errBadModel, err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || string(magic) != modelMagic {
		return nil, errBadModel
	}
	fail := func(what string, err error) (*Tagger, error) {
		return nil, fmt.Errorf("%w: %s: %v", errBadModel, what, err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return fail("gazetteer size", err)
	}
	// readBytes reads a string of at most 1<<16 bytes, after its length,
	// into a buffer it reuses.
	var buf []byte
	readBytes := func() ([]byte, error) {
		ln, err := binary.ReadUvarint(br)
		if err != nil || ln > 1<<16 {
			return nil, cmp.Or(err, errors.New("too long"))
		}
		buf = slices.Grow(buf[:0], int(ln))[:ln]
		_, err = io.ReadFull(br, buf)
		return buf, err
	}
	readString := func() (string, error) {
		b, err := readBytes()
		return string(b), err
	}
	t := &Tagger{gaz: newGazetteer()}
	for range n {
		bits, err := br.ReadByte()
		if err != nil {
			return fail("gazetteer", err)
		}
		name, err := readString()
		if err != nil {
			return fail("gazetteer", err)
		}
		t.gaz.add(name, bits)
	}
	n, err = binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return fail("vocabulary size", err)
	}
	// The words are slices of the strings of builders of 64 KB or more,
	// rather than an allocation each: a builder's bytes, once written,
	// never change.
	t.words = make([]string, 0, min(n, 1<<16))
	var text strings.Builder
	for range n {
		w, err := readBytes()
		if err != nil {
			return fail("vocabulary", err)
		}
		if text.Cap()-text.Len() < len(w) {
			text = strings.Builder{}
			text.Grow(max(64<<10, len(w)))
		}
		start := text.Len()
		text.Write(w)
		t.words = append(t.words, text.String()[start:])
	}
	n, err = binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return fail("statistics size", err)
	}
	if n > 0 {
		t.gaz.stats = make(map[string]uint32, min(n, 1<<16))
	}
	for range n {
		w, err := readString()
		if err != nil {
			return fail("statistics", err)
		}
		p, err := binary.ReadUvarint(br)
		if err != nil || p > math.MaxUint32 {
			return fail("statistics", err)
		}
		t.gaz.stats[w] = uint32(p)
	}
	keys, err := t.readWeights(br, withIndex)
	if err != nil {
		return nil, err
	}
	stages, err := br.ReadByte()
	if err != nil {
		return fail("stages", err)
	}
	var firstKeys []uint64
	if stages == 1 {
		t.first = &Tagger{gaz: t.gaz}
		if firstKeys, err = t.first.readWeights(br, withIndex); err != nil {
			return nil, err
		}
	}
	if err := t.gaz.readSections(br); err != nil {
		return nil, err
	}
	t.gaz.index()
	t.prepareKeys(keys, firstKeys)
	return t, nil
}

// readWeights reads what writeWeights wrote. It returns the keys of the
// features in the order of their weights in t.w when they are in
// increasing order, as writeWeights writes them, and then sets t.index
// only when withIndex is set; else it returns nil and sets t.index (see
// featStage.keys).
func (t *Tagger) readWeights(br *bufio.Reader, withIndex bool) ([]uint64, error) {
	fail := func(what string, err error) ([]uint64, error) {
		return nil, fmt.Errorf("%w: %s: %v", errBadModel, what, err)
	}
	for p := range t.trans {
		if err := binary.Read(br, binary.LittleEndian, &t.trans[p]); err != nil {
			return fail("transitions", err)
		}
	}
	var scale float32
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil || scale <= 0 {
		return fail("scale", err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<26 {
		return fail("feature count", err)
	}
	t.index = nil
	if withIndex {
		t.index = make(map[uint64]int32, min(n, 1<<20))
	}
	t.w = make([]float32, 0, min(n, 1<<20)*nLabels)
	keys := make([]uint64, 0, min(n, 1<<20))
	for range n {
		// A record is the key, the mask and its weights, read where the
		// reader buffers them.
		rec, err := br.Peek(10)
		if err != nil {
			return fail("features", err)
		}
		k := binary.LittleEndian.Uint64(rec[:8])
		mask := binary.LittleEndian.Uint16(rec[8:])
		size := 10 + 2*bits.OnesCount16(mask&(1<<nLabels-1))
		if rec, err = br.Peek(size); err != nil {
			return fail("weights", err)
		}
		q := rec[10:]
		if keys != nil && (len(keys) == 0 || keys[len(keys)-1] < k) {
			keys = append(keys, k)
		} else if keys != nil {
			// Out of order (or repeated): the map, from the keys so far.
			if t.index == nil {
				t.index = make(map[uint64]int32, min(n, 1<<20))
				for i, k := range keys {
					t.index[k] = int32(i * nLabels)
				}
			}
			keys = nil
		}
		if t.index != nil {
			t.index[k] = int32(len(t.w))
		}
		for l := 0; l < nLabels; l++ {
			var x float32
			if mask&(1<<l) != 0 {
				x = float32(int16(binary.LittleEndian.Uint16(q))) / scale
				q = q[2:]
			}
			t.w = append(t.w, x)
		}
		br.Discard(size)
	}
	return keys, nil
}
