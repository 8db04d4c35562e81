package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

// lazyChunk is about how many bytes of text LazySnippet analyzes at a time.
const lazyChunk = 300

// LazySnippet is Snippet for a text not analyzed yet: it analyzes text with
// an a piece at a time, cut at line breaks (else spaces), and stops as soon
// as the pieces analyzed hold the query (every word m looks for, or of an
// OR only the words of one alternative), so that a search page does not
// analyze whole articles whose lead already matches. The passage is then
// the best one of the analyzed part; when the text has no such part the
// whole text is analyzed and the result is Snippet's.
func LazySnippet(text string, an *arabic.Analyzer, m *Matcher, mentions []article.Span, window int, f Format) string {
	s, _ := LazySnippetBuf(nil, text, an, m, mentions, window, f)
	return s
}

// LazySnippetBuf is LazySnippet analyzing into buf, whose tokens it
// overwrites, and returning the buffer grown for the next call, so that a
// page of snippets reuses one buffer: the tokens are most of what the
// snippets of a search allocate. The tokens left in the buffer hold
// strings of text.
func LazySnippetBuf(buf []arabic.Token, text string, an *arabic.Analyzer, m *Matcher, mentions []article.Span, window int, f Format) (string, []arabic.Token) {
	var (
		toks = buf[:0]
		// matched[i] is m.Match(toks[i], false), for Snippet.
		matched = make([]bool, 0, len(buf))
		found   = map[string]bool{}
		runes   int
		end     int
	)
	units, want := m.units()
	for end < len(text) {
		cut := lazyCut(text, end)
		part := text[end:cut]
		n := len(toks)
		toks = an.AppendAnalyzed(toks, part)
		for i := n; i < len(toks); i++ {
			t := &toks[i]
			t.Start += runes
			t.End += runes
			t.Byte += end
			plain := m != nil && m.Match(*t, false)
			matched = append(matched, plain)
			if u, ok := m.unit(units, t, plain); ok {
				found[u] = true
			}
		}
		runes += utf8.RuneCountInString(part)
		end = cut
		if want > 0 && (len(found) == want || m.holds(units, found)) {
			break
		}
	}
	s := snippet(text, toks, matched, m, mentions, window, f)
	if end < len(text) && strings.TrimSpace(text[end:]) != "" && !strings.HasSuffix(s, "…") {
		s += " …"
	}
	return s, toks
}

// lazyCut returns where the piece of text starting at from ends: at a line
// break after lazyChunk bytes, else at a space, else at the end.
func lazyCut(text string, from int) int {
	if len(text)-from <= 2*lazyChunk {
		return len(text)
	}
	rest := text[from+lazyChunk:]
	if i := strings.IndexByte(rest, '\n'); i >= 0 && i < lazyChunk {
		return from + lazyChunk + i + 1
	}
	if i := strings.IndexAny(rest, " \t\n"); i >= 0 {
		return from + lazyChunk + i + 1
	}
	return len(text)
}

// holds reports whether the units found hold the query of m: for every
// clause, every stem of one of its alternatives (so that a text matching
// one word of a long OR list is not analyzed to its end looking for the
// others). It is false for a Matcher without clauses.
func (m *Matcher) holds(units map[string]string, found map[string]bool) bool {
	if len(m.clauses) == 0 {
		return false
	}
	for _, alts := range m.clauses {
		if !slices.ContainsFunc(alts, func(stems []string) bool {
			return !slices.ContainsFunc(stems, func(s string) bool { return !found[units[s]] })
		}) {
			return false
		}
	}
	return true
}

// units maps each stem m looks for to the unit LazySnippet counts as found:
// the stem itself, or for a name-like stem whose other spellings m matches,
// its name key (any spelling finds it). want is the number of units.
func (m *Matcher) units() (units map[string]string, want int) {
	if m == nil {
		return nil, 0
	}
	units = make(map[string]string, len(m.stems))
	distinct := map[string]bool{}
	for s := range m.stems {
		u := s
		if k := arabic.NameKey(s); len(m.variants) > 0 && m.variants[k] {
			u = "\x00" + k
		}
		units[s] = u
		distinct[u] = true
	}
	return units, len(distinct)
}

// unit returns the unit (see units) that token t finds, if any; plain is
// m.Match(*t, false).
func (m *Matcher) unit(units map[string]string, t *arabic.Token, plain bool) (string, bool) {
	if m == nil || t.Stop || t.Stem == "" {
		return "", false
	}
	if u, ok := units[t.Stem]; ok {
		return u, true
	}
	if len(m.variants) > 0 && plain {
		return "\x00" + arabic.NameKey(t.Stem), true
	}
	return "", false
}
