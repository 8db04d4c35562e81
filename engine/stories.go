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

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
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
		e.stories.c.Add(storyDoc(&a, e.an.Analyze(a.Title), e.an.Analyze(a.Text), r.Facts))
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
// when the clusterer is loaded (Ingest loads it).
func (e *Engine) addStories(ps []prepared, which []int, res []store.Outcome) {
	e.stories.mu.Lock()
	defer e.stories.mu.Unlock()
	if e.stories.c == nil {
		return
	}
	for k, r := range res {
		if r.Status != store.Added || r.Seq <= e.stories.seq {
			continue
		}
		e.stories.c.Add(ps[which[k]].story)
		e.stories.seq = r.Seq
		e.stories.dirty = true
	}
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

// storyDoc is the clusterer's view of an article: its terms (stems of the
// non-stopword tokens of title and text), its title terms and the canonical
// names of its entities.
func storyDoc(a *article.Article, title, text []arabic.Token, facts *article.Facts) story.Doc {
	d := story.Doc{ID: a.ID, Published: a.Published, Source: a.Source, Title: a.Title}
	// A date far in the future would move the clusterer's clock and retire
	// every active story: treat it as unknown.
	if d.Published.After(time.Now().Add(48 * time.Hour)) {
		d.Published = time.Time{}
	}
	d.TitleTerms = terms(nil, title)
	d.Terms = terms(append(make([]string, 0, len(title)+len(text)), d.TitleTerms...), text)
	if facts != nil {
		for _, en := range facts.Entities {
			d.Entities = append(d.Entities, en.Text)
		}
	}
	return d
}

// terms appends the search terms of toks to dst.
func terms(dst []string, toks []arabic.Token) []string {
	for _, t := range toks {
		if !t.Stop && t.Stem != "" {
			dst = append(dst, t.Stem)
		}
	}
	return dst
}
