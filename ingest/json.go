package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"github.com/go-json-experiment/json/jsontext"
	"github.com/marsad/marsad/article"
)

// jsonLines reads one JSON object per line. Lines may be of any length up
// to MaxBytes; blank lines are skipped.
func (r *reader) jsonLines(origin string, br *bufio.Reader) bool {
	max := r.opts.MaxBytes
	var buf []byte
	records, failed := 0, 0
	for line := 1; ; line++ {
		if r.ctx.Err() != nil {
			return false
		}
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if int64(len(buf)+len(chunk)) > max+2 { // + CRLF
					tooLong, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return r.fail(fmt.Sprintf("%s:%d", origin, line), fmt.Errorf("read: %w", err))
		}
		at := fmt.Sprintf("%s:%d", origin, line)
		switch {
		case tooLong:
			failed++
			if !r.fail(at, fmt.Errorf("line: %w (max %d bytes)", ErrTooLarge, max)) {
				return false
			}
		default:
			if line == 1 {
				buf = bytes.TrimPrefix(buf, bom)
			}
			if len(bytes.TrimSpace(buf)) == 0 {
				break
			}
			records++
			if !r.line(at, buf) {
				return false
			}
		}
		if err == io.EOF {
			break
		}
	}
	if records == 0 && failed == 0 {
		return r.fail(origin, ErrEmpty)
	}
	return true
}

// jsonValues reads a JSON array of objects, streaming it element by
// element, or one object (or a stream of objects).
func (r *reader) jsonValues(origin string, br *bufio.Reader) bool {
	first := firstByte(br)
	if first == 0 {
		return r.fail(origin, ErrEmpty)
	}
	w := &windowReader{r: br, max: r.opts.MaxBytes}
	dec := jsontext.NewDecoder(w, jsonOptions...)
	array := first == '['
	if array {
		if _, err := dec.ReadToken(); err != nil {
			return r.fail(origin, fmt.Errorf("%w: %v", ErrInvalidJSON, err))
		}
	}
	for i := 0; ; i++ {
		if r.ctx.Err() != nil {
			return false
		}
		at := origin
		if array || i > 0 {
			at = fmt.Sprintf("%s[%d]", origin, i)
		}
		k := dec.PeekKind() // 0 before an error
		if array && (k == ']' || k == '}') {
			break
		}
		// Whether anything but white space follows the last element.
		pending := k != 0 || len(bytes.TrimLeft(dec.UnreadBuffer(), " \t\r\n")) > 0
		w.start = dec.InputOffset()
		rec, err := r.readRecord(dec)
		if err == io.EOF && !array {
			break
		}
		if err != nil && array && !pending && !syntaxError(err) {
			// The input ends, or cannot be read, after an element: an
			// error of the array.
			return r.fail(origin, fmt.Errorf("%w: %v", ErrInvalidJSON, err))
		}
		if err != nil {
			// The decoder cannot resynchronize: the rest of this file is lost.
			if errors.Is(err, ErrTooLarge) {
				return r.fail(at, fmt.Errorf("element: %w (max %d bytes); rest of file skipped", ErrTooLarge, w.max))
			}
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return r.fail(at, fmt.Errorf("%w: %v; rest of file skipped", ErrInvalidJSON, err))
		}
		a, err := r.recordArticle(at, rec, 0)
		if err != nil {
			if !r.fail(at, err) {
				return false
			}
			continue
		}
		// Decoded from valid UTF-8, the fields are valid UTF-8.
		if !r.emitValid(at, a) {
			return false
		}
	}
	if array {
		if _, err := dec.ReadToken(); err != nil {
			return r.fail(origin, fmt.Errorf("%w: %v", ErrInvalidJSON, err))
		}
	}
	return true
}

// syntaxError reports whether err is one of the JSON text rather than of
// reading it (its end included).
func syntaxError(err error) bool {
	var se *jsontext.SyntacticError
	return errors.As(err, &se) && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) && !errors.Is(err, ErrTooLarge)
}

// firstByte returns the first byte of br that is not white space or a byte
// order mark, without consuming it, or 0 at the end of input.
func firstByte(br *bufio.Reader) byte {
	for {
		b, err := br.Peek(1)
		if err != nil {
			return 0
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			br.Discard(1)
			continue
		case bom[0]:
			if p, _ := br.Peek(3); bytes.Equal(p, bom) {
				br.Discard(3)
				continue
			}
		}
		return b[0]
	}
}

// windowReader fails once more than max bytes were read past start, to
// bound the memory a json.Decoder holds for one value.
type windowReader struct {
	r          io.Reader
	read       int64
	start, max int64
}

func (w *windowReader) Read(p []byte) (int, error) {
	if w.read-w.start > w.max+64<<10 {
		return 0, ErrTooLarge
	}
	n, err := w.r.Read(p)
	w.read += int64(n)
	return n, err
}

// line makes an article of one JSON line (a byte order mark trimmed) and
// yields it, or the reason it failed. It reports whether reading goes on.
func (r *reader) line(origin string, buf []byte) bool {
	if r.rec == nil {
		r.rec = jsontext.NewDecoder(bytes.NewBuffer(buf), jsonOptions...)
	} else {
		r.rec.Reset(bytes.NewBuffer(buf), jsonOptions...)
	}
	dec := r.rec
	rec, err := r.readRecord(dec)
	if err == nil {
		// Nothing but white space may follow the value.
		if rest := bytes.TrimLeft(dec.UnreadBuffer(), " \t\r\n"); len(rest) > 0 {
			err = fmt.Errorf("invalid character %q after top-level value", rest[0])
		}
	}
	if err != nil {
		return r.fail(origin, fmt.Errorf("%w: %v", ErrInvalidJSON, err))
	}
	// Offsets of invalid UTF-8 count from the start of the line.
	lead := len(buf) - len(bytes.TrimLeft(buf, " \t\r\n"))
	a, err := r.recordArticle(origin, rec, lead)
	if err != nil {
		return r.fail(origin, err)
	}
	// Decoded from valid UTF-8, the fields are valid UTF-8.
	return r.emitValid(origin, a)
}

// record is a JSON value read by readRecord: the fields of an object (see
// objectFields) with the offset of its first invalid UTF-8 (-1 when none),
// or the bytes of another value (fields nil).
type record struct {
	fields map[string]any
	bad    int
	raw    []byte
}

// readRecord reads the next JSON value of dec, an object once, token by
// token, rather than as a value decoded again. An error is the decoder's:
// the value could not be read (the input ending within an object is
// io.ErrUnexpectedEOF).
func (r *reader) readRecord(dec *jsontext.Decoder) (record, error) {
	if dec.PeekKind() != '{' {
		raw, err := dec.ReadValue()
		return record{raw: raw}, err
	}
	m, bad, err := r.objectFields(dec)
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return record{fields: m, bad: bad}, err
}

// recordArticle makes an article of a record, by the field names of the
// options, or returns the reason it is refused: its invalid UTF-8 (at
// byte offset at + its offset in the record), its kind (not an object) or
// its fields.
func (r *reader) recordArticle(origin string, rec record, at int) (article.Article, error) {
	var a article.Article
	if rec.fields == nil {
		if i := invalidUTF8Bytes(rec.raw); i >= 0 {
			return a, &utf8Error{at + i}
		}
		return a, fmt.Errorf("%w: not an object", ErrInvalidJSON)
	}
	if rec.bad >= 0 {
		return a, &utf8Error{at + rec.bad}
	}
	m := rec.fields
	o := &r.opts
	var err error
	get := func(field string) string {
		if err != nil {
			return ""
		}
		var s string
		s, err = stringField(m, field)
		return s
	}
	text := get(o.TextField)
	if _, ok := m[o.TextField].(json.Number); ok && err == nil {
		err = fmt.Errorf("field %q: a number, not a text", o.TextField)
	}
	id := get(o.IDField)
	a.URL = strings.TrimSpace(get(o.URLField))
	a.Source = strings.TrimSpace(get(o.SourceField))
	a.Title = strings.TrimSpace(get(o.TitleField))
	if err != nil {
		return a, err
	}
	if strings.TrimSpace(text) == "" {
		return a, fmt.Errorf("%w: field %q missing or empty", ErrNoText, o.TextField)
	}
	a.Text = normalizeNewlines(text)
	a.ID = strings.TrimSpace(id)
	if a.ID == "" {
		a.ID = a.URL
	}
	if a.ID == "" {
		a.ID = contentID(a.Text)
	}
	a.Published = r.date(origin, m[o.DateField])
	return a, nil
}

// jsonOptions are those of the jsontext decoders of files and lines:
// strict but for the UTF-8 of strings and duplicate names, as
// encoding/json is. objectFields finds invalid UTF-8 itself, with its
// position, and takes the last value of a duplicate name.
var jsonOptions = []jsontext.Options{jsontext.AllowInvalidUTF8(true), jsontext.AllowDuplicateNames(true)}

// unpaired is the string of a JSON string with an unpaired surrogate
// escape, which decoding turned into U+FFFD: a field refused rather than
// let a replaced character through.
type unpaired string

// objectFields reads the JSON object that comes next in dec and returns
// the fields of it that the options name, as encoding/json decodes them
// into a map[string]any with numbers kept as json.Number, and the byte
// offset in the object of its first invalid UTF-8 (-1 when none). An
// error is the decoder's: the object could not be read. The map is reused
// by the next call.
func (r *reader) objectFields(dec *jsontext.Decoder) (map[string]any, int, error) {
	if r.fields == nil {
		r.fields = make(map[string]any)
	}
	m := r.fields
	clear(m)
	if _, err := dec.ReadToken(); err != nil {
		return nil, -1, err
	}
	start, bad := dec.InputOffset()-1, -1
	// valid reports whether v, just read, is valid UTF-8, noting the
	// offset of the first invalid byte.
	valid := func(v []byte) bool {
		if bad < 0 {
			if i := invalidUTF8Bytes(v); i >= 0 {
				bad = int(dec.InputOffset()-int64(len(v))-start) + i
			}
		}
		return bad < 0
	}
	o := &r.opts
	wanted := [...]string{o.IDField, o.URLField, o.SourceField, o.TitleField, o.DateField, o.TextField}
	for dec.PeekKind() != '}' {
		v, err := dec.ReadValue()
		if err != nil {
			return nil, -1, err
		}
		valid(v)
		r.unquoted = unquote(r.unquoted[:0], v)
		name := ""
		for _, w := range wanted {
			if string(r.unquoted) == w {
				name = w
				break
			}
		}
		if name == "" {
			// Read rather than skipped: its UTF-8 is checked too.
			v, err := dec.ReadValue()
			if err != nil {
				return nil, -1, err
			}
			valid(v)
			continue
		}
		switch dec.PeekKind() {
		case '"':
			v, err := dec.ReadValue()
			if err != nil {
				return nil, -1, err
			}
			if !valid(v) {
				continue
			}
			s := unquoteString(v)
			// A U+FFFD in s (found by strings.Contains faster than by
			// ContainsRune) neither written nor escaped as such in v
			// comes of an unpaired surrogate escape.
			if strings.Contains(s, "\uFFFD") && !bytes.Contains(v, []byte("\uFFFD")) && !bytes.Contains(bytes.ToLower(v), []byte(`\ufffd`)) {
				m[name] = unpaired(s)
			} else {
				m[name] = s
			}
		case '0', 'n':
			tok, err := dec.ReadToken()
			if err != nil {
				return nil, -1, err
			}
			if tok.Kind() == '0' {
				m[name] = json.Number(tok.String())
			} else {
				m[name] = nil
			}
		default:
			// Neither a string nor a number: read as encoding/json does
			// (for a refusal or a warning only).
			v, err := dec.ReadValue()
			if err != nil {
				return nil, -1, err
			}
			if !valid(v) {
				continue
			}
			var x any
			jd := json.NewDecoder(bytes.NewReader(v))
			jd.UseNumber()
			if err := jd.Decode(&x); err != nil {
				return nil, -1, err
			}
			m[name] = x
		}
	}
	if _, err := dec.ReadToken(); err != nil {
		return nil, -1, err
	}
	return m, bad, nil
}

// unquote appends the string of the JSON string s, which a decoder read
// from valid UTF-8, to dst. Like jsontext's Token.String, it makes an
// unpaired surrogate escape U+FFFD and reports no error for it. A string
// without escapes is its bytes between the quotes, copied without
// decoding its runes again.
func unquote(dst, s []byte) []byte {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' && bytes.IndexByte(s, '\\') < 0 {
		return append(dst, s[1:len(s)-1]...)
	}
	dst, _ = jsontext.AppendUnquote(dst, s)
	return dst
}

// unquoteString is unquote to a string, copying the bytes once when s has
// no escapes or only escapes of one character (\n, \", ...) rather than
// \u escapes, which it leaves to jsontext's AppendUnquote.
func unquoteString(s []byte) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		in := s[1 : len(s)-1]
		i := bytes.IndexByte(in, '\\')
		if i < 0 {
			return string(in)
		}
		if u, ok := unescapeShort(in, i); ok {
			return u
		}
	}
	return string(unquote(nil, s))
}

// unescapeShort decodes in, the bytes between the quotes of a JSON string
// whose first backslash is at i, when all its escapes are of one
// character; ok is false at a \u escape or anything else.
func unescapeShort(in []byte, i int) (s string, ok bool) {
	var b strings.Builder
	b.Grow(len(in))
	for ; i >= 0; i = bytes.IndexByte(in, '\\') {
		b.Write(in[:i])
		if i+1 >= len(in) {
			return "", false
		}
		c := in[i+1]
		switch c {
		case '"', '\\', '/':
		case 'b':
			c = '\b'
		case 'f':
			c = '\f'
		case 'n':
			c = '\n'
		case 'r':
			c = '\r'
		case 't':
			c = '\t'
		default:
			return "", false
		}
		b.WriteByte(c)
		in = in[i+2:]
	}
	b.Write(in)
	return b.String(), true
}

// contentID is the ID of an article that has neither id nor url: the first
// 16 hex digits of the SHA-256 of its text.
func contentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// stringField returns a field as a string: a JSON string, or the literal of
// a number; "" when absent or null.
func stringField(m map[string]any, field string) (string, error) {
	switch v := m[field].(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case json.Number:
		return v.String(), nil
	case unpaired:
		return "", fmt.Errorf("field %q: %w (unpaired surrogate escape)", field, ErrInvalidUTF8)
	}
	return "", fmt.Errorf("field %q: not a string", field)
}

// dateLayouts are the layouts tried, in order, for a published date.
var dateLayouts = []string{
	time.RFC3339,
	"2006-01-02 15:04:05",
	"2006-01-02",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"2006/01/02 15:04:05",
	"2006/01/02",
	"2 January 2006",
	"January 2, 2006",
	"2 Jan 2006",
	"Jan 2, 2006",
}

// parseDate parses a date in one of the common layouts of news dumps and
// feeds. Dates without a zone are taken as UTC. Ambiguous numeric dates
// (01/02/2006) are refused.
func parseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	t, err := dateparse.ParseIn(s, time.UTC, dateparse.PreferMonthFirst(false))
	if err != nil {
		return time.Time{}, fmt.Errorf("unrecognized date %q", s)
	}
	if _, errStrict := dateparse.ParseStrict(s); errStrict != nil && strings.Contains(errStrict.Error(), "ambiguous") {
		return time.Time{}, fmt.Errorf("ambiguous date %q", s)
	}
	return t, nil
}

// maxDateWarnings is how many unparseable dates one Read logs before it
// stays quiet about them.
const maxDateWarnings = 10

// date parses the published date of a record: a string in a common layout,
// or a number of Unix seconds (or milliseconds). An unparseable date is
// logged and left zero: the article still goes through.
func (r *reader) date(origin string, v any) time.Time {
	var t time.Time
	var err error
	if u, ok := v.(unpaired); ok {
		v = string(u)
	}
	switch v := v.(type) {
	case nil:
		return t
	case string:
		if strings.TrimSpace(v) == "" {
			return t
		}
		t, err = parseDate(v)
	case json.Number:
		var n float64
		if n, err = v.Float64(); err == nil {
			if n > 1e11 || n < -1e11 {
				t = time.UnixMilli(int64(n)).UTC()
			} else {
				t = time.Unix(int64(n), 0).UTC()
			}
		}
	default:
		err = fmt.Errorf("unrecognized date %v", v)
	}
	if err != nil {
		r.warnDate(origin, err)
		return time.Time{}
	}
	return t
}

func (r *reader) warnDate(origin string, err error) {
	r.dateWarnings++
	switch {
	case r.dateWarnings <= maxDateWarnings:
		r.log.Warn("ingest: published date left empty", "origin", origin, "err", err)
	case r.dateWarnings == maxDateWarnings+1:
		r.log.Warn("ingest: more unparseable dates in this source, no longer logged", "origin", origin)
	}
}
