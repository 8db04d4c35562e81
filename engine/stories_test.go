package engine

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/story"
)

// storyOf maps every article id to its story id.
func storyOf(t *testing.T, c *story.Clusterer) map[string]string {
	t.Helper()
	m := map[string]string{}
	for _, s := range c.Stories() {
		for _, id := range s.Articles {
			if prev, ok := m[id]; ok {
				t.Errorf("article %s in stories %s and %s", id, prev, s.ID)
			}
			m[id] = s.ID
		}
	}
	return m
}

func TestStoriesFollowIngest(t *testing.T) {
	dir := t.TempDir()
	e := openTest(t, dir)
	if _, err := e.Ingest(context.Background(), slices.Values(testArticles), nil); err != nil {
		t.Fatal(err)
	}
	c, err := e.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	first := storyOf(t, c)
	if len(first) != len(testArticles) {
		t.Fatalf("%d articles in stories, want %d", len(first), len(testArticles))
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}

	// Reopened, the saved stories are the same.
	e = openTest(t, dir)
	c, err = e.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := storyOf(t, c); !maps.Equal(got, first) {
		t.Errorf("after reopening: %v, want %v", got, first)
	}
	e.Close()

	// A lost state file (a crash before the save) is rebuilt from the store.
	if err := os.Remove(filepath.Join(dir, storiesFile)); err != nil {
		t.Fatal(err)
	}
	e = openTest(t, dir)
	defer e.Close()
	c, err = e.Stories(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := storyOf(t, c); !maps.Equal(got, first) {
		t.Errorf("after replay: %v, want %v", got, first)
	}
	// Re-ingesting changes nothing.
	if _, err := e.Ingest(context.Background(), slices.Values(testArticles), nil); err != nil {
		t.Fatal(err)
	}
	if c.Len() != len(testArticles) {
		t.Errorf("clusterer holds %d articles after re-ingest, want %d", c.Len(), len(testArticles))
	}
}

func TestRebuildStories(t *testing.T) {
	e := ingestTest(t)
	c, err := e.RebuildStories(context.Background(), story.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if got := len(storyOf(t, c)); got != len(testArticles) {
		t.Errorf("rebuilt stories hold %d articles, want %d", got, len(testArticles))
	}
}

func TestCorruptStoriesFile(t *testing.T) {
	dir := t.TempDir()
	e := openTest(t, dir)
	if _, err := e.Ingest(context.Background(), slices.Values(testArticles), nil); err != nil {
		t.Fatal(err)
	}
	e.Close()
	if err := os.WriteFile(filepath.Join(dir, storiesFile), []byte("not a state file"), 0o644); err != nil {
		t.Fatal(err)
	}
	e = openTest(t, dir)
	defer e.Close()
	if _, err := e.Stories(context.Background()); err == nil {
		t.Fatal("a corrupt stories file loaded without error")
	}
	if _, err := e.RebuildStories(context.Background(), story.DefaultConfig()); err != nil {
		t.Fatalf("rebuild after corruption: %v", err)
	}
}

// TestIngestPipeline checks that the batches of the pipeline, whatever
// their size, report every article in order and leave the same store,
// index and stories.
func TestIngestPipeline(t *testing.T) {
	arts := slices.Clone(testArticles)
	copyOf := testArticles[0]
	copyOf.ID = "ru-copy"
	arts = append(arts, copyOf, article.Article{ID: "empty"}, testArticles[1])
	var want []string
	for _, a := range arts {
		want = append(want, a.ID)
	}
	var stories map[string]string
	for _, batch := range []int{1, 2, 3, 1000} {
		e, err := Open(context.Background(), t.TempDir(), Options{Batch: batch, Workers: 2, Enrich: nameEnricher("ترمب", "بيسكوف")})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		counts, err := e.Ingest(context.Background(), slices.Values(arts), func(o Outcome) { got = append(got, o.ID) })
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("batch %d: reported %v, want %v", batch, got, want)
		}
		if (counts != Counts{Added: len(testArticles), Duplicates: 1, Present: 1, Failed: 1}) {
			t.Errorf("batch %d: %+v", batch, counts)
		}
		if n, err := e.Index.Count(); err != nil || n != uint64(len(testArticles)) {
			t.Errorf("batch %d: %d indexed (%v), want %d", batch, n, err, len(testArticles))
		}
		c, err := e.Stories(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		s := storyOf(t, c)
		if len(s) != len(testArticles) {
			t.Errorf("batch %d: %d articles in stories, want %d", batch, len(s), len(testArticles))
		}
		if stories == nil {
			stories = s
		} else if !maps.Equal(s, stories) {
			t.Errorf("batch %d: stories %v, want %v", batch, s, stories)
		}
		if err := e.Close(); err != nil {
			t.Fatal(err)
		}
	}
}
