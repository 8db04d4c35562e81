package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/mmap-go"

	"github.com/marsad/marsad/arabic"
)

// Inverted is Marsad's own Index: immutable segments (see segment), one
// per batch in memory until they are persisted together as one segment
// file, and merged on disk a tier at a time. It holds the same fields and
// answers the same queries as Bleve, with BM25 over the exact statistics
// of the whole index.
//
// Persistence: a file segment is written and synced, then a manifest (the
// list of segments, the format and the sequence number of the last article
// they hold) replaces the old one by an atomic rename. After a crash the
// index is what the last manifest lists; the engine indexes the store's
// articles past its sequence number again. Documents are added once: an
// Inverted index does not replace a document of the same ID (the engine
// indexes each stored article once).
type Inverted struct {
	dir  string
	an   *arabic.Analyzer
	lex  *arabic.Lexicon
	lock *os.File

	// mu serializes the writers (Add, Sync, Compact, Close).
	mu      sync.Mutex
	words   *wordInfo
	indexed spellingSet
	sets    uint64 // the spelling sets made, the gen of the last
	seq     int64  // sequence number of the last Add
	saved   int64  // sequence number in the manifest
	next    int    // number of the next segment file
	// builder is the last batch's segment builder, kept to build the
	// next batch's in its memory rather than in new memory every batch.
	builder *segBuilder
	// docBytes is the size per document of the last batch's segment, from
	// which Add expects the next one's.
	docBytes int
	closed   bool

	view atomic.Pointer[view]
	// flushBytes is how many bytes of segments in memory make Add persist
	// them.
	flushBytes int
}

// view is the segments an Inverted index answers from at one time.
type view struct {
	segs  []*segment
	bases []uint64 // the number of the first document of each segment
	docs  uint64
	gen   uint64 // increases with every change
}

func newView(segs []*segment, gen uint64) *view {
	v := &view{segs: segs, bases: make([]uint64, len(segs)), gen: gen}
	for i, s := range segs {
		v.bases[i] = v.docs
		v.docs += uint64(s.n)
	}
	return v
}

// memBytes returns the size of the segments in memory.
func (v *view) memBytes() (n int) {
	for _, s := range v.segs {
		if s.name == "" {
			n += len(s.data)
		}
	}
	return n
}

var _ Index = (*Inverted)(nil)

// manifest is the persisted list of an Inverted index's segment files.
type manifest struct {
	Format   string   `json:"format"`
	Seq      int64    `json:"seq"`
	Segments []string `json:"segments"`
	Next     int      `json:"next"`
}

const (
	manifestName = "manifest.json"
	segExt       = ".seg"
	// defaultFlushBytes is the size of the segments in memory at which Add
	// persists them as one file.
	defaultFlushBytes = 48 << 20
	// mergeFactor is how many segment files of one tier are merged into one
	// of the next tier.
	mergeFactor = 4
)

// invertedFormat is the format of the manifest (see format).
func invertedFormat(lex *arabic.Lexicon) string {
	return "inverted 1; " + string(format(lex))
}

// Open opens the Inverted index in directory dir, creating it if
// needed. It returns ErrInUse when another process holds it and an error
// wrapping ErrFormat when another version of Marsad wrote it.
func Open(dir string) (*Inverted, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	x := &Inverted{dir: dir, an: arabic.New(arabic.DefaultOptions()), lex: arabic.DefaultLexicon(), lock: lock, flushBytes: defaultFlushBytes}
	m, err := x.readManifest()
	if err == nil {
		var segs []*segment
		segs, err = x.openSegments(m)
		x.view.Store(newView(segs, 1))
	}
	if err != nil {
		lock.Close()
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	x.seq, x.saved, x.next = m.Seq, m.Seq, m.Next
	return x, nil
}

// readManifest reads the manifest, or writes that of an empty index.
func (x *Inverted) readManifest() (manifest, error) {
	b, err := os.ReadFile(filepath.Join(x.dir, manifestName))
	if errors.Is(err, fs.ErrNotExist) {
		entries, _ := os.ReadDir(x.dir)
		for _, e := range entries {
			if e.Name() != lockName {
				return manifest{}, fmt.Errorf("%w: not an index, or written by another version of marsad (holds %s)", ErrFormat, e.Name())
			}
		}
		m := manifest{Format: invertedFormat(x.lex)}
		return m, x.writeManifest(m)
	}
	if err != nil {
		return manifest{}, err
	}
	var m manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return manifest{}, fmt.Errorf("%w: %s: %v", ErrFormat, manifestName, err)
	}
	if m.Format != invertedFormat(x.lex) {
		return manifest{}, ErrFormat
	}
	return m, nil
}

// openSegments maps the segment files of m and removes the files no
// manifest lists (left by a crash).
func (x *Inverted) openSegments(m manifest) ([]*segment, error) {
	listed := map[string]bool{}
	var segs []*segment
	for _, name := range m.Segments {
		s, err := openSegmentFile(filepath.Join(x.dir, name))
		if err != nil {
			return nil, err
		}
		s.name = name
		segs = append(segs, s)
		listed[name] = true
	}
	entries, err := os.ReadDir(x.dir)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if n := e.Name(); !listed[n] && (strings.HasSuffix(n, segExt) || strings.HasSuffix(n, ".tmp")) {
			os.Remove(filepath.Join(x.dir, n))
		}
	}
	return segs, nil
}

// openSegmentFile maps a segment file.
func openSegmentFile(path string) (*segment, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := mmap.Map(f, mmap.RDONLY, 0)
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", path, err)
	}
	s, err := openSegment(m)
	if err != nil {
		m.Unmap()
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	// Unmapped when no view (and no search) holds the segment any more.
	runtime.AddCleanup(s, func(m mmap.MMap) { m.Unmap() }, m)
	return s, nil
}

// writeManifest replaces the manifest with m, atomically.
func (x *Inverted) writeManifest(m manifest) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return writeFileSync(x.dir, manifestName, func(f *os.File) error {
		_, err := f.Write(b)
		return err
	})
}

// writeFileSync writes a file with write, synced, under a temporary name
// renamed to name, then syncs the directory.
func writeFileSync(dir, name string, write func(*os.File) error) error {
	tmp := filepath.Join(dir, name+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	err = write(f)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, name))
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// Add implements Index. docs must not be in the index already.
func (x *Inverted) Add(ctx context.Context, docs []Doc, seq int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return errClosed
	}
	if x.words == nil || len(x.words.info)+len(x.words.entities) > maxWordInfo {
		x.words = newWordInfo(x.lex)
	}
	if x.indexed.variants == nil {
		x.sets++
		x.indexed = newSpellingSet(x.sets)
	}
	// The spellings of the segments in memory are all in x.indexed (which
	// persist empties): only the files' dictionaries need asking.
	v := x.view.Load()
	first := &firstSpellings{indexed: x.indexed, in: v.filesContain}
	text, title := 0, 0
	for i := range docs {
		text += len(docs[i].TitleTerms) + len(docs[i].TextTerms)
		title += len(docs[i].TitleTerms)
	}
	b := x.builder
	x.builder = nil // until this batch is encoded
	if b == nil {
		b = newSegBuilder(x.words.nextBatch(), text, title)
	} else {
		b.reset(x.words.nextBatch(), text, title)
	}
	for i := range docs {
		d := &docs[i]
		fs, err := fieldsOf(x.an, d, x.words, first)
		if err != nil {
			x.indexed = spellingSet{}
			return fmt.Errorf("index %s: %w", d.ID, err)
		}
		pub := int64(noDate)
		if !d.Published.IsZero() {
			pub = d.Published.Unix()
		}
		n := b.doc(d.ID, pub, len(fs.title), len(fs.title)+len(fs.text))
		nt := len(fs.title)
		b.positions(fText, n, fs.title, fs.infos[:nt], 0)
		b.positions(fText, n, fs.text, fs.infos[nt:], textShift(fs.title))
		b.positions(fTitle, n, fs.title, fs.infos[:nt], 0)
		b.wordPairs(n, fs.title, fs.infos[:nt])
		b.wordPairs(n, fs.text, fs.infos[nt:])
		b.keywords(fSource, n, d.Source)
		b.keywords(fEntity, n, fs.entities...)
		b.keywords(fName, n, fs.names...)
		b.keywords(fVariant, n, fs.variants...)
		b.keywords(fNameSpell, n, fs.spellings...)
	}
	x.seq = seq
	if b.len() > 0 {
		data, err := b.encode(x.docBytes * b.len() * 9 / 8)
		if err != nil {
			x.indexed = spellingSet{}
			return fmt.Errorf("index batch: %w", err)
		}
		x.docBytes = len(data) / b.len()
		if b.keptBytes() <= maxKeptBuilder {
			x.builder = b // the segment does not point into it
		}
		s, err := openSegment(data)
		if err != nil {
			x.indexed = spellingSet{}
			return fmt.Errorf("index batch: %w", err)
		}
		v = newView(append(v.segs[:len(v.segs):len(v.segs)], s), v.gen+1)
		x.view.Store(v)
	}
	if v.memBytes() >= x.flushBytes {
		return x.persist(ctx)
	}
	return nil
}

var errClosed = errors.New("index closed")

// filesContain reports whether the dictionary of field (by name) of any
// segment file holds term.
func (v *view) filesContain(field, term string) (bool, error) {
	f := fieldIndex(field)
	for _, s := range v.segs {
		if s.name == "" {
			break // the segments in memory follow the files
		}
		if _, ok := s.lookup(f, term); ok {
			return true, nil
		}
	}
	return false, nil
}

// fieldIndex returns the number of the field named name (-1 if none).
func fieldIndex(name string) int {
	for f, n := range fieldNames {
		if n == name {
			return f
		}
	}
	return -1
}

// persist writes the segments in memory as one segment file, records it
// and x.seq in the manifest, and merges the segment files of a full tier.
// x.mu must be held.
func (x *Inverted) persist(ctx context.Context) error {
	v := x.view.Load()
	var mem []*segment
	for _, s := range v.segs {
		if s.name == "" {
			mem = append(mem, s)
		}
	}
	if len(mem) == 0 && x.saved == x.seq {
		return nil
	}
	files := v.segs[:len(v.segs)-len(mem)]
	if len(mem) > 0 {
		s, err := x.writeSegment(ctx, mem)
		if err != nil {
			return fmt.Errorf("persist index: %w", err)
		}
		files = append(files[:len(files):len(files)], s)
	}
	if err := x.commit(files, v.gen+1); err != nil {
		return fmt.Errorf("persist index: %w", err)
	}
	// Only files are left: forget the spellings, which their dictionaries
	// tell, so that the set stays as small as the segments in memory.
	x.indexed = spellingSet{}
	for {
		i := fullTier(x.view.Load().segs)
		if i < 0 {
			return nil
		}
		if err := x.merge(ctx, i, i+mergeFactor); err != nil {
			return err
		}
	}
}

// commit makes files the index's segments (with x.seq) in the manifest,
// then in the view.
func (x *Inverted) commit(files []*segment, gen uint64) error {
	m := manifest{Format: invertedFormat(x.lex), Seq: x.seq, Next: x.next}
	for _, s := range files {
		m.Segments = append(m.Segments, s.name)
	}
	if err := x.writeManifest(m); err != nil {
		return err
	}
	x.saved = x.seq
	x.view.Store(newView(files, gen))
	x.removeUnlisted(m)
	return nil
}

// removeUnlisted removes the segment files m does not list. Searches that
// still read one keep its mapping until they finish.
func (x *Inverted) removeUnlisted(m manifest) {
	listed := map[string]bool{}
	for _, n := range m.Segments {
		listed[n] = true
	}
	entries, _ := os.ReadDir(x.dir)
	for _, e := range entries {
		if n := e.Name(); strings.HasSuffix(n, segExt) && !listed[n] {
			os.Remove(filepath.Join(x.dir, n))
		}
	}
}

// writeSegment writes the documents of segs as one segment file and maps
// it.
func (x *Inverted) writeSegment(ctx context.Context, segs []*segment) (*segment, error) {
	name := fmt.Sprintf("%08d%s", x.next, segExt)
	x.next++
	err := writeFileSync(x.dir, name, func(f *os.File) error {
		if len(segs) == 1 && segs[0].name == "" {
			_, err := f.Write(segs[0].data)
			return err
		}
		return mergeSegments(ctx, f, segs)
	})
	if err != nil {
		return nil, err
	}
	s, err := openSegmentFile(filepath.Join(x.dir, name))
	if err != nil {
		return nil, err
	}
	s.name = name
	return s, nil
}

// tier returns the tier of a segment file: 0 up to half of
// defaultFlushBytes (the size of a flush), then one more for each factor
// mergeFactor.
func tier(s *segment) int {
	t := 0
	for n := len(s.data); n > defaultFlushBytes/2; n /= mergeFactor {
		t++
	}
	return t
}

// fullTier returns the index of the first of mergeFactor consecutive
// segment files of the same tier, or -1.
func fullTier(segs []*segment) int {
	run := 0
	for i, s := range segs {
		if s.name == "" {
			return -1
		}
		if i > 0 && tier(s) == tier(segs[i-1]) {
			run++
		} else {
			run = 1
		}
		if run == mergeFactor {
			return i - mergeFactor + 1
		}
	}
	return -1
}

// merge replaces the segment files i to j-1 of the view by one. x.mu must
// be held.
func (x *Inverted) merge(ctx context.Context, i, j int) error {
	v := x.view.Load()
	s, err := x.writeSegment(ctx, v.segs[i:j])
	if err != nil {
		return fmt.Errorf("merge index segments: %w", err)
	}
	segs := append(append(append([]*segment(nil), v.segs[:i]...), s), v.segs[j:]...)
	if err := x.commit(segs, v.gen+1); err != nil {
		return fmt.Errorf("merge index segments: %w", err)
	}
	return nil
}

// Sync implements Index: it persists the segments in memory, and lets go
// of the builder kept from batch to batch (an ingest syncs when it ends).
func (x *Inverted) Sync(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	x.builder = nil
	return x.persist(ctx)
}

// Compact merges the index into one segment file.
func (x *Inverted) Compact(ctx context.Context) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return errClosed
	}
	if err := x.persist(ctx); err != nil {
		return err
	}
	if n := len(x.view.Load().segs); n > 1 {
		return x.merge(ctx, 0, n)
	}
	return nil
}

// Seq implements Index: the sequence number of the last Add, whose
// documents are searched already; after a reopen, of the last Add
// persisted.
func (x *Inverted) Seq() (int64, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	return x.seq, nil
}

// Count implements Index.
func (x *Inverted) Count() (uint64, error) { return x.view.Load().docs, nil }

// Size implements Index.
func (x *Inverted) Size() int64 {
	var n int64
	for _, s := range x.view.Load().segs {
		n += int64(len(s.data))
	}
	return n
}

// Close implements Index: it persists the segments in memory and releases
// the directory.
func (x *Inverted) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.closed {
		return nil
	}
	err := x.persist(context.Background())
	x.closed = true
	return errors.Join(err, x.lock.Close())
}
