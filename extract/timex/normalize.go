package timex

import (
	"sort"
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
	start, end int   // [start, end) in normalized runes
	n          int   // value of a num token (-1 when it has more than 9 digits)
	bs, be     int32 // [bs, be) in normalized bytes
	r          rune  // the rune of a punct token
	ob, oeb    int32 // original byte offsets of the first rune and just after the last
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
)

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

// newDoc normalizes text and tokenizes the normalized copy in one pass.
func newDoc(text string) *doc {
	d := &doc{text: text, toks: make([]token, 0, len(text)/8+4)}
	norm := make([]byte, 0, len(text))
	var cur token // the open word or number token, when open
	open := false
	curClass := clSpace
	space := true
	i, nr := 0, 0
	for b, r := range text {
		if r == ' ' || r == '\n' {
			if open {
				d.toks = append(d.toks, cur)
				open = false
			}
			space = true
			i++
			continue
		}
		if removed(r) {
			i++
			continue
		}
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(text[b:])
		}
		r = fold(r)
		c := classOf(r)
		if c == clSpace {
			if open {
				d.toks = append(d.toks, cur)
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
			cur.oeb = int32(b + size)
		} else {
			if open {
				d.toks = append(d.toks, cur)
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
				ob: int32(b), oeb: int32(b + size)}
			open, curClass, space = true, c, false
			if c == clOther {
				d.toks = append(d.toks, cur)
				open = false
			}
		}
		i++
		nr++
	}
	if open {
		d.toks = append(d.toks, cur)
	}
	d.ns = string(norm)
	d.mergeNumbers()
	return d
}

// mergeNumbers joins 19.5 and 1,000 into one numx token (never a date part)
// and computes the value of number tokens.
func (d *doc) mergeNumbers() {
	w := 0 // write index; equals k until a merge happens
	for k := 0; k < len(d.toks); k, w = k+1, w+1 {
		t := d.toks[k]
		if t.kind == num {
			for k+2 < len(d.toks) {
				sep, nx := d.toks[k+1], d.toks[k+2]
				if sep.kind != punct || sep.space || (sep.r != '.' && sep.r != ',') || nx.kind != num || nx.space {
					break
				}
				t.kind = numx
				t.end, t.be, t.oeb = nx.end, nx.be, nx.oeb
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
		} else if w != k {
			d.toks[w] = t
		}
	}
	d.toks = d.toks[:w]
}

// str returns the normalized text of t.
func (d *doc) str(t token) string { return d.ns[t.bs:t.be] }

// runeCursor converts increasing byte offsets of the original text to rune
// offsets, counting runes as string([]rune(text)) does.
type runeCursor struct {
	text        string
	byte, runes int
}

// at returns the rune offset of byte offset b (b must not decrease between calls).
func (c *runeCursor) at(b int) int {
	if b < c.byte { // not expected: restart
		c.byte, c.runes = 0, 0
	}
	c.runes += utf8.RuneCountInString(c.text[c.byte:b])
	c.byte = b
	return c.runes
}

// origSpan maps a match, from normalized rune start (inside or at the
// start of a token) to the end of token last, to the original text: byte
// offsets [bs, be). The end is extended over diacritics and tatweel that
// follow the last rune, so that "غداً" is taken whole.
func (d *doc) origSpan(start, last int) (bs, be int) {
	k := sort.Search(len(d.toks), func(k int) bool { return d.toks[k].end > start })
	if k > last {
		k = last
	}
	t := d.toks[k]
	bs = int(t.ob)
	// Skip the clitic: start - t.start kept runes, and what was removed among them.
	for skip := start - t.start; skip > 0 && bs < len(d.text); {
		r, size := utf8.DecodeRuneInString(d.text[bs:])
		if !removed(r) {
			skip--
		}
		bs += size
	}
	for bs < len(d.text) && start != t.start { // diacritics after a clitic belong to it
		r, size := utf8.DecodeRuneInString(d.text[bs:])
		if !removed(r) {
			break
		}
		bs += size
	}
	be = int(d.toks[last].oeb)
	for be < len(d.text) {
		r, size := utf8.DecodeRuneInString(d.text[be:])
		if !removed(r) {
			break
		}
		be += size
	}
	return bs, be
}
