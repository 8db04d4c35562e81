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
