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
