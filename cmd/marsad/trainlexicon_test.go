package main

import (
	"archive/zip"
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/arabic"
)

func TestTrainLexicon(t *testing.T) {
	dir := t.TempDir()
	f, err := os.Create(filepath.Join(dir, "2015-07-21.zip"))
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, err := zw.Create("2015-07-21.json")
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(`[{"title": "الحوار مع واشنطن", "content": "قال المتحدث إن الحوار مع واشنطن ممكن، وإن الحوار مستمر."},
		{"title": "مدرسة", "content": "افتتحت المدرسة الجديدة. ABC 2021"}]`))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "lexicon.gz")
	if code, _, errOut := runCmd(t, "", "train-lexicon", "--data", dir, "--out", out, "--min", "2"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lf, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	lex, err := arabic.ReadLexicon(lf)
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]int{"الحوار": 3, "واشنطن": 2, "مع": 2, "قال": 0, "abc": 0, "مدرسة": 0} {
		if got := lex.Freq(w); got != want {
			t.Errorf("Freq(%q) = %d, want %d", w, got, want)
		}
	}
	if code, _, _ := runCmd(t, "", "train-lexicon", "--data", filepath.Join(dir, "absent"), "--out", out); code != 1 {
		t.Errorf("absent corpus: exit %d, want 1", code)
	}
}

// TestEmbeddedLexiconIsReproducible retrains the lexicon from the corpus
// and checks that it is the one package arabic embeds.
func TestEmbeddedLexiconIsReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("retraining the lexicon reads 20k articles; skipped in -short mode")
	}
	corpus := filepath.Join("..", "..", defaultCorpus)
	if _, err := os.Stat(corpus); err != nil {
		t.Skipf("corpus %s absent: %v", corpus, err)
	}
	out := filepath.Join(t.TempDir(), "lexicon.gz")
	if code, _, errOut := runCmd(t, "", "train-lexicon", "--data", corpus, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "arabic", "lexicon.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("train-lexicon gives %d bytes that differ from arabic/lexicon.gz (%d bytes): retrain it", len(got), len(want))
	}
}
