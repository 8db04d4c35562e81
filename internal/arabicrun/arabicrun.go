// Package arabicrun finds runs of Arabic letters in UTF-8 text a byte pair
// at a time, for tokenizers that take the letters a normalization leaves
// as they are without decoding them one by one.
package arabicrun

import "slices"

// Set holds a yes or no for each rune of U+0600–U+067F, the runes whose
// UTF-8 form is two bytes led by 0xD8 or 0xD9.
type Set [128]bool

// Len returns the length in bytes of the longest prefix of s made of runes
// of the set.
func (set *Set) Len(s string) int {
	n := 0
	for n+1 < len(s) {
		c, d := s[n], s[n+1]
		if c&^1 != 0xD8 || d&0xC0 != 0x80 || !set[pairKey(c, d)] {
			break
		}
		n += 2
	}
	return n
}

// Pairs is a set of pairs of runes of U+0600–U+067F, told apart by the
// low bits of their UTF-8 bytes. Has answers for any four bytes: four that
// are not such a pair, or another pair, may be taken for one of the set,
// never the reverse. Pairs tells cheaply where a word of a list may be
// (by its first or last two letters), for a test of the word to follow.
type Pairs [128][2]uint64

// pairKey folds two bytes into 0..127: the rune of U+0600–U+067F that
// they are, less U+0600, when they are one (lead byte 0xD8 or 0xD9, and a
// continuation byte). The mask spares the callers' bounds checks.
func pairKey(b0, b1 byte) uint8 { return ((b0&1)<<6 | b1&0x3F) & 127 }

// Add adds the pair of runes that the first four bytes of s encode; s
// holds at least four bytes.
func (p *Pairs) Add(s string) {
	k1, k2 := pairKey(s[0], s[1]), pairKey(s[2], s[3])
	p[k1][k2/64] |= 1 << (k2 % 64)
}

// Has reports whether the first four bytes of s may encode a pair of the
// set; s holds at least four bytes.
func (p *Pairs) Has(s string) bool {
	_ = s[3] // one bounds check, not four
	k1, k2 := pairKey(s[0], s[1]), pairKey(s[2], s[3])
	return p[k1][k2/64]&(1<<(k2%64)) != 0
}

// Map maps each rune of U+0600–U+067F to a rune of that range (Mapped),
// to nothing (Dropped), or to no answer (the zero value), for the
// normalizations that fold letters and drop marks of the Arabic block.
type Map [128]uint16

// Dropped is the value of Map for a rune that maps to nothing.
const Dropped uint16 = 1

// Mapped returns the value of Map for a rune that maps to r, which lies in
// U+0600–U+067F.
func Mapped(r rune) uint16 { return uint16(r) }

// Append appends the image of s to dst when s is made only of runes of
// U+0600–U+067F that m has an answer for, and reports whether it did
// (else dst is returned as it was). last is the length of the prefix of s
// that ends with its last rune not dropped.
func (m *Map) Append(dst []byte, s string) (out []byte, last int, ok bool) {
	n0 := len(dst)
	if len(s)%2 != 0 {
		return dst, 0, false
	}
	out = slices.Grow(dst, len(s))[:n0+len(s)]
	j := n0
	for n := 0; n+1 < len(s); n += 2 {
		c, d := s[n], s[n+1]
		v := m[pairKey(c, d)]
		if c&^1 != 0xD8 || d&0xC0 != 0x80 || v == 0 {
			return out[:n0], 0, false
		}
		if v != Dropped {
			out[j], out[j+1] = byte(0xC0|v>>6), byte(0x80|v&0x3F)
			j += 2
			last = n + 2
		}
	}
	return out[:j], last, true
}

// Words is a bit set of hashes of words (of their length and their first
// and last four bytes, all the bytes of a word of up to eight). Has may
// take a word that was not added for one that was, never the reverse: it
// tells cheaply that a word is none of a list, before a map of them is
// asked.
type Words [wordBits / 64]uint64

const (
	wordLog  = 14
	wordBits = 1 << wordLog
)

// Add adds w to the set.
func (s *Words) Add(w string) {
	k := wordKey(w)
	s[k/64] |= 1 << (k % 64)
}

// Has reports whether w may have been added to the set.
func (s *Words) Has(w string) bool {
	k := wordKey(w)
	return s[k/64]&(1<<(k%64)) != 0
}

// wordKey hashes w's length and its first and last four bytes, in two
// 4-byte loads, or all the bytes of a shorter word.
func wordKey(w string) uint {
	if len(w) < 4 {
		h := uint(len(w))
		for i := 0; i < len(w); i++ {
			h = h*131 + uint(w[i])
		}
		return h & (wordBits - 1)
	}
	x := uint64(le32(w))<<32 | uint64(le32(w[len(w)-4:]))
	return uint(x*0x9E3779B97F4A7C15^uint64(len(w))*0xC2B2AE3D27D4EB4F) >> (64 - wordLog)
}

// le32 reads the first four bytes of s as a little-endian number, which
// the compiler makes one load.
func le32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}
