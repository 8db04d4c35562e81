package backend

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/extract"
	"github.com/marsad/marsad/sample"
	"github.com/marsad/marsad/server"
	"github.com/marsad/marsad/store"
)

// copyID is an exact copy of the first sample article, stored as its
// duplicate.
const copyID = "copy-of-first"

var sources = [2]string{"وكالة أ", "صحيفة ب"}

// open returns a backend over a new data directory holding the sample
// articles and an exact copy of the first one.
func open(t testing.TB) (*Backend, *engine.Engine) {
	t.Helper()
	ctx := context.Background()
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.DiscardHandler)
	e, err := engine.Open(ctx, t.TempDir(), engine.Options{
		Enrich: func(a *article.Article, toks []arabic.Token) article.Facts { return x.Extract(a, toks) },
		Logger: log,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	// Metadata for the facets: the samples have none (their dates are in
	// their datelines); two sources, one day each.
	arts := sample.Articles()
	for i := range arts {
		arts[i].Source = sources[i%2]
		arts[i].Published = time.Date(2026, 7, 12+i, 9, 0, 0, 0, time.UTC)
	}
	cp := arts[0]
	cp.ID = copyID
	arts = append(arts, cp)
	if _, err := e.Ingest(ctx, slices.Values(arts), nil); err != nil {
		t.Fatal(err)
	}
	b, err := New(ctx, e, Options{Logger: log})
	if err != nil {
		t.Fatal(err)
	}
	return b, e
}

func TestSearch(t *testing.T) {
	b, _ := open(t)
	ctx := context.Background()
	res, err := b.Search(ctx, server.SearchQuery{Q: "الطاقة", Page: 1, Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total < 2 || len(res.Hits) != res.Total {
		t.Fatalf("total %d, %d hits: want several, all on the page", res.Total, len(res.Hits))
	}
	for _, h := range res.Hits {
		if !strings.Contains(h.Snippet, "<mark>") || h.Title == "" || h.Score <= 0 {
			t.Errorf("hit %+v: want a title, a score and a marked snippet", h)
		}
		if h.ID == copyID {
			t.Errorf("the duplicate %s is a hit", copyID)
		}
	}
	// Facets count every hit.
	if n := sum(res.Facets.Sources); n != res.Total || len(res.Facets.Sources) != 2 {
		t.Errorf("source facets %v, want %d hits in 2 sources", res.Facets.Sources, res.Total)
	}
	days := 0
	for d, n := range res.Facets.Days {
		if len(d) != len("2026-07-12") || n <= 0 {
			t.Errorf("day facet %q: %d", d, n)
		}
		days += n
	}
	if days != res.Total {
		t.Errorf("day facets sum to %d, want %d hits", days, res.Total)
	}
	if len(res.Facets.Entities) == 0 {
		t.Fatal("no entity facets")
	}
	for i, e := range res.Facets.Entities {
		if e.Count <= 0 || e.Count > res.Total || (i > 0 && e.Count > res.Facets.Entities[i-1].Count) {
			t.Errorf("entity facets not counted or not ordered: %+v", res.Facets.Entities)
			break
		}
	}

	// A variant spelling finds the same articles (ى/ي, diacritics).
	alt, err := b.Search(ctx, server.SearchQuery{Q: "الطَّاقة", Page: 1, Size: 20})
	if err != nil || alt.Total != res.Total {
		t.Errorf("الطَّاقة: %d hits, %v; want %d", alt.Total, err, res.Total)
	}
	// Source filter: its facet count.
	src, err := b.Search(ctx, server.SearchQuery{Q: "الطاقة", Source: sources[0], Page: 1, Size: 20})
	if err != nil || src.Total != res.Facets.Sources[sources[0]] || len(src.Facets.Sources) != 1 {
		t.Errorf("source %s: %d hits (%v), facets said %d", sources[0], src.Total, err, res.Facets.Sources[sources[0]])
	}

	// Pages of one hit each are stable and cover the hits.
	var paged []string
	for p := 1; p <= res.Total; p++ {
		r, err := b.Search(ctx, server.SearchQuery{Q: "الطاقة", Page: p, Size: 1})
		if err != nil || len(r.Hits) != 1 || r.Total != res.Total {
			t.Fatalf("page %d: %+v, %v", p, r, err)
		}
		if days := sum(r.Facets.Days); days != res.Total {
			t.Errorf("page %d: facets count %d articles, want all %d hits", p, days, res.Total)
		}
		paged = append(paged, r.Hits[0].ID)
	}
	var all []string
	for _, h := range res.Hits {
		all = append(all, h.ID)
	}
	if !slices.Equal(paged, all) {
		t.Errorf("pages %v, want %v", paged, all)
	}

	// Filters narrow the hits and their facets.
	first := res.Hits[0].Published
	day, err := b.Search(ctx, server.SearchQuery{Q: "الطاقة", From: string(first), To: string(first), Page: 1, Size: 20})
	if err != nil {
		t.Fatal(err)
	}
	if day.Total == 0 || day.Total != res.Facets.Days[string(first)] {
		t.Errorf("from=to=%s: %d hits, facets said %d", first, day.Total, res.Facets.Days[string(first)])
	}
	for _, h := range day.Hits {
		if h.Published != first {
			t.Errorf("hit of %s outside %s", h.Published, first)
		}
	}
}

func TestSearchFiltersOnly(t *testing.T) {
	b, _ := open(t)
	ctx := context.Background()
	all, err := b.Search(ctx, server.SearchQuery{Source: sources[1], Sort: server.SortDate, Page: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if all.Total != len(sample.Articles())/2 || len(all.Hits) != all.Total || all.Facets.Sources[sources[1]] != all.Total {
		t.Fatalf("source %s alone: %d hits %v", sources[1], all.Total, all.Facets.Sources)
	}
	for i, h := range all.Hits {
		if h.Source != sources[1] || (i > 0 && h.Published > all.Hits[i-1].Published) {
			t.Errorf("hit %d %+v: want source %s, newest first", i, h, sources[1])
		}
	}
	// An entity's articles, as its page links to them.
	list, err := b.Entities(ctx, "", 1)
	if err != nil || len(list) != 1 {
		t.Fatal(list, err)
	}
	ent, err := b.Search(ctx, server.SearchQuery{Entity: list[0].Name, Page: 1, Size: 100})
	if err != nil {
		t.Fatal(err)
	}
	if ent.Total < list[0].Count {
		t.Errorf("entity %s: %d hits, named in %d articles", list[0].Name, ent.Total, list[0].Count)
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

func TestSearchBadRequest(t *testing.T) {
	b, _ := open(t)
	for _, q := range []server.SearchQuery{
		{Q: `"الطاقة`, Page: 1, Size: 10},                    // unbalanced quote
		{Q: "في من", Page: 1, Size: 10},                      // stopwords only
		{Q: "", Page: 1, Size: 10},                           // no word, no filter
		{Q: "الطاقة", From: "12/07/2026", Page: 1, Size: 10}, // bad date
	} {
		if _, err := b.Search(context.Background(), q); !errors.Is(err, server.ErrBadRequest) {
			t.Errorf("%+v: err = %v, want a bad request", q, err)
		}
	}
}

func TestArticle(t *testing.T) {
	b, _ := open(t)
	ctx := context.Background()
	orig := sample.Articles()[0].ID
	v, err := b.Article(ctx, orig)
	if err != nil {
		t.Fatal(err)
	}
	if v.Article.ID != orig || v.Article.Text == "" || v.Article.Published.IsZero() || v.Article.Source != sources[0] {
		t.Errorf("article %+v: want its text and metadata", v.Article)
	}
	if len(v.Facts.Entities) == 0 || len(v.Facts.Times) == 0 {
		t.Errorf("facts %+v: want entities and times", v.Facts)
	}
	if !slices.Equal(v.Duplicates, []string{copyID}) {
		t.Errorf("duplicates of the original = %v, want [%s]", v.Duplicates, copyID)
	}
	if v.Story != nil {
		t.Errorf("story %+v without a story source", v.Story)
	}
	c, err := b.Article(ctx, copyID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(c.Duplicates, []string{orig}) {
		t.Errorf("duplicates of the copy = %v, want [%s]", c.Duplicates, orig)
	}
	if _, err := b.Article(ctx, "no-such-article"); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("unknown article: err = %v", err)
	}
}

func TestEntities(t *testing.T) {
	b, e := open(t)
	ctx := context.Background()
	list, err := b.Entities(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) == 0 {
		t.Fatal("no entities")
	}
	for i := 1; i < len(list); i++ {
		if list[i].Count > list[i-1].Count {
			t.Fatalf("not most mentioned first: %+v", list)
		}
	}
	// Counts are numbers of original articles naming the entity, in any
	// spelling of its key, as the stored facts say.
	key := store.EntityKey
	want := map[string]int{}
	quotes := map[string]int{}
	for _, a := range sample.Articles() {
		recs, err := e.Store.Get(ctx, a.ID)
		if err != nil || len(recs) != 1 || recs[0].Facts == nil {
			t.Fatalf("%s: %v, %v", a.ID, recs, err)
		}
		for _, ent := range recs[0].Facts.Entities {
			want[key(ent.Text)]++
		}
		for _, q := range recs[0].Facts.Quotes {
			quotes[key(q.Speaker)]++
		}
	}
	for _, c := range list {
		if c.Count != want[key(c.Name)] {
			t.Errorf("%s: count %d, want %d", c.Name, c.Count, want[key(c.Name)])
		}
	}
	if len(list) != len(want) {
		t.Errorf("%d entities listed, the facts name %d", len(list), len(want))
	}
	// A query keeps the names that contain it.
	q := []rune(list[0].Name)
	sub := string(q[:min(3, len(q))])
	some, err := b.Entities(ctx, sub, 5)
	if err != nil || len(some) == 0 || len(some) > 5 {
		t.Fatalf("entities %q: %v, %v", sub, some, err)
	}
	for _, c := range some {
		if !strings.Contains(c.Name, sub) {
			t.Errorf("%q does not contain %q", c.Name, sub)
		}
	}
	// The most quoted speaker's page shows all their quotes, newest first.
	speaker, n := "", 0
	for s, k := range quotes {
		if k > n || (k == n && s < speaker) {
			speaker, n = s, k
		}
	}
	if n == 0 {
		t.Fatal("the sample facts hold no quote")
	}
	v, err := b.Entity(ctx, speaker)
	if err != nil {
		t.Fatal(err)
	}
	if key(v.Name) != speaker || v.Articles != want[speaker] || len(v.Days) == 0 || len(v.Quotes) != n {
		t.Errorf("entity %s: %d articles, days %v, %d quotes; want %d articles and %d quotes", speaker, v.Articles, v.Days, len(v.Quotes), want[speaker], n)
	}
	for i, q := range v.Quotes {
		if key(q.Speaker) != speaker || q.Text == "" || q.Article == "" || q.Published == "" {
			t.Errorf("quote %+v", q)
		}
		if i > 0 && q.Published > v.Quotes[i-1].Published {
			t.Errorf("quotes not newest first: %s after %s", q.Published, v.Quotes[i-1].Published)
		}
	}
	if want[speaker] > 0 && len(v.Cooccurring) == 0 {
		t.Errorf("%s appears with nobody", speaker)
	}
	if _, err := b.Entity(ctx, "لا أحد بهذا الاسم"); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("unknown entity: err = %v", err)
	}
}

func TestStatsAndStories(t *testing.T) {
	b, _ := open(t)
	ctx := context.Background()
	st, err := b.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n := len(sample.Articles())
	if st.Articles != n || st.Duplicates != 1 || st.Sources != 2 || st.First != "2026-07-12" || st.Last < st.First {
		t.Errorf("stats %+v: want %d articles, 1 duplicate, 2 sources, from 2026-07-12", st, n)
	}
	if s, err := b.Stories(ctx, server.StoryFilter{Page: 1, Size: 10}); err != nil || s == nil || len(s) != 0 {
		t.Errorf("stories without a source: %v, %v; want an empty list", s, err)
	}
	if _, err := b.Story(ctx, "s1"); !errors.Is(err, server.ErrNotFound) {
		t.Errorf("story without a source: err = %v", err)
	}
}

func TestIngest(t *testing.T) {
	b, _ := open(t)
	ctx := context.Background()
	// Facets cached before the ingest must not outlive it.
	before, err := b.Search(ctx, server.SearchQuery{Q: "الجبلية", Page: 1, Size: 10})
	if err != nil || before.Total != 0 {
		t.Fatalf("before ingest: %+v, %v", before, err)
	}
	body := strings.Join([]string{
		`{"id":"new-1","source":"مرصد","published":"2026-08-01","title":"مرصد الزلازل","text":"رصد مرصد الزلازل هزة خفيفة في المنطقة الجبلية صباح اليوم."}`,
		`{"id":"new-2","source":"مرصد","published":"2026-08-02","title":"هزة ثانية","text":"سجلت محطات الرصد هزة ثانية قرب المنطقة الجبلية."}`,
		`{not json`,
		`{"id":"` + sample.Articles()[1].ID + `","text":"نص آخر لا يغير شيئا"}`,
	}, "\n")
	res, err := b.Ingest(ctx, strings.NewReader(body), server.IngestJSONLines)
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]string{}
	failed := 0
	for _, r := range res {
		if r.Status == server.IngestFailed {
			failed++
			if r.Error == "" {
				t.Errorf("failure without a reason: %+v", r)
			}
			continue
		}
		status[r.ID] = r.Status
	}
	if status["new-1"] != server.IngestAdded || status["new-2"] != server.IngestAdded ||
		status[sample.Articles()[1].ID] != server.IngestUnchanged || failed != 1 || len(res) != 4 {
		t.Errorf("results %+v", res)
	}
	// The new articles are searchable at once, with their facets.
	r, err := b.Search(ctx, server.SearchQuery{Q: "الجبلية", Page: 1, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 2 || r.Facets.Sources["مرصد"] != 2 || r.Facets.Days["2026-08-01"] != 1 {
		t.Errorf("after ingest: %d hits, facets %+v", r.Total, r.Facets)
	}

	for _, tc := range []struct{ body, ctype string }{
		{`["file:///etc/passwd"]`, server.IngestJSON},
		{`{"not":"a list"}`, server.IngestJSON},
		{`[]`, server.IngestJSON},
		{`x`, "text/plain"},
	} {
		if _, err := b.Ingest(ctx, strings.NewReader(tc.body), tc.ctype); !errors.Is(err, server.ErrBadRequest) {
			t.Errorf("ingest %s %q: err = %v, want a bad request", tc.ctype, tc.body, err)
		}
	}
}

// TestHTTP serves the real backend and reads the API as a client would.
func TestHTTP(t *testing.T) {
	b, _ := open(t)
	ts := httptest.NewServer(server.New(b, server.Options{}))
	defer ts.Close()
	get := func(path string, want int, v any) {
		t.Helper()
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != want {
			t.Fatalf("GET %s: %d %s, want %d", path, resp.StatusCode, data, want)
		}
		if v != nil {
			if err := json.Unmarshal(data, v); err != nil {
				t.Fatalf("GET %s: %v in %s", path, err, data)
			}
		}
	}
	var sr struct {
		Total int `json:"total"`
		Hits  []struct {
			ID, Snippet string
		} `json:"hits"`
		Facets struct {
			Days map[string]int `json:"days"`
		} `json:"facets"`
	}
	get("/api/search?q="+url.QueryEscape("الطاقة")+"&size=2", http.StatusOK, &sr)
	if sr.Total < 2 || len(sr.Hits) != 2 || !strings.Contains(sr.Hits[0].Snippet, "<mark>") || sum(sr.Facets.Days) != sr.Total {
		t.Fatalf("search: %+v", sr)
	}
	var av struct {
		ID    string `json:"id"`
		Text  string `json:"text"`
		Facts struct {
			Entities []json.RawMessage `json:"entities"`
		} `json:"facts"`
	}
	get("/api/articles/"+url.PathEscape(sr.Hits[0].ID), http.StatusOK, &av)
	if av.ID != sr.Hits[0].ID || av.Text == "" || len(av.Facts.Entities) == 0 {
		t.Errorf("article: %+v", av)
	}
	get("/api/articles/no-such-id", http.StatusNotFound, nil)
	get("/api/search?q="+url.QueryEscape(`"الطاقة`), http.StatusBadRequest, nil)
	get("/api/stats", http.StatusOK, nil)
	get("/articles/"+url.PathEscape(sr.Hits[0].ID), http.StatusOK, nil)
	get("/search?q="+url.QueryEscape("الطاقة"), http.StatusOK, nil)
	var el struct {
		Entities []struct{ Name string } `json:"entities"`
	}
	get("/api/entities?size=1", http.StatusOK, &el)
	if len(el.Entities) != 1 {
		t.Fatalf("entities: %+v", el)
	}
	var ev struct {
		Name     string `json:"name"`
		Articles int    `json:"articles"`
	}
	get("/api/entities/"+url.PathEscape(el.Entities[0].Name), http.StatusOK, &ev)
	if ev.Name != el.Entities[0].Name || ev.Articles == 0 {
		t.Errorf("entity: %+v", ev)
	}
	get("/entities/"+url.PathEscape(el.Entities[0].Name), http.StatusOK, nil)
	get("/search?entity="+url.QueryEscape(el.Entities[0].Name), http.StatusOK, nil)
	get("/api/entities/"+url.PathEscape("لا أحد"), http.StatusNotFound, nil)
	get("/api/stories", http.StatusOK, nil)
	get("/stories", http.StatusOK, nil)
}

// TestReadWhileIngesting reads from several goroutines while an ingest
// runs (run with -race).
func TestReadWhileIngesting(t *testing.T) {
	b, _ := open(t)
	ctx := context.Background()
	var body strings.Builder
	for i := range 200 {
		fmt.Fprintf(&body, `{"id":"n%03d","source":"مرصد","published":"2026-08-%02d","text":"اجتمع وزراء الطاقة مجددا في الاجتماع رقم %d لبحث أسعار النفط."}`+"\n", i, 1+i%28, i)
	}
	q := server.SearchQuery{Q: "الطاقة", Page: 1, Size: 5}
	before, err := b.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	errs := make(chan error, 4)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				r, err := b.Search(ctx, q)
				if err == nil && len(r.Hits) > 0 {
					_, err = b.Article(ctx, r.Hits[0].ID)
				}
				if err == nil {
					_, err = b.Entities(ctx, "", 5)
				}
				if err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	res, err := b.Ingest(ctx, strings.NewReader(body.String()), server.IngestJSONLines)
	close(stop)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error("read during ingest:", err)
	}
	if err != nil || len(res) != 200 {
		t.Fatalf("ingest: %d results, %v", len(res), err)
	}
	r, err := b.Search(ctx, server.SearchQuery{Q: "الطاقة", Source: "مرصد", Page: 1, Size: 5})
	if err != nil || r.Total != 200 || sum(r.Facets.Days) != 200 {
		t.Errorf("after ingest: %d hits, days %v, %v", r.Total, r.Facets.Days, err)
	}
	// The search the readers cached during the ingest finds the new
	// articles, in its total and its facets.
	r, err = b.Search(ctx, q)
	if err != nil || r.Total != before.Total+200 || r.Facets.Sources["مرصد"] != 200 {
		t.Errorf("cached search after ingest: %d hits (%d before), sources %v, %v", r.Total, before.Total, r.Facets.Sources, err)
	}
}

// TestIngestBodyTooLarge: the server answers 413 when Ingest returns the
// body's http.MaxBytesError.
func TestIngestBodyTooLarge(t *testing.T) {
	b, _ := open(t)
	line := `{"id":"big-%d","text":"نص طويل بما يكفي لتجاوز الحد."}` + "\n"
	var body strings.Builder
	for i := range 50 {
		fmt.Fprintf(&body, line, i)
	}
	for _, ctype := range []string{server.IngestJSONLines, server.IngestJSON} {
		rec := httptest.NewRecorder()
		r := http.MaxBytesReader(rec, io.NopCloser(strings.NewReader(body.String())), 200)
		_, err := b.Ingest(context.Background(), r, ctype)
		var tooBig *http.MaxBytesError
		if !errors.As(err, &tooBig) {
			t.Errorf("%s: err = %v, want the body's MaxBytesError", ctype, err)
		}
	}
}
