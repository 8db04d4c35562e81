package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// maxMergeGap is the longest stretch of text, in runes, that Merge joins
// across (", مؤكداً أن" and the like).
const maxMergeGap = 40

// Merge joins consecutive quotes of the same speaker in the same sentence
// into one: a statement and its continuation by a participle or a second
// reporting verb (قال X إن ...، مؤكداً أن ...). The merged quote keeps the
// verb and the Direct flag of the first one and spans both statements and
// the words between them. qs must be Find's output for text; Merge returns
// a new slice.
//
// A merged quote never starts or ends with a quotation half-open: when a
// direct statement sits at either end of it and the span between holds its
// other mark ("...", وأضاف أن ...), the span takes in the mark at that end
// too, so its quotation marks pair up.
//
// Find reports each continuation as a quote of its own; Merge suits
// consumers that count one statement per speaker and sentence.
//
// Quotes' offsets count runes as []rune(text) does (an invalid byte is one
// rune); Merge reads text in place, mapping them to bytes as it goes.
func Merge(text string, qs []article.Quote) []article.Quote {
	if len(qs) < 2 {
		return qs
	}
	c := runeCursor{text: text}
	out := make([]article.Quote, 0, len(qs))
	out = append(out, qs[0])
	merged := false // whether out's last quote is a merge
	for _, q := range qs[1:] {
		last := &out[len(out)-1]
		if q.Speaker != last.Speaker || q.In != last.In || q.Start-last.End > maxMergeGap {
			if merged {
				c.closeMarks(last)
			}
			out = append(out, q)
			merged = false
			continue
		}
		if c.sameSentence(last.End, q.Start) {
			last.End = max(last.End, q.End)
			last.Text = c.slice(last.Start, last.End)
			merged = true
			continue
		}
		if merged {
			c.closeMarks(last)
		}
		out = append(out, q)
		merged = false
	}
	if merged {
		c.closeMarks(&out[len(out)-1])
	}
	return out
}

// Merge is the package's Merge: it needs no buffer of a's.
func (a *Analyzer) Merge(text string, qs []article.Quote) []article.Quote {
	return Merge(text, qs)
}

// runeCursor maps rune offsets of a text, counted as in []rune(text) (an
// invalid byte is one rune), to byte offsets, stepping from the offset it
// mapped last: Merge asks offsets near one another, mostly in order.
type runeCursor struct {
	text string
	r, b int // rune r starts at byte b
}

// at returns the byte offset where rune r of c.text starts (len(c.text) for
// r the number of runes), and false when r is outside that range.
func (c *runeCursor) at(r int) (int, bool) {
	if r < 0 {
		return 0, false
	}
	if r < c.r/2 {
		c.r, c.b = 0, 0 // nearer the start than the last offset
	}
	for c.r > r {
		// Stepping back finds the runes stepping forth found: a
		// multi-byte rune ending at c.b is valid, and its first byte
		// (not a continuation byte) starts a rune either way.
		_, n := utf8.DecodeLastRuneInString(c.text[:c.b])
		c.r, c.b = c.r-1, c.b-n
	}
	for c.r < r && c.b < len(c.text) {
		n := 1
		if c.text[c.b] >= utf8.RuneSelf {
			_, n = utf8.DecodeRuneInString(c.text[c.b:])
		}
		c.r, c.b = c.r+1, c.b+n
	}
	return c.b, c.r == r
}

// slice returns string([]rune(c.text)[s:e]) for 0 <= s <= e <= the number of
// runes: c.text's own bytes when they are valid UTF-8.
func (c *runeCursor) slice(s, e int) string {
	bs, _ := c.at(s)
	be, _ := c.at(e)
	txt := c.text[bs:be]
	if !utf8.ValidString(txt) {
		txt = string([]rune(txt)) // invalid bytes become U+FFFD, one per byte
	}
	return txt
}

// closeMarks widens a merged quote q by the quotation mark right before its
// start or right after its end when the marks inside q leave that end's
// quotation open: q then holds whole quotations only.
func (c *runeCursor) closeMarks(q *article.Quote) {
	if q.Start < 0 || q.Start >= q.End {
		return
	}
	bs, _ := c.at(q.Start)
	be, ok := c.at(q.End)
	if !ok {
		return
	}
	opens, closes := openMarks(c.text[bs:be])
	changed := false
	// A closing mark inside with no opening mark before it: the opening
	// mark stands right before the start.
	if closes > 0 && bs > 0 {
		if r, _ := utf8.DecodeLastRuneInString(c.text[:bs]); isQuoteMark(r) {
			q.Start--
			changed = true
		}
	}
	// An opening mark inside that nothing closes: the closing mark stands
	// right after the end.
	if opens > 0 && be < len(c.text) {
		if r, _ := utf8.DecodeRuneInString(c.text[be:]); isQuoteMark(r) {
			q.End++
			changed = true
		}
	}
	if changed {
		q.Text = c.slice(q.Start, q.End)
	}
}

// openMarks scans s and returns how many of its quotation marks open a
// quotation nothing in s closes, and how many close one nothing in s opened.
// The direction of the symmetric mark " is told by the space around it: a
// letter right after it opens, a letter right before it closes. An invalid
// byte of s reads as U+FFFD.
func openMarks(s string) (opens, closes int) {
	depth := 0
	prev := rune(-1) // the rune before, none at the start
	for i, r := range s {
		p := prev
		prev = r
		if !isQuoteMark(r) {
			continue
		}
		open := false
		switch r {
		case '«', '“', '„':
			open = true
		case '»', '”':
			open = false
		default:
			before := p >= 0 && !isSpaceOrPunct(p)
			after := false
			if i+1 < len(s) { // " is one byte
				next, _ := utf8.DecodeRuneInString(s[i+1:])
				after = !isSpaceOrPunct(next)
			}
			switch {
			case after && !before:
				open = true
			case before && !after:
				open = false
			default:
				open = depth == 0
			}
		}
		if open {
			depth++
		} else if depth > 0 {
			depth--
		} else {
			closes++
		}
	}
	return depth, closes
}

// isSpaceOrPunct reports whether r separates words: a space or a
// punctuation mark other than a quotation mark.
func isSpaceOrPunct(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' || (r < 0x80 && !isWordRune(r) && r != '"') ||
		r == '،' || r == '؛' || r == '؟'
}

// sameSentence reports whether runes a to b of c.text are a short stretch
// without a sentence end.
func (c *runeCursor) sameSentence(a, b int) bool {
	if a < 0 || a > b || b-a > maxMergeGap {
		return false
	}
	bs, _ := c.at(a)
	be, ok := c.at(b)
	return ok && !strings.ContainsAny(c.text[bs:be], ".!?؟\n\r")
}
