package engine

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
	"github.com/marsad/marsad/store"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// testArticles are written for these tests, each with the spelling variant
// a test searches for.
var testArticles = []article.Article{
	{ID: "ru", Source: "wire", Published: day("2021-03-19"), Title: "الكرملين يرد على بايدن",
		Text: "قال المتحدث باسم الكرملين إن الموقف الروسى لم يتغير، وإن الحُوَار مع الولايات المتحدة ممكن."},
	{ID: "wa", Source: "paper", Published: day("2021-03-20"), Title: "وزير الخارجية في بواشنطن",
		Text: "وصل وزير الخارجية بواشنطن أمس في زيارة تستمر يومين، وأكد أن العلاقات بين البلدين قوية."},
	{ID: "num", Source: "paper", Published: day("2024-11-08"), Title: "حصاد عام",
		Text: "شهد عام ٢٠٢١ أحداثا كبيرة في المنطقة، وتغيرت أسعار النفط مرات عدة."},
	{ID: "tr", Source: "wire", Published: day("2024-11-07"), Title: "موسكو تهنئ الرئيس المنتخب",
		Text: "قال بيسكوف إن الرئيس الأمريكي المنتخب دونالد ترمب تحدث عن إنهاء الحرب، وإن موسكو مستعدة للحوار."},
	{ID: "oil", Source: "wire", Published: day("2024-11-09"), Title: "أسعار النفط ترتفع",
		Text: "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج الذي أعلنه المنتجون في الرياض."},
}

// nameEnricher finds the names of a fixed list as entities: enough to test
// the hook (real extraction lives elsewhere).
func nameEnricher(names ...string) Enricher {
	return func(a *article.Article, toks []arabic.Token) article.Facts {
		var f article.Facts
		for _, n := range names {
			var e article.Entity
			for off := 0; ; {
				i := strings.Index(a.Text[off:], n)
				if i < 0 {
					break
				}
				start := utf8.RuneCountInString(a.Text[:off+i])
				e.Mentions = append(e.Mentions, article.Span{Start: start, End: start + utf8.RuneCountInString(n)})
				off += i + len(n)
			}
			if len(e.Mentions) > 0 {
				e.Text, e.Type = n, article.PER
				f.Entities = append(f.Entities, e)
			}
		}
		if len(toks) == 0 && a.Text != "" {
			panic("enricher got no tokens")
		}
		return f
	}
}

func openTest(t *testing.T, dir string) *Engine {
	t.Helper()
	e, err := Open(context.Background(), dir, Options{Batch: 2, Enrich: nameEnricher("ترمب", "بيسكوف")})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func ingestTest(t *testing.T) *Engine {
	t.Helper()
	e := openTest(t, t.TempDir())
	t.Cleanup(func() { e.Close() })
	c, err := e.Ingest(context.Background(), slices.Values(testArticles), nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.Added != len(testArticles) || c.Failed != 0 {
		t.Fatalf("counts %+v", c)
	}
	return e
}

func ids(t *testing.T, e *Engine, q string, mod func(*index.Request)) []string {
	t.Helper()
	pq, err := search.Parse(q)
	if err != nil {
		t.Fatalf("parse %q: %v", q, err)
	}
	req := index.Request{Query: pq, Limit: 20}
	if mod != nil {
		mod(&req)
	}
	_, hits, err := e.Search(context.Background(), req, SearchOptions{Format: search.Plain})
	if err != nil {
		t.Fatalf("search %q: %v", q, err)
	}
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func TestSearch(t *testing.T) {
	e := ingestTest(t)
	tests := []struct {
		q    string
		mod  func(*index.Request)
		want []string
	}{
		{"الروسي", nil, []string{"ru"}},                    // ى/ي
		{"الحوار", nil, []string{"ru", "tr"}},              // diacritics; للحوار
		{"واشنطن", nil, []string{"wa"}},                    // بواشنطن
		{"2021", nil, []string{"num"}},                     // ٢٠٢١
		{"ترامب", nil, []string{"tr"}},                     // ترمب via the name field
		{`"أسعار النفط"`, nil, []string{"num", "oil"}},     // phrase
		{`"النفط أسعار"`, nil, nil},                        // order matters
		{`"خفض الإنتاج الذي أعلنه"`, nil, []string{"oil"}}, // stopword inside a phrase
		{"الكرملين OR واشنطن", nil, []string{"ru", "wa"}},
		{"النفط -الرياض", nil, []string{"num"}},
		{"قال الحوار", nil, []string{"ru", "tr"}},
		{"موسكو", func(r *index.Request) { r.From = day("2024-11-08") }, nil},
		{"النفط", func(r *index.Request) { r.To = day("2024-11-08") }, []string{"num"}},
		{"النفط", func(r *index.Request) { r.From, r.To = day("2024-11-09"), day("2024-11-09") }, []string{"oil"}},
		{"قال", func(r *index.Request) { r.Source = "wire" }, []string{"ru", "tr"}},
		{"الحوار", func(r *index.Request) { r.Entity = "ترامب" }, []string{"tr"}},
		{"الحوار", func(r *index.Request) { r.Entity = "بيسكوف" }, []string{"tr"}},
	}
	for _, tt := range tests {
		if got := ids(t, e, tt.q, tt.mod); !slices.Equal(got, tt.want) {
			t.Errorf("search %q: got %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestSearchSnippetsAndSort(t *testing.T) {
	e := ingestTest(t)
	q, _ := search.Parse("النفط")
	_, hits, err := e.Search(context.Background(), index.Request{Query: q, ByDate: true}, SearchOptions{Format: search.HTML})
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].ID != "oil" || hits[1].ID != "num" {
		t.Fatalf("by date: %+v", hits)
	}
	if !strings.Contains(hits[0].Snippet, "<mark>النفط</mark>") {
		t.Errorf("snippet %q", hits[0].Snippet)
	}
	q, _ = search.Parse("ترامب")
	_, hits, err = e.Search(context.Background(), index.Request{Query: q}, SearchOptions{Format: search.Plain})
	if err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[ترمب]") {
		t.Fatalf("name snippet: %+v %v", hits, err)
	}
	q, _ = search.Parse("في من")
	if _, _, err := e.Search(context.Background(), index.Request{Query: q}, SearchOptions{}); err == nil {
		t.Error("stopword-only query: no error")
	}
}

func TestIdempotentAndDuplicates(t *testing.T) {
	e := ingestTest(t)
	ctx := context.Background()
	c, err := e.Ingest(ctx, slices.Values(testArticles), nil)
	if err != nil || c.Present != len(testArticles) || c.Added+c.Duplicates+c.Failed != 0 {
		t.Fatalf("re-ingest: %+v %v", c, err)
	}
	copyOf := testArticles[4]
	copyOf.ID = "oil-copy"
	copyOf.Text = "  ارتفعت أسعار  النفطِ في الأسواق العالمية بعد قرار خفض الإنتاج الذى أعلنه المنتجون في الرياض  "
	var outs []Outcome
	c, err = e.Ingest(ctx, slices.Values([]article.Article{copyOf, {ID: "empty"}}), func(o Outcome) { outs = append(outs, o) })
	if err != nil || c.Duplicates != 1 || c.Failed != 1 {
		t.Fatalf("duplicate: %+v %v", c, err)
	}
	if outs[0].DuplicateOf != "oil" {
		t.Errorf("duplicate of %q", outs[0].DuplicateOf)
	}
	if got := ids(t, e, "المنتجون", nil); !slices.Equal(got, []string{"oil"}) {
		t.Errorf("duplicate indexed: %v", got)
	}
	st, err := e.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != len(testArticles) || st.Duplicates != 1 || st.Indexed != uint64(len(testArticles)) ||
		st.Sources["wire"] != 3 || st.First != day("2021-03-19") || st.Last != day("2024-11-09") {
		t.Errorf("stats %+v", st)
	}
}

// TestCatchUp stores articles without indexing them, as a crash between
// the two would leave them, and checks that Open indexes them.
func TestCatchUp(t *testing.T) {
	dir := t.TempDir()
	e := openTest(t, dir)
	ctx := context.Background()
	var entries []store.Entry
	for _, a := range testArticles {
		entries = append(entries, store.Entry{Article: a, Hash: a.ID})
	}
	if _, err := e.Store.Put(ctx, entries); err != nil {
		t.Fatal(err)
	}
	if got := ids(t, e, "النفط", nil); len(got) != 0 {
		t.Fatalf("indexed before catch-up: %v", got)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	e = openTest(t, dir)
	defer e.Close()
	if got := ids(t, e, "النفط", nil); !slices.Equal(got, []string{"num", "oil"}) {
		t.Fatalf("after catch-up: %v", got)
	}
	if n, err := e.CatchUp(ctx); err != nil || n != 0 {
		t.Errorf("second catch-up indexed %d, %v", n, err)
	}
}

// TestRebuildUnreadableIndex damages the index; Open rebuilds it from the
// store.
func TestRebuildUnreadableIndex(t *testing.T) {
	dir := t.TempDir()
	e := openTest(t, dir)
	if _, err := e.Ingest(context.Background(), slices.Values(testArticles), nil); err != nil {
		t.Fatal(err)
	}
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "index", "index_meta.json"), []byte("{garbage"), 0o644); err != nil {
		t.Fatal(err)
	}
	e = openTest(t, dir)
	defer e.Close()
	if got := ids(t, e, "النفط", nil); !slices.Equal(got, []string{"num", "oil"}) {
		t.Fatalf("after rebuild: %v", got)
	}
}
