package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NormalizeOptions selects the steps of Normalize. Every step is on in
// DefaultNormalizeOptions except FoldHamza.
type NormalizeOptions struct {
	NFKC            bool // Unicode NFKC: presentation forms, lam-alef ligatures, full-width forms
	FoldDigits      bool // every decimal digit to ASCII; ٫ to '.'; thousands separators dropped
	StripDiacritics bool // tatweel, harakat U+064B–U+0652, dagger alef U+0670, U+0653–U+0655, Quranic marks
	FoldAlef        bool // آ أ إ ٱ → ا
	FoldYeh         bool // ى → ي
	FoldTehMarbuta  bool // ة → ه
	FoldPersian     bool // ی ے → ي, ک → ك, ۀ ہ ە → ه
	FoldHamza       bool // hamza on carriers: ؤ → و, ئ → ي (off by default)
	LowerCase       bool // Latin letters to lower case
}

// DefaultNormalizeOptions returns the options used for search: all steps on
// except FoldHamza.
func DefaultNormalizeOptions() NormalizeOptions {
	return NormalizeOptions{NFKC: true, FoldDigits: true, StripDiacritics: true, FoldAlef: true,
		FoldYeh: true, FoldTehMarbuta: true, FoldPersian: true, LowerCase: true}
}

// Normalize returns the normalized form of one token, or of any text.
//
//	Normalize("الحُوَار", DefaultNormalizeOptions()) == "الحوار"
//	Normalize("٢٠٢١", DefaultNormalizeOptions()) == "2021"
func Normalize(s string, o NormalizeOptions) string {
	return string(AppendNormalized(nil, s, o))
}

// AppendNormalized appends the normalized form of s to dst. It allocates
// nothing beyond the growth of dst unless s needs NFKC.
func AppendNormalized(dst []byte, s string, o NormalizeOptions) []byte {
	if o.NFKC && needsNFKC(s) {
		s = norm.NFKC.String(s)
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if o.LowerCase && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := decodeRune(s, i)
		i += size
		if r == utf8.RuneError && size == 1 {
			continue // invalid byte: dropped
		}
		r = foldRune(r, o)
		if r < 0 {
			continue
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// foldRune returns the normalized rune, or -1 when r is removed.
func foldRune(r rune, o NormalizeOptions) rune {
	if r >= 0x0621 && r <= 0x064A && r != 0x0622 && r != 0x0623 && r != 0x0625 && r != 0x0629 &&
		r != 0x0649 && r != 0x0624 && r != 0x0626 && r != 0x0640 {
		return r // the common case: an Arabic letter no option changes
	}
	switch {
	case r >= 0x064B && r <= 0x0655 || r == 0x0670 || r == 0x0640 ||
		r >= 0x0610 && r <= 0x061A || r >= 0x06D6 && r <= 0x06ED && r != 0x06E5 && r != 0x06E6 ||
		r == 0x200C || r == 0x200D:
		if o.StripDiacritics {
			return -1
		}
	case r == 'آ' || r == 'أ' || r == 'إ' || r == 'ٱ':
		if o.FoldAlef {
			return 'ا'
		}
	case r == 'ى':
		if o.FoldYeh {
			return 'ي'
		}
	case r == 'ة':
		if o.FoldTehMarbuta {
			return 'ه'
		}
	case r == 'ی' || r == 'ے':
		if o.FoldPersian {
			return 'ي'
		}
	case r == 'ک':
		if o.FoldPersian {
			return 'ك'
		}
	case r == 'ۀ' || r == 'ہ' || r == 'ە':
		if o.FoldPersian {
			return 'ه'
		}
	case r == 'ؤ':
		if o.FoldHamza {
			return 'و'
		}
	case r == 'ئ':
		if o.FoldHamza {
			return 'ي'
		}
	case r == 0x066B: // Arabic decimal separator
		if o.FoldDigits {
			return '.'
		}
	case r == 0x066C: // Arabic thousands separator
		if o.FoldDigits {
			return ','
		}
	case unicode.IsDigit(r):
		if o.FoldDigits {
			return '0' + digitValue(r)
		}
	default:
		if o.LowerCase && r < 0x0600 {
			return unicode.ToLower(r)
		}
	}
	return r
}

// digitValue returns the value of a decimal digit: Unicode puts each set of
// decimal digits in a run of ten code points from zero.
func digitValue(r rune) rune {
	switch {
	case r >= 0x0660 && r <= 0x0669:
		return r - 0x0660
	case r >= 0x06F0 && r <= 0x06F9:
		return r - 0x06F0
	}
	v := rune(0)
	for v < 9 && unicode.IsDigit(r-v-1) {
		v++
	}
	return v
}

// needsNFKC reports whether s holds a character that NFKC changes in ways
// the rune folding does not cover: presentation forms, ligatures, full-width
// and other compatibility characters, and combining hamza and madda, which
// NFKC composes with their base letter.
func needsNFKC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, size := decodeRune(s, i)
		i += size - 1
		if nfkcRune(r) {
			return true
		}
	}
	return false
}

// nfkcRune reports whether NFKC may change r (see needsNFKC).
func nfkcRune(r rune) bool {
	return r >= 0xFB00 || r >= 0x0653 && r <= 0x0655 || r >= 0x2000 && r <= 0x33FF || r == 0x00A0 || r >= 0x00B2 && r <= 0x00BE
}

// unchanged reports whether normalizing s with o leaves it as it is, so
// that the analyzer can use s itself without copying it.
func unchanged(s string, o NormalizeOptions) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if o.LowerCase && 'A' <= c && c <= 'Z' {
				return false
			}
			i++
			continue
		}
		r, size := decodeRune(s, i)
		if r == utf8.RuneError && size == 1 || o.NFKC && nfkcRune(r) || foldRune(r, o) != r {
			return false
		}
		i += size
	}
	return true
}

// foldNumber removes thousands separators from a normalized number:
// "2,000" → "2000". A comma followed by other than three digits is kept as a
// decimal comma and becomes '.'.
func foldNumber(s string) string {
	if !strings.ContainsRune(s, ',') {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			rest := s[i+1:]
			if len(rest) >= 3 && isASCIIDigitRun(rest[:3]) && (len(rest) == 3 || !isDigitByte(rest[3])) {
				continue
			}
			b.WriteByte('.')
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

// decodeRune decodes the rune at s[i:], with a fast path for the two-byte
// sequences of the Arabic block (U+0600–U+06FF).
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xD8 && c <= 0xDB && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
		return rune(c&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}
