package arabic

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// tok is the part of a Token the tokenizer tests compare.
type tok struct {
	text       string
	start, end int
	kind       Kind
}

func (t tok) String() string { return fmt.Sprintf("%q[%d:%d]%s", t.text, t.start, t.end, t.kind) }

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"empty", "", nil},
		{"spaces only", " \t\n", nil},
		{"latin words", "ABC News", []tok{{"ABC", 0, 3, Word}, {"News", 4, 8, Word}}},
		{"ascii year", "عام 2021", []tok{{"عام", 0, 3, Word}, {"2021", 4, 8, Number}}},
		{"arabic-indic year", "٢٠٢١", []tok{{"٢٠٢١", 0, 4, Number}}},
		{"decimal", "19.5%", []tok{{"19.5", 0, 4, Number}, {"%", 4, 5, Punct}}},
		{"arabic decimal", "١٩٫٥", []tok{{"١٩٫٥", 0, 4, Number}}},
		{"thousands", "2,000", []tok{{"2,000", 0, 5, Number}}},
		{"sentence end is not a decimal", "عام 2021.", []tok{{"عام", 0, 3, Word}, {"2021", 4, 8, Number}, {".", 8, 9, Punct}}},
		{"arabic punctuation", "قال، ثم؛ هل؟", []tok{
			{"قال", 0, 3, Word}, {"،", 3, 4, Punct}, {"ثم", 5, 7, Word}, {"؛", 7, 8, Punct},
			{"هل", 9, 11, Word}, {"؟", 11, 12, Punct}}},
		{"guillemets", "«الحوار»", []tok{{"«", 0, 1, Punct}, {"الحوار", 1, 7, Word}, {"»", 7, 8, Punct}}},
		{"curly quotes", "“نعم”", []tok{{"“", 0, 1, Punct}, {"نعم", 1, 4, Word}, {"”", 4, 5, Punct}}},
		{"straight quotes", `"ABC"`, []tok{{`"`, 0, 1, Punct}, {"ABC", 1, 4, Word}, {`"`, 4, 5, Punct}}},
		{"arabic then latin", `لـ"ABC`, []tok{{"لـ", 0, 2, Word}, {`"`, 2, 3, Punct}, {"ABC", 3, 6, Word}}},
		{"scripts do not mix", "ABCعربي", []tok{{"ABC", 0, 3, Word}, {"عربي", 3, 7, Word}}},
		{"latin alnum", "COVID19 F16", []tok{{"COVID19", 0, 7, Word}, {"F16", 8, 11, Word}}},
		{"diacritics stay in the word", "الحُوَار", []tok{{"الحُوَار", 0, 8, Word}}},
		{"tatweel stays in the word", "مسـؤول", []tok{{"مسـؤول", 0, 6, Word}}},
		{"lone combining mark", "\u064e", nil},
		{"mark after space", "قال \u064eنعم", []tok{{"قال", 0, 3, Word}, {"نعم", 5, 8, Word}}},
		{"invalid utf-8 separates", "ab\xffcd", []tok{{"ab", 0, 2, Word}, {"cd", 3, 5, Word}}},
		{"zero width non-joiner inside", "می\u200cخواهم", []tok{{"می\u200cخواهم", 0, 8, Word}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tok
			for _, k := range Tokenize(tt.in) {
				got = append(got, tok{k.Text, k.Start, k.End, k.Kind})
				if tt.in[k.Byte:k.Byte+len(k.Text)] != k.Text {
					t.Errorf("token %q: Byte %d does not slice the text", k.Text, k.Byte)
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Tokenize(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestTokenizeHuge checks that a one-megabyte token and a megabyte of lone
// marks go through.
func TestTokenizeHuge(t *testing.T) {
	word := strings.Repeat("ب", 1<<19) // 1 MB
	if toks := Tokenize(word); len(toks) != 1 || toks[0].Text != word || toks[0].End != 1<<19 {
		t.Errorf("1 MB word: got %d tokens", len(toks))
	}
	marks := strings.Repeat("\u064e", 1<<19)
	if toks := Tokenize(marks); len(toks) != 0 {
		t.Errorf("lone marks: got %d tokens, want 0", len(toks))
	}
	a := New(DefaultOptions())
	if terms := a.Terms("و" + word + " " + marks); len(terms) != 1 {
		t.Errorf("Terms of a 1 MB word: got %d terms, want 1", len(terms))
	}
}

func TestEndIn(t *testing.T) {
	text := "قال الوزير: نعم"
	toks := Tokenize(text)
	copied := toks[1]
	copied.Text = string([]byte(copied.Text)) // the same bytes elsewhere
	shifted := toks[1]
	shifted.Byte++
	for _, c := range []struct {
		name    string
		tok     Token
		from    int
		wantEnd int
		wantOK  bool
	}{
		{"first", toks[0], 0, toks[0].Byte + len(toks[0].Text), true},
		{"copy of its text", copied, toks[1].Byte, toks[1].Byte + len(toks[1].Text), true},
		{"before from", toks[0], 1, 0, false},
		{"other bytes", shifted, 0, shifted.Byte + len(shifted.Text), false},
		{"past the end", Token{Text: "نعم", Byte: len(text)}, 0, 0, false},
		{"empty", Token{Byte: 2}, 0, 0, false},
	} {
		end, ok := c.tok.EndIn(text, c.from)
		if ok != c.wantOK || ok && end != c.wantEnd {
			t.Errorf("%s: EndIn = %d, %v; want %d, %v", c.name, end, ok, c.wantEnd, c.wantOK)
		}
	}
}

// TestArabicLetter checks the tokenizer's byte tests against classify:
// arabicLetter holds only for Arabic letters, arabicLetterOrMark for the
// letters U+0621–U+063A, the tatweel and the marks up to U+065F.
func TestArabicLetter(t *testing.T) {
	for r := rune(0x0600); r < 0x0700; r++ {
		b := utf8.AppendRune(nil, r)
		if arabicLetter(b[0], b[1]) && (classify(r, 2) != cLetter || scriptOf(r) != 'a') {
			t.Errorf("arabicLetter(%U) but classify says %d, script %c", r, classify(r, 2), scriptOf(r))
		}
		want := r >= 0x0621 && r <= 0x063A || r >= 0x0640 && r <= 0x065F
		if got := arabicLetterOrMark(b[0], b[1]); got != want {
			t.Errorf("arabicLetterOrMark(%U) = %v, want %v", r, got, want)
		}
		if c := classify(r, 2); want && c != cLetter && c != cMark {
			t.Errorf("arabicLetterOrMark(%U) but classify says %d", r, c)
		}
	}
	for _, r := range []rune{'ا', 'ب', 'غ', 'ف', 'ي'} {
		if b := utf8.AppendRune(nil, r); !arabicLetter(b[0], b[1]) {
			t.Errorf("arabicLetter(%U) = false", r)
		}
	}
}
