package ingest

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// ParseText makes an article of the content of a .txt file: one article
// with the given ID, its Title the first non-empty line (trimmed), its Text
// the whole content as is (title line included), with CRLF and lone CR
// turned into LF and a leading byte order mark dropped. It fails with
// ErrEmpty, ErrBinary or ErrInvalidUTF8 (at a byte offset of data).
func ParseText(id string, data []byte) (article.Article, error) {
	if err := checkText(data); err != nil {
		return article.Article{}, err
	}
	text := normalizeNewlines(string(bytes.TrimPrefix(data, bom)))
	return article.Article{ID: id, Title: firstLine(text), Text: text}, nil
}

// checkText reports whether data is usable text: not empty, not binary,
// valid UTF-8.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, bom))) == 0 {
		return ErrEmpty
	}
	if isBinary(data) {
		return ErrBinary
	}
	if i := invalidUTF8Bytes(data); i >= 0 {
		return &utf8Error{i}
	}
	return nil
}

// isBinary reports whether data looks like binary content: it holds a NUL
// byte, or more than 10% of its first 64 KiB are control characters other
// than whitespace. Text in a legacy 8-bit encoding is not binary (it is
// invalid UTF-8).
func isBinary(data []byte) bool {
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	sample := data[:min(len(data), 64<<10)]
	ctl := 0
	for _, b := range sample {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' || b == 0x7f {
			ctl++
		}
	}
	return ctl*10 > len(sample)
}

// invalidUTF8Bytes returns the byte offset of the first invalid UTF-8
// sequence in b, or -1.
func invalidUTF8Bytes(b []byte) int {
	if utf8.Valid(b) {
		return -1
	}
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}

// invalidUTF8 is invalidUTF8Bytes for a string.
func invalidUTF8(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				return i
			}
		}
	}
	return -1
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// firstLine returns the first non-empty line of s, trimmed.
func firstLine(s string) string {
	for line := range strings.Lines(s) {
		if t := strings.TrimSpace(line); t != "" {
			return t
		}
	}
	return ""
}
