package arabicrun

import "testing"

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
