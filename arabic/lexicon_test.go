package arabic

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"
)

func TestLexiconRoundTrip(t *testing.T) {
	c := NewLexiconCounter()
	c.Add("قال المتحدث إن الحوار مع واشنطن ممكن. الحوار مستمر، والحوار مفيد. ABC 2021 مدرسة المدرسة")
	c.Add("الحوار مع موسكو")
	lex := c.Lexicon(2)
	for w, want := range map[string]int{"الحوار": 3, "مع": 2, "قال": 0, "abc": 0, "والحوار": 0} {
		if got := lex.Freq(w); got != want {
			t.Errorf("Freq(%q) = %d, want %d", w, got, want)
		}
	}
	var buf bytes.Buffer
	if _, err := lex.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	again, err := ReadLexicon(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if again.Len() != lex.Len() || again.Freq("الحوار") != 3 {
		t.Errorf("read back %d words, الحوار %d times", again.Len(), again.Freq("الحوار"))
	}
	var buf2 bytes.Buffer
	again.WriteTo(&buf2)
	if !bytes.Equal(buf.Bytes(), buf2.Bytes()) {
		t.Error("writing the lexicon read back gives other bytes")
	}
	if _, err := ReadLexicon(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("ReadLexicon accepted garbage")
	}
	var nilLex *Lexicon
	if nilLex.Freq("الحوار") != 0 || nilLex.Len() != 0 {
		t.Error("a nil Lexicon is not empty")
	}
}

func TestDefaultLexicon(t *testing.T) {
	lex := DefaultLexicon()
	if lex.Len() < 50000 {
		t.Fatalf("embedded lexicon has %d words", lex.Len())
	}
	// Teh marbuta is kept, alef and yeh are folded.
	if lex.Freq("الحكومة") == 0 || lex.Freq("الحكومه") != 0 || lex.Freq("الى") != 0 || lex.Freq("الي") == 0 {
		t.Error("embedded lexicon is not normalized as the stemmer expects")
	}
	// The table of stems agrees with the stemmer on every word.
	tab := lex.stems()
	stop := defaultStopwords()
	for _, w := range lex.byFreq() {
		e, ok := tab.lookup(w)
		raw := stemWord(lex, w)
		want := stemEntry{norm: w, normFolded: foldTehMarbuta(w), stem: raw, stemFolded: foldTehMarbuta(raw), stop: stop.contains(foldTehMarbuta(w))}
		want.id = tab.stemID(want.stemFolded)
		if len(w) > maxTableWord {
			continue
		}
		if !ok || e != want {
			t.Fatalf("table entry of %q: %+v, want %+v", w, e, want)
		}
	}
	for _, w := range []string{"", "xyz", "كلمةلاتوجد", "الحوارالحوار"} {
		if _, ok := tab.lookup(w); ok {
			t.Errorf("table holds %q", w)
		}
	}
}

// TestFreqTable checks the lexicon's table against the counts it was made
// of: words of every length, a long one (past a one-byte length) among
// them, absent words, and the order of its words.
func TestFreqTable(t *testing.T) {
	counts := map[string]uint32{"": 7, "و": 1, "الحوار": 3, "مع": 3, "واشنطن": 100,
		strings.Repeat("كلمة", 80): 5, strings.Repeat("ب", 127): 9}
	for i := range 300 {
		counts[fmt.Sprint("كلمة", i)] = uint32(i%17 + 1)
	}
	lex := newLexicon(counts)
	if lex.Len() != len(counts) {
		t.Errorf("Len = %d, want %d", lex.Len(), len(counts))
	}
	for w, n := range counts {
		if got := lex.Freq(w); got != int(n) {
			t.Errorf("Freq(%.20q) = %d, want %d", w, got, n)
		}
	}
	for _, w := range []string{"الحوا", "الحوارر", "كلمة300", strings.Repeat("كلمة", 81), strings.Repeat("ب", 128)} {
		if got := lex.Freq(w); got != 0 {
			t.Errorf("Freq(%.20q) = %d, want 0", w, got)
		}
	}
	words := lex.byFreq()
	if len(words) != len(counts) || words[0] != "واشنطن" {
		t.Fatalf("byFreq: %d words from %.20q, want %d from واشنطن", len(words), words[0], len(counts))
	}
	for i := 1; i < len(words); i++ {
		a, b := counts[words[i-1]], counts[words[i]]
		if a < b || a == b && words[i-1] >= words[i] {
			t.Errorf("byFreq: %.20q (%d) before %.20q (%d)", words[i-1], a, words[i], b)
		}
	}
}

// TestReadLexiconOrder checks that ReadLexicon makes the same lexicon of
// words in WriteTo's order, which it takes as they are, as of the same
// words out of order or repeated, which go through a map: the last count
// of a word holds, and the words come out most frequent first.
func TestReadLexiconOrder(t *testing.T) {
	gz := func(lines ...string) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(strings.Join(lines, "\n") + "\n"))
		zw.Close()
		return buf.Bytes()
	}
	for _, tc := range []struct {
		name  string
		lines []string
	}{
		{"ordered", []string{"واشنطن\t9", "الحوار\t3", "مع\t3", "قال\t1"}},
		{"unordered", []string{"مع\t3", "واشنطن\t9", "قال\t1", "الحوار\t3"}},
		{"repeated", []string{"واشنطن\t9", "الحوار\t3", "مع\t3", "قال\t1", "واشنطن\t2", "واشنطن\t9"}},
		{"repeated word ordered", []string{"واشنطن\t9", "الحوار\t3", "مع\t3", "قال\t2", "قال\t1"}},
	} {
		lex, err := ReadLexicon(bytes.NewReader(gz(tc.lines...)))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := map[string]int{"واشنطن": 9, "الحوار": 3, "مع": 3, "قال": 1}
		if lex.Len() != len(want) {
			t.Errorf("%s: %d words, want %d", tc.name, lex.Len(), len(want))
		}
		for w, n := range want {
			if got := lex.Freq(w); got != n {
				t.Errorf("%s: Freq(%s) = %d, want %d", tc.name, w, got, n)
			}
		}
		if got := strings.Join(lex.byFreq(), " "); got != "واشنطن الحوار مع قال" {
			t.Errorf("%s: byFreq %s", tc.name, got)
		}
	}
	for _, bad := range [][]string{{"واشنطن 9"}, {"واشنطن\t-1"}, {"واشنطن\t4294967296"}, {"واشنطن\t"}} {
		if _, err := ReadLexicon(bytes.NewReader(gz(bad...))); err == nil {
			t.Errorf("ReadLexicon accepted %q", bad)
		}
	}
}
