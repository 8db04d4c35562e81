package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"net/url"
	"regexp"
	"strings"

	readability "github.com/go-shiori/go-readability"
	"github.com/marsad/marsad/article"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// metaCharset finds the charset an HTML page declares.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9._-]+)`)

// htmlPage reads a saved HTML article page: its main text, with the page's
// navigation, header, footer, scripts and ads dropped.
func (r *reader) htmlPage(s source, data []byte) bool {
	data, err := decodeHTML(data, s.ctype)
	if err != nil {
		return r.fail(s.origin, err)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return r.fail(s.origin, fmt.Errorf("html: %w", err))
	}
	meta := pageMeta(doc)
	var pageURL *url.URL
	for _, u := range []string{s.pageURL, meta.canonical} {
		if p, err := url.Parse(u); u != "" && err == nil && p.IsAbs() {
			pageURL = p
			break
		}
	}
	page, err := readability.FromDocument(doc, pageURL)
	if err != nil {
		return r.fail(s.origin, fmt.Errorf("html: %w", err))
	}
	a := article.Article{
		Title:  strings.TrimSpace(page.Title),
		Source: strings.TrimSpace(page.SiteName),
		Text:   htmlToText(page.Content),
	}
	switch {
	case meta.canonical != "":
		a.URL = meta.canonical
		if pageURL != nil {
			if c, err := pageURL.Parse(meta.canonical); err == nil {
				a.URL = c.String()
			}
		}
	case s.pageURL != "":
		a.URL = s.pageURL
	}
	a.ID = a.URL
	if a.ID == "" {
		a.ID = idOfName(s.name, s.origin)
	}
	if a.Source == "" {
		a.Source = host(a.URL)
	}
	switch {
	case page.PublishedTime != nil:
		a.Published = *page.PublishedTime
	case meta.time != "":
		if t, err := parseDate(meta.time); err == nil {
			a.Published = t
		} else {
			r.warnDate(s.origin, err)
		}
	}
	return r.emit(s.origin, a)
}

// decodeHTML returns the page as UTF-8. A page that is not valid UTF-8 is
// decoded from the charset it declares (in its Content-Type or a meta tag);
// without one, it is an error: bytes are never silently replaced.
func decodeHTML(data []byte, ctype string) ([]byte, error) {
	data = bytes.TrimPrefix(data, bom)
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if isBinary(data) {
		return nil, ErrBinary
	}
	bad := invalidUTF8Bytes(data)
	if bad < 0 {
		return data, nil
	}
	label := ""
	if _, params, err := mime.ParseMediaType(ctype); err == nil {
		label = params["charset"]
	}
	if label == "" {
		if m := metaCharset.FindSubmatch(data[:min(len(data), 4096)]); m != nil {
			label = string(m[1])
		}
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return nil, &utf8Error{bad}
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}

// meta is what readability does not report about a page.
type meta struct {
	canonical string // <link rel="canonical">
	time      string // the first <time datetime>
}

func pageMeta(doc *html.Node) meta {
	var m meta
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Link:
			if m.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Time:
			if m.time == "" {
				m.time = strings.TrimSpace(attr(n, "datetime"))
			}
		}
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

// blocks are the elements that break lines.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Br: true, atom.Dd: true, atom.Div: true, atom.Dl: true, atom.Dt: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true,
	atom.Ol: true, atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Ul: true,
}

// htmlToText returns the text of an HTML fragment: one line per paragraph
// (or other block), white space within a line collapsed, scripts and styles
// dropped. Text without markup comes back with its entities decoded.
func htmlToText(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.TrimSpace(s)
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe:
				return
			}
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	// Collapse white space within lines; drop empty lines.
	var out []string
	for line := range strings.Lines(b.String()) {
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}
