package backend

import (
	"context"
	"sort"
	"sync"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/store"
)

// catalog holds in memory what search facets count of every original
// article: its source, its day and the entities it names, as small
// integers. It is filled from the store at start and after each ingest, so
// that facets over thousands of hits cost a map lookup per hit, not
// queries.
type catalog struct {
	mu       sync.RWMutex
	lastMeta int64 // highest article seq loaded
	lastEnt  int64 // highest seq whose entities are loaded
	byID     map[string]*meta
	bySeq    map[int64]*meta
	sources  interner
	days     interner
	names    []server.EntityCount // interned entities (Count unused)
	nameIdx  map[string]int32

	// docs maps the document numbers of index snapshot snap to the
	// articles (nil: not looked up yet; none: not in the catalog), so
	// that facets of a snapshot seen before look up no ID. docsMu guards
	// them under mu read-locked; refresh (mu locked) resets them.
	docsMu sync.Mutex
	snap   index.Snapshot
	docs   []*meta
	none   *meta
}

// maxDocNum bounds the document numbers the catalog keeps a table of: the
// facets of larger ones look up their IDs.
const maxDocNum = 1 << 22

type meta struct {
	source, day int32 // -1 when unknown
	ents        []int32
}

// interner numbers strings from 0.
type interner struct {
	idx  map[string]int32
	strs []string
}

func (in *interner) id(s string) int32 {
	if s == "" {
		return -1
	}
	if i, ok := in.idx[s]; ok {
		return i
	}
	if in.idx == nil {
		in.idx = map[string]int32{}
	}
	i := int32(len(in.strs))
	in.idx[s] = i
	in.strs = append(in.strs, s)
	return i
}

func newCatalog() *catalog {
	return &catalog{byID: map[string]*meta{}, bySeq: map[int64]*meta{}, nameIdx: map[string]int32{}, none: &meta{}}
}

// refresh loads the articles and entities stored since the last refresh.
func (c *catalog) refresh(ctx context.Context, st EntityStore) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	// Articles may be added: documents not in the catalog may be now.
	c.snap, c.docs = index.Snapshot{}, nil
	err := st.Metas(ctx, c.lastMeta, func(m store.ArticleMeta) error {
		x := &meta{source: c.sources.id(m.Source), day: c.days.id(m.Day)}
		c.byID[m.ID] = x
		c.bySeq[m.Seq] = x
		c.lastMeta = m.Seq
		return nil
	})
	if err != nil {
		return err
	}
	return st.EntityMentions(ctx, c.lastEnt, func(m store.EntityMention) error {
		c.lastEnt = m.Seq
		x := c.bySeq[m.Seq]
		if x == nil {
			return nil // stored after the metas were read: next refresh
		}
		i, ok := c.nameIdx[m.Name]
		if !ok {
			i = int32(len(c.names))
			c.nameIdx[m.Name] = i
			c.names = append(c.names, server.EntityCount{Name: m.Name, Type: m.Type})
		}
		x.ents = append(x.ents, i)
		return nil
	})
}

// facets counts the sources, days and entities of the articles ids, with
// the top entities most frequent first (ties by name).
func (c *catalog) facets(ids []string, top int) server.Facets {
	c.mu.RLock()
	defer c.mu.RUnlock()
	fc := c.newCounter()
	for _, id := range ids {
		fc.add(c.byID[id])
	}
	return fc.facets(top)
}

// facetsOf is facets of the documents nums of index snapshot snap, whose
// IDs id returns (see index.Inverted.Matches).
func (c *catalog) facetsOf(snap index.Snapshot, nums []uint64, id func(uint64) (string, error), top int) (server.Facets, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	fc := c.newCounter()
	if snap == (index.Snapshot{}) {
		for _, n := range nums {
			s, err := id(n)
			if err != nil {
				return server.Facets{}, err
			}
			fc.add(c.byID[s])
		}
		return fc.facets(top), nil
	}
	c.docsMu.Lock()
	defer c.docsMu.Unlock()
	if c.snap != snap {
		c.snap, c.docs = snap, c.docs[:0]
	}
	for _, n := range nums {
		if n >= maxDocNum {
			s, err := id(n)
			if err != nil {
				return server.Facets{}, err
			}
			fc.add(c.byID[s])
			continue
		}
		if n >= uint64(len(c.docs)) {
			c.docs = append(c.docs, make([]*meta, int(n)+1-len(c.docs))...)
		}
		x := c.docs[n]
		if x == nil {
			s, err := id(n)
			if err != nil {
				return server.Facets{}, err
			}
			if x = c.byID[s]; x == nil {
				x = c.none
			}
			c.docs[n] = x
		}
		if x != c.none {
			fc.add(x)
		}
	}
	return fc.facets(top), nil
}

// counter counts the facets of articles of a catalog read-locked.
type counter struct {
	c       *catalog
	sources []int
	days    []int
	ents    []int32 // counts by entity number
	named   []int32 // the entities with a count
}

func (c *catalog) newCounter() *counter {
	return &counter{c: c, sources: make([]int, len(c.sources.strs)), days: make([]int, len(c.days.strs)), ents: make([]int32, len(c.names))}
}

// add counts the article x (nil: none).
func (fc *counter) add(x *meta) {
	if x == nil {
		return
	}
	if x.source >= 0 {
		fc.sources[x.source]++
	}
	if x.day >= 0 {
		fc.days[x.day]++
	}
	for _, e := range x.ents {
		if fc.ents[e] == 0 {
			fc.named = append(fc.named, e)
		}
		fc.ents[e]++
	}
}

// facets returns the facets counted, with the top entities.
func (fc *counter) facets(top int) server.Facets {
	c := fc.c
	f := server.Facets{Sources: map[string]int{}, Days: map[string]int{}, Entities: []server.EntityCount{}}
	for i, n := range fc.sources {
		if n > 0 {
			f.Sources[c.sources.strs[i]] = n
		}
	}
	for i, n := range fc.days {
		if n > 0 {
			f.Days[c.days.strs[i]] = n
		}
	}
	for _, i := range fc.named {
		n := int(fc.ents[i])
		if len(f.Entities) == top && n < f.Entities[top-1].Count {
			continue
		}
		f.Entities = addTop(f.Entities, server.EntityCount{Name: c.names[i].Name, Type: c.names[i].Type, Count: n}, top)
	}
	return f
}

// before reports whether a ranks before b: more frequent first, ties by name.
func before(a, b server.EntityCount) bool {
	if a.Count != b.Count {
		return a.Count > b.Count
	}
	return a.Name < b.Name
}

// addTop inserts e into top, kept sorted and at most k long.
func addTop(top []server.EntityCount, e server.EntityCount, k int) []server.EntityCount {
	if len(top) == k && !before(e, top[k-1]) {
		return top
	}
	i := sort.Search(len(top), func(i int) bool { return before(e, top[i]) })
	if len(top) < k {
		top = append(top, server.EntityCount{})
	}
	copy(top[i+1:], top[i:])
	top[i] = e
	return top
}
