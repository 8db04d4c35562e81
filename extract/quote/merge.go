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
// Find reports each continuation as a quote of its own; Merge suits
// consumers that count one statement per speaker and sentence.
func Merge(text string, qs []article.Quote) []article.Quote {
	if len(qs) < 2 {
		return qs
	}
	var src []rune // text as runes, made at the first merge
	out := make([]article.Quote, 0, len(qs))
	out = append(out, qs[0])
	for _, q := range qs[1:] {
		last := &out[len(out)-1]
		if q.Speaker != last.Speaker || q.In != last.In || q.Start-last.End > maxMergeGap {
			out = append(out, q)
			continue
		}
		if src == nil {
			src = []rune(text)
		}
		if sameSentence(src, last.End, q.Start) {
			last.End = max(last.End, q.End)
			last.Text = string(src[last.Start:last.End])
			continue
		}
		out = append(out, q)
	}
	return out
}

// sameSentence reports whether src[a:b] is a short stretch without a
// sentence end.
func sameSentence(src []rune, a, b int) bool {
	if a < 0 || b > len(src) || a > b || b-a > maxMergeGap {
		return false
	}
	return !strings.ContainsAny(string(src[a:b]), ".!?؟\n\r")
}
