package engine

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/store"
	"github.com/marsad/marsad/story"
)

// storiesFile holds the story clusterer's state in the data directory: the
// sequence number of the last article it holds, then story.Save's bytes.
const storiesFile = "stories.bin"

// stories is the engine's story clusterer, loaded on first use.
type stories struct {
	mu    sync.Mutex
	c     *story.Clusterer
	seq   int64 // last store sequence number the clusterer holds
	dirty bool
}

// Stories returns the story clusterer of the data directory, brought up to
// date with the store: articles stored since it was last saved (by an ingest
// that was interrupted) are added first. The clusterer is safe for
// concurrent use; the engine adds articles to it as they are ingested.
func (e *Engine) Stories(ctx context.Context) (*story.Clusterer, error) {
	e.stories.mu.Lock()
	defer e.stories.mu.Unlock()
	if e.stories.c == nil {
		c, seq, err := loadStories(filepath.Join(e.dir, storiesFile))
		if err != nil {
			return nil, err
		}
		e.stories.c, e.stories.seq = c, seq
	}
	n, err := e.replayStories(ctx)
	if err != nil {
		return nil, err
	}
	if n > 0 {
		e.log.Info("grouped into stories the articles stored since the last save", "articles", n)
	}
	return e.stories.c, nil
}

// RebuildStories groups every stored article into stories anew, with cfg,
// and saves the result.
func (e *Engine) RebuildStories(ctx context.Context, cfg story.Config) (*story.Clusterer, error) {
	e.stories.mu.Lock()
	defer e.stories.mu.Unlock()
	e.stories.c, e.stories.seq = story.New(cfg), 0
	if _, err := e.replayStories(ctx); err != nil {
		return nil, err
	}
	return e.stories.c, e.saveStoriesLocked()
}

// replayStories adds the stored originals past the clusterer's sequence
// number, re-analyzing them. The caller holds e.stories.mu.
func (e *Engine) replayStories(ctx context.Context) (int, error) {
	n := 0
	err := e.Store.Originals(ctx, e.stories.seq, func(r store.Record) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		a := r.Article
		d := newDoc(&a, e.an.Analyze(a.Title), e.an.Analyze(a.Text), r.Facts)
		e.stories.c.Add(storyDoc(&d, nil))
		e.stories.seq = r.Seq
		e.stories.dirty = true
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("group stored articles into stories: %w", err)
	}
	return n, nil
}

// addStories adds the articles of a batch that the store has just added,
// when the clusterer is loaded (Ingest loads it). buf is scratch space for
// the terms of one article, returned for the next call.
func (e *Engine) addStories(a addedDocs, buf []string) []string {
	e.stories.mu.Lock()
	defer e.stories.mu.Unlock()
	if e.stories.c == nil {
		return buf
	}
	for k := range a.docs {
		if a.seqs[k] <= e.stories.seq {
			continue
		}
		d := storyDoc(&a.docs[k], buf[:0])
		d.Print = a.prints[k]
		e.stories.c.Add(d)
		buf = d.Terms
		e.stories.seq = a.seqs[k]
		e.stories.dirty = true
	}
	return buf
}

// SaveStories writes the clusterer's state when it changed. Ingest and
// Close call it; a crash before it costs only a replay on next use.
func (e *Engine) SaveStories() error {
	e.stories.mu.Lock()
	defer e.stories.mu.Unlock()
	return e.saveStoriesLocked()
}

func (e *Engine) saveStoriesLocked() error {
	if e.stories.c == nil || !e.stories.dirty {
		return nil
	}
	path := filepath.Join(e.dir, storiesFile)
	if err := writeAtomic(path, func(w io.Writer) error {
		if err := binary.Write(w, binary.LittleEndian, e.stories.seq); err != nil {
			return err
		}
		return e.stories.c.Save(w)
	}); err != nil {
		return fmt.Errorf("save stories: %w", err)
	}
	e.stories.dirty = false
	return nil
}

// loadStories reads the clusterer saved at path, or returns a new one when
// there is none.
func loadStories(path string) (*story.Clusterer, int64, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return story.New(story.DefaultConfig()), 0, nil
	}
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	var seq int64
	if err := binary.Read(r, binary.LittleEndian, &seq); err != nil {
		return nil, 0, fmt.Errorf("load stories %s: %w (rebuild with: marsad stories --rebuild)", path, err)
	}
	c, err := story.Load(r)
	if err != nil {
		return nil, 0, fmt.Errorf("load stories %s: %w (rebuild with: marsad stories --rebuild)", path, err)
	}
	return c, seq, nil
}

// writeAtomic writes a file through a temporary file renamed over it, so
// that a crash leaves either the old or the new file, never a torn one.
func writeAtomic(path string, write func(io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	w := bufio.NewWriterSize(tmp, 1<<20)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// storyDoc is the clusterer's view of an article, made from its index
// document: its terms (stems of the non-stopword tokens of title and text,
// appended to buf, which the clusterer does not keep), its title terms and
// the canonical names of its entities.
func storyDoc(d *index.Doc, buf []string) story.Doc {
	sd := story.Doc{ID: d.ID, Published: d.Published, Source: d.Source, Title: d.Title, Entities: d.Entities, Firsts: d.Firsts}
	// A date far in the future would move the clusterer's clock and retire
	// every active story: treat it as unknown.
	if sd.Published.After(time.Now().Add(48 * time.Hour)) {
		sd.Published = time.Time{}
	}
	buf = stems(buf, d.TitleTerms)
	sd.TitleTerms = buf[:len(buf):len(buf)]
	sd.Terms = stems(buf, d.TextTerms)
	return sd
}

// stems appends the stems of terms to dst.
func stems(dst []string, terms []index.Term) []string {
	for _, t := range terms {
		dst = append(dst, t.Stem)
	}
	return dst
}

// stemIDs appends the StemIDs of terms to dst: what story.Doc.StemIDs
// holds.
func stemIDs(dst []uint32, terms []index.Term) []uint32 {
	for _, t := range terms {
		dst = append(dst, t.StemID)
	}
	return dst
}
