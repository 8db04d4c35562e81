package backend

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

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

func TestEngineStoriesByDate(t *testing.T) {
	_, e := open(t)
	ctx := context.Background()
	s := EngineStories{Engine: e}
	all, err := s.Stories(ctx, server.StoryFilter{Page: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 3 {
		t.Fatalf("%d stories: too few to filter", len(all))
	}
	// A day in the middle of the collection: the stories active on it.
	mid := all[len(all)/2]
	day := string(mid.First)
	got, err := s.Stories(ctx, server.StoryFilter{From: day, To: day, Page: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, st := range all {
		if string(st.Last) >= day && string(st.First) <= day {
			want = append(want, st.ID)
		}
	}
	var ids []string
	for _, st := range got {
		ids = append(ids, st.ID)
	}
	if !slices.Equal(ids, want) || !slices.Contains(ids, mid.ID) {
		t.Errorf("stories active on %s: %v, want %v", day, ids, want)
	}
	big, err := s.Stories(ctx, server.StoryFilter{MinArticles: 2, Page: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range big {
		if len(st.Articles) < 2 {
			t.Errorf("min 2: story %s has %d article(s)", st.ID, len(st.Articles))
		}
	}
	if _, err := s.Stories(ctx, server.StoryFilter{From: "2026-02-30"}); !errors.Is(err, server.ErrBadRequest) {
		t.Errorf("bad date: err = %v, want ErrBadRequest", err)
	}
}

func TestStoryQueryOf(t *testing.T) {
	for _, tc := range []struct {
		f        server.StoryFilter
		from, to string // RFC 3339, "" for zero
		bad      bool
	}{
		{f: server.StoryFilter{}},
		{f: server.StoryFilter{From: "2026-07-12"}, from: "2026-07-12T00:00:00Z"},
		{f: server.StoryFilter{To: "2026-07-12"}, to: "2026-07-12T23:59:59.999999999Z"},
		{f: server.StoryFilter{From: "12/07/2026"}, bad: true},
		{f: server.StoryFilter{To: "2026-7-1"}, bad: true},
	} {
		q, err := StoryQueryOf(tc.f)
		if tc.bad {
			if !errors.Is(err, server.ErrBadRequest) {
				t.Errorf("%+v: err = %v, want ErrBadRequest", tc.f, err)
			}
			continue
		}
		str := func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.Format(time.RFC3339Nano)
		}
		if err != nil || str(q.From) != tc.from || str(q.To) != tc.to {
			t.Errorf("%+v: from %s to %s, %v; want %s, %s", tc.f, str(q.From), str(q.To), err, tc.from, tc.to)
		}
	}
}
