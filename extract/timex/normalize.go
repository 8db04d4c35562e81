package timex

import (
	"sort"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/arabicrun"
)

// kind is the kind of a token.
type kind uint8

const (
	word  kind = iota // a run of letters
	num               // a run of digits (ASCII or Arabic-Indic), folded to ASCII
	numx              // a number with a decimal or thousands separator: never a date part
	punct             // any other single non-space rune
)

// token is one token of the normalized text. Offsets are rune indexes into
// the normalized text; doc.orig maps them back to the original text.
type token struct {
	start, end int   // [start, end) in normalized runes
	n          int   // value of a num token (-1 when it has more than 9 digits)
	bs, be     int32 // [bs, be) in normalized bytes
	r          rune  // the rune of a punct token
	ob, oeb    int32 // original byte offsets of the first rune and just after the last
	or, oer    int32 // original rune offsets of the first rune and just after the last
	nd         uint8 // number of digits of a num token (255 for more)
	kind       kind
	space      bool // preceded by white space or at the start of the text
}

// doc is a text prepared for matching: a normalized copy with a map from
// each of its runes to the rune index in the original text, and its tokens.
type doc struct {
	ns   string // normalized text
	text string // the original text
	toks []token
}

// removed reports whether r is dropped by normalization: Arabic diacritics,
// the superscript alef, tatweel and invisible format characters.
func removed(r rune) bool {
	if r < 0x061C {
		return false
	}
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
		return true
	case r == 0x200B, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F, r == 0xFEFF, r == 0x061C:
		return true
	}
	return false
}

// fold maps a rune to its normalized form: hamza-carrying alefs to bare
// alef, alef maqsura and Farsi yeh to yeh, teh marbuta to heh, keheh to kaf
// and every decimal digit we know to ASCII.
func fold(r rune) rune {
	if r < 0x060C {
		return r
	}
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	case 'ى', 'ی', 'ې':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ک':
		return 'ك'
	case '٫':
		return '.'
	case '٬':
		return ','
	case '،':
		return ','
	}
	switch {
	case r >= 0x0660 && r <= 0x0669:
		return '0' + (r - 0x0660)
	case r >= 0x06F0 && r <= 0x06F9:
		return '0' + (r - 0x06F0)
	}
	return r
}

// class is the character class of a normalized rune.
type class uint8

const (
	clSpace class = iota
	clDigit
	clLetter
	clOther
	clRemoved // dropped by normalization
)

// runeInfo is the normalized form and class of a rune.
type runeInfo struct {
	r rune
	c class
}

// asciiTab and arabicTab cache fold and classOf for ASCII and the Arabic
// block (U+0600–U+06FF), where nearly all runes of an Arabic text are.
var asciiTab, arabicTab = func() (a, b [256]runeInfo) {
	for r := rune(0); r < 256; r++ {
		a[r] = runeInfo{fold(r), classOf(fold(r))}
		ar := 0x0600 + r
		if removed(ar) {
			b[r] = runeInfo{ar, clRemoved}
		} else {
			b[r] = runeInfo{fold(ar), classOf(fold(ar))}
		}
	}
	return a, b
}()

// plainLetter tells, for each rune of U+0600–U+067F, whether it is a
// letter that normalization leaves as it is.
var plainLetter = func() (t arabicrun.Set) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = arabicTab[i] == runeInfo{r, clLetter}
	}
	return t
}()

// info returns the normalized form and class of r.
func info(r rune) runeInfo {
	switch {
	case r < 0x80:
		return asciiTab[r]
	case r >= 0x0600 && r < 0x0700:
		return arabicTab[r-0x0600]
	case removed(r):
		return runeInfo{r, clRemoved}
	}
	f := fold(r)
	return runeInfo{f, classOf(f)}
}

func classOf(r rune) class {
	switch {
	case r >= 0x0621 && r <= 0x064A, r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
		return clLetter
	case r >= '0' && r <= '9':
		return clDigit
	case r == ' ' || r == '\n' || r == '\t' || r == '\r':
		return clSpace
	case r < 0x80:
		return clOther
	case unicode.IsSpace(r):
		return clSpace
	case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
		return clLetter
	}
	return clOther
}

// newDoc normalizes text and tokenizes the normalized copy, scanning text
// alone: PublicationDate reads the head of a text of which it has no
// tokens, and tokenizing it first would only add work.
func newDoc(text string) *doc {
	return newDocBuf(text, nil, nil, nil)
}

// newDocBuf normalizes text and tokenizes the normalized copy, reading text
// through atoks, its tokens as arabic.Tokenize gives them (nil to read text
// alone): the words, numbers and punctuation marks where both tokenizers
// agree are taken from atoks, and the rest of the text (the spaces between
// them, and the tokens this package splits or joins differently: 19.5,
// كورونا19, words with letters to fold) is scanned rune by rune. The doc
// is the same either way. Its tokens are in buf's array when it has room
// for as many as text may hold, and the normalized text in *norms's array
// likewise when norms is not nil: the doc's strings are then valid only
// until the next call with norms, and *norms is left holding the array
// used.
func newDocBuf(text string, atoks []arabic.Token, buf []token, norms *[]byte) *doc {
	s := &scanner{toks: buf}
	if norms != nil {
		s.norm = *norms
	}
	d := new(doc)
	d.read(text, atoks, s)
	if norms != nil {
		*norms = s.norm
	}
	return d
}

// read sets d to text normalized and tokenized as newDocBuf does it, with
// the scanner s, whose arrays of tokens and of normalized bytes it reuses
// when they have room for text: d's tokens and normalized text are then
// valid until the next call with s, which is left holding the arrays used.
// A Finder keeps its doc and scanner from one text to the next, which
// would escape to the heap anew for each text otherwise.
func (d *doc) read(text string, atoks []arabic.Token, s *scanner) {
	*s = scanner{text: text, toks: s.toks[:0], norm: s.norm[:0], space: true}
	if cap(s.toks) < len(text)/8+4 {
		s.toks = make([]token, 0, len(text)/8+4)
	}
	if cap(s.norm) < len(text) {
		s.norm = make([]byte, 0, len(text))
	}
	arabic.ReadTokens(text, atoks, s)
	if s.open {
		s.toks = append(s.toks, s.cur)
	}
	// d.ns views the bytes built in norm, without a copy.
	*d = doc{text: text, toks: s.toks, ns: unsafe.String(unsafe.SliceData(s.norm), len(s.norm))}
	d.mergeNumbers()
}

// scanner normalizes and tokenizes a text one stretch of bytes after the
// other.
type scanner struct {
	text     string
	toks     []token
	norm     []byte // the normalized text scanned
	cur      token  // the open word or number token, when open
	open     bool
	curClass class
	space    bool // white space since the last token
	i, nr    int  // original and normalized runes scanned
}

// Gap scans text[from:to], the bytes between two tokens of arabic.Tokenize,
// at once when they are white space, as they nearly always are.
func (s *scanner) Gap(from, to int) {
	for k := from; k < to; k++ {
		if c := s.text[k]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			s.Scan(from, to)
			return
		}
	}
	s.close()
	s.space = true
	s.i += to - from
}

// close appends the open token, if any.
func (s *scanner) close() {
	if s.open {
		s.toks = append(s.toks, s.cur)
		s.open = false
	}
}

// Take appends the token of arabic.Tokenize t, which ends at byte end and
// is followed by the tokens next, when it is a token of this package as it
// stands: a punctuation mark, or a word of letters or a number of ASCII
// digits that the next rune does not extend. It reports whether it did;
// the token is then scanned.
func (s *scanner) Take(t *arabic.Token, end int, next []arabic.Token) bool {
	w := t.Text
	bs := len(s.norm)
	if t.Kind == arabic.Punct {
		r, size := utf8.DecodeRuneInString(w)
		ri := info(r)
		if size != len(w) || ri.c != clOther {
			return false
		}
		s.close()
		s.norm = utf8.AppendRune(s.norm, ri.r)
		s.push(token{kind: punct, r: ri.r}, t.Byte, end, 1, 1, 1, bs)
		return true
	}
	// The next rune ends the token: a space or ASCII punctuation, an
	// adjacent punctuation mark, or the end of the text.
	if s.open {
		return false
	}
	if end < len(s.text) {
		if c := s.text[end]; c >= utf8.RuneSelf || asciiTab[c].c == clLetter || asciiTab[c].c == clDigit {
			if len(next) == 0 || next[0].Byte != end || next[0].Kind != arabic.Punct {
				return false
			}
		}
	}
	switch {
	case t.Kind == arabic.Number:
		if !ascii(w, '0', '9', '0', '9') {
			return false
		}
		s.norm = append(s.norm, w...)
		s.push(token{kind: num, r: rune(w[0])}, t.Byte, end, len(w), len(w), len(w), bs)
	default:
		// An Arabic word, its letters folded and its marks dropped in one
		// pass (a word of plain letters is copied as it is), or else one
		// of ASCII letters.
		if b, last, ok := letterMap.Append(s.norm, w); ok && len(b) > bs {
			s.norm = b
			r := rune(b[bs]&0x1F)<<6 | rune(b[bs+1]&0x3F) // two bytes: see letterMap
			// The word ends, in the original text, with its last rune
			// kept: doc.origSpan takes the marks after it back into a
			// match.
			s.push(token{kind: word, r: r}, t.Byte, t.Byte+last, len(w)/2, last/2, (len(b)-bs)/2, bs)
			return true
		}
		if len(w) == 0 || !ascii(w, 'a', 'z', 'A', 'Z') {
			return false
		}
		s.norm = append(s.norm, w...)
		s.push(token{kind: word, r: rune(w[0])}, t.Byte, end, len(w), len(w), len(w), bs)
	}
	return true
}

// push appends tok, whose normalized form is s.norm[bs:], of kept runes,
// with its offsets: it spans the original bytes [ob, oe), of which it
// takes n runes, the first spanned of them (the others being marks that
// normalization removes).
func (s *scanner) push(tok token, ob, oe, n, spanned, kept, bs int) {
	tok.start, tok.end = s.nr, s.nr+kept
	tok.bs, tok.be = int32(bs), int32(len(s.norm))
	tok.ob, tok.oeb = int32(ob), int32(oe)
	tok.or, tok.oer = int32(s.i), int32(s.i+spanned)
	tok.space = s.space
	s.toks = append(s.toks, tok)
	s.space = false
	s.i += n
	s.nr = tok.end
}

// letterMap maps the letters of U+0600–U+067F to their normalized forms,
// and the marks that normalization removes to nothing.
var letterMap = func() (m arabicrun.Map) {
	for i := range m {
		switch ri := arabicTab[i]; {
		case ri.c == clRemoved:
			m[i] = arabicrun.Dropped
		case ri.c == clLetter && ri.r >= 0x0600 && ri.r < 0x0680:
			m[i] = arabicrun.Mapped(ri.r)
		}
	}
	return m
}()

// ascii reports whether w is made of ASCII bytes of the ranges [a0, a1]
// and [b0, b1].
func ascii(w string, a0, a1, b0, b1 byte) bool {
	for k := 0; k < len(w); k++ {
		if c := w[k]; !(a0 <= c && c <= a1 || b0 <= c && c <= b1) {
			return false
		}
	}
	return true
}

// Scan normalizes and tokenizes text[from:to], from being where the last
// Scan or Take ended.
func (s *scanner) Scan(from, to int) {
	text, norm, cur, open, curClass, space, i, nr := s.text, s.norm, s.cur, s.open, s.curClass, s.space, s.i, s.nr
	toks := s.toks
	for b, next := from, from; b < to; b = next {
		if open && curClass == clLetter {
			// Inside a word: take the letters that normalization keeps
			// as they are, most of an Arabic word, at once.
			if n := plainLetter.Len(text[b:to]); n > 0 {
				norm = append(norm, text[b:b+n]...)
				i += n / 2
				nr += n / 2
				cur.end, cur.be = nr, int32(len(norm))
				cur.oeb, cur.oer = int32(b+n), int32(i)
				next = b + n
				continue
			}
		}
		// Decoded here rather than by range: the two-byte runes of the
		// Arabic block take the inline path, not a runtime call.
		var r rune
		size := 1
		switch c := text[b]; {
		case c < utf8.RuneSelf:
			r = rune(c)
		case c >= 0xC2 && c < 0xE0 && b+1 < len(text) && text[b+1]&0xC0 == 0x80:
			r, size = rune(c&0x1F)<<6|rune(text[b+1]&0x3F), 2
		default:
			r, size = utf8.DecodeRuneInString(text[b:])
		}
		next = b + size
		ri := info(r)
		if ri.c == clRemoved {
			i++
			continue
		}
		r, c := ri.r, ri.c
		if c == clSpace {
			if open {
				toks = append(toks, cur)
				open = false
			}
			space = true
			i++
			continue
		}
		bs := len(norm)
		switch {
		case r < 0x80:
			norm = append(norm, byte(r))
		case r < 0x800:
			norm = append(norm, byte(0xC0|r>>6), byte(0x80|r&0x3F))
		default:
			norm = utf8.AppendRune(norm, r)
		}
		if open && c == curClass {
			cur.end, cur.be = nr+1, int32(len(norm))
			cur.oeb, cur.oer = int32(b+size), int32(i+1)
		} else {
			if open {
				toks = append(toks, cur)
			}
			k := word
			switch c {
			case clDigit:
				k = num
			case clOther:
				k = punct
			}
			cur = token{kind: k, start: nr, end: nr + 1, space: space,
				bs: int32(bs), be: int32(len(norm)), r: r,
				ob: int32(b), oeb: int32(b + size), or: int32(i), oer: int32(i + 1)}
			open, curClass, space = true, c, false
			if c == clOther {
				toks = append(toks, cur)
				open = false
			}
		}
		i++
		nr++
	}
	s.toks, s.norm, s.cur, s.open, s.curClass, s.space, s.i, s.nr = toks, norm, cur, open, curClass, space, i, nr
}

// mergeNumbers joins 19.5 and 1,000 into one numx token (never a date part)
// and computes the value of number tokens.
func (d *doc) mergeNumbers() {
	w := 0 // write index; equals k until a merge happens
	for k := 0; k < len(d.toks); k, w = k+1, w+1 {
		if d.toks[k].kind != num { // not copied: most tokens are words
			if w != k {
				d.toks[w] = d.toks[k]
			}
			continue
		}
		t := d.toks[k]
		for k+2 < len(d.toks) {
			sep, nx := &d.toks[k+1], &d.toks[k+2]
			if sep.kind != punct || sep.space || (sep.r != '.' && sep.r != ',') || nx.kind != num || nx.space {
				break
			}
			t.kind = numx
			t.end, t.be, t.oeb, t.oer = nx.end, nx.be, nx.oeb, nx.oer
			k += 2
		}
		if t.kind == num {
			t.nd, t.n = 255, -1
			if nd := t.end - t.start; nd <= 9 {
				v := 0
				for _, c := range []byte(d.ns[t.bs:t.be]) {
					v = v*10 + int(c-'0')
				}
				t.n, t.nd = v, uint8(nd)
			}
		}
		d.toks[w] = t
	}
	d.toks = d.toks[:w]
}

// str returns the normalized text of t.
func (d *doc) str(t token) string { return d.ns[t.bs:t.be] }

// origSpan maps a match, from normalized rune start (inside or at the
// start of a token) to the end of token last, to the original text: byte
// offsets [bs, be) and rune offsets [s, e). The end is extended over
// diacritics and tatweel that follow the last rune, so that "غداً" is taken
// whole.
func (d *doc) origSpan(start, last int) (bs, be, s, e int) {
	k := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > start })
	if k > last {
		k = last
	}
	t := d.toks[k]
	bs, s = int(t.ob), int(t.or)
	// Skip the clitic: start - t.start kept runes, and what was removed among them.
	for skip := start - t.start; skip > 0 && bs < len(d.text); {
		r, size := utf8.DecodeRuneInString(d.text[bs:])
		if !removed(r) {
			skip--
		}
		bs, s = bs+size, s+1
	}
	for bs < len(d.text) && start != t.start { // diacritics after a clitic belong to it
		r, size := utf8.DecodeRuneInString(d.text[bs:])
		if !removed(r) {
			break
		}
		bs, s = bs+size, s+1
	}
	be, e = int(d.toks[last].oeb), int(d.toks[last].oer)
	for be < len(d.text) {
		r, size := utf8.DecodeRuneInString(d.text[be:])
		if !removed(r) {
			break
		}
		be, e = be+size, e+1
	}
	return bs, be, s, e
}
