package story

import (
	"strconv"
	"strings"
	"testing"
)

// TestVocabIndex checks that a vocabIndex finds every name added, short
// and long, across its growth, and no other; and that index refuses a
// name twice.
func TestVocabIndex(t *testing.T) {
	var x vocabIndex
	var names []string
	name := func(i int) string {
		switch i % 4 {
		case 0:
			return "ك" + strconv.Itoa(i) // short
		case 1:
			return strings.Repeat("م", 8) + strconv.Itoa(i) // long: 16 bytes of letters, then digits
		case 2:
			return entityMark + strconv.Itoa(i)
		}
		return strconv.Itoa(i) + "\x00" // a zero byte, as padding is
	}
	for i := range 5000 {
		n := name(i)
		if _, ok := x.id(n, names); ok {
			t.Fatalf("%q found before it was added", n)
		}
		names = append(names, n)
		x.add(names)
		if x.Len() != len(names) {
			t.Fatalf("Len = %d, want %d", x.Len(), len(names))
		}
	}
	for i, n := range names {
		if id, ok := x.id(n, names); !ok || id != uint32(i) {
			t.Errorf("id(%q) = %d, %v, want %d", n, id, ok, i)
		}
		// The same name cut short or lengthened is another name.
		for _, other := range []string{n[:len(n)-1], n + "\x00"} {
			if id, ok := x.id(other, names); ok && names[id] != other {
				t.Errorf("id(%q) = %d (%q)", other, id, names[id])
			}
		}
	}
	var y vocabIndex
	if !y.index(names) {
		t.Fatal("index refused distinct names")
	}
	for i, n := range names {
		if id, ok := y.id(n, names); !ok || id != uint32(i) {
			t.Errorf("indexed: id(%q) = %d, %v, want %d", n, id, ok, i)
		}
	}
	if y.index(append(names[:10:10], names[3])) {
		t.Error("index took a name twice")
	}
}

// TestStringArena checks that the arena's copies keep the bytes of their
// originals as later copies fill the chunks, for empty, short and long
// strings over many chunks.
func TestStringArena(t *testing.T) {
	var a stringArena
	buf := make([]byte, 0, 2*arenaLongest)
	var copies, want []string
	for i := range 3000 {
		buf = buf[:0]
		for j := range i % (arenaLongest + 7) {
			buf = append(buf, byte('a'+(i+j)%26))
		}
		copies = append(copies, a.clone(string(buf)))
		want = append(want, string(buf))
	}
	for i := range copies {
		if copies[i] != want[i] {
			t.Fatalf("copy %d: %q, want %q", i, copies[i], want[i])
		}
	}
}
