package engine

import (
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

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
