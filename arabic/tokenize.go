package arabic

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Kind is the kind of a token.
type Kind uint8

// Token kinds.
const (
	Word   Kind = iota // a run of letters (Arabic or Latin, with their marks)
	Number             // digits, with internal decimal or thousands separators
	Punct              // one punctuation mark or symbol
)

func (k Kind) String() string {
	switch k {
	case Word:
		return "word"
	case Number:
		return "number"
	default:
		return "punct"
	}
}

// Token is one token of a text. Text is the original slice; Start and End are
// rune offsets of it in the original text and Byte its byte offset, so that
// text[Byte:Byte+len(Text)] == Text. Norm, Stem and Stop are set by an
// Analyzer; Tokenize leaves them empty.
type Token struct {
	Text  string `json:"text"`
	Norm  string `json:"norm"`
	Stem  string `json:"stem"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Stop  bool   `json:"stop"`
	Kind  Kind   `json:"-"`
	// StemID numbers Stem among the stems of the lexicon's words when the
	// Analyzer stems with the lexicon and folds teh marbuta (as with
	// DefaultOptions): tokens with the same Stem have the same StemID,
	// tokens with different ones different StemIDs, which ascend in the
	// byte order of their stems. It is 0 when Stem is the stem of no word
	// of the lexicon, or with other options. A caller may key a table by
	// it rather than by Stem, and sort by it.
	StemID uint32 `json:"-"`
	Byte   int    `json:"-"`
}

// EndIn returns the byte offset in text where t ends, and whether t is a
// token of text that starts at or after byte from: its Text is not empty
// and is the bytes of text at t.Byte. A consumer that reads text through
// its tokens, in order, stops at the first one that is not.
func (t *Token) EndIn(text string, from int) (int, bool) {
	end := t.Byte + len(t.Text)
	if t.Byte < from || end > len(text) || len(t.Text) == 0 {
		return 0, false
	}
	// Tokens slice the text they came from: comparing where the bytes
	// are saves comparing them.
	return end, unsafe.StringData(t.Text) == unsafe.StringData(text[t.Byte:]) || t.Text == text[t.Byte:end]
}

// Tokenize splits text into words, numbers and punctuation marks, with their
// offsets in text. Whitespace, control characters and invalid UTF-8 separate
// tokens and are never part of one. Arabic and Latin letters do not mix in
// one token; Latin letters and digits do ("F16", "COVID19"). A number may
// hold one separator between digits: "19.5", "١٩٫٥", "2,000".
func Tokenize(text string) []Token {
	return AppendTokens(nil, text)
}

// AppendTokens appends the tokens of text to dst and returns the extended slice.
func AppendTokens(dst []Token, text string) []Token {
	var (
		i, ri     int // byte and rune position
		start     = -1
		startRune int
		kind      Kind
		script    byte // 'a' Arabic, 'l' other letters
	)
	flush := func(endByte, endRune int) {
		if start >= 0 {
			dst = append(dst, Token{Text: text[start:endByte], Start: startRune, End: endRune, Kind: kind, Byte: start})
			start = -1
		}
	}
	for i < len(text) {
		if start >= 0 && kind == Word && script == 'a' {
			// Inside an Arabic word: take its letters and marks at once.
			for i+1 < len(text) && arabicLetterOrMark(text[i], text[i+1]) {
				i += 2
				ri++
			}
			if i >= len(text) {
				break
			}
		}
		// The commonest cases first: a space, and an Arabic letter
		// starting a word.
		if text[i] == ' ' {
			flush(i, ri)
			i++
			ri++
			continue
		}
		if start < 0 && i+1 < len(text) && arabicLetter(text[i], text[i+1]) {
			start, startRune, kind, script = i, ri, Word, 'a'
			i += 2
			ri++
			continue
		}
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = decodeRune(text, i)
		}
		class := classify(r, size)
		switch class {
		case cLetter:
			s := scriptOf(r)
			if start >= 0 && (kind == Word && s == script || kind == Number && s == 'l' && isASCIIDigitRun(text[start:i])) {
				if kind == Number {
					kind = Word // "19A": Latin alnum
					script = s
				}
				break
			}
			if start >= 0 && kind == Word && s == 'l' && script == 'l' {
				break
			}
			flush(i, ri)
			start, startRune, kind, script = i, ri, Word, s
		case cMark:
			if start >= 0 && kind == Word {
				break
			}
			flush(i, ri) // a lone mark is not a token
		case cDigit:
			if start >= 0 && (kind == Number || kind == Word && script == 'l') {
				break
			}
			flush(i, ri)
			start, startRune, kind = i, ri, Number
		case cSeparator:
			// a decimal or thousands separator between two digits stays in the number
			if start >= 0 && kind == Number && i+size < len(text) && lastIsDigit(text[start:i]) {
				nr, _ := utf8.DecodeRuneInString(text[i+size:])
				if unicode.IsDigit(nr) {
					break
				}
			}
			flush(i, ri)
			dst = append(dst, Token{Text: text[i : i+size], Start: ri, End: ri + 1, Kind: Punct, Byte: i})
		case cPunct:
			flush(i, ri)
			dst = append(dst, Token{Text: text[i : i+size], Start: ri, End: ri + 1, Kind: Punct, Byte: i})
		default: // space, control, invalid
			flush(i, ri)
		}
		i += size
		ri++
	}
	flush(i, ri)
	return dst
}

// arabicLetterOrMark reports whether c0, c1 are the UTF-8 encoding of an
// Arabic letter (U+0621–U+063A, U+0641–U+064A), the tatweel (U+0640) or
// an Arabic mark (U+064B–U+065F): the runes that continue an Arabic word.
func arabicLetterOrMark(c0, c1 byte) bool {
	return c0 == 0xD8 && c1-0xA1 <= 0xBA-0xA1 || c0 == 0xD9 && c1-0x80 <= 0x9F-0x80
}

// arabicLetter reports whether c0, c1 are the UTF-8 encoding of an Arabic
// letter, U+0621–U+063A or U+0641–U+064A.
func arabicLetter(c0, c1 byte) bool {
	return c0 == 0xD8 && c1-0xA1 <= 0xBA-0xA1 || c0 == 0xD9 && c1-0x81 <= 0x8A-0x81
}

type charClass uint8

const (
	cSpace charClass = iota
	cLetter
	cMark
	cDigit
	cSeparator // may sit inside a number
	cPunct
)

func classify(r rune, size int) charClass {
	if r < utf8.RuneSelf {
		switch {
		case 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z':
			return cLetter
		case '0' <= r && r <= '9':
			return cDigit
		case r == '.' || r == ',':
			return cSeparator
		case r <= ' ' || r == 0x7f:
			return cSpace
		default:
			return cPunct
		}
	}
	if r == utf8.RuneError && size == 1 {
		return cSpace
	}
	switch {
	case r >= 0x0621 && r <= 0x063A || r >= 0x0641 && r <= 0x064A: // the Arabic letters
		return cLetter
	case r >= 0x064B && r <= 0x065F: // harakat and other Arabic marks
		return cMark
	case r == 0x066B || r == 0x066C: // Arabic decimal and thousands separators
		return cSeparator
	case r == 0x0640: // tatweel stretches a word
		return cMark
	case unicode.IsLetter(r):
		return cLetter
	case unicode.IsMark(r) || r == 0x200C || r == 0x200D: // combining marks, ZWNJ, ZWJ
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
		return cSpace
	default:
		return cPunct
	}
}

// scriptOf tells Arabic-script letters ('a') from all others ('l').
func scriptOf(r rune) byte {
	if r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF ||
		r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF {
		return 'a'
	}
	return 'l'
}

func lastIsDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsDigit(r)
}

func isASCIIDigitRun(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
