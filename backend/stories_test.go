package backend

import (
	"context"
	"errors"
	"testing"

	"github.com/marsad/marsad/sample"
	"github.com/marsad/marsad/server"
)

func TestEngineStories(t *testing.T) {
	_, e := open(t)
	ctx := context.Background()
	s := EngineStories{Engine: e}
	list, err := s.Stories(ctx, server.StoryFilter{Page: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for i, st := range list {
		if i > 0 && st.Last > list[i-1].Last {
			t.Errorf("stories not newest first: %s after %s", st.Last, list[i-1].Last)
		}
		for _, id := range st.Articles {
			seen[id] = st.ID
		}
	}
	// every original sample is in a story (the exact copy is a duplicate)
	for _, a := range sample.Articles() {
		if seen[a.ID] == "" {
			t.Errorf("article %s in no story", a.ID)
		}
	}
	first := sample.Articles()[0].ID
	ref, err := s.StoryOf(ctx, first)
	if err != nil || ref == nil || ref.ID != seen[first] {
		t.Fatalf("StoryOf(%s) = %v, %v; want story %s", first, ref, err, seen[first])
	}
	v, err := s.Story(ctx, ref.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Timeline) != len(v.Articles) {
		t.Errorf("timeline of %d entries for %d articles", len(v.Timeline), len(v.Articles))
	}
	for i := 1; i < len(v.Timeline); i++ {
		if v.Timeline[i].Date < v.Timeline[i-1].Date {
			t.Errorf("timeline not oldest first: %v", v.Timeline)
		}
	}
	if page2, _ := s.Stories(ctx, server.StoryFilter{Page: 2, Size: 1}); len(list) > 1 && (len(page2) != 1 || page2[0].ID != list[1].ID) {
		t.Errorf("page 2 of size 1 = %v, want %s", page2, list[1].ID)
	}
	if _, err := s.Story(ctx, "no-such-story"); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("unknown story: err = %v, want ErrNotFound", err)
	}
}
