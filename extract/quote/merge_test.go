package quote

import (
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/article"
)

// TestMergeMarks checks that a merged quote holds whole quotations: no
// quotation mark is left open at its start or end.
func TestMergeMarks(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{
			name: "direct then reported",
			text: "وقال سامي الخطيب: \"سنفتح المعبر غدا\"، وأضاف أن القوافل ستدخل تباعا.",
			want: "\"سنفتح المعبر غدا\"، وأضاف أن القوافل ستدخل تباعا",
		},
		{
			name: "reported then direct",
			text: "وأكد سامي الخطيب أن المفاوضات مستمرة، مضيفا: «لن نتراجع عن مطالبنا».",
			want: "المفاوضات مستمرة، مضيفا: «لن نتراجع عن مطالبنا»",
		},
		{
			name: "both reported",
			text: "وقال سامي الخطيب إن المعبر سيفتح، مؤكدا أن القوافل جاهزة.",
			want: "المعبر سيفتح، مؤكدا أن القوافل جاهزة",
		},
		{
			name: "quoted word inside",
			text: "وقال سامي الخطيب إن الوضع \"صعب\"، مؤكدا أن القوافل جاهزة.",
			want: "الوضع \"صعب\"، مؤكدا أن القوافل جاهزة",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Merge(c.text, Find(c.text, ents(c.text, "PER:سامي الخطيب")))
			checkQuotes(t, c.text, qs)
			if len(qs) != 1 {
				t.Fatalf("Merge gave %d quotes, want 1:\n%s", len(qs), dump(qs))
			}
			if qs[0].Text != c.want {
				t.Errorf("merged text %q, want %q", qs[0].Text, c.want)
			}
			if o, cl := openMarks(qs[0].Text); o != 0 || cl != 0 {
				t.Errorf("merged text %q leaves %d marks open, %d closed without opening", qs[0].Text, o, cl)
			}
			if strings.Count(qs[0].Text, "\"")%2 != 0 {
				t.Errorf("odd number of \" in %q", qs[0].Text)
			}
		})
	}
}

// mergeRunes is Merge as it was written over []rune(text), the definition
// Merge's byte cursor must keep to.
func mergeRunes(text string, qs []article.Quote) []article.Quote {
	if len(qs) < 2 {
		return qs
	}
	src := []rune(text)
	sameSentence := func(a, b int) bool {
		if a < 0 || b > len(src) || a > b || b-a > maxMergeGap {
			return false
		}
		return !strings.ContainsAny(string(src[a:b]), ".!?؟\n\r")
	}
	closeMarks := func(q *article.Quote) {
		if q.Start < 0 || q.End > len(src) || q.Start >= q.End {
			return
		}
		opens, closes := openMarksRunes(src[q.Start:q.End])
		changed := false
		if closes > 0 && q.Start > 0 && isQuoteMark(src[q.Start-1]) {
			q.Start--
			changed = true
		}
		if opens > 0 && q.End < len(src) && isQuoteMark(src[q.End]) {
			q.End++
			changed = true
		}
		if changed {
			q.Text = string(src[q.Start:q.End])
		}
	}
	out := []article.Quote{qs[0]}
	merged := false
	for _, q := range qs[1:] {
		last := &out[len(out)-1]
		if q.Speaker == last.Speaker && q.In == last.In && q.Start-last.End <= maxMergeGap && sameSentence(last.End, q.Start) {
			last.End = max(last.End, q.End)
			last.Text = string(src[last.Start:last.End])
			merged = true
			continue
		}
		if merged {
			closeMarks(last)
		}
		out = append(out, q)
		merged = false
	}
	if merged {
		closeMarks(&out[len(out)-1])
	}
	return out
}

// openMarksRunes is openMarks as it was written over runes.
func openMarksRunes(s []rune) (opens, closes int) {
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

// FuzzMerge checks Merge against mergeRunes on quotes laid over any text,
// invalid UTF-8 included, one quote for each three bytes of spec: its
// distance from the last quote's start, its length and its speaker and
// part of the article.
func FuzzMerge(f *testing.F) {
	f.Add("وقال سامي: \"سنفتح المعبر غدا\"، وأضاف أن القوافل ستدخل.", []byte{5, 30, 0, 31, 20, 0})
	f.Add("قال «لا» \xff\xe2\x82 وأضاف \"نعم\" ثم.\n«كلا»", []byte{3, 6, 0, 7, 10, 0, 2, 9, 0, 12, 5, 1})
	f.Add("\xf0\x90\x80\"أ\"\xc3«ب»", []byte{0, 3, 0, 4, 3, 0, 1, 4, 0})
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		n := len([]rune(text))
		var qs []article.Quote
		start := 0
		for k := 0; k+2 < len(spec) && n > 0; k += 3 {
			start = min(start+int(spec[k]%48), n-1)
			end := min(start+1+int(spec[k+1]%64), n)
			q := article.Quote{Speaker: string(rune('a' + spec[k+2]&1)), Span: article.Span{Start: start, End: end}}
			if spec[k+2]&2 != 0 {
				q.In = article.InTitle
			}
			q.Text = string([]rune(text)[start:end])
			qs = append(qs, q)
		}
		want := mergeRunes(text, slices.Clone(qs))
		got := Merge(text, slices.Clone(qs))
		if !slices.Equal(got, want) {
			t.Errorf("Merge(%q)\n got %+v\nwant %+v", text, got, want)
		}
	})
}

// FuzzRuneCursor checks runeCursor.at against the runes of ranging over
// the text, asked in the order the bytes of spec give.
func FuzzRuneCursor(f *testing.F) {
	f.Add("قال «لا» \xff\xe2\x82\xac\xe2\x82 \xf0\x90\x80A", []byte{3, 9, 1, 14, 12, 0, 20})
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		var starts []int
		for i := range text {
			starts = append(starts, i)
		}
		starts = append(starts, len(text))
		c := runeCursor{text: text}
		for _, x := range spec {
			r := int(x) - 8
			b, ok := c.at(r)
			if wantOK := r >= 0 && r < len(starts); ok != wantOK || ok && b != starts[r] {
				t.Fatalf("at(%d) of %q = %d, %v; want %v at %v", r, text, b, ok, wantOK, starts)
			}
		}
	})
}
