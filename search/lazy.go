package search

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

// lazyChunk is about how many bytes of text LazySnippet analyzes at a time.
const lazyChunk = 300

// LazySnippet is Snippet for a text not analyzed yet: it analyzes text with
// an a piece at a time, cut at line breaks (else spaces), and stops as soon
// as the pieces analyzed hold every word m looks for, so that a search
// page does not analyze whole articles whose lead already matches. The
// passage is then the best one of the analyzed part; when the text has no
// such part the whole text is analyzed and the result is Snippet's.
func LazySnippet(text string, an *arabic.Analyzer, m *Matcher, mentions []article.Span, window int, f Format) string {
	var (
		toks  []arabic.Token
		found = map[string]bool{}
		runes int
		end   int
	)
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
			if m != nil && m.stems[t.Stem] && !t.Stop {
				found[t.Stem] = true
			}
		}
		runes += utf8.RuneCountInString(part)
		end = cut
		if m != nil && len(m.stems) > 0 && len(found) == len(m.stems) {
			break
		}
	}
	s := Snippet(text, toks, m, mentions, window, f)
	if end < len(text) && strings.TrimSpace(text[end:]) != "" && !strings.HasSuffix(s, "…") {
		s += " …"
	}
	return s
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
