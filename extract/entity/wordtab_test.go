package entity

import (
	"fmt"
	"hash/maphash"
	"reflect"
	"slices"
	"testing"
	"unsafe"
)

// TestPackedInfoFields fails when tokInfo gains or loses a field that
// packedInfo (and wordTable's add and info) would not carry.
func TestPackedInfoFields(t *testing.T) {
	var got []string
	ti := reflect.TypeFor[tokInfo]()
	for i := range ti.NumField() {
		got = append(got, ti.Field(i).Name)
	}
	var want []string
	pi := reflect.TypeFor[packedInfo]()
	for i := range pi.NumField() {
		want = append(want, pi.Field(i).Name)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("tokInfo fields %v, packedInfo fields %v: update wordtab.go", got, want)
	}
}

func TestWordTable(t *testing.T) {
	tg := defaultTagger(t)
	words := []string{"الرئيس", "والرئيس", "ماكرون", "باريس", "x", "2015", "", "؟", "وبالمملكة", "\xff\xfe"}
	for i := range 300 {
		words = append(words, fmt.Sprintf("كلمة%d", i))
	}
	tab := newWordTable(len(words), 8, maphash.MakeSeed())
	for i, w := range words {
		info := tg.gaz.info(w)
		roles := [2]roleScores{}
		roles[0][0][0], roles[1][1][1] = float32(i), -float32(i)
		if tab.find(w) != nil {
			t.Fatalf("%q found before it was added", w)
		}
		e := tab.add(w, tab.hash(w), &info, &roles)
		if got := tab.info(e); got != info {
			t.Fatalf("%q: info %+v, want %+v", w, got, info)
		}
	}
	if !tab.full() {
		t.Errorf("table of %d entries holding %d is not full", cap(tab.ents), len(tab.ents))
	}
	for i, w := range words {
		e := tab.find(w)
		if e == nil {
			t.Fatalf("%q not found", w)
		}
		if got := tab.info(e); got != tg.gaz.info(w) {
			t.Errorf("%q: info %+v, want %+v", w, got, tg.gaz.info(w))
		}
		if e.roles[0][0][0] != float32(i) || e.roles[1][1][1] != -float32(i) {
			t.Errorf("%q: roles of another entry", w)
		}
	}
	if tab.find("غائبة") != nil {
		t.Error("found a word never added")
	}
}

// TestUnknownCacheTurnover checks that the entries of unknown words are
// those computed afresh, whichever generation they come from.
func TestUnknownCacheTurnover(t *testing.T) {
	tg := defaultTagger(t)
	st := tg.getState()
	n := maxUnknowns + maxUnknowns/2
	for round := range 2 {
		for i := 0; i < n; i += 997 {
			w := fmt.Sprintf("مجهول%d", i)
			e, info := tg.unknown(w, st)
			want := tg.gaz.info(w)
			var roles [2]roleScores
			tg.entryRoles(&want, &roles, nil)
			if info != want || e.roles != roles {
				t.Fatalf("round %d: %q: entry differs from the computed one", round, w)
			}
		}
		for i := range n {
			tg.unknown(fmt.Sprintf("حشو%d", i), st)
		}
	}
}

// TestUnknownCacheReuse keeps the entries and token information that
// unknown returned while the cache turns over several generations, so that
// its tables are reused, and checks that they are still those computed
// afresh: no entry it returns points into a table.
func TestUnknownCacheReuse(t *testing.T) {
	tg := defaultTagger(t)
	st, keep := &tagState{}, &tagState{}
	type kept struct {
		w    string
		e    *vocabEntry
		info tokInfo
	}
	var ks []kept
	for g := range 4 {
		for i := range maxUnknowns + 1 {
			w := fmt.Sprintf("مجهول%d_%d", g, i)
			// Twice, so that the cache keeps it (see unknownCache.seen),
			// and the second time from the cache.
			st.uncached = st.uncached[:0]
			tg.unknown(w, st)
			if i%1999 != 0 {
				tg.unknown(w, st)
				continue
			}
			e, info := tg.unknown(w, keep)
			ks = append(ks, kept{w, e, info})
		}
	}
	tg.unknowns.mu.Lock()
	reused := tg.unknowns.cur != nil && tg.unknowns.old != nil
	tg.unknowns.mu.Unlock()
	if !reused {
		t.Fatal("the cache holds fewer than two generations")
	}
	for _, k := range ks {
		want := tg.gaz.info(k.w)
		var roles [2]roleScores
		tg.entryRoles(&want, &roles, nil)
		if k.info != want || k.e.roles != roles {
			t.Errorf("%q: the entry kept differs from the computed one", k.w)
		}
	}
}

// TestVocabEntryLines checks the layout vocabEntry's doc comment gives:
// seven whole cache lines, the key and token information on the last two.
func TestVocabEntryLines(t *testing.T) {
	var e vocabEntry
	if n := unsafe.Sizeof(e); n != 7*64 {
		t.Errorf("vocabEntry is %d bytes, want %d", n, 7*64)
	}
	if off := unsafe.Offsetof(e.key); off < 5*64 || unsafe.Offsetof(e.info) < off {
		t.Errorf("key at %d, info at %d: want both on the last two of seven lines", off, unsafe.Offsetof(e.info))
	}
}
