package server

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/marsad/marsad/article"
)

//go:embed web/templates/*.html
var templateFS embed.FS

//go:embed web/static
var staticFiles embed.FS

// pageFiles are the pages, each rendered inside web/templates/layout.html.
var pageFiles = []string{"home", "search", "article", "stories", "story", "entities", "entity", "error"}

// arabicMonths are the month names used in dates shown to readers.
var arabicMonths = [...]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو",
	"يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

func staticFS() fs.FS {
	sub, err := fs.Sub(staticFiles, "web/static")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	return sub
}

func staticHandler(fsys fs.FS) http.Handler {
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// mustParsePages parses every page with the layout. The templates are
// embedded, so an error is a programming error caught by any test.
func mustParsePages() map[string]*template.Template {
	funcs := template.FuncMap{
		"date":        displayDate,
		"entityPath":  entityPath,
		"entityClass": entityClass,
		"typeName":    func(t string) string { return typeNames[t] },
		"storyPath":   func(id string) string { return "/stories/" + url.PathEscape(id) },
		"articlePath": func(id string) string { return "/articles/" + url.PathEscape(id) },
		"snippet":     safeSnippet,
		"searchWith":  searchWith,
		"vague":       func(v string) string { return vagueTimes[v] },
		"searchRange": searchRange,
		"chartArgs": func(c *chart, q SearchQuery, link bool) chartArgs {
			return chartArgs{C: c, Q: q, Link: link}
		},
	}
	pages := make(map[string]*template.Template, len(pageFiles))
	for _, p := range pageFiles {
		t := template.Must(template.New(p).Funcs(funcs).ParseFS(templateFS,
			"web/templates/layout.html", "web/templates/"+p+".html"))
		pages[p] = t
	}
	return pages
}

// displayDate shows YYYY-MM-DD (or YYYY-MM) as "19 مارس 2021".
func displayDate(d Date) string {
	s := string(d)
	if t, err := time.Parse(article.DateLayout, s); err == nil {
		return fmt.Sprintf("%d %s %d", t.Day(), arabicMonths[t.Month()-1], t.Year())
	}
	if t, err := time.Parse("2006-01", s); err == nil {
		return fmt.Sprintf("%s %d", arabicMonths[t.Month()-1], t.Year())
	}
	return s
}

// searchWith returns the address of the search q with one parameter
// changed (value "" removes it), back on page 1 unless "page" is changed.
func searchWith(q SearchQuery, key, value string) string {
	v := q.values()
	v.Del("page")
	if value == "" {
		v.Del(key)
	} else {
		v.Set(key, value)
	}
	return "/search?" + v.Encode()
}

// searchRange returns the address of the search q narrowed to the dates
// from..to, on page 1.
func searchRange(q SearchQuery, from, to string) string {
	q.From, q.To, q.Page = from, to, 1
	return "/search?" + q.values().Encode()
}

// chartArgs are the arguments of the "chart" template: a chart, and when
// Link is set the search its bars narrow.
type chartArgs struct {
	C    *chart
	Q    SearchQuery
	Link bool
}

// pageData is what the layout renders.
type pageData struct {
	Title string
	Q     string // the query in the header box
	Body  any
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (h *handler) render(w http.ResponseWriter, r *http.Request, status int, page string, d pageData) {
	var buf bytes.Buffer
	if err := h.pages[page].ExecuteTemplate(&buf, "layout", d); err != nil {
		h.log.ErrorContext(r.Context(), "render", "page", page, "error", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// errorPage shows an error to a reader.
type errorPage struct {
	Status  int
	Message string
}

func (h *handler) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := statusOf(err)
	if status >= 500 {
		h.log.ErrorContext(r.Context(), "backend failed", "path", r.URL.Path, "error", err)
	}
	h.renderStatus(w, r, status, msg)
}

func (h *handler) renderStatus(w http.ResponseWriter, r *http.Request, status int, msg string) {
	title := map[int]string{
		http.StatusNotFound:   "غير موجود",
		http.StatusBadRequest: "طلب غير صالح",
	}[status]
	if title == "" {
		title = "خطأ"
	}
	h.render(w, r, status, "error", pageData{Title: title, Body: errorPage{status, msg}})
}

func (h *handler) pageNotFound(w http.ResponseWriter, r *http.Request) {
	h.renderStatus(w, r, http.StatusNotFound, "no such page: "+r.URL.Path)
}

// homePage is the body of /.
type homePage struct {
	Stats   Stats
	Stories []StorySummary
	Query   SearchQuery
}

func (h *handler) pageHome(w http.ResponseWriter, r *http.Request) {
	st, err := h.b.Stats(r.Context())
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	stories, err := h.b.Stories(r.Context(), StoryFilter{Page: 1, Size: 5})
	if err != nil && !errors.Is(err, ErrNotFound) {
		h.renderError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "home", pageData{Title: "الرئيسية",
		Body: homePage{Stats: st, Stories: stories, Query: SearchQuery{Sort: SortRelevance}}})
}

// searchPage is the body of /search.
type searchPage struct {
	Query    SearchQuery
	Searched bool
	Result   SearchResult
	Sources  []EntityCount // Name is the source; sorted by count
	Chart    *chart
	First    int // rank of the first hit shown
	PrevURL  string
	NextURL  string
}

func (h *handler) pageSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseSearch(r.URL.Query())
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	d := searchPage{Query: q}
	if q.hasCriteria() {
		res, err := h.b.Search(r.Context(), q)
		if err != nil {
			h.renderError(w, r, err)
			return
		}
		d.Searched = true
		d.Result = normalizeResult(res)
		for s, n := range d.Result.Facets.Sources {
			d.Sources = append(d.Sources, EntityCount{Name: s, Count: n})
		}
		sort.Slice(d.Sources, func(i, j int) bool {
			a, b := d.Sources[i], d.Sources[j]
			if a.Count != b.Count {
				return a.Count > b.Count
			}
			return a.Name < b.Name
		})
		d.Chart = newChart(d.Result.Facets.Days)
		d.First = (q.Page-1)*q.Size + 1
		if q.Page > 1 {
			d.PrevURL = searchWith(q, "page", strconv.Itoa(q.Page-1))
		}
		if q.Page*q.Size < d.Result.Total && q.Page < MaxPage {
			d.NextURL = searchWith(q, "page", strconv.Itoa(q.Page+1))
		}
	}
	title := "بحث"
	if q.Q != "" {
		title = q.Q + " · بحث"
	}
	h.render(w, r, http.StatusOK, "search", pageData{Title: title, Q: q.Q, Body: d})
}

// articlePage is the body of /articles/{id}.
type articlePage struct {
	A         ArticleView
	Published Date
	Title     template.HTML
	Text      template.HTML
	Entities  []article.Entity // sorted by type then mentions
	Times     []article.Time
	Quotes    []article.Quote
	Host      string // of the article's URL
}

func (h *handler) pageArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := validName("id", id); err != nil {
		h.renderError(w, r, err)
		return
	}
	v, err := h.b.Article(r.Context(), id)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	d := articlePage{
		A:         v,
		Published: Date(v.Article.PublishedDate()),
		Title:     annotate(v.Article.Title, factAnnotations(v.Facts, article.InTitle)),
		Text:      annotate(v.Article.Text, factAnnotations(v.Facts, "")),
		Entities:  append([]article.Entity(nil), v.Facts.Entities...),
		Times:     v.Facts.Times,
		Quotes:    v.Facts.Quotes,
	}
	sort.SliceStable(d.Entities, func(i, j int) bool {
		a, b := d.Entities[i], d.Entities[j]
		if a.Type != b.Type {
			return a.Type > b.Type // PER, ORG, LOC
		}
		return len(a.Mentions) > len(b.Mentions)
	})
	if u, err := url.Parse(v.Article.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		d.Host = u.Host
	}
	title := v.Article.Title
	if title == "" {
		title = firstWords(v.Article.Text, 12)
	}
	h.render(w, r, http.StatusOK, "article", pageData{Title: title, Body: d})
}

// firstWords returns the first n words of s, for a title.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return strings.Join(f[:n], " ") + "…"
	}
	return strings.Join(f, " ")
}

// storiesPage is the body of /stories.
type storiesPage struct {
	Filter  StoryFilter
	Stories []StorySummary
	PrevURL string
	NextURL string
}

func (h *handler) pageStories(w http.ResponseWriter, r *http.Request) {
	f, err := parseStoryFilter(r.URL.Query())
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	list, err := h.b.Stories(r.Context(), f)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	d := storiesPage{Filter: f, Stories: list}
	link := func(page int) string {
		g := f
		g.Page = page
		return "/stories?" + g.values().Encode()
	}
	if f.Page > 1 {
		d.PrevURL = link(f.Page - 1)
	}
	if len(list) >= f.Size && f.Page < MaxPage {
		d.NextURL = link(f.Page + 1)
	}
	h.render(w, r, http.StatusOK, "stories", pageData{Title: "القصص", Body: d})
}

func (h *handler) pageStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := validName("id", id); err != nil {
		h.renderError(w, r, err)
		return
	}
	v, err := h.b.Story(r.Context(), id)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	v = normalizeStoryView(v)
	h.render(w, r, http.StatusOK, "story", pageData{Title: v.Title, Body: v})
}

// entitiesPage is the body of /entities.
type entitiesPage struct {
	Q        string
	Entities []EntityCount
}

func (h *handler) pageEntities(w http.ResponseWriter, r *http.Request) {
	q, err := textParam(r.URL.Query(), "q")
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	list, err := h.b.Entities(r.Context(), q, MaxPageSize)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "entities", pageData{Title: "الأعلام", Body: entitiesPage{Q: q, Entities: list}})
}

// entityPage is the body of /entities/{name}.
type entityPage struct {
	E     EntityView
	Chart *chart
	Query SearchQuery // the search for the entity, that the chart's bars narrow
}

func (h *handler) pageEntity(w http.ResponseWriter, r *http.Request) {
	v, err := h.entity(r)
	if err != nil {
		h.renderError(w, r, err)
		return
	}
	h.render(w, r, http.StatusOK, "entity", pageData{Title: v.Name, Body: entityPage{E: v, Chart: newChart(v.Days), Query: SearchQuery{Entity: v.Name, Sort: SortRelevance}}})
}
