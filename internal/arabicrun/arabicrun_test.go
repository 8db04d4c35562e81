package arabicrun

import (
	"testing"
	"unicode/utf8"
)

func TestLen(t *testing.T) {
	var letters Set
	for r := 0x0621; r <= 0x063A; r++ { // ء to غ
		letters[r-0x0600] = true
	}
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"سرد", len("سرد")},
		{"سرد القصة", len("سرد")},
		{"سفر", len("س")}, // ف (U+0641) is not in the set
		{"abc", 0},
		{"بa", len("ب")},
		{"\xd8", 0},             // a lone lead byte
		{"ب\xd8\x41", len("ب")}, // a lead byte without its continuation
		{"€ب", 0},               // a three-byte rune first
	} {
		if got := letters.Len(tc.s); got != tc.want {
			t.Errorf("Len(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}

// TestLenPairs checks Len on every string of two bytes against its
// definition: the first is a rune of U+0600–U+067F in the set.
func TestLenPairs(t *testing.T) {
	var set Set
	for i := range set {
		set[i] = i%3 != 0
	}
	for b := range 1 << 16 {
		s := string([]byte{byte(b >> 8), byte(b)})
		want := 0
		if r, size := utf8.DecodeRuneInString(s); size == 2 && r >= 0x0600 && r < 0x0680 && set[r-0x0600] {
			want = 2
		}
		if got := set.Len(s); got != want {
			t.Fatalf("Len(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestPairs(t *testing.T) {
	var p Pairs
	for _, w := range []string{"باسم", "قناة", "قال"} {
		p.Add(w)
	}
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"باسم", true}, {"باء", true}, {"قنا", true}, {"قا", true},
		{"قب", false}, {"سا", false}, {"نق", false},
	} {
		if got := p.Has(tc.s); got != tc.want {
			t.Errorf("Has(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// TestMap checks Append on every string of one and two runes of
// U+0600–U+067F, and on strings that are not such runes, against its
// definition.
func TestMap(t *testing.T) {
	var m Map
	for i := range m {
		switch i % 3 {
		case 1:
			m[i] = Dropped
		case 2:
			m[i] = Mapped(rune(0x0600 + (i*7)%128))
		}
	}
	image := func(r rune) (string, bool, bool) { // image, dropped, answered
		v := m[r-0x0600]
		return string(rune(v)), v == Dropped, v != 0
	}
	for r1 := rune(0x0600); r1 < 0x0680; r1++ {
		for r2 := rune(0x0600); r2 < 0x0680; r2++ {
			s := string(r1) + string(r2)
			i1, d1, a1 := image(r1)
			i2, d2, a2 := image(r2)
			want, wantLast := "", 0
			if !d1 {
				want, wantLast = i1, 2
			}
			if !d2 {
				want, wantLast = want+i2, 4
			}
			out, last, ok := m.Append([]byte("x"), s)
			if ok != (a1 && a2) || ok && (string(out) != "x"+want || last != wantLast) || !ok && string(out) != "x" {
				t.Fatalf("Append(%q) = %q, %d, %v; want %q, %d, %v", s, out, last, ok, "x"+want, wantLast, a1 && a2)
			}
		}
	}
	for _, s := range []string{"a", "\xd8", "\u0627a", "\u0627\xd8", "€"} {
		if out, _, ok := m.Append(nil, s); ok || len(out) != 0 {
			t.Errorf("Append(%q) = %q, %v; want no answer", s, out, ok)
		}
	}
}

func TestWords(t *testing.T) {
	var s Words
	added := []string{"", "a", "قال", "الرئيس", "المتحدثة", "اجتماعاتهم", "في"}
	for _, w := range added {
		if s.Has(w) {
			t.Errorf("empty set Has(%q)", w)
		}
	}
	for _, w := range added {
		s.Add(w)
	}
	for _, w := range added {
		if !s.Has(w) {
			t.Errorf("Has(%q) = false after Add", w)
		}
	}
	// Words that differ in one byte, or in length alone, mostly hash apart.
	others := 0
	for _, w := range added[1:] {
		for _, v := range []string{w + "ه", "و" + w, w[:len(w)-1], "x" + w[1:]} {
			if !s.Has(v) {
				others++
			}
		}
	}
	if others < 20 {
		t.Errorf("only %d of 24 near words are ruled out", others)
	}
}
