package entity

// tailFilter is a filter of a set of strings that tells cheaply whether a
// string may end with one of them (or be one): most words of an article
// end with none of the few words a rule looks for, and the filter rejects
// them without the map lookups of the words and of their bases after a
// proclitic, which are suffixes of them. It has no false negatives. It
// hashes the last two Arabic letters of a word; suffixFilter, four.
type tailFilter struct {
	bits  [1 << (tailBits - 6)]uint64
	short uint8 // bit L: a string of L < 4 bytes was added
}

// tailBits is the size of a tailFilter, in bits of the hash.
const tailBits = 10

// tailHash hashes the last four bytes of s, which has four or more, or
// the whole of a shorter s, to tailBits bits.
func tailHash(s string) uint32 {
	n := len(s)
	var v uint32
	if n >= 4 {
		v = uint32(s[n-4]) | uint32(s[n-3])<<8 | uint32(s[n-2])<<16 | uint32(s[n-1])<<24
	} else {
		v = uint32(n) << 24
		for i := range n {
			v |= uint32(s[i]) << (8 * i)
		}
		v = ^v
	}
	return v * 0x9e3779b1 >> (32 - tailBits)
}

// add adds s to the set.
func (f *tailFilter) add(s string) {
	if len(s) < 4 {
		f.short |= 1 << len(s)
	}
	h := tailHash(s)
	f.bits[h>>6] |= 1 << (h & 63)
}

// has reports whether the bit of hash h is set.
func (f *tailFilter) has(h uint32) bool { return f.bits[h>>6]&(1<<(h&63)) != 0 }

// mayEnd reports whether k may end with a string of the set: false when
// it surely does not.
func (f *tailFilter) mayEnd(k string) bool {
	if len(k) >= 4 && f.has(tailHash(k)) {
		return true
	}
	if f.short != 0 {
		for n := 0; n < 4 && n <= len(k); n++ {
			if f.short&(1<<n) != 0 && f.has(tailHash(k[len(k)-n:])) {
				return true
			}
		}
	}
	return false
}

// newTailFilter returns the filter of the words of m.
func newTailFilter(m map[string]bool) *tailFilter {
	f := &tailFilter{}
	for w := range m {
		f.add(w)
	}
	return f
}
