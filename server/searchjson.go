package server

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// appendSearchResult appends the JSON of res to b, the very bytes
// json.Marshal writes (FuzzSearchJSON checks it), without reflection: on a
// search answered from the backend's caches, encoding/json was a third of
// the server's CPU time. ok is false when res holds a float JSON cannot
// encode (NaN or infinite); b is then unchanged.
func appendSearchResult(b []byte, res SearchResult) (out []byte, ok bool) {
	for _, h := range res.Hits {
		if math.IsNaN(h.Score) || math.IsInf(h.Score, 0) {
			return b, false
		}
	}
	b = append(b, `{"total":`...)
	b = strconv.AppendInt(b, int64(res.Total), 10)
	b = append(b, `,"hits":`...)
	if res.Hits == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, h := range res.Hits {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"id":`...)
			b = appendString(b, h.ID)
			b = append(b, `,"score":`...)
			b = appendFloat(b, h.Score)
			b = append(b, `,"published":`...)
			b = appendDate(b, h.Published)
			b = append(b, `,"source":`...)
			b = appendString(b, h.Source)
			b = append(b, `,"title":`...)
			b = appendString(b, h.Title)
			b = append(b, `,"snippet":`...)
			b = appendString(b, h.Snippet)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"facets":{"sources":`...)
	b = appendCounts(b, res.Facets.Sources)
	b = append(b, `,"days":`...)
	b = appendCounts(b, res.Facets.Days)
	b = append(b, `,"entities":`...)
	if res.Facets.Entities == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, e := range res.Facets.Entities {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"name":`...)
			b = appendString(b, e.Name)
			b = append(b, `,"type":`...)
			b = appendString(b, e.Type)
			b = append(b, `,"count":`...)
			b = strconv.AppendInt(b, int64(e.Count), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, "}}"...), true
}

// appendDate appends d as Date.MarshalJSON encodes it.
func appendDate(b []byte, d Date) []byte {
	if d == "" {
		return append(b, "null"...)
	}
	return appendString(b, string(d))
}

// appendCounts appends m as a JSON object with sorted keys, as
// encoding/json does.
func appendCounts(b []byte, m map[string]int) []byte {
	if m == nil {
		return append(b, "null"...)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(m[k]), 10)
	}
	return append(b, '}')
}

// appendFloat appends f as encoding/json encodes a float64 (f is finite).
func appendFloat(b []byte, f float64) []byte {
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 to e-9, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

// jsonEscaped marks the ASCII bytes appendString escapes. It is never
// modified.
var jsonEscaped = func() (t [utf8.RuneSelf]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	for _, c := range []byte{'"', '\\', '<', '>', '&'} {
		t[c] = true
	}
	return t
}()

// appendString appends s as a JSON string the way json.Marshal does (HTML
// characters escaped, U+2028 and U+2029 escaped). Two-byte UTF-8 (Arabic)
// is checked and copied without decoding it; a string with invalid UTF-8,
// which encoding/json repairs, is left to encoding/json.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	orig := len(b)
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !jsonEscaped[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c >= 0xC2 && c < 0xE0 && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			i += 2 // a valid two-byte sequence
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			enc, _ := json.Marshal(s) // a string always encodes
			return append(b[:orig], enc...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hex[r&0xF])
			start = i + size
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
