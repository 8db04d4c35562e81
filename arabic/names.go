package arabic

import (
	"strings"
	"unicode/utf8"
)

// NameKey folds the spellings under which Arabic press writes a foreign name
// to one key, for matching names, not ordinary words: ترامب and ترمب,
// بيسكوف and بيسكوڤ, كونغرس and كونجرس share a key. It maps letters used
// for sounds Arabic lacks (ڤ پ چ گ ژ) and the letters that render g (غ ج) to
// one letter each, and drops the long vowels ا و ي inside the word. The key
// conflates far too much for ordinary words: apply it to names only (the
// index does so for the entity mentions that extraction finds).
func NameKey(stem string) string {
	if stem == "" || stem[0] < utf8.RuneSelf {
		return stem
	}
	var b strings.Builder
	b.Grow(len(stem))
	rs := []rune(stem)
	var last rune
	for i, r := range rs {
		switch r {
		case 'ڤ':
			r = 'ف'
		case 'پ':
			r = 'ب'
		case 'چ', 'غ', 'گ':
			r = 'ج'
		case 'ژ':
			r = 'ز'
		case 'ط':
			r = 'ت'
		case 'ص':
			r = 'س'
		case 'ا', 'و', 'ي':
			if i > 0 && i < len(rs)-1 {
				continue
			}
		}
		if r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}
