// Package runesweep gives texts for tests that compare two tokenizers:
// every rune of the Basic Multilingual Plane, and some beyond, in the
// contexts where tokenizers may part.
package runesweep

import (
	"iter"
	"strings"
	"unicode/utf8"
)

// Texts yields texts that hold, 256 runes a text, every rune of the Basic
// Multilingual Plane but the surrogates, and every 61st rune beyond it,
// each inside and after Arabic and Latin words and numbers, after a space
// and between punctuation.
func Texts() iter.Seq[string] {
	return func(yield func(string) bool) {
		var b strings.Builder
		for r := rune(0); r <= utf8.MaxRune; r++ {
			if r >= 0xD800 && r <= 0xDFFF || r > 0xFFFF && r%61 != 0 {
				continue
			}
			c := string(r)
			b.WriteString("ب" + c + "ب ب" + c + " a" + c + "a 1" + c + "2 ١" + c + " ." + c + ". " + c + "ب" + c + "\n")
			if r%256 == 255 {
				if !yield(b.String()) {
					return
				}
				b.Reset()
			}
		}
		yield(b.String())
	}
}
