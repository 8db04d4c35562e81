package entity

import (
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
	tails tailFilter // of the words of lists, wide
}

// listIndexOf is the listIndex of the cliticSets, made at the first call.
var listIndexOf = sync.OnceValue(func() *listIndex {
	x := &listIndex{sets: map[wordList]*cliticSet{
		listClub: clubSet, listCompanyHead: companyHeadSet, listPeriodical: periodicalHeads,
		listTitle: titleSet, listSettlement: settlementSet, listRegion: regionNames(),
	}, lists: map[string]wordList{}, tails: tailFilter{wide: true}}
	for l, s := range x.sets {
		for w := range s.words {
			x.lists[w] |= l
			x.tails.add(w)
		}
	}
	return x
})

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
