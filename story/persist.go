package story

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
)

// stateVersion is the version of the layout Save writes; Load reads it
// and the versions before it, and refuses others. Version 1 was the whole
// state in one gob message; version 2 the parts listed by savedParts, one
// gob message each, without what Load can rebuild (the vocabulary's index,
// the near-duplicate buckets); version 3 writes the same parts by hand
// (see save), without reflection, and the documents' records within
// their stories rather than as a map of ids.
const stateVersion = 3

// stateMagic begins a state of version 3 or later, followed by the
// version byte. Versions 1 and 2 were gzip-compressed, and begin with
// gzip's magic; version 3 is not compressed: gzip took four fifths of the
// time of Save and made the state only 30% smaller.
const stateMagic = "\x00marsad-story-state"

// savedParts returns pointers to the parts of s that version 2 saved, in
// the order it wrote them.
func (s *state) savedParts() []any {
	return []any{&s.Cfg, &s.Names, &s.Display, &s.DF, &s.N, &s.Docs, &s.Stories,
		&s.Active, &s.Post, &s.Recent, &s.Base, &s.ThreadIdx, &s.Now, &s.LastSweep}
}

// Save writes the whole state of c to w.
func (c *Clusterer) Save(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if err := c.s.save(w); err != nil {
		return fmt.Errorf("save story state: %w", err)
	}
	return nil
}

// Load reads a state written by Save, of this version or an earlier one.
func Load(r io.Reader) (*Clusterer, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	s := newState(Config{})
	head, _ := br.Peek(len(stateMagic) + 1)
	switch {
	case len(head) == len(stateMagic)+1 && string(head[:len(stateMagic)]) == stateMagic:
		if v := head[len(stateMagic)]; v != stateVersion {
			return nil, fmt.Errorf("load story state: version %d, want %d", v, stateVersion)
		}
		br.Discard(len(head))
		if err := s.load(&decoder{r: br}); err != nil {
			return nil, fmt.Errorf("load story state: %w", err)
		}
	default:
		if err := s.loadGob(br); err != nil {
			return nil, fmt.Errorf("load story state: %w", err)
		}
	}
	s.Cfg = s.Cfg.sanitized()
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("load story state: %w", err)
	}
	s.threads, s.ThreadIdx = threadIndexOf(s.ThreadIdx), nil
	s.spans = make([]span, len(s.Stories))
	for i, st := range s.Stories {
		s.spans[i] = spanOf(st.First, st.Last)
	}
	s.entity = make([]bool, len(s.Names))
	for i, name := range s.Names {
		s.entity[i] = strings.HasPrefix(name, entityMark)
	}
	return &Clusterer{s: s}, nil
}

// loadGob reads into s a state of version 1 or 2, gzip-compressed gob
// streams.
func (s *state) loadGob(r io.Reader) error {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return err
	}
	defer zr.Close()
	dec := gob.NewDecoder(zr)
	var v int
	if err := dec.Decode(&v); err != nil {
		return err
	}
	switch v {
	case 1:
		if err := dec.Decode(s); err != nil {
			return err
		}
		// Version 1 saved the buckets in a layout since dropped, and the
		// vocabulary's map, made again from the names.
		return s.rebuild()
	case 2:
		for _, p := range s.savedParts() {
			if err := dec.Decode(p); err != nil {
				return err
			}
		}
		return s.rebuild()
	}
	return fmt.Errorf("version %d, want %d", v, stateVersion)
}

// save writes s in version 3's layout: the magic and version, then the
// parts version 2 saved, in its order, each a count of values and the
// values. The record of each document is written with its story's
// articles, as the string it copies (or "") next to its id.
func (s *state) save(w io.Writer) error {
	cfg, err := json.Marshal(s.Cfg)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, stateMagic+string(rune(stateVersion))); err != nil {
		return err
	}
	e := newEncoder(w)
	e.str(string(cfg))
	e.uint(uint64(len(s.Names)))
	for _, name := range s.Names {
		e.str(name)
	}
	e.uint(uint64(len(s.Display)))
	for id, name := range s.Display {
		e.uint(uint64(id))
		e.str(name)
	}
	e.uint(uint64(len(s.DF)))
	for _, df := range s.DF {
		e.uint(uint64(df))
	}
	e.uint(uint64(s.N))
	e.uint(uint64(len(s.Stories)))
	for _, st := range s.Stories {
		s.saveCluster(e, st)
	}
	e.uint(uint64(len(s.Active)))
	for _, ci := range s.Active {
		e.int(int64(ci))
	}
	e.uint(uint64(len(s.Post)))
	for id, p := range s.Post {
		e.uint(uint64(id))
		e.uint(uint64(len(p)))
		for _, ci := range p {
			e.int(int64(ci))
		}
	}
	e.uint(uint64(s.window.n))
	for i := range s.window.n {
		r := s.window.at(i)
		e.str(r.ID)
		e.time(r.Time)
		e.bool(r.HasSig)
		e.bool(r.HasLead)
		e.int(int64(r.LeadLen))
		e.sig(&r.Sig)
		e.sig(&r.Lead)
	}
	e.int(s.Base)
	e.uint(uint64(len(s.threads.heads)))
	var list []int32
	for k := range s.threads.heads {
		list = s.threads.appendList(list[:0], k)
		e.pair(k)
		e.uint(uint64(len(list)))
		for _, ci := range list {
			e.int(int64(ci))
		}
	}
	e.time(s.Now)
	e.time(s.LastSweep)
	return e.close()
}

// saveCluster writes one story, with the records of its documents.
func (s *state) saveCluster(e *encoder, st *cluster) {
	e.str(st.ID)
	e.uint(uint64(len(st.Articles)))
	for _, id := range st.Articles {
		e.str(id)
		e.str(s.Docs[id].Dup)
	}
	e.uint(uint64(len(st.Sources)))
	for _, src := range st.Sources {
		e.str(src)
	}
	e.time(st.First)
	e.time(st.Last)
	// The centroid's ids, sorted, as the difference with the one before.
	e.uint(uint64(len(st.Centroid)))
	prev := uint32(0)
	for _, f := range st.Centroid {
		e.uint(uint64(f.ID - prev))
		e.u32(math.Float32bits(f.W))
		prev = f.ID
	}
	e.int(int64(st.Members))
	e.str(st.Title)
	e.f64(st.TitleScore)
	e.int(int64(st.Thread))
	e.bool(st.Linked)
	e.int(int64(st.Latest))
	e.uint(uint64(len(st.Indexed)))
	for _, id := range st.Indexed {
		e.uint(uint64(id))
	}
	e.uint(uint64(len(st.ThreadKeys)))
	for _, k := range st.ThreadKeys {
		e.pair(k)
	}
	e.int(int64(st.NextTry))
}

// load reads into s what save wrote after the magic and version, and
// rebuilds the rest as rebuild does.
func (s *state) load(d *decoder) error {
	if err := json.Unmarshal([]byte(d.str()), &s.Cfg); err != nil && d.err == nil {
		return fmt.Errorf("%w: %v", errCorrupt, err)
	}
	s.Names = decodeSlice(d, d.str)
	n := d.len()
	s.Display = make(map[uint32]string, alloc(n))
	for range n {
		if d.err != nil {
			break
		}
		id := d.uint32()
		s.Display[id] = d.str()
	}
	s.DF = decodeSlice(d, d.uint32)
	s.N = d.uint32()
	n = d.len()
	s.Stories = make([]*cluster, 0, alloc(n))
	for range n {
		if d.err != nil {
			break
		}
		if err := s.loadCluster(d); err != nil {
			return err
		}
	}
	s.Active = decodeSlice(d, d.int32)
	s.Post = decodeLists(d, d.uint32)
	s.Recent = decodeSlice(d, func() recent {
		r := recent{ID: d.str(), Time: d.time(), HasSig: d.bool(), HasLead: d.bool(), LeadLen: int(d.int32())}
		d.sig(&r.Sig)
		d.sig(&r.Lead)
		return r
	})
	s.Base = d.int()
	s.ThreadIdx = decodeLists(d, d.pair)
	s.Now = d.time()
	s.LastSweep = d.time()
	if err := d.close(); err != nil {
		return err
	}
	return s.rebuild()
}

// loadCluster reads one story and the records of its documents.
func (s *state) loadCluster(d *decoder) error {
	idx := int32(len(s.Stories))
	st := &cluster{ID: d.str()}
	n := d.len()
	for range n {
		if d.err != nil {
			break
		}
		id, dup := d.str(), d.str()
		if _, ok := s.Docs[id]; ok {
			return errors.New("inconsistent state: a document in two stories")
		}
		st.Articles = append(st.Articles, id)
		s.Docs[id] = docRec{Story: idx, Dup: dup}
	}
	st.Sources = decodeSlice(d, d.str)
	st.First = d.time()
	st.Last = d.time()
	prev := uint32(0)
	st.Centroid = decodeSlice(d, func() feat {
		prev += d.uint32()
		return feat{prev, math.Float32frombits(d.u32())}
	})
	st.Members = int(d.int())
	st.Title = d.str()
	st.TitleScore = d.f64()
	st.Thread = d.int32()
	st.Linked = d.bool()
	st.Latest = d.int32()
	st.Indexed = decodeSlice(d, d.uint32)
	st.ThreadKeys = decodeSlice(d, d.pair)
	st.NextTry = int(d.int())
	s.Stories = append(s.Stories, st)
	return d.err
}

// rebuild makes the parts of s that version 2 does not save from those it
// does: the vocabulary's index from the names, and the near-duplicate buckets
// from the recent documents, in the order remember filled them. It moves
// the names and display names into s's arena of names.
func (s *state) rebuild() error {
	for i, name := range s.Names {
		s.Names[i] = s.names.clone(name)
	}
	for id, name := range s.Display {
		s.Display[id] = s.names.clone(name)
	}
	if !s.vocab.index(s.Names) {
		return errors.New("inconsistent state: a name twice in the vocabulary")
	}
	return s.rebuildBuckets()
}

// rebuildBuckets puts the recent documents of Recent in the window and in
// the near-duplicate buckets, in the order remember put them.
func (s *state) rebuildBuckets() error {
	s.heads = newBucketHeads(len(s.Recent) * bucketSlots)
	s.window = recentRing{}
	for i := range s.Recent {
		r := &s.Recent[i]
		if !r.HasSig {
			return errors.New("inconsistent state: a recent document without signature")
		}
		b := bandsOf(r)
		s.remember(*r, &b)
	}
	s.Recent = nil
	return nil
}

// check rejects a decoded state whose indices point outside its tables, so
// that a corrupt file cannot make Add panic.
func (s *state) check() error {
	if s.Display == nil {
		s.Display = map[uint32]string{}
	}
	if s.Docs == nil {
		s.Docs = map[string]docRec{}
	}
	if s.Post == nil {
		s.Post = map[uint32][]int32{}
	}
	if s.ThreadIdx == nil {
		s.ThreadIdx = map[uint64][]int32{}
	}
	bad := errors.New("inconsistent state")
	if len(s.Names) != len(s.DF) || s.vocab.Len() != len(s.Names) {
		return bad
	}
	ns := int32(len(s.Stories))
	story := func(i int32) bool { return i >= 0 && i < ns }
	for i, st := range s.Stories {
		if st == nil || !story(st.Thread) || st.Thread > int32(i) || st.Latest < 0 || st.Latest >= ns {
			return bad
		}
		for _, f := range st.Centroid {
			if int(f.ID) >= len(s.Names) {
				return bad
			}
		}
		for _, id := range st.Indexed {
			if int(id) >= len(s.Names) {
				return bad
			}
		}
		if !slices.IsSortedFunc(st.Centroid, byID) {
			return bad
		}
	}
	for _, r := range s.Docs {
		if !story(r.Story) {
			return bad
		}
	}
	for _, ci := range s.Active {
		if !story(ci) {
			return bad
		}
	}
	for _, p := range s.Post {
		for _, ci := range p {
			if !story(ci) {
				return bad
			}
		}
	}
	for _, p := range s.ThreadIdx {
		for _, ci := range p {
			if !story(ci) {
				return bad
			}
		}
	}
	if s.Base < 0 {
		return bad
	}
	return nil
}

// MarshalBinary encodes the state of c as Save does.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	var b bytes.Buffer
	if err := c.Save(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// UnmarshalBinary replaces the state of c with one encoded by MarshalBinary.
func (c *Clusterer) UnmarshalBinary(data []byte) error {
	n, err := Load(bytes.NewReader(data))
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.s = n.s
	return nil
}

// Stories returns every story, in order of creation.
func (c *Clusterer) Stories() []Story {
	c.mu.Lock()
	defer c.mu.Unlock()
	out := make([]Story, 0, len(c.s.Stories))
	for i := range c.s.Stories {
		out = append(out, c.s.export(int32(i)))
	}
	return out
}

// Story returns the story with the given id.
func (c *Clusterer) Story(id string) (Story, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	var i int
	if _, err := fmt.Sscanf(id, "s%d", &i); err != nil || i < 1 || i > len(c.s.Stories) || c.s.Stories[i-1].ID != id {
		return Story{}, false
	}
	return c.s.export(int32(i - 1)), true
}

func (s *state) export(i int32) Story {
	st := s.Stories[i]
	out := Story{
		ID:       st.ID,
		Title:    st.Title,
		Articles: slices.Clone(st.Articles),
		First:    st.First,
		Last:     st.Last,
		Sources:  slices.Clone(st.Sources),
		Thread:   s.Stories[s.root(i)].ID,
	}
	for _, id := range st.Centroid.byWeight() {
		name := s.Names[id]
		if e, ok := strings.CutPrefix(name, entityMark); ok {
			if len(out.TopEntities) < topEntitiesOut {
				if d, ok := s.Display[id]; ok {
					e = d
				}
				if !slices.Contains(out.TopEntities, e) { // two words of one name
					out.TopEntities = append(out.TopEntities, e)
				}
			}
		} else if len(out.TopTerms) < topTermsOut {
			out.TopTerms = append(out.TopTerms, name)
		}
	}
	return out
}
