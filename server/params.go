package server

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// maxQueryRunes bounds the length of a query or filter value.
const maxQueryRunes = 500

// textParam returns a trimmed query parameter, refusing invalid UTF-8 and
// overlong values.
func textParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if !utf8.ValidString(s) {
		return "", &paramError{name, "not valid UTF-8"}
	}
	if utf8.RuneCountInString(s) > maxQueryRunes {
		return "", &paramError{name, "too long"}
	}
	return s, nil
}

// intParam parses a positive integer parameter, def when absent.
func intParam(v url.Values, name string, def, max int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, &paramError{name, "must be a positive integer"}
	}
	if n > max {
		return 0, &paramError{name, "must be at most " + strconv.Itoa(max)}
	}
	return n, nil
}

// dateParam parses an optional YYYY-MM-DD parameter.
func dateParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return "", nil
	}
	if _, err := time.Parse(article.DateLayout, s); err != nil {
		return "", &paramError{name, "must be a date YYYY-MM-DD"}
	}
	return s, nil
}

// pageParams parses page and size.
func pageParams(v url.Values) (page, size int, err error) {
	if page, err = intParam(v, "page", 1, MaxPage); err != nil {
		return 0, 0, err
	}
	if size, err = intParam(v, "size", DefaultPageSize, MaxPageSize); err != nil {
		return 0, 0, err
	}
	return page, size, nil
}

// parseSearch validates the parameters of a search. An empty query with
// no filter is valid only when allowEmpty (the web UI then shows the form).
func parseSearch(v url.Values) (SearchQuery, error) {
	var q SearchQuery
	var err error
	if q.Q, err = textParam(v, "q"); err != nil {
		return q, err
	}
	if q.Source, err = textParam(v, "source"); err != nil {
		return q, err
	}
	if q.Entity, err = textParam(v, "entity"); err != nil {
		return q, err
	}
	if q.From, q.To, err = dateRangeParams(v); err != nil {
		return q, err
	}
	switch s := strings.TrimSpace(v.Get("sort")); s {
	case "", SortRelevance:
		q.Sort = SortRelevance
	case SortDate:
		q.Sort = SortDate
	default:
		return q, &paramError{"sort", "must be relevance or date"}
	}
	if q.Page, q.Size, err = pageParams(v); err != nil {
		return q, err
	}
	return q, nil
}

// hasCriteria reports whether a search has a query or a filter.
func (q SearchQuery) hasCriteria() bool {
	return q.Q != "" || q.Source != "" || q.Entity != "" || q.From != "" || q.To != ""
}

// values encodes q back into URL parameters (defaults omitted), for links.
func (q SearchQuery) values() url.Values {
	v := url.Values{}
	setNonEmpty(v, "q", q.Q, "from", q.From, "to", q.To, "source", q.Source, "entity", q.Entity)
	if q.Sort != SortRelevance {
		setNonEmpty(v, "sort", q.Sort)
	}
	setPage(v, q.Page, q.Size)
	return v
}

// setNonEmpty sets in v each key of the key, value pairs kv whose value is
// not empty.
func setNonEmpty(v url.Values, kv ...string) {
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			v.Set(kv[i], kv[i+1])
		}
	}
}

// setPage sets in v the page and the page size that are not the defaults.
func setPage(v url.Values, page, size int) {
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if size != DefaultPageSize && size > 0 {
		v.Set("size", strconv.Itoa(size))
	}
}

// parseStoryFilter validates the parameters of a story listing.
func parseStoryFilter(v url.Values) (StoryFilter, error) {
	var f StoryFilter
	var err error
	if f.Q, err = textParam(v, "q"); err != nil {
		return f, err
	}
	if f.Entity, err = textParam(v, "entity"); err != nil {
		return f, err
	}
	if f.From, f.To, err = dateRangeParams(v); err != nil {
		return f, err
	}
	if f.MinArticles, err = intParam(v, "min", 1, MaxStoryMin); err != nil {
		return f, err
	}
	if f.Page, f.Size, err = pageParams(v); err != nil {
		return f, err
	}
	return f, nil
}

// dateRangeParams parses the optional from and to dates, refusing a range
// that ends before it starts.
func dateRangeParams(v url.Values) (from, to string, err error) {
	if from, err = dateParam(v, "from"); err != nil {
		return "", "", err
	}
	if to, err = dateParam(v, "to"); err != nil {
		return "", "", err
	}
	if from != "" && to != "" && from > to {
		return "", "", &paramError{"from", "must not be after to"}
	}
	return from, to, nil
}

// values encodes f back into URL parameters (defaults omitted), for links.
func (f StoryFilter) values() url.Values {
	v := url.Values{}
	setNonEmpty(v, "q", f.Q, "entity", f.Entity, "from", f.From, "to", f.To)
	if f.MinArticles > 1 {
		v.Set("min", strconv.Itoa(f.MinArticles))
	}
	setPage(v, f.Page, f.Size)
	return v
}

// validName checks a path value naming an article, story or entity.
func validName(name, s string) error {
	if s == "" {
		return &paramError{name, "missing"}
	}
	if !utf8.ValidString(s) {
		return &paramError{name, "not valid UTF-8"}
	}
	if utf8.RuneCountInString(s) > maxQueryRunes {
		return &paramError{name, "too long"}
	}
	return nil
}
