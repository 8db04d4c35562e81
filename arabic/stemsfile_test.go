package arabic

import (
	"bytes"
	"flag"
	"os"
	"testing"
)

var updateStems = flag.Bool("update-stems", false, "write stems.bin anew from lexicon.gz (go generate)")

// TestStemsFile checks that the embedded stems file is what the stemmer
// makes of the embedded lexicon, byte for byte, and that the default
// lexicon's table is made of it; -update-stems writes it anew.
func TestStemsFile(t *testing.T) {
	lex, err := ReadLexicon(bytes.NewReader(lexiconGz))
	if err != nil {
		t.Fatal(err)
	}
	words := lex.byFreq()
	ls := stemLexicon(lex)
	want := appendStems(nil, lexiconGz, words, ls)
	if *updateStems {
		if err := os.WriteFile("stems.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal([]byte(stemsFile), want) {
		t.Fatal("stems.bin is not the stems of lexicon.gz: run go generate ./arabic")
	}
	got, ok := readStems(stemsFile, lexiconGz, words)
	if !ok {
		t.Fatal("readStems rejects stems.bin")
	}
	for i := range words {
		if got.stems[i] != ls.stems[i] || got.ids[i] != ls.ids[i] {
			t.Fatalf("stem of %q read %q (%d), want %q (%d)", words[i], got.stems[i], got.ids[i], ls.stems[i], ls.ids[i])
		}
	}
	// The file is of this lexicon only.
	if _, ok := readStems(stemsFile, append([]byte{0}, lexiconGz...), words); ok {
		t.Error("readStems takes the stems file of another lexicon")
	}
	if _, ok := readStems(stemsFile[:len(stemsFile)-1], lexiconGz, words); ok {
		t.Error("readStems takes a truncated stems file")
	}
}
