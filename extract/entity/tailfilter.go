package entity

// tailFilter is a filter of a set of strings that tells cheaply whether a
// string may end with one of them (or be one): most words of an article
// end with none of the few words a rule looks for, and the filter rejects
// them without the map lookups of the words and of their bases after a
// proclitic, which are suffixes of them. It has no false negatives.
type tailFilter struct {
	bits  [1 << (tailBits - 6)]uint64
	short uint8 // bit L: a string of L < tailLen bytes was added
}

// tailBits is the size of a tailFilter, in bits of the hash.
const tailBits = 12

// tailLen is how many bytes at the end of a string tailHash hashes: three
// Arabic letters. Two let through about 40% of an article's words for
// sets of titles or countries, of which one in seventy was in the set;
// three let through far fewer, though the words of a few sets are
// shorter (see short).
const tailLen = 6

// tailHash hashes the last tailLen bytes of s, which has that many or
// more, or the whole of a shorter s, to tailBits bits.
func tailHash(s string) uint32 {
	n := len(s)
	var v uint64
	if n >= tailLen {
		for i := range tailLen {
			v |= uint64(s[n-tailLen+i]) << (8 * i)
		}
	} else {
		v = uint64(n) << 56
		for i := range n {
			v |= uint64(s[i]) << (8 * i)
		}
		v = ^v
	}
	return uint32(v * 0x9e3779b97f4a7c15 >> (64 - tailBits))
}

// add adds s to the set.
func (f *tailFilter) add(s string) {
	if len(s) < tailLen {
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
	if len(k) >= tailLen && f.has(tailHash(k)) {
		return true
	}
	if f.short != 0 {
		for n := 0; n < tailLen && n <= len(k); n++ {
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
