package arabic

import (
	"bytes"
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
	for w := range lex.freq {
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
