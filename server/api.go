package server

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"sort"

	"github.com/marsad/marsad/article"
)

// errorBody is the JSON of every API error.
type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"internal error"}`)
	}
	writeJSONBytes(w, status, b)
}

// writeJSONBytes answers with the JSON b (and a new line).
func writeJSONBytes(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(append(b, '\n'))
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// fail answers an API request with the status err maps to, logging
// server-side failures.
func (h *handler) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	if status >= 500 {
		h.log.ErrorContext(r.Context(), "backend failed", "path", r.URL.Path, "error", err)
	}
	writeError(w, status, msg)
}

// apiNotFound answers API requests no route takes: 405 when the path
// exists for another method, 404 otherwise.
func (h *handler) apiNotFound(w http.ResponseWriter, r *http.Request) {
	for _, m := range []string{http.MethodGet, http.MethodPost} {
		if m == r.Method {
			continue
		}
		alt := r.Clone(r.Context())
		alt.Method = m
		if _, pattern := h.mux.Handler(alt); pattern != "/api/" && pattern != "" {
			w.Header().Set("Allow", m)
			writeError(w, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed on "+r.URL.Path+"; use "+m)
			return
		}
	}
	writeError(w, http.StatusNotFound, "no such API route: "+r.Method+" "+r.URL.Path)
}

func (h *handler) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query())
	if err == nil && !q.hasCriteria() {
		err = &paramError{"q", "missing: give a query or a filter"}
	}
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res, err := h.b.Search(r.Context(), q)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	res = normalizeResult(res)
	// About 1 kB per hit with its snippet.
	if b, ok := appendSearchResult(make([]byte, 0, 2048+1024*len(res.Hits)), res); ok {
		writeJSONBytes(w, http.StatusOK, b)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// normalizeResult makes empty lists and maps encode as [] and {}.
func normalizeResult(res SearchResult) SearchResult {
	if res.Hits == nil {
		res.Hits = []Hit{}
	}
	if res.Facets.Sources == nil {
		res.Facets.Sources = map[string]int{}
	}
	if res.Facets.Days == nil {
		res.Facets.Days = map[string]int{}
	}
	if res.Facets.Entities == nil {
		res.Facets.Entities = []EntityCount{}
	}
	return res
}

// articleJSON is the JSON of GET /api/articles/{id}.
type articleJSON struct {
	ID         string        `json:"id"`
	URL        string        `json:"url"`
	Source     string        `json:"source"`
	Title      string        `json:"title"`
	Published  Date          `json:"published"`
	Text       string        `json:"text"`
	Facts      article.Facts `json:"facts"`
	Duplicates []string      `json:"duplicates"`
	Story      *StoryRef     `json:"story"`
}

func newArticleJSON(v ArticleView) articleJSON {
	a := v.Article
	f := v.Facts
	if f.Times == nil {
		f.Times = []article.Time{}
	}
	if f.Entities == nil {
		f.Entities = []article.Entity{}
	}
	if f.Quotes == nil {
		f.Quotes = []article.Quote{}
	}
	d := v.Duplicates
	if d == nil {
		d = []string{}
	}
	return articleJSON{
		ID: a.ID, URL: a.URL, Source: a.Source, Title: a.Title,
		Published: Date(a.PublishedDate()), Text: a.Text,
		Facts: f, Duplicates: d, Story: v.Story,
	}
}

func (h *handler) apiArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := validName("id", id); err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.b.Article(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newArticleJSON(v))
}

// storiesJSON is the `marsad stories --json` contract plus the page.
type storiesJSON struct {
	Stories []StorySummary `json:"stories"`
	Page    int            `json:"page"`
	Size    int            `json:"size"`
}

func (h *handler) apiStories(w http.ResponseWriter, r *http.Request) {
	f, err := parseStoryFilter(r.URL.Query())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.b.Stories(r.Context(), f)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	for i := range list {
		list[i] = normalizeStory(list[i])
	}
	if list == nil {
		list = []StorySummary{}
	}
	writeJSON(w, http.StatusOK, storiesJSON{Stories: list, Page: f.Page, Size: f.Size})
}

func normalizeStory(s StorySummary) StorySummary {
	if s.Articles == nil {
		s.Articles = []string{}
	}
	return s
}

func normalizeStoryView(v StoryView) StoryView {
	v.StorySummary = normalizeStory(v.StorySummary)
	if v.Timeline == nil {
		v.Timeline = []TimelineEntry{}
	}
	if v.Thread == nil {
		v.Thread = []StorySummary{}
	}
	for i := range v.Thread {
		v.Thread[i] = normalizeStory(v.Thread[i])
	}
	return v
}

func (h *handler) apiStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := validName("id", id); err != nil {
		h.fail(w, r, err)
		return
	}
	v, err := h.b.Story(r.Context(), id)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, normalizeStoryView(v))
}

// entitiesJSON is the JSON of GET /api/entities.
type entitiesJSON struct {
	Entities []EntityCount `json:"entities"`
}

func (h *handler) apiEntities(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	q, err := textParam(v, "q")
	if err != nil {
		h.fail(w, r, err)
		return
	}
	size, err := intParam(v, "size", DefaultPageSize, MaxPageSize)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	list, err := h.b.Entities(r.Context(), q, size)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	if len(list) > size {
		list = list[:size]
	}
	if list == nil {
		list = []EntityCount{}
	}
	writeJSON(w, http.StatusOK, entitiesJSON{Entities: list})
}

func (h *handler) entity(r *http.Request) (EntityView, error) {
	name := r.PathValue("name")
	if err := validName("name", name); err != nil {
		return EntityView{}, err
	}
	v, err := h.b.Entity(r.Context(), name)
	if err != nil {
		return v, err
	}
	if v.Days == nil {
		v.Days = map[string]int{}
	}
	if v.Cooccurring == nil {
		v.Cooccurring = []EntityCount{}
	}
	if v.Quotes == nil {
		v.Quotes = []EntityQuote{}
	}
	// Newest first, whatever order the backend used; stable keeps its
	// order within a day.
	sort.SliceStable(v.Quotes, func(i, j int) bool { return v.Quotes[i].Published > v.Quotes[j].Published })
	return v, nil
}

func (h *handler) apiEntity(w http.ResponseWriter, r *http.Request) {
	v, err := h.entity(r)
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (h *handler) apiStats(w http.ResponseWriter, r *http.Request) {
	s, err := h.b.Stats(r.Context())
	if err != nil {
		h.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

// ingestJSON is the JSON of POST /api/ingest.
type ingestJSON struct {
	Results []IngestResult `json:"results"`
}

func (h *handler) apiIngest(w http.ResponseWriter, r *http.Request) {
	ct, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		ct = ""
	}
	switch ct {
	case IngestJSONLines, "application/jsonl", "application/jsonlines", "application/x-jsonlines":
		ct = IngestJSONLines
	case IngestJSON:
	default:
		writeError(w, http.StatusUnsupportedMediaType,
			"Content-Type must be "+IngestJSONLines+" (articles) or "+IngestJSON+" (a list of feed URLs)")
		return
	}
	body := http.MaxBytesReader(w, r.Body, MaxIngestBody)
	res, err := h.b.Ingest(r.Context(), body, ct)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, "body too large")
			return
		}
		h.fail(w, r, err)
		return
	}
	if res == nil {
		res = []IngestResult{}
	}
	writeJSON(w, http.StatusOK, ingestJSON{Results: res})
}
