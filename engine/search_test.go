package engine

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
)

// TestSearchNameVariantsUntagged: without entity extraction (as when the
// tagger misses a name) a foreign name still finds its other spellings,
// and the snippet marks them; ordinary words that share a name key do not
// find each other.
func TestSearchNameVariantsUntagged(t *testing.T) {
	ctx := context.Background()
	e, err := Open(ctx, t.TempDir(), Options{Batch: 2, NoStories: true})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	arts := append(slices.Clone(testArticles),
		article.Article{ID: "pu", Source: "wire", Published: day("2024-11-10"), Title: "لقاء في الكرملين",
			Text: "استقبل الرئيس فلاديمير بوتن وزير الخارجية، وقال الكاتب إن اللقاء كان وديا."},
		article.Article{ID: "bk", Source: "paper", Published: day("2024-11-11"), Title: "معرض الكتاب",
			Text: "افتتح معرض الكتاب في الرياض بمشاركة ناشرين من دول عدة."},
	)
	if _, err := e.Ingest(ctx, slices.Values(arts), nil); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q, mark string
		want    []string
	}{
		{"ترامب", "[ترمب]", []string{"tr"}},
		{"بوتين", "[بوتن]", []string{"pu"}},
		{"كاتب", "[الكاتب]", []string{"pu"}},
		{"كتاب", "[الكتاب]", []string{"bk"}},
	} {
		q, err := search.Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		_, hits, err := e.Search(ctx, index.Request{Query: q}, SearchOptions{Format: search.Plain})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.ID)
			if !strings.Contains(h.Snippet, tt.mark) {
				t.Errorf("%s: snippet of %s %q lacks %s", tt.q, h.ID, h.Snippet, tt.mark)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.q, got, tt.want)
		}
	}
}
