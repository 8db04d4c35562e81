package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// get serves one request and returns the recorder.
func do(t *testing.T, h http.Handler, method, target string, body io.Reader, hdr map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, body)
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func get(t *testing.T, h http.Handler, target string) *httptest.ResponseRecorder {
	t.Helper()
	return do(t, h, http.MethodGet, target, nil, nil)
}

// decode parses a JSON response into a generic map, failing on anything
// but a JSON object.
func decode(t *testing.T, w *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Fatalf("Content-Type = %q, want JSON; body %s", ct, w.Body)
	}
	var m map[string]any
	if err := json.Unmarshal(w.Body.Bytes(), &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, w.Body)
	}
	return m
}

// keys returns the sorted keys of a JSON object.
func keys(m any) []string {
	obj, _ := m.(map[string]any)
	var ks []string
	for k := range obj {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func hasKeys(t *testing.T, what string, m any, want ...string) {
	t.Helper()
	got := keys(m)
	for _, k := range want {
		if !slices.Contains(got, k) {
			t.Errorf("%s: key %q missing; keys %v", what, k, got)
		}
	}
}

func newTestServer(b Backend) http.Handler {
	return New(b, Options{})
}

func TestAPISearch(t *testing.T) {
	h := newTestServer(newFakeBackend())
	w := get(t, h, "/api/search?q="+url.QueryEscape("الحوار"))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	m := decode(t, w)
	hasKeys(t, "search", m, "total", "hits", "facets")
	hits := m["hits"].([]any)
	if len(hits) == 0 || m["total"].(float64) != float64(4) {
		t.Fatalf("total %v, %d hits; want 4 (both 2021 copies, 2024 and xss)", m["total"], len(hits))
	}
	for _, hit := range hits {
		hasKeys(t, "hit", hit, "id", "score", "published", "source", "title", "snippet")
	}
	hasKeys(t, "facets", m["facets"], "sources", "days", "entities")
	facets := m["facets"].(map[string]any)
	if n := facets["sources"].(map[string]any)["وكالة المرصد"]; n != float64(2) {
		t.Errorf("facet sources[وكالة المرصد] = %v, want 2", n)
	}
	if n := facets["days"].(map[string]any)["2021-03-19"]; n != float64(2) {
		t.Errorf("facet days[2021-03-19] = %v, want 2", n)
	}
}

func TestAPISearchPassesQuery(t *testing.T) {
	b := newFakeBackend()
	h := newTestServer(b)
	w := get(t, h, "/api/search?q=+%D8%A8%D9%88%D8%AA%D9%8A%D9%86+&from=2021-01-01&to=2021-12-31&source=x&entity=y&sort=date&page=2&size=7")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	want := SearchQuery{Q: "بوتين", From: "2021-01-01", To: "2021-12-31", Source: "x", Entity: "y", Sort: SortDate, Page: 2, Size: 7}
	if b.lastQ != want {
		t.Errorf("backend got %+v, want %+v", b.lastQ, want)
	}
	get(t, h, "/api/search?q=x")
	if b.lastQ.Page != 1 || b.lastQ.Size != DefaultPageSize || b.lastQ.Sort != SortRelevance {
		t.Errorf("defaults: got %+v", b.lastQ)
	}
}

func TestAPISearchBadParams(t *testing.T) {
	h := newTestServer(newFakeBackend())
	for _, tc := range []struct{ name, query string }{
		{"no query or filter", ""},
		{"blank query", "q=+++"},
		{"page zero", "q=x&page=0"},
		{"page negative", "q=x&page=-1"},
		{"page not a number", "q=x&page=abc"},
		{"page too deep", "q=x&page=1001"},
		{"size zero", "q=x&size=0"},
		{"size too big", "q=x&size=101"},
		{"bad from", "q=x&from=2021-13-01"},
		{"from not a date", "q=x&from=yesterday"},
		{"to after from", "q=x&from=2022-01-01&to=2021-01-01"},
		{"bad sort", "q=x&sort=random"},
		{"invalid UTF-8", "q=%ff%fe"},
		{"too long", "q=" + strings.Repeat("%D8%A7", maxQueryRunes+1)},
		{"backend refuses", "q=" + url.QueryEscape(`"الحوار`)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, h, "/api/search?"+tc.query)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", w.Code, w.Body)
			}
			m := decode(t, w)
			if msg, _ := m["error"].(string); msg == "" {
				t.Errorf("no error message: %s", w.Body)
			}
		})
	}
}

func TestAPISearchPagination(t *testing.T) {
	h := newTestServer(newFakeBackend())
	var seen []string
	total := -1.0
	for page := 1; page <= 5; page++ {
		w := get(t, h, "/api/search?q="+url.QueryEscape("الحوار")+"&size=1&sort=date&page="+string(rune('0'+page)))
		m := decode(t, w)
		if total >= 0 && m["total"] != total {
			t.Errorf("page %d: total %v changed from %v", page, m["total"], total)
		}
		total = m["total"].(float64)
		for _, hit := range m["hits"].([]any) {
			seen = append(seen, hit.(map[string]any)["id"].(string))
		}
	}
	if len(seen) != int(total) {
		t.Fatalf("paged through %d hits %v, total %v", len(seen), seen, total)
	}
	uniq := slices.Compact(slices.Sorted(slices.Values(seen)))
	if len(uniq) != len(seen) {
		t.Errorf("a hit appeared on two pages: %v", seen)
	}
	// Past the last page: an empty list, not null.
	w := get(t, h, "/api/search?q="+url.QueryEscape("الحوار")+"&page=9")
	if !strings.Contains(w.Body.String(), `"hits":[]`) {
		t.Errorf("page past the end: %s", w.Body)
	}
}

func TestAPIErrors(t *testing.T) {
	b := newFakeBackend()
	b.err = errors.New("disk on fire at /secret/path")
	h := newTestServer(b)
	w := get(t, h, "/api/stats")
	if w.Code != http.StatusInternalServerError {
		t.Fatalf("status %d, want 500", w.Code)
	}
	if m := decode(t, w); m["error"] != "internal error" {
		t.Errorf("error %q leaks or is missing", m["error"])
	}

	h = newTestServer(newFakeBackend())
	for _, tc := range []struct {
		method, target string
		want           int
	}{
		{"GET", "/api/nothing", http.StatusNotFound},
		{"GET", "/api/articles/nope", http.StatusNotFound},
		{"GET", "/api/stories/nope", http.StatusNotFound},
		{"GET", "/api/entities/" + url.PathEscape("لا أحد"), http.StatusNotFound},
		{"GET", "/api/articles/%ff", http.StatusBadRequest},
		{"DELETE", "/api/stats", http.StatusMethodNotAllowed},
		{"POST", "/api/search", http.StatusMethodNotAllowed},
		{"GET", "/api/ingest", http.StatusMethodNotAllowed},
		{"POST", "/api/nothing", http.StatusNotFound},
	} {
		w := do(t, h, tc.method, tc.target, nil, nil)
		if w.Code != tc.want {
			t.Errorf("%s %s: status %d, want %d: %s", tc.method, tc.target, w.Code, tc.want, w.Body)
			continue
		}
		if m := decode(t, w); m["error"] == "" || m["error"] == nil {
			t.Errorf("%s %s: no error message", tc.method, tc.target)
		}
	}
}

func TestAPIArticle(t *testing.T) {
	h := newTestServer(newFakeBackend())
	w := get(t, h, "/api/articles/krem-2021")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	m := decode(t, w)
	hasKeys(t, "article", m, "id", "url", "source", "title", "published", "text", "facts", "duplicates", "story")
	if m["published"] != "2021-03-19" || m["text"] != text2021 {
		t.Errorf("published %v, text %.40v…", m["published"], m["text"])
	}
	facts := m["facts"].(map[string]any)
	hasKeys(t, "facts", facts, "times", "entities", "quotes")
	tm := facts["times"].([]any)[1].(map[string]any)
	hasKeys(t, "time", tm, "text", "value", "start", "end")
	if tm["value"] != "2021-03-18" {
		t.Errorf("time value %v", tm["value"])
	}
	ent := facts["entities"].([]any)[2].(map[string]any)
	if ent["text"] != "الكرملين" || ent["type"] != "ORG" {
		t.Errorf("entity %v", ent)
	}
	if in := ent["mentions"].([]any)[1].(map[string]any)["in"]; in != "title" {
		t.Errorf("title mention in = %v", in)
	}
	hasKeys(t, "quote", facts["quotes"].([]any)[0], "speaker", "verb", "text", "direct", "start", "end")
	if d := m["duplicates"].([]any); len(d) != 1 || d[0] != "krem-2021-copy" {
		t.Errorf("duplicates %v", d)
	}
	hasKeys(t, "story", m["story"], "id", "title", "thread")

	// No facts, no story: empty lists and null, never missing.
	w = get(t, h, "/api/articles/cairo-rain")
	m = decode(t, w)
	if m["story"] != nil || len(m["duplicates"].([]any)) != 0 || m["facts"].(map[string]any)["quotes"] == nil {
		t.Errorf("empty parts: %s", w.Body)
	}
}

func TestAPIStories(t *testing.T) {
	h := newTestServer(newFakeBackend())
	w := get(t, h, "/api/stories")
	m := decode(t, w)
	stories := m["stories"].([]any)
	if len(stories) != 3 {
		t.Fatalf("%d stories: %s", len(stories), w.Body)
	}
	for _, s := range stories {
		hasKeys(t, "story", s, "id", "title", "articles", "first", "last", "thread")
	}
	if id := stories[0].(map[string]any)["id"]; id != "s-rain" {
		t.Errorf("first story %v, want the newest", id)
	}
	w = get(t, h, "/api/stories?size=1&page=2")
	if s := decode(t, w)["stories"].([]any); len(s) != 1 || s[0].(map[string]any)["id"] != "s-2024" {
		t.Errorf("page 2 of size 1: %s", w.Body)
	}
	if w := get(t, h, "/api/stories?size=0"); w.Code != http.StatusBadRequest {
		t.Errorf("size=0: status %d", w.Code)
	}

	w = get(t, h, "/api/stories/s-2021")
	if w.Code != http.StatusOK {
		t.Fatalf("story: status %d", w.Code)
	}
	m = decode(t, w)
	hasKeys(t, "story view", m, "id", "title", "articles", "first", "last", "thread", "timeline", "thread_stories")
	tl := m["timeline"].([]any)
	if len(tl) != 2 {
		t.Fatalf("timeline %v", tl)
	}
	hasKeys(t, "timeline entry", tl[0], "date", "source", "headline", "quote", "article")
	if th := m["thread_stories"].([]any); len(th) != 1 || th[0].(map[string]any)["id"] != "s-2024" {
		t.Errorf("thread %v", th)
	}
}

func TestAPIStoriesFilter(t *testing.T) {
	b := newFakeBackend()
	h := newTestServer(b)
	ids := func(query string) []string {
		t.Helper()
		w := get(t, h, "/api/stories?"+query)
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", query, w.Code, w.Body)
		}
		var out []string
		for _, s := range decode(t, w)["stories"].([]any) {
			out = append(out, s.(map[string]any)["id"].(string))
		}
		return out
	}
	for _, tc := range []struct {
		query string
		want  []string
	}{
		{"from=2024-01-01", []string{"s-rain", "s-2024"}},
		{"to=2021-03-19", []string{"s-2021"}},
		{"to=2021-03-18", nil},
		{"from=2021-03-19&to=2021-03-19", []string{"s-2021"}},
		{"from=2024-11-13&to=2024-11-13", []string{"s-2024"}},
		{"from=+2024-11-14+", []string{"s-rain"}},
		{"min=2", []string{"s-2021"}},
		{"from=2021-01-01&to=2024-12-31&min=1", []string{"s-rain", "s-2024", "s-2021"}},
	} {
		if got := ids(tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%s: stories %v, want %v", tc.query, got, tc.want)
		}
	}
	get(t, h, "/api/stories?q=x&entity=y&from=2021-01-01&to=2021-12-31&min=3&page=2&size=7")
	want := StoryFilter{Q: "x", Entity: "y", From: "2021-01-01", To: "2021-12-31", MinArticles: 3, Page: 2, Size: 7}
	if b.lastF != want {
		t.Errorf("backend got %+v, want %+v", b.lastF, want)
	}
	get(t, h, "/api/stories")
	if want := (StoryFilter{MinArticles: 1, Page: 1, Size: DefaultPageSize}); b.lastF != want {
		t.Errorf("defaults: backend got %+v, want %+v", b.lastF, want)
	}
}

func TestAPIStoriesBadParams(t *testing.T) {
	h := newTestServer(newFakeBackend())
	for _, tc := range []struct{ name, query, param string }{
		{"from not a date", "from=yesterday", "from"},
		{"from bad month", "from=2024-13-01", "from"},
		{"from bad day", "from=2024-02-30", "from"},
		{"from without day", "from=2024-11", "from"},
		{"to not a date", "to=2024/11/13", "to"},
		{"to after from", "from=2024-11-14&to=2024-11-13", "from"},
		{"min zero", "min=0", "min"},
		{"min negative", "min=-2", "min"},
		{"min not a number", "min=two", "min"},
		{"min too big", "min=" + strconv.Itoa(MaxStoryMin+1), "min"},
		{"size zero", "size=0", "size"},
		{"page too deep", "page=1001", "page"},
		{"entity invalid UTF-8", "entity=%ff", "entity"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := get(t, h, "/api/stories?"+tc.query)
			if w.Code != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", w.Code, w.Body)
			}
			if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("Content-Type %q", ct)
			}
			if msg, _ := decode(t, w)["error"].(string); !strings.HasPrefix(msg, tc.param+": ") {
				t.Errorf("error %q does not name %s", msg, tc.param)
			}
		})
	}
}

func TestAPIEntities(t *testing.T) {
	h := newTestServer(newFakeBackend())
	m := decode(t, get(t, h, "/api/entities?q="+url.QueryEscape("بيسكوف")))
	list := m["entities"].([]any)
	if len(list) != 1 {
		t.Fatalf("entities %v", list)
	}
	hasKeys(t, "entity count", list[0], "name", "type", "count")
	if n := len(decode(t, get(t, h, "/api/entities?size=2"))["entities"].([]any)); n != 2 {
		t.Errorf("size=2 gave %d", n)
	}
	if w := get(t, h, "/api/entities?size=x"); w.Code != http.StatusBadRequest {
		t.Errorf("size=x: %d", w.Code)
	}

	w := get(t, h, "/api/entities/"+url.PathEscape("دميتري بيسكوف"))
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	m = decode(t, w)
	hasKeys(t, "entity", m, "name", "type", "articles", "days", "cooccurring", "quotes")
	quotes := m["quotes"].([]any)
	if len(quotes) != 3 {
		t.Fatalf("%d quotes", len(quotes))
	}
	var dates []string
	for _, q := range quotes {
		hasKeys(t, "quote", q, "speaker", "verb", "text", "direct", "article", "published", "source", "title")
		dates = append(dates, q.(map[string]any)["published"].(string))
	}
	if !slices.IsSortedFunc(dates, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("quotes not newest first: %v", dates)
	}
}

func TestAPIStats(t *testing.T) {
	h := newTestServer(newFakeBackend())
	m := decode(t, get(t, h, "/api/stats"))
	if got := keys(m); !slices.Equal(got, []string{"articles", "duplicates", "first", "last", "sources"}) {
		t.Errorf("stats keys %v", got)
	}
	if m["articles"] != float64(5) || m["duplicates"] != float64(1) || m["first"] != "2021-03-19" || m["last"] != "2024-11-15" {
		t.Errorf("stats %v", m)
	}
	// An empty collection: dates are null.
	if b, _ := json.Marshal(Stats{}); string(b) != `{"articles":0,"duplicates":0,"sources":0,"first":null,"last":null}` {
		t.Errorf("empty stats %s", b)
	}
}

func TestAPIIngest(t *testing.T) {
	b := newFakeBackend()
	h := newTestServer(b)
	body := `{"id":"new-1","title":"عنوان","text":"نص جديد عن الحوار"}` + "\n" + `{"id":"krem-2021","text":"x"}` + "\n"
	for _, ct := range []string{"application/x-ndjson", "application/jsonl; charset=utf-8"} {
		b.ingested = nil
		w := do(t, h, "POST", "/api/ingest", strings.NewReader(body), map[string]string{"Content-Type": ct})
		if w.Code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", ct, w.Code, w.Body)
		}
		res := decode(t, w)["results"].([]any)
		if len(res) != 2 {
			t.Fatalf("results %v", res)
		}
		hasKeys(t, "result", res[0], "id", "status")
		if res[1].(map[string]any)["status"] != IngestUnchanged {
			t.Errorf("re-ingest: %v", res[1])
		}
	}
	w := do(t, h, "POST", "/api/ingest", strings.NewReader(`["https://a.example/feed.xml"]`), map[string]string{"Content-Type": "application/json"})
	if w.Code != http.StatusOK || len(decode(t, w)["results"].([]any)) != 1 {
		t.Errorf("feed list: %d %s", w.Code, w.Body)
	}
	for _, tc := range []struct {
		ct, body string
		want     int
	}{
		{"text/html", body, http.StatusUnsupportedMediaType},
		{"", body, http.StatusUnsupportedMediaType},
		{"application/x-ndjson", "{not json\n", http.StatusBadRequest},
		{"application/json", `{"not":"a list"}`, http.StatusBadRequest},
	} {
		w := do(t, h, "POST", "/api/ingest", strings.NewReader(tc.body), map[string]string{"Content-Type": tc.ct})
		if w.Code != tc.want {
			t.Errorf("%q: status %d, want %d: %s", tc.ct, w.Code, tc.want, w.Body)
		}
		decode(t, w)
	}
	if w := get(t, h, "/api/ingest"); w.Code == http.StatusOK {
		t.Errorf("GET /api/ingest succeeded")
	}
}

func TestTimeout(t *testing.T) {
	b := newFakeBackend()
	b.delay = 5 * time.Second
	h := New(b, Options{Timeout: 30 * time.Millisecond})
	w := get(t, h, "/api/search?q=x")
	if w.Code != http.StatusServiceUnavailable {
		t.Fatalf("status %d, want 503", w.Code)
	}
	if m := decode(t, w); m["error"] == nil {
		t.Errorf("no error: %s", w.Body)
	}
	w = get(t, h, "/search?q=x")
	if w.Code != http.StatusServiceUnavailable {
		t.Errorf("page: status %d, want 503", w.Code)
	}
}

func TestTokenRule(t *testing.T) {
	const token = "s3cret-ت"
	h := New(newFakeBackend(), Options{Token: token})
	bearer := map[string]string{"Authorization": "Bearer " + token}

	for _, target := range []string{"/api/stats", "/", "/static/style.css", "/articles/krem-2021"} {
		if w := get(t, h, target); w.Code != http.StatusUnauthorized {
			t.Errorf("%s without token: %d", target, w.Code)
		} else if decode(t, w)["error"] == nil {
			t.Errorf("%s: no JSON error", target)
		}
		if w := do(t, h, "GET", target, nil, bearer); w.Code != http.StatusOK {
			t.Errorf("%s with bearer: %d", target, w.Code)
		}
	}
	for _, hdr := range []string{"Bearer wrong", "Bearer ", "Basic " + token, token} {
		if w := do(t, h, "GET", "/api/stats", nil, map[string]string{"Authorization": hdr}); w.Code != http.StatusUnauthorized {
			t.Errorf("Authorization %q: %d", hdr, w.Code)
		}
	}
	if w := get(t, h, "/api/stats?token=wrong"); w.Code != http.StatusUnauthorized {
		t.Errorf("wrong ?token: %d", w.Code)
	}

	// ?token= once on a page: a cookie, and a redirect to the address
	// without the token.
	w := get(t, h, "/search?q="+url.QueryEscape("الحوار")+"&token="+url.QueryEscape(token))
	if w.Code != http.StatusSeeOther {
		t.Fatalf("?token on a page: %d", w.Code)
	}
	loc := w.Header().Get("Location")
	if strings.Contains(loc, "token") || !strings.HasPrefix(loc, "/search?") {
		t.Errorf("redirect to %q", loc)
	}
	cookies := w.Result().Cookies()
	if len(cookies) != 1 || !cookies[0].HttpOnly || strings.Contains(cookies[0].Value, token) {
		t.Fatalf("cookies %v", cookies)
	}
	r := httptest.NewRequest("GET", loc, nil)
	r.AddCookie(cookies[0])
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Errorf("with the cookie: %d", w.Code)
	}
	r = httptest.NewRequest("GET", "/api/stats", nil)
	r.AddCookie(&http.Cookie{Name: tokenCookie, Value: "forged"})
	w = httptest.NewRecorder()
	h.ServeHTTP(w, r)
	if w.Code != http.StatusUnauthorized {
		t.Errorf("forged cookie: %d", w.Code)
	}
	w = get(t, h, "//evil.example/x?token="+url.QueryEscape(token))
	if loc := w.Header().Get("Location"); w.Code != http.StatusSeeOther || strings.HasPrefix(loc, "//") {
		t.Errorf("redirect from //evil.example/x to %q", loc)
	}
	// ?token= on the API answers directly.
	if w := get(t, h, "/api/stats?token="+url.QueryEscape(token)); w.Code != http.StatusOK {
		t.Errorf("?token on the API: %d", w.Code)
	}

	// No token configured: no check.
	if w := get(t, newTestServer(newFakeBackend()), "/api/stats"); w.Code != http.StatusOK {
		t.Errorf("without a token configured: %d", w.Code)
	}
}

func TestCheckBind(t *testing.T) {
	for _, tc := range []struct {
		addr, token string
		ok          bool
	}{
		{"127.0.0.1:8080", "", true},
		{"127.0.0.2:8080", "", true},
		{"localhost:8080", "", true},
		{"[::1]:8080", "", true},
		{DefaultAddr, "", true},
		{":8080", "", false},
		{"0.0.0.0:8080", "", false},
		{"[::]:8080", "", false},
		{"192.168.1.10:80", "", false},
		{"example.org:80", "", false},
		{":8080", "t", true},
		{"0.0.0.0:8080", "t", true},
		{"no-port", "t", false},
	} {
		err := CheckBind(tc.addr, tc.token)
		if (err == nil) != tc.ok {
			t.Errorf("CheckBind(%q, %q) = %v, want ok=%v", tc.addr, tc.token, err, tc.ok)
		}
	}
}

func TestServeGracefulShutdown(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, newTestServer(newFakeBackend()), nil) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status %d", resp.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return after cancel")
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/api/stats"); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestRequestLog(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	h := New(newFakeBackend(), Options{Logger: log, Token: "tok"})
	get(t, h, "/api/articles/nope?token=tok")
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatalf("log %q: %v", buf.String(), err)
	}
	if rec["msg"] != "request" || rec["path"] != "/api/articles/nope" || rec["status"] != float64(404) || rec["method"] != "GET" {
		t.Errorf("log record %v", rec)
	}
	if strings.Contains(buf.String(), "tok&") || strings.Contains(buf.String(), "token=tok") {
		t.Errorf("token in the log: %s", buf.String())
	}
}

// page fetches an HTML page and checks the layout every page shares.
func page(t *testing.T, h http.Handler, target string, want int) string {
	t.Helper()
	w := get(t, h, target)
	if w.Code != want {
		t.Fatalf("%s: status %d, want %d", target, w.Code, want)
	}
	if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
		t.Fatalf("%s: Content-Type %q", target, ct)
	}
	body := w.Body.String()
	for _, s := range []string{`<html lang="ar" dir="rtl">`, `name="viewport"`, `/static/style.css`, `<meta charset="utf-8">`} {
		if !strings.Contains(body, s) {
			t.Errorf("%s: page lacks %s", target, s)
		}
	}
	return body
}

func mustContain(t *testing.T, what, body string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(body, s) {
			t.Errorf("%s lacks %q", what, s)
		}
	}
}

func TestPages(t *testing.T) {
	h := newTestServer(newFakeBackend())

	home := page(t, h, "/", http.StatusOK)
	mustContain(t, "home", home, `name="q"`, `<b>5</b>`, "/stories/s-rain")
	if strings.Index(home, `name="q"`) > strings.Index(home, "<b>5</b>") {
		t.Error("home: the query box is not first")
	}

	search := page(t, h, "/search?q="+url.QueryEscape("الحوار"), http.StatusOK)
	mustContain(t, "search", search,
		`value="الحوار"`,
		`<mark>حوار</mark>`,          // highlighted snippet
		`href="/articles/krem-2021"`, // hits link to articles
		`<svg`, `<rect class="bar"`,  // per-day histogram
		`وكالة المرصد</a> <span class="n">2</span>`, // source facet
		`دميتري بيسكوف</a>`)                         // entity facet

	empty := page(t, h, "/search", http.StatusOK)
	if strings.Contains(empty, `class="hits"`) || strings.Contains(empty, "نتيجة") {
		t.Error("empty search page shows results")
	}
	bad := page(t, h, "/search?q=x&from=2021-02-30", http.StatusBadRequest)
	mustContain(t, "bad search page", bad, "from: must be a date")

	art := page(t, h, "/articles/krem-2021", http.StatusOK)
	mustContain(t, "article", art,
		`<mark class="ent per" title="دميتري بيسكوف · شخص" data-href="/entities/%D8%AF`,
		`<mark class="ent org"`, `<mark class="ent loc"`,
		`<time class="date" title="2021-03-18" datetime="2021-03-18">أمس الخميس</time>`,
		`class="quote direct first" data-speaker="دميتري بيسكوف"`,
		`href="/articles/krem-2021-copy"`, `href="/stories/s-2021"`,
		`<h1 class="title"><mark class="ent org"`) // facts in the title too
	art24 := page(t, h, "/articles/krem-2024", http.StatusOK)
	mustContain(t, "article 2024", art24, `<time class="date" title="2025-01" datetime="2025-01">يناير المقبل</time>`)

	page(t, h, "/articles/nope", http.StatusNotFound)
	page(t, h, "/stories/nope", http.StatusNotFound)
	page(t, h, "/entities/"+url.PathEscape("لا أحد"), http.StatusNotFound)
	page(t, h, "/no/such/page", http.StatusNotFound)

	stories := page(t, h, "/stories", http.StatusOK)
	mustContain(t, "stories", stories, `href="/stories/s-2021"`, `href="/stories/s-rain"`)
	page(t, h, "/stories?page=0", http.StatusBadRequest)
	dated := page(t, h, "/stories?from=2024-01-01&to=2024-11-13&size=1", http.StatusOK)
	mustContain(t, "stories by date", dated, `href="/stories/s-2024"`,
		`name="from" value="2024-01-01"`, `name="to" value="2024-11-13"`, `<details class="filters" open>`)
	if strings.Contains(dated, `href="/stories/s-2021"`) || strings.Contains(dated, `href="/stories/s-rain"`) {
		t.Error("stories by date: a story outside the dates is listed")
	}
	page(t, h, "/stories?from=2024-11-14&to=2024-11-13", http.StatusBadRequest)
	paged := page(t, h, "/stories?from=2021-01-01&min=1&size=1", http.StatusOK)
	mustContain(t, "stories pager", paged, `href="/stories?from=2021-01-01&amp;page=2&amp;size=1"`)

	story := page(t, h, "/stories/s-2021", http.StatusOK)
	mustContain(t, "story", story, `class="timeline"`, `datetime="2021-03-19"`, `19 مارس 2021`,
		`href="/articles/krem-2021-copy"`, `صحيفة الساحل`, `تأمل دائماً في الأفضل وتستعد للأسوأ`, `href="/stories/s-2024"`)

	ent := page(t, h, "/entities/"+url.PathEscape("دميتري بيسكوف"), http.StatusOK)
	mustContain(t, "entity", ent, `<svg`, `<rect class="bar"`, `فلاديمير بوتين</a>`, `href="/articles/krem-2024"`)
	if i, j := strings.Index(ent, "العلاقات وصلت"), strings.Index(ent, "تأمل دائماً"); i < 0 || j < 0 || i > j {
		t.Errorf("entity page: 2024 quote not before 2021 quote (%d, %d)", i, j)
	}

	ents := page(t, h, "/entities?q="+url.QueryEscape("بوتين"), http.StatusOK)
	mustContain(t, "entities", ents, `href="/entities/%D9%81`)
}

func TestSearchPagePager(t *testing.T) {
	h := newTestServer(newFakeBackend())
	p1 := page(t, h, "/search?q="+url.QueryEscape("الحوار")+"&size=2", http.StatusOK)
	mustContain(t, "page 1", p1, `rel="next" href="/search?page=2&amp;q=`)
	if strings.Contains(p1, `rel="prev"`) {
		t.Error("page 1 has a previous link")
	}
	p2 := page(t, h, "/search?q="+url.QueryEscape("الحوار")+"&size=2&page=2", http.StatusOK)
	mustContain(t, "page 2", p2, `rel="prev"`)
	if strings.Contains(p2, `rel="next"`) {
		t.Error("last page has a next link")
	}
}

func TestXSSInert(t *testing.T) {
	h := newTestServer(newFakeBackend())
	for _, target := range []string{
		"/articles/xss",
		"/search?q=" + url.QueryEscape("الحوار"),
		"/search?q=" + url.QueryEscape("<script>alert(1)</script>"),
		"/entities/" + url.PathEscape("<i>علم</i>"),
		"/search?source=" + url.QueryEscape("<b>مصدر</b>"),
	} {
		body := get(t, h, target).Body.String()
		for _, bad := range []string{"<script>alert", "<script>document", "<img src=x", "<i>علم", "<b>مصدر", `"javascript:`} {
			if strings.Contains(body, bad) {
				t.Errorf("%s: raw %q in the page", target, bad)
			}
		}
	}
	art := get(t, h, "/articles/xss").Body.String()
	mustContain(t, "xss article", art,
		`&lt;script&gt;alert(&#34;t&#34;)&lt;/script&gt; عنوان`,
		`&lt;img src=x onerror=alert(1)&gt;`,
		`&amp; غيره`)
	// The API returns the text as data, unchanged.
	m := decode(t, get(t, h, "/api/articles/xss"))
	if m["title"] != titleXSS || m["text"] != textXSS {
		t.Errorf("API changed the text: %v", m["title"])
	}
}

func TestStatic(t *testing.T) {
	h := newTestServer(newFakeBackend())
	css := get(t, h, "/static/style.css")
	if css.Code != http.StatusOK || !strings.Contains(css.Body.String(), `"Noto Naskh Arabic", Amiri, Tahoma, serif`) {
		t.Errorf("style.css: %d", css.Code)
	}
	if js := get(t, h, "/static/app.js"); js.Code != http.StatusOK || !strings.Contains(js.Header().Get("Content-Type"), "javascript") {
		t.Errorf("app.js: %d %s", js.Code, js.Header().Get("Content-Type"))
	}
	if w := get(t, h, "/static/nope.js"); w.Code != http.StatusNotFound {
		t.Errorf("missing static file: %d", w.Code)
	}
	if csp := css.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
}

func TestDisplayDate(t *testing.T) {
	for in, want := range map[Date]string{
		"2021-03-19": "19 مارس 2021",
		"2025-01":    "يناير 2025",
		"2024":       "2024",
		"":           "",
	} {
		if got := displayDate(in); got != want {
			t.Errorf("displayDate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestChart(t *testing.T) {
	if newChart(nil) != nil || newChart(map[string]int{"bad": 3}) != nil {
		t.Error("chart of nothing")
	}
	c := newChart(map[string]int{"2021-03-18": 1, "2021-03-20": 4})
	if c.Unit != "day" || len(c.Bars) != 3 || c.Bars[1].Count != 0 || c.Max != 4 || c.First != "2021-03-18" || c.Last != "2021-03-20" {
		t.Errorf("daily chart %+v", c)
	}
	if c.Bars[2].H != chartHeight || c.Bars[0].H != chartHeight/4 {
		t.Errorf("bar heights %v %v", c.Bars[0].H, c.Bars[2].H)
	}
	c = newChart(map[string]int{"2021-03-19": 2, "2024-11-13": 3, "2024-11-14": 1})
	if c.Unit != "month" || c.First != "2021-03" || c.Last != "2024-11" || c.Bars[len(c.Bars)-1].Count != 4 {
		t.Errorf("monthly chart %s %s %s", c.Unit, c.First, c.Last)
	}
	if b := c.Bars[0]; b.From != "2021-03-01" || b.To != "2021-03-31" {
		t.Errorf("month bucket %s..%s", b.From, b.To)
	}
	c = newChart(map[string]int{"1990-01-01": 1, "2024-11-13": 3})
	if c.Unit != "year" || len(c.Bars) != 35 {
		t.Errorf("yearly chart %s, %d bars", c.Unit, len(c.Bars))
	}
}

// FuzzParseSearch checks that any query string parses without panic, and
// that a valid query survives the round trip through its link.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{"q=الحوار&from=2021-01-01&to=2021-12-31&sort=date&page=2&size=7",
		"q=%ff", "page=-1", "source=a&source=b", "q=+&entity=x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		q, err := parseSearch(v)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("parseSearch(%q): error %v is not a bad request", raw, err)
			}
			return
		}
		back, err := parseSearch(q.values())
		if err != nil || back != q {
			t.Fatalf("round trip of %q: %+v, %v; want %+v", raw, back, err, q)
		}
	})
}

// FuzzParseStoryFilter checks that any query string parses without panic,
// and that a valid filter survives the round trip through its link.
func FuzzParseStoryFilter(f *testing.F) {
	for _, s := range []string{"q=القمة&entity=مرعي&from=2026-07-16&to=2026-07-17&min=2&page=2&size=7",
		"from=2026-02-30", "to=2026-07-17&from=2026-07-18", "min=0", "min=+3+", "entity=%ff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		sf, err := parseStoryFilter(v)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("parseStoryFilter(%q): error %v is not a bad request", raw, err)
			}
			return
		}
		back, err := parseStoryFilter(sf.values())
		if err != nil || back != sf {
			t.Fatalf("round trip of %q: %+v, %v; want %+v", raw, back, err, sf)
		}
	})
}
