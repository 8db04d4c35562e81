package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
)

// format is a kind of source content.
type format int

const (
	formatUnknown format = iota
	formatText
	formatJSONL
	formatJSON
	formatZip
	formatGzip
	formatFeed
	formatHTML
)

// formatOfName returns the format a file name's extension claims.
func formatOfName(name string) format {
	switch strings.ToLower(path.Ext(name)) {
	case ".txt":
		return formatText
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".json":
		return formatJSON
	case ".zip":
		return formatZip
	case ".gz":
		return formatGzip
	case ".xml", ".rss", ".atom":
		return formatFeed
	case ".html", ".htm", ".xhtml":
		return formatHTML
	}
	return formatUnknown
}

// sniffLen is how much content is looked at to guess its format.
const sniffLen = 4096

// sniff guesses the format of content from its first bytes and, when
// given, the Content-Type of an http response.
func sniff(head []byte, ctype string) format {
	ctype = strings.ToLower(ctype)
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		return formatZip
	}
	if bytes.HasPrefix(head, []byte("\x1f\x8b")) {
		return formatGzip
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, bom), " \t\r\n")
	switch {
	case len(h) == 0:
		return formatUnknown
	case h[0] == '<':
		return sniffMarkup(h)
	case h[0] == '[':
		return formatJSON
	case h[0] == '{':
		if strings.Contains(ctype, "feed+json") {
			return formatFeed
		}
		// One object per line, unless the first line is not a whole value
		// (an indented object): then a stream of JSON values.
		if i := bytes.IndexByte(h, '\n'); i > 0 && !json.Valid(h[:i]) {
			return formatJSON
		}
		return formatJSONL
	}
	switch {
	case strings.Contains(ctype, "html"):
		return formatHTML
	case strings.Contains(ctype, "xml"):
		return formatFeed
	case strings.Contains(ctype, "ndjson"), strings.Contains(ctype, "jsonl"):
		return formatJSONL
	case strings.Contains(ctype, "json"):
		return formatJSON
	}
	return formatText
}

// sniffMarkup tells a feed from an HTML page.
func sniffMarkup(h []byte) format {
	l := bytes.ToLower(h)
	feed := -1
	for _, tag := range []string{"<rss", "<feed", "<rdf:rdf"} {
		if i := bytes.Index(l, []byte(tag)); i >= 0 && (feed < 0 || i < feed) {
			feed = i
		}
	}
	page := bytes.Index(l, []byte("<html"))
	if feed >= 0 && (page < 0 || feed < page) {
		return formatFeed
	}
	if page < 0 && bytes.HasPrefix(l, []byte("<?xml")) {
		return formatFeed
	}
	return formatHTML
}

var bom = []byte("\xef\xbb\xbf")

// source describes one stream of content.
type source struct {
	origin  string // where it comes from, for Item.Origin
	name    string // file name, for its extension and as a fallback ID
	pageURL string // the URL it was fetched from, if any
	ctype   string // Content-Type of an http response
	size    int64  // size when known, else -1 or 0
}

// stream reads one stream of content of any format. It reports whether
// reading goes on.
func (r *reader) stream(s source, rd io.Reader) bool {
	if r.ctx.Err() != nil {
		return false
	}
	br := bufio.NewReaderSize(rd, 64<<10)
	head, err := br.Peek(sniffLen)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return r.fail(s.origin, fmt.Errorf("read: %w", err))
	}
	f := formatOfName(s.name)
	switch f {
	case formatUnknown:
		f = sniff(head, s.ctype)
	case formatHTML:
		if sniff(head, s.ctype) == formatFeed {
			f = formatFeed
		}
	case formatJSON:
		// JSON lines are often named .json: read them line by line, so
		// that a bad line does not lose the rest of the file.
		if sniff(head, s.ctype) == formatJSONL {
			f = formatJSONL
		}
	}
	switch f {
	case formatJSONL:
		return r.jsonLines(s.origin, br)
	case formatJSON:
		return r.jsonValues(s.origin, br)
	case formatGzip:
		gz, err := gzip.NewReader(br)
		if err != nil {
			return r.fail(s.origin, fmt.Errorf("gzip: %w", err))
		}
		defer gz.Close()
		inner := s
		inner.name = strings.TrimSuffix(s.name, path.Ext(s.name))
		if inner.name == s.name || strings.HasPrefix(path.Base(inner.name), ".") || path.Ext(inner.name) == "" {
			inner.name = ""
		}
		inner.size = -1
		inner.ctype = ""
		return r.stream(inner, gz)
	}
	data, err := r.readAll(br, s.size)
	if err != nil {
		return r.fail(s.origin, err)
	}
	switch f {
	case formatZip:
		return r.zipBytes(s.origin, data)
	case formatFeed:
		return r.feed(s, data)
	case formatHTML:
		return r.htmlPage(s, data)
	}
	a, err := ParseText(idOfName(s.name, s.origin), data)
	if err != nil {
		return r.fail(s.origin, err)
	}
	return r.emit(s.origin, a)
}

// readAll reads a whole stream of at most MaxBytes.
func (r *reader) readAll(rd io.Reader, size int64) ([]byte, error) {
	max := r.opts.MaxBytes
	if size > max {
		return nil, fmt.Errorf("%d bytes: %w (max %d)", size, ErrTooLarge, max)
	}
	var buf bytes.Buffer
	if size > 0 {
		buf.Grow(int(size) + 1)
	}
	n, err := io.Copy(&buf, io.LimitReader(rd, max+1))
	if err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	if n > max {
		return nil, fmt.Errorf("more than %d bytes: %w", max, ErrTooLarge)
	}
	return buf.Bytes(), nil
}

// idOfName is the ID of an article read from a whole file: its name
// without folder and extension.
func idOfName(name, origin string) string {
	if name == "" {
		name = origin
	}
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	if ext := path.Ext(base); ext != "" && ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}
