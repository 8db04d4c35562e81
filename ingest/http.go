package ingest

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// userAgent is sent with every http request.
const userAgent = "marsad/0.1 (Arabic news monitoring; +https://github.com/marsad/marsad)"

// isURL reports whether src is an http(s) URL.
func isURL(src string) bool {
	l := strings.ToLower(src)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// url fetches an http(s) source: its content type and content decide
// between a feed, an HTML page, JSON and the rest.
func (r *reader) url(u string) bool {
	req, err := http.NewRequestWithContext(r.ctx, http.MethodGet, u, nil)
	if err != nil {
		return r.fail(u, fmt.Errorf("%w: %v", ErrHTTP, err))
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	resp, err := r.opts.Client.Do(req)
	if err != nil {
		if r.ctx.Err() != nil {
			return false
		}
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return r.fail(u, fmt.Errorf("%w: %v", ErrHTTP, err))
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return r.fail(u, fmt.Errorf("%w: %s", ErrHTTP, resp.Status))
	}
	final := resp.Request.URL
	name := path.Base(final.Path)
	switch formatOfName(name) {
	case formatText, formatJSONL, formatJSON, formatZip, formatGzip:
	default:
		// Feeds and pages are told apart by their content: an .xml URL may
		// serve HTML and a page URL a feed.
		name = ""
	}
	return r.stream(source{
		origin:  u,
		name:    name,
		pageURL: final.String(),
		ctype:   resp.Header.Get("Content-Type"),
		size:    resp.ContentLength,
	}, resp.Body)
}
