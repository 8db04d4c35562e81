package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
	"github.com/mmcdole/gofeed"
)

// xmlEncoding finds the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']`)

// feed reads an RSS, Atom or JSON feed: each item is an article.
func (r *reader) feed(s source, data []byte) bool {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return r.fail(s.origin, ErrEmpty)
	}
	if isBinary(data) {
		return r.fail(s.origin, ErrBinary)
	}
	if i := invalidUTF8Bytes(data); i >= 0 {
		// A feed in another declared encoding is decoded by the parser.
		m := xmlEncoding.FindSubmatch(data[:min(len(data), 512)])
		if m == nil || strings.EqualFold(string(m[1]), "utf-8") || strings.EqualFold(string(m[1]), "utf8") {
			return r.fail(s.origin, &utf8Error{i})
		}
	}
	fd, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return r.fail(s.origin, fmt.Errorf("%w: not RSS, Atom or JSON Feed", ErrNotFeed))
		}
		return r.fail(s.origin, fmt.Errorf("%w: %v", ErrNotFeed, err))
	}
	src := strings.TrimSpace(fd.Title)
	if src == "" {
		src = host(fd.Link)
	}
	if src == "" {
		src = host(s.pageURL)
	}
	if len(fd.Items) == 0 {
		r.log.Info("ingest: feed has no items", "origin", s.origin)
	}
	for i, it := range fd.Items {
		at := fmt.Sprintf("%s#%d", s.origin, i+1)
		a := article.Article{
			URL:    strings.TrimSpace(it.Link),
			Source: src,
			Title:  strings.TrimSpace(htmlToText(it.Title)),
		}
		a.ID = strings.TrimSpace(it.GUID)
		if a.ID == "" {
			a.ID = a.URL
		}
		if it.PublishedParsed != nil {
			a.Published = *it.PublishedParsed
		} else if it.UpdatedParsed != nil {
			a.Published = *it.UpdatedParsed
		} else if it.Published != "" {
			r.warnDate(at, fmt.Errorf("unrecognized date %q", it.Published))
		}
		a.Text = htmlToText(it.Content)
		if strings.TrimSpace(a.Text) == "" {
			a.Text = htmlToText(it.Description)
		}
		if strings.TrimSpace(a.Text) == "" {
			if !r.fail(at, fmt.Errorf("%w: item has neither content nor description", ErrNoText)) {
				return false
			}
			continue
		}
		if a.ID == "" {
			a.ID = contentID(a.Text)
		}
		if !r.emit(at, a) {
			return false
		}
	}
	return true
}

// host returns the host name of a URL, without "www.", or "".
func host(rawURL string) string {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || !utf8.ValidString(u.Hostname()) {
		return ""
	}
	return strings.TrimPrefix(u.Hostname(), "www.")
}
