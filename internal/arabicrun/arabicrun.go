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
	for n+1 < len(s) && (s[n] == 0xD8 || s[n] == 0xD9) && s[n+1]&0xC0 == 0x80 &&
		set[rune(s[n]&0x1F)<<6|rune(s[n+1]&0x3F)-0x0600] {
		n += 2
	}
	return n
}
