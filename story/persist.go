package story

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// stateVersion is written before the state; Load reads it and the
// versions before it, and refuses others. Version 1 was the whole state in
// one gob message; version 2 is the parts listed by savedParts, one message
// each, without what Load can rebuild (the vocabulary's map, the
// near-duplicate buckets).
const stateVersion = 2

// savedParts returns pointers to the parts of s that version 2 saves, in
// the order they are written.
func (s *state) savedParts() []any {
	return []any{&s.Cfg, &s.Names, &s.Display, &s.DF, &s.N, &s.Docs, &s.Stories,
		&s.Active, &s.Post, &s.Recent, &s.Base, &s.ThreadIdx, &s.Now, &s.LastSweep}
}

// Save writes the whole state of c to w (gzip-compressed gob).
func (c *Clusterer) Save(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	// The state is rewritten after every ingest: favour speed over size.
	zw, err := gzip.NewWriterLevel(w, gzip.BestSpeed)
	if err != nil {
		return fmt.Errorf("save story state: %w", err)
	}
	enc := gob.NewEncoder(zw)
	c.s.ThreadIdx = c.s.threads.toMap()
	defer func() { c.s.ThreadIdx = nil }()
	if err := enc.Encode(stateVersion); err != nil {
		return fmt.Errorf("save story state: %w", err)
	}
	// Small messages: gob builds each in memory before writing it.
	for _, p := range c.s.savedParts() {
		if err := enc.Encode(p); err != nil {
			return fmt.Errorf("save story state: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save story state: %w", err)
	}
	return nil
}

// Load reads a state written by Save.
func Load(r io.Reader) (*Clusterer, error) {
	zr, err := gzip.NewReader(bufio.NewReader(r))
	if err != nil {
		return nil, fmt.Errorf("load story state: %w", err)
	}
	defer zr.Close()
	dec := gob.NewDecoder(zr)
	var v int
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("load story state: %w", err)
	}
	s := newState(Config{})
	switch v {
	case 1:
		if err := dec.Decode(&s); err != nil {
			return nil, fmt.Errorf("load story state: %w", err)
		}
		// Version 1 saved the buckets in a layout since dropped.
		if err := s.rebuildBuckets(); err != nil {
			return nil, fmt.Errorf("load story state: %w", err)
		}
	case stateVersion:
		for _, p := range s.savedParts() {
			if err := dec.Decode(p); err != nil {
				return nil, fmt.Errorf("load story state: %w", err)
			}
		}
		if err := s.rebuild(); err != nil {
			return nil, fmt.Errorf("load story state: %w", err)
		}
	default:
		return nil, fmt.Errorf("load story state: version %d, want %d", v, stateVersion)
	}
	s.Cfg = s.Cfg.sanitized()
	if err := s.check(); err != nil {
		return nil, fmt.Errorf("load story state: %w", err)
	}
	s.threads, s.ThreadIdx = threadIndexOf(s.ThreadIdx), nil
	s.spans = make([]span, len(s.Stories))
	for i, st := range s.Stories {
		s.spans[i] = span{st.First, st.Last}
	}
	s.entity = make([]bool, len(s.Names))
	for i, name := range s.Names {
		s.entity[i] = strings.HasPrefix(name, entityMark)
	}
	return &Clusterer{s: s}, nil
}

// rebuild makes the parts of s that version 2 does not save from those it
// does: the vocabulary's map from the names, and the near-duplicate buckets
// from the recent documents, in the order remember filled them.
func (s *state) rebuild() error {
	s.Vocab = make(map[string]uint32, len(s.Names))
	for i, name := range s.Names {
		if _, ok := s.Vocab[name]; ok {
			return errors.New("inconsistent state: a name twice in the vocabulary")
		}
		s.Vocab[name] = uint32(i)
	}
	return s.rebuildBuckets()
}

// rebuildBuckets puts the recent documents in the near-duplicate buckets,
// in the order remember put them.
func (s *state) rebuildBuckets() error {
	s.heads = make(map[uint64]int64, len(s.Recent)*bucketSlots)
	s.links = make([]int64, 0, len(s.Recent)*bucketSlots)
	for i := range s.Recent {
		r := &s.Recent[i]
		if !r.HasSig {
			return errors.New("inconsistent state: a recent document without signature")
		}
		s.bucket(r, s.Base+int64(i))
	}
	return nil
}

// check rejects a decoded state whose indices point outside its tables, so
// that a corrupt file cannot make Add panic.
func (s *state) check() error {
	if s.Vocab == nil {
		s.Vocab = map[string]uint32{}
	}
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
	if len(s.Names) != len(s.DF) || len(s.Vocab) != len(s.Names) {
		return bad
	}
	for name, id := range s.Vocab {
		if int(id) >= len(s.Names) || s.Names[id] != name {
			return bad
		}
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
		if !slices.IsSortedFunc(st.Centroid, func(a, b feat) int { return int64cmp(int64(a.ID), int64(b.ID)) }) {
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
