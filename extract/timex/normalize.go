package timex

import (
	"unicode"
	"unicode/utf8"
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
	s          string // normalized text of the token
	start, end int    // [start, end) in normalized runes
	kind       kind
	space      bool // preceded by white space or at the start of the text
	n          int  // value of a num token (-1 when it has more than 9 digits)
	nd         int  // number of digits of a num token
}

// doc is a text prepared for matching: a normalized copy with a map from
// each of its runes to the rune index in the original text, and its tokens.
type doc struct {
	norm    []byte // normalized text (UTF-8)
	ns      string // norm as a string, sliced by tokens without copying
	orig    []int  // orig[i] is the original rune index of normalized rune i
	byteOff []int  // byteOff[i] is the byte offset in norm of normalized rune i (len+1 entries)
	origLen int    // number of runes in the original text
	toks    []token
}

// removed reports whether r is dropped by normalization: Arabic diacritics,
// the superscript alef, tatweel and invisible format characters.
func removed(r rune) bool {
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

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isDash(r rune) bool {
	return r == '-' || r == '–' || r == '—' || r == '‐' || r == '−'
}

// newDoc normalizes text and tokenizes the normalized copy.
func newDoc(text string) *doc {
	d := &doc{
		norm:    make([]byte, 0, len(text)),
		orig:    make([]int, 0, len(text)/2+1),
		byteOff: make([]int, 0, len(text)/2+2),
	}
	i := 0
	for _, r := range text {
		if !removed(r) {
			r = fold(r)
			d.byteOff = append(d.byteOff, len(d.norm))
			d.orig = append(d.orig, i)
			d.norm = utf8.AppendRune(d.norm, r)
		}
		i++
	}
	d.origLen = i
	d.byteOff = append(d.byteOff, len(d.norm))
	d.ns = string(d.norm)
	d.tokenize()
	return d
}

// runeAt returns the normalized rune at normalized index i.
func (d *doc) runeAt(i int) rune {
	r, _ := utf8.DecodeRune(d.norm[d.byteOff[i]:])
	return r
}

func (d *doc) tokenize() {
	n := len(d.orig)
	space := true
	for i := 0; i < n; {
		r := d.runeAt(i)
		switch {
		case unicode.IsSpace(r):
			space = true
			i++
			continue
		case isDigit(r):
			j := i
			for j < n && isDigit(d.runeAt(j)) {
				j++
			}
			k := kind(num)
			// 19.5, 1,000, 2.5: a separator between digits makes one number
			// that is never part of a date.
			for j+1 < n && (d.runeAt(j) == '.' || d.runeAt(j) == ',') && isDigit(d.runeAt(j+1)) {
				k = numx
				j++
				for j < n && isDigit(d.runeAt(j)) {
					j++
				}
			}
			t := token{kind: k, start: i, end: j, space: space, nd: j - i, n: -1}
			t.s = d.ns[d.byteOff[i]:d.byteOff[j]]
			if k == num && t.nd <= 9 {
				v := 0
				for _, c := range t.s {
					v = v*10 + int(c-'0')
				}
				t.n = v
			}
			d.toks = append(d.toks, t)
			i = j
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i
			for j < n {
				c := d.runeAt(j)
				if !(unicode.IsLetter(c) || unicode.Is(unicode.Mn, c)) {
					break
				}
				j++
			}
			d.toks = append(d.toks, token{kind: word, start: i, end: j, space: space,
				s: d.ns[d.byteOff[i]:d.byteOff[j]]})
			i = j
		default:
			d.toks = append(d.toks, token{kind: punct, start: i, end: i + 1, space: space,
				s: d.ns[d.byteOff[i]:d.byteOff[i+1]]})
			i++
		}
		space = false
	}
}

// origSpan maps a normalized rune range [start, end) to the original text.
// The end is extended over diacritics and tatweel that follow the last rune,
// so that "غداً" is taken whole.
func (d *doc) origSpan(start, end int, rs []rune) (int, int) {
	s := d.orig[start]
	e := d.orig[end-1] + 1
	for e < len(rs) && removed(rs[e]) {
		e++
	}
	return s, e
}
