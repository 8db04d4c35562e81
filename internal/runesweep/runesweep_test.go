package runesweep

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTexts(t *testing.T) {
	seen := make(map[rune]bool)
	n := 0
	for text := range Texts() {
		n++
		if !utf8.ValidString(text) {
			t.Fatalf("text %d is not valid UTF-8", n)
		}
		for _, line := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
			// The rune follows the first letter of each line.
			r, _ := utf8.DecodeRuneInString(strings.TrimPrefix(line, "ب"))
			seen[r] = true
		}
	}
	beyond := rune(0x10000 + (61-0x10000%61)%61) // the first rune past the BMP that a text holds
	for _, r := range []rune{0, ' ', 'a', 'ب', '\u064b', '\u200c', 0xFFFD, 0xFFFF, beyond} {
		if !seen[r] {
			t.Errorf("rune %U is in no text", r)
		}
	}
	if seen[0xD800] || seen[0x10001] {
		t.Error("a surrogate or a skipped rune beyond the BMP is in a text")
	}
	if n < 256 {
		t.Errorf("%d texts, want at least 256", n)
	}
}
