package entity

import (
	"strings"
	"testing"
)

// checkLists checks that the lists of k, alone and as token 0 of an
// article, are those of the lists' cliticSets.
func checkLists(t *testing.T, x *listIndex, k string) {
	t.Helper()
	tl := newTokenLists([]string{k})
	for l, s := range x.sets {
		if got, want := x.of(k)&l != 0, s.has(k); got != want {
			t.Errorf("of(%q) has list %b: %v, cliticSet.has %v", k, l, got, want)
		}
		if got, want := tl.has(0, k, l), s.has(k); got != want {
			t.Errorf("tokenLists.has(%q, %b) = %v, cliticSet.has %v", k, l, got, want)
		}
		gb, gok := tl.base(0, k, l)
		if wb, wok := s.base(k); gb != wb || gok != wok {
			t.Errorf("tokenLists.base(%q, %b) = %q %v, cliticSet.base %q %v", k, l, gb, gok, wb, wok)
		}
	}
}

func TestListIndex(t *testing.T) {
	x := listIndexOf()
	for w := range x.lists {
		for _, p := range append([]string{"", "ال", "ه"}, proclitics...) {
			checkLists(t, x, p+w)
			checkLists(t, x, w+p)
		}
		if b, ok := strings.CutPrefix(w, "ال"); ok {
			checkLists(t, x, "لل"+b)
			checkLists(t, x, "ولل"+b)
		}
	}
	for _, k := range []string{"", "و", "في", "مدينه", "بمدينه", "للرئيس", "والسويد", "فرنسا", "كلمه"} {
		checkLists(t, x, k)
	}
}

// FuzzListIndex checks that the lists of a word are those its lists'
// cliticSets find.
func FuzzListIndex(f *testing.F) {
	f.Add("والسويد")
	f.Add("للرئيس")
	f.Fuzz(func(t *testing.T, k string) {
		checkLists(t, listIndexOf(), k)
	})
}

// TestTokenListsMemo fills tokenLists through its memo with words of one
// hash, as two words of one slot would come, and checks that each gets its
// own lists: a listed word and an unlisted one of the same length, a word
// too long for the memo, and the first word again.
func TestTokenListsMemo(t *testing.T) {
	x := listIndexOf()
	var listed string
	for w := range x.lists {
		if n := len(w); n > 4 && n <= listMemoBytes && (listed == "" || w < listed) {
			listed = w
		}
	}
	r := []rune(listed)
	r[0], r[len(r)-1] = r[len(r)-1], r[0]
	unlisted := "ق" + string(r[1:]) // same length as listed, in no list
	if x.of(unlisted) != 0 || len(unlisted) != len(listed) {
		t.Fatalf("test words: %q is listed or not as long as %q", unlisted, listed)
	}
	long := strings.Repeat("ت", listMemoBytes) + listed
	keys := []string{listed, unlisted, long, listed, unlisted}
	infos := make([]tokInfo, len(keys)) // all of hash 0
	var l tokenLists
	for range 2 {
		l.fill(keys, infos)
		for i, k := range keys {
			if got, want := l.lists[i], x.of(k); got != want {
				t.Errorf("lists of %q (token %d) = %b, want %b", k, i, got, want)
			}
		}
	}
}

// FuzzSuffixFilter checks that a suffixFilter finds a word it holds at the
// end of any word, and that suffixKey packs a suffix alike from a long
// string and from the suffix alone.
func FuzzSuffixFilter(f *testing.F) {
	f.Add("والسويد", "ال")
	f.Add("حي", "وب")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, w, pre string) {
		var sf suffixFilter
		sf.add(w)
		for _, k := range []string{w, pre + w} {
			if !sf.mayEnd(k) {
				t.Errorf("filter of %q: mayEnd(%q) = false", w, k)
			}
		}
		k := pre + w
		for n := range min(len(k), suffixTail) + 1 {
			if got, want := suffixKey(k, n), suffixKey(k[len(k)-n:], n); got != want {
				t.Errorf("suffixKey(%q, %d) = %x, of the suffix alone %x", k, n, got, want)
			}
		}
	})
}
