package entity

import (
	"math/bits"
	"strings"
	"sync"
)

// wordList is a set of the cliticSets that rules look for at every token
// of an article: a bit each.
type wordList uint8

const (
	listClub        wordList = 1 << iota // clubSet
	listCompanyHead                      // companyHeadSet
	listPeriodical                       // periodicalHeads
	listTitle                            // titleSet
	listSettlement                       // settlementSet
	listRegion                           // regionNames
)

// listIndex maps each word of the cliticSets of wordList to the lists that
// hold it, so that one pass over an article finds the lists of each token
// (see tokenLists) where each rule would look its token up in its own set.
type listIndex struct {
	sets  map[wordList]*cliticSet
	lists map[string]wordList
	tails suffixFilter // of the words of lists
}

// listIndexOf is the listIndex of the cliticSets, made at the first call.
var listIndexOf = sync.OnceValue(func() *listIndex {
	x := &listIndex{sets: map[wordList]*cliticSet{
		listClub: clubSet, listCompanyHead: companyHeadSet, listPeriodical: periodicalHeads,
		listTitle: titleSet, listSettlement: settlementSet, listRegion: regionNames(),
	}, lists: map[string]wordList{}}
	for l, s := range x.sets {
		for w := range s.words {
			x.lists[w] |= l
			x.tails.add(w)
			// لل+rest is looked up as ال+rest, which is no suffix of it.
			if rest, ok := strings.CutPrefix(w, "ال"); ok {
				x.tails.add("لل" + rest)
			}
		}
	}
	return x
})

// suffixFilter is a filter of a set of strings that tells cheaply whether a
// string may end with one of them: the words cliticBases looks up for a
// word are suffixes of it (but for لل, which it reads as ال). It keeps the
// last suffixTail bytes of the strings that long (four Arabic letters),
// and shorter strings whole, hashed to a bit each; it has no false
// negatives.
type suffixFilter struct {
	bits  [1 << (suffixBits - 6)]uint64
	short uint8 // bit L: a string of L < suffixTail bytes was added
}

// suffixTail is how many bytes of a string a suffixFilter hashes.
const suffixTail = 8

// suffixBits is the size of a suffixFilter, in bits of the hash.
const suffixBits = 14

// suffixKey packs the last n <= suffixTail bytes of s, which has that many
// or more, in a uint64, byte i of the suffix in byte i, and n in the
// highest byte when the suffix is shorter than suffixTail.
func suffixKey(s string, n int) uint64 {
	if len(s) >= suffixTail {
		return suffixKeyOf(lastBytes(s), n)
	}
	v := uint64(n) << 56
	for i, c := range []byte(s[len(s)-n:]) {
		v |= uint64(c) << (8 * i)
	}
	return v
}

// lastBytes returns the last suffixTail bytes of s, which has that many or
// more, as suffixKey packs them.
func lastBytes(s string) uint64 {
	s = s[len(s)-suffixTail:]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// suffixKeyOf is suffixKey of the last n bytes of the suffixTail bytes
// that lastBytes packed in last.
func suffixKeyOf(last uint64, n int) uint64 {
	if n == suffixTail {
		return last
	}
	return last>>(64-8*n) | uint64(n)<<56
}

// suffixHash hashes a suffixKey to suffixBits bits.
func suffixHash(key uint64) uint32 {
	return uint32(key * 0x9e3779b97f4a7c15 >> (64 - suffixBits))
}

// add adds s to the set.
func (f *suffixFilter) add(s string) {
	n := min(len(s), suffixTail)
	if n < suffixTail {
		f.short |= 1 << n
	}
	h := suffixHash(suffixKey(s, n))
	f.bits[h>>6] |= 1 << (h & 63)
}

// mayEnd reports whether k may end with a string of the set: false when
// it surely does not.
func (f *suffixFilter) mayEnd(k string) bool {
	if len(k) < suffixTail {
		for short := f.short; short != 0; short &= short - 1 {
			n := bits.TrailingZeros8(short)
			if n > len(k) {
				break
			}
			if f.has(suffixHash(suffixKey(k, n))) {
				return true
			}
		}
		return false
	}
	last := lastBytes(k)
	if f.has(suffixHash(last)) {
		return true
	}
	for short := f.short; short != 0; short &= short - 1 {
		if f.has(suffixHash(suffixKeyOf(last, bits.TrailingZeros8(short)))) {
			return true
		}
	}
	return false
}

// has reports whether the bit of hash h is set.
func (f *suffixFilter) has(h uint32) bool { return f.bits[h>>6]&(1<<(h&63)) != 0 }

// of returns the lists that hold the normalized word k, alone or after a
// proclitic: those whose cliticSet has k.
func (x *listIndex) of(k string) wordList {
	if !x.tails.mayEnd(k) {
		return 0
	}
	var in wordList
	cliticBases(k, func(pre, rest string) bool {
		in |= x.lists[pre+rest]
		return false
	})
	return in
}

// tokenLists holds the lists of the tokens of an article (listIndex.of of
// each key), which the rules ask instead of each looking up its own set.
type tokenLists struct {
	x     *listIndex
	keys  []string // the keys the lists are of: a rule may change a token's key
	lists []wordList
	// memo keeps the lists of the words of earlier articles, one word a
	// slot chosen by its hash (tokInfo.wh): the frequent words of the
	// language are found there.
	memo *[listMemoSize]listMemo
}

// listMemoSize is how many words a tokenLists' memo keeps.
const listMemoSize = 1 << 12

// listMemoBytes is the longest word a listMemo holds, in bytes: 15 Arabic
// letters. Longer words are looked up every time.
const listMemoBytes = 30

// listMemo is a word's lists in the memo of a tokenLists, with the word
// itself, so that two words of one slot are never taken for each other.
type listMemo struct {
	n     uint8 // the word's length; 0 for an empty slot
	lists wordList
	word  [listMemoBytes]byte
}

// fill sets the lists of keys, the normalized tokens of an article, reusing
// l's buffers. infos are the tagger's information on the tokens, whose
// norm are the keys, or nil.
func (l *tokenLists) fill(keys []string, infos []tokInfo) {
	if l.x == nil {
		l.x = listIndexOf()
	}
	l.keys = append(l.keys[:0], keys...)
	l.lists = l.lists[:0]
	if infos == nil {
		for _, k := range keys {
			l.lists = append(l.lists, l.x.of(k))
		}
		return
	}
	if l.memo == nil {
		l.memo = new([listMemoSize]listMemo)
	}
	for i, k := range keys {
		if !l.x.tails.mayEnd(k) { // most words, without a look at the memo
			l.lists = append(l.lists, 0)
			continue
		}
		if len(k) == 0 || len(k) > listMemoBytes {
			l.lists = append(l.lists, l.x.of(k))
			continue
		}
		h := infos[i].wh
		e := &l.memo[(h^h>>32)&(listMemoSize-1)]
		if int(e.n) != len(k) || string(e.word[:e.n]) != k {
			e.n, e.lists = uint8(copy(e.word[:], k)), l.x.of(k)
		}
		l.lists = append(l.lists, e.lists)
	}
}

// newTokenLists returns the tokenLists of keys.
func newTokenLists(keys []string) *tokenLists {
	l := &tokenLists{}
	l.fill(keys, nil)
	return l
}

// has reports whether k, the key of token i, is in list (s.has(k), s the
// list's cliticSet).
func (l *tokenLists) has(i int, k string, list wordList) bool {
	if k == l.keys[i] {
		return l.lists[i]&list != 0
	}
	return l.x.sets[list].has(k)
}

// base is s.base(k) for k the key of token i and s the cliticSet of list.
func (l *tokenLists) base(i int, k string, list wordList) (string, bool) {
	if k != l.keys[i] {
		return l.x.sets[list].base(k)
	}
	if l.lists[i]&list == 0 {
		return "", false
	}
	if l.x.lists[k]&list != 0 {
		return k, true
	}
	if _, b := splitClitic(k); b != k && l.x.lists[b]&list != 0 {
		return b, true
	}
	return "", false
}

// clear drops the keys, which point into the tagger's buffers.
func (l *tokenLists) clear() {
	clear(l.keys)
	l.keys = l.keys[:0]
}

// cliticBases calls f with the words inSetClitic looks up for the
// normalized word k, each as pre+rest: k itself, then its base after each
// proclitic of splitClitic's that may stand before it, one per length (a
// prefix ending in ال keeps it on the base, لل is ل + ال), until f returns
// true. It reports whether f did.
func cliticBases(k string, f func(pre, rest string) bool) bool {
	if f("", k) {
		return true
	}
	if !cliticLetter(k) {
		return false
	}
	const letter = len("و") // the proclitics' letters take two bytes
	for n := letter; n <= 4*letter && n+2*letter <= len(k); n += letter {
		p, rest := k[:n], k[n:]
		if !isProclitic(p) {
			continue
		}
		var hit bool
		switch {
		case strings.HasSuffix(p, "لل"):
			hit = f("ال", rest)
		case strings.HasSuffix(p, "ال"):
			hit = f("", k[n-len("ال"):])
		default:
			hit = f("", rest)
		}
		if hit {
			return true
		}
	}
	return false
}
