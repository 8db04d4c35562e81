package quote

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/arabicrun"
)

// This file holds the package's small, offset-preserving view of the text:
// a tokenizer that normalizes Arabic word forms (diacritics and tatweel
// dropped, alef variants folded to ا, ى to ي, ة to ه) while every token keeps
// the rune offsets of its original form.

// kind is the kind of a token.
type kind uint8

const (
	kWord  kind = iota // a run of letters and digits
	kPunct             // one punctuation rune
	kQuote             // one quotation mark
	kBreak             // a line break (a paragraph end)
)

// token is one token of the text. s and e are rune offsets into the
// original text, bs and be byte offsets (texts are shorter than maxText); norm is the normalized form of a
// word (empty for other kinds); r is the rune of a punctuation mark or
// quotation mark.
type token struct {
	kind     kind
	r        rune
	nbs, nbe int32 // byte offsets of norm in the scanner's buffer, for a word scanned rune by rune
	s, e     int32
	bs, be   int32
	norm     string
}

// isDiacritic reports whether r is dropped by normalization: the Arabic
// harakat, tanween, shadda, sukun, superscript alef and tatweel.
func isDiacritic(r rune) bool {
	return (r >= 0x064B && r <= 0x0652) || r == 0x0670 || r == 0x0640
}

// fold maps a rune to its normalized form.
func fold(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ک':
		return 'ك'
	}
	return r
}

// isQuoteMark reports whether r is a quotation mark the package pairs.
func isQuoteMark(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„':
		return true
	}
	return false
}

// isWordRune reports whether r belongs to a word.
func isWordRune(r rune) bool {
	switch {
	case r < 0x80:
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	case r >= 0x0621 && r <= 0x064A, r >= 0x0660 && r <= 0x0669, r >= 0x0671 && r <= 0x06D3:
		return true
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// tokenize splits text into tokens and returns them and the number of
// runes of text. Spaces are dropped; every other rune that is not part of a
// word becomes a token of its own. An invalid byte counts as one rune.
func tokenize(text string) ([]token, int) {
	toks, n, _ := tokenizeValid(text)
	return toks, n
}

// tokenizeValid is tokenize that also reports whether text is valid UTF-8,
// sparing callers a pass of utf8.ValidString over it.
func tokenizeValid(text string) ([]token, int, bool) {
	return tokenizeValidBuf(text, nil, nil, nil, nil)
}

// tokenizeValidBuf is tokenizeValid reading text through atoks, its tokens
// as arabic.Tokenize gives them (nil to read text alone): the words and
// punctuation marks where both tokenizers agree are taken from atoks, and
// the rest of the text (spaces and line breaks between them, and the
// tokens this package splits or joins differently: 19.5, كورونا19, words
// with letters to fold) is scanned rune by rune. The tokens are the same
// either way. They are in buf's array when it has room for as many as
// text may hold, and their normalized words in *norms's array likewise when
// norms is not nil: those words are then valid only until the next call
// with norms, and *norms is left holding the array used. When cues is not
// nil, *cues is set to the indexes of the words that may be reporting
// words (see mayCue), in its array when it has room.
func tokenizeValidBuf(text string, atoks []arabic.Token, buf []token, norms *[]byte, cues *[]int32) ([]token, int, bool) {
	s := scanner{text: text, toks: buf[:0], i: -1, valid: true, scan0: -1}
	if cap(s.toks) < len(text)/8+16 {
		s.toks = make([]token, 0, len(text)/8+16)
	}
	if norms != nil {
		s.b = (*norms)[:0]
	}
	if cap(s.b) < len(text) {
		s.b = make([]byte, 0, len(text))
	}
	if cues != nil {
		s.cues, s.wantCues = (*cues)[:0], true
	}
	arabic.ReadTokens(text, atoks, &s)
	if norms != nil {
		*norms = s.b
	}
	if s.scan0 >= 0 {
		// The words scanned rune by rune, whose normalized forms grew
		// in s.b as they were read.
		norm := unsafe.String(unsafe.SliceData(s.b), len(s.b))
		for k := s.scan0; k < len(s.toks); k++ {
			if t := &s.toks[k]; t.kind == kWord && t.norm == "" {
				t.norm = norm[t.nbs:t.nbe]
				if len(t.norm) >= minCue {
					s.noteCue(k, t.norm)
				}
			}
		}
	}
	if cues != nil {
		*cues = s.cues
	}
	return s.toks, s.i + 1, s.valid
}

// scanner tokenizes a text one stretch of bytes after the other.
type scanner struct {
	text     string
	toks     []token
	b        []byte  // the normalized words of the tokens scanned, end to end
	cues     []int32 // the words that may be reporting words, when wantCues
	wantCues bool
	scan0    int  // the first word scanned rune by rune, or -1
	in       bool // the last token is a word that the next word rune extends
	i        int  // rune index of the last rune scanned
	valid    bool // no invalid byte seen
}

// noteCue adds word k, whose normalized form is w, to s.cues when it may
// be a reporting word. Its callers test w's length first, inline: it
// rules out the short words, a good part of a text, without a call.
func (s *scanner) noteCue(k int, w string) {
	if s.wantCues && mayCue(w) {
		s.cues = append(s.cues, int32(k))
	}
}

// Gap scans text[from:to], the bytes between two tokens of arabic.Tokenize,
// at once when they are spaces, as they nearly always are.
func (s *scanner) Gap(from, to int) {
	for k := from; k < to; k++ {
		if c := s.text[k]; c != ' ' && c != '\t' {
			s.Scan(from, to)
			return
		}
	}
	s.i += to - from
	s.in = false
}

// Take appends the token of arabic.Tokenize t, which ends at byte end and
// is followed by the tokens next, when it is a token of this package as it
// stands: a punctuation mark, or a word or number that needs no
// normalization and that the next rune does not extend. It reports whether
// it did; the token is then scanned.
func (s *scanner) Take(t *arabic.Token, end int, next []arabic.Token) bool {
	if t.Kind == arabic.Punct {
		r, size := decodeRune(t.Text, 0)
		if size != len(t.Text) || isDiacritic(r) || isWordRune(r) || r == utf8.RuneError {
			return false
		}
		k := kPunct
		if isQuoteMark(r) {
			k = kQuote
		} else if unicode.IsSpace(r) || r >= 0x200c && r <= 0x200f {
			return false
		}
		s.i++
		s.toks = append(s.toks, token{kind: k, r: r, s: int32(s.i), e: int32(s.i + 1), bs: int32(t.Byte), be: int32(end)})
		s.in = false
		return true
	}
	if s.in {
		return false
	}
	// The next rune ends the word: a space or ASCII punctuation, an
	// adjacent punctuation mark, or the end of the text.
	if end < len(s.text) {
		if c := s.text[end]; c >= utf8.RuneSelf || isWordRune(rune(c)) {
			if len(next) == 0 || next[0].Byte != end || next[0].Kind != arabic.Punct {
				return false
			}
		}
	}
	w := t.Text
	tok := token{kind: kWord, s: int32(s.i + 1), bs: int32(t.Byte), be: int32(end)}
	n := len(w) / 2 // runes
	switch plain := plainLetter.Len(w); {
	case plain == len(w):
		tok.norm = w // the common case: nothing to normalize, nor to copy
	case plain == 0 && asciiWord(w):
		tok.norm, n = w, len(w)
	default:
		// Letters to fold and marks to drop: the normalized word is built
		// with those of the scanned tokens, from the plain letters before
		// the first of them. Its bytes are never written again until the
		// next text (s.b only grows, and a new array leaves the old one as
		// it is), so the word can view them now.
		b, _, ok := wordMap.Append(append(s.b, w[:plain]...), w[plain:])
		if !ok || len(b) == len(s.b) {
			return false
		}
		tok.norm = unsafe.String(&b[len(s.b)], len(b)-len(s.b))
		s.b = b
	}
	if n == 0 {
		return false
	}
	tok.e = tok.s + int32(n)
	s.toks = append(s.toks, tok)
	if len(tok.norm) >= minCue {
		s.noteCue(len(s.toks)-1, tok.norm)
	}
	s.i += n
	s.in = true
	return true
}

// asciiWord reports whether w is made of ASCII letters and digits.
func asciiWord(w string) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// wordMap maps the runes of U+0600–U+067F that belong to a word to their
// normalized forms, and the diacritics to nothing.
var wordMap = func() (m arabicrun.Map) {
	for i := range m {
		switch r := rune(0x0600 + i); {
		case isDiacritic(r):
			m[i] = arabicrun.Dropped
		case isWordRune(r):
			m[i] = arabicrun.Mapped(fold(r))
		}
	}
	return m
}()

// Scan tokenizes text[from:to], from being where the last Scan or Take
// ended.
func (s *scanner) Scan(from, to int) {
	text, toks, b, in, i := s.text, s.toks, s.b, s.in, s.i
	for bi := from; bi < to; {
		if in {
			// Inside a word: take the letters that normalization keeps
			// as they are, most of an Arabic word, at once.
			n := plainLetter.Len(text[bi:to])
			if n > 0 {
				b = append(b, text[bi:bi+n]...)
				i += n / 2
				bi += n
				t := &toks[len(toks)-1]
				t.e, t.be, t.nbe = int32(i+1), int32(bi), int32(len(b))
				if bi >= to {
					break
				}
			}
		}
		i++
		pos := bi
		r, size := decodeRune(text, bi)
		bi += size
		if size == 1 && r == utf8.RuneError {
			s.valid = false
		}
		if isDiacritic(r) {
			if in {
				toks[len(toks)-1].e, toks[len(toks)-1].be = int32(i+1), int32(bi)
			}
			continue
		}
		if isWordRune(r) {
			if !in {
				in = true
				toks = append(toks, token{kind: kWord, s: int32(i), bs: int32(pos), nbs: int32(len(b))})
				if s.scan0 < 0 {
					s.scan0 = len(toks) - 1
				}
			}
			t := &toks[len(toks)-1]
			t.e, t.be = int32(i+1), int32(bi)
			if r = fold(r); r < utf8.RuneSelf {
				b = append(b, byte(r))
			} else if r < 0x800 {
				b = append(b, byte(0xC0|r>>6), byte(0x80|r&0x3F))
			} else {
				b = utf8.AppendRune(b, r)
			}
			t.nbe = int32(len(b))
			continue
		}
		in = false
		switch {
		case r == '\n' || r == '\r' || r == '\u2029' || r == '\u2028':
			toks = append(toks, token{kind: kBreak, r: r, s: int32(i), e: int32(i + 1), bs: int32(pos), be: int32(bi)})
		case r == ' ' || unicode.IsSpace(r) || r == '\u200c' || r == '\u200d' || r == '\u200f' || r == '\u200e':
		case isQuoteMark(r):
			toks = append(toks, token{kind: kQuote, r: r, s: int32(i), e: int32(i + 1), bs: int32(pos), be: int32(bi)})
		default:
			toks = append(toks, token{kind: kPunct, r: r, s: int32(i), e: int32(i + 1), bs: int32(pos), be: int32(bi)})
		}
	}
	s.toks, s.b, s.in, s.i = toks, b, in, i
}

// plainLetter tells, for each rune of U+0600–U+067F, whether it is a
// letter of a word that normalization leaves as it is.
var plainLetter = func() (t arabicrun.Set) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = isWordRune(r) && !isDiacritic(r) && fold(r) == r
	}
	return t
}()

// decodeRune decodes the rune at byte offset b of text, with a fast path
// for ASCII and the two-byte runes of the Arabic script. An invalid byte is
// utf8.RuneError of size 1.
func decodeRune(text string, b int) (rune, int) {
	c := text[b]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c < 0xE0 && b+1 < len(text) && text[b+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(text[b+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(text[b:])
}

// runeBefore and runeAfter return the runes around byte offsets of text, or
// a space at its ends.
func runeBefore(text string, b int) rune {
	if b <= 0 {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[:b])
	return r
}

func runeAfter(text string, b int) rune {
	if b >= len(text) {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[b:])
	return r
}

// normalize returns the normalized form of s (used for tables and names).
func normalize(s string) string {
	b := appendNormalized(make([]byte, 0, len(s)), s)
	return unsafe.String(unsafe.SliceData(b), len(b)) // b is not kept: one copy, not two
}

// appendNormalized appends normalize(s) to dst.
func appendNormalized(dst []byte, s string) []byte {
	for _, r := range s {
		if !isDiacritic(r) {
			dst = utf8.AppendRune(dst, fold(r))
		}
	}
	return dst
}

// appendFields appends the words of s, as strings.Fields splits them, to
// dst.
func appendFields(dst []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsSpace(r) {
			if start >= 0 {
				dst = append(dst, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		dst = append(dst, s[start:])
	}
	return dst
}

// tokenAt returns the index of the first token that ends after rune offset
// off, or len(toks).
func tokenAt(toks []token, off int) int {
	return sort.Search(len(toks), func(i int) bool { return int(toks[i].e) > off })
}

// qspan is a pair of quotation marks: the tokens of the opening and the
// closing mark. An unclosed quotation ends at the paragraph end: close is
// then the index of the break token (or len(toks)) and closed is false.
type qspan struct {
	open, close int
	closed      bool
}

// pairQuotes pairs the quotation marks of each paragraph and returns the
// pairs and, for every token, the index of the outermost pair whose
// interior holds it (-1 outside quotations), and, for every opening mark
// token, the index of its pair (-1 for other tokens). inside and opener
// are both's array, which holds 2*len(toks) values.
func pairQuotes(text string, toks []token, both []int32) (qs []qspan, inside, opener []int32) {
	inside, opener = both[:len(toks):len(toks)], both[len(toks):]
	for i := range inside {
		inside[i] = -1
		opener[i] = -1
	}
	var stack []int // token indexes of open marks
	flush := func(end int) {
		// Unclosed marks: the outermost one runs to the paragraph end.
		if len(stack) > 0 {
			qs = append(qs, qspan{open: stack[0], close: end})
			opener[stack[0]] = int32(len(qs) - 1)
		}
		stack = stack[:0]
	}
	for i := range toks {
		t := &toks[i]
		if t.kind == kBreak {
			flush(i)
			continue
		}
		if t.kind != kQuote {
			continue
		}
		top := -1
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		open := false
		switch t.r {
		case '«', '“', '„':
			open = true
		case '»', '”':
			open = false
		default: // '"' is both: decide from its neighbours
			prev, next := runeBefore(text, int(t.bs)), runeAfter(text, int(t.be))
			prevSpace := unicode.IsSpace(prev) || strings.ContainsRune(":(-–—[«", prev)
			nextSpace := unicode.IsSpace(next) || strings.ContainsRune(".,،:;؛!?؟)]»", next)
			topStraight := top >= 0 && toks[top].r == '"'
			switch {
			case prevSpace && !nextSpace:
				open = true
			case !prevSpace && nextSpace:
				open = false
			default:
				open = !topStraight
			}
		}
		if open {
			stack = append(stack, i)
			continue
		}
		if top < 0 {
			continue // a stray closing mark
		}
		stack = stack[:len(stack)-1]
		if len(stack) == 0 {
			qs = append(qs, qspan{open: top, close: i, closed: true})
			opener[top] = int32(len(qs) - 1)
		}
	}
	flush(len(toks))
	slices.SortFunc(qs, func(a, b qspan) int { return cmp.Compare(a.open, b.open) }) // the opens differ: no order to keep
	for k, q := range qs {
		opener[q.open] = int32(k)
		for j := q.open + 1; j < q.close && j < len(toks); j++ {
			inside[j] = int32(k)
		}
	}
	return qs, inside, opener
}
