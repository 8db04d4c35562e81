package quote

import (
	"strings"

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
func Merge(text string, qs []article.Quote) []article.Quote {
	return merge(text, qs, nil)
}

// Merge is the package's Merge, which keeps the runes of text in a buffer
// of a's from one text to the next (the quotes it returns copy their
// text).
func (a *Analyzer) Merge(text string, qs []article.Quote) []article.Quote {
	return merge(text, qs, &a.bufs.runes)
}

// merge is Merge with the runes of text in *buf when buf is not nil.
func merge(text string, qs []article.Quote, buf *[]rune) []article.Quote {
	if len(qs) < 2 {
		return qs
	}
	var src []rune // text as runes, made at the first merge
	out := make([]article.Quote, 0, len(qs))
	out = append(out, qs[0])
	merged := false // whether out's last quote is a merge
	for _, q := range qs[1:] {
		last := &out[len(out)-1]
		if q.Speaker != last.Speaker || q.In != last.In || q.Start-last.End > maxMergeGap {
			if merged {
				closeMarks(src, last)
			}
			out = append(out, q)
			merged = false
			continue
		}
		if src == nil {
			src = textRunes(text, buf)
		}
		if sameSentence(src, last.End, q.Start) {
			last.End = max(last.End, q.End)
			last.Text = string(src[last.Start:last.End])
			merged = true
			continue
		}
		if merged {
			closeMarks(src, last)
		}
		out = append(out, q)
		merged = false
	}
	if merged {
		closeMarks(src, &out[len(out)-1])
	}
	return out
}

// closeMarks widens a merged quote q over src by the quotation mark right
// before its start or right after its end when the marks inside q leave
// that end's quotation open: q then holds whole quotations only.
func closeMarks(src []rune, q *article.Quote) {
	if q.Start < 0 || q.End > len(src) || q.Start >= q.End {
		return
	}
	opens, closes := openMarks(src[q.Start:q.End])
	changed := false
	// A closing mark inside with no opening mark before it: the opening
	// mark stands right before the start.
	if closes > 0 && q.Start > 0 && isQuoteMark(src[q.Start-1]) {
		q.Start--
		changed = true
	}
	// An opening mark inside that nothing closes: the closing mark stands
	// right after the end.
	if opens > 0 && q.End < len(src) && isQuoteMark(src[q.End]) {
		q.End++
		changed = true
	}
	if changed {
		q.Text = string(src[q.Start:q.End])
	}
}

// openMarks scans s and returns how many of its quotation marks open a
// quotation nothing in s closes, and how many close one nothing in s opened.
// The direction of the symmetric mark " is told by the space around it: a
// letter right after it opens, a letter right before it closes.
func openMarks(s []rune) (opens, closes int) {
	depth := 0
	for i, r := range s {
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
			before := i > 0 && !isSpaceOrPunct(s[i-1])
			after := i+1 < len(s) && !isSpaceOrPunct(s[i+1])
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

// sameSentence reports whether src[a:b] is a short stretch without a
// sentence end.
func sameSentence(src []rune, a, b int) bool {
	if a < 0 || b > len(src) || a > b || b-a > maxMergeGap {
		return false
	}
	return !strings.ContainsAny(string(src[a:b]), ".!?؟\n\r")
}

// textRunes returns []rune(text), in *buf's array when buf is not nil.
func textRunes(text string, buf *[]rune) []rune {
	if buf == nil {
		return []rune(text)
	}
	rs := (*buf)[:0]
	for _, r := range text { // an invalid byte is U+FFFD, as in []rune(text)
		rs = append(rs, r)
	}
	*buf = rs
	return rs
}
