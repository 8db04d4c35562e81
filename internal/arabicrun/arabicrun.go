// Package arabicrun finds runs of Arabic letters in UTF-8 text a byte pair
// at a time, for tokenizers that take the letters a normalization leaves
// as they are without decoding them one by one.
package arabicrun

// Set holds a yes or no for each rune of U+0600–U+067F, the runes whose
// UTF-8 form is two bytes led by 0xD8 or 0xD9.
type Set [128]bool

// Len returns the length in bytes of the longest prefix of s made of runes
// of the set.
func (set *Set) Len(s string) int {
	n := 0
	for n+1 < len(s) {
		// The rune of lead byte c (0xD8 or 0xD9) and continuation byte
		// d is U+0600 + (c&1)<<6 | d&0x3F, below U+0680: the index is
		// below 128 without a bounds check.
		c, d := s[n], s[n+1]
		if c&^1 != 0xD8 || d&0xC0 != 0x80 || !set[((c&1)<<6|d&0x3F)&127] {
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
// they are, less U+0600, when they are one.
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
	k1, k2 := pairKey(s[0], s[1]), pairKey(s[2], s[3])
	return p[k1][k2/64]&(1<<(k2%64)) != 0
}
