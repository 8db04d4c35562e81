package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad/marsad/extract/entity"
)

func TestTrainNERUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--dev-split", "1.5"},
		{"--epochs", "0"},
		{"extra"},
		{"--no-such-flag"},
		{"--dev-out", "x"},
		{"--load", "model.bin.gz"},
		{"--prune", "-1"},
		{"--load", "model.bin.gz", "--prune", "1"},
		{"--dev-split", "0.2", "--dev-fold", "0"},
		{"--dev-split", "0.2", "--dev-fold", "6"},
	} {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		if err := runTrainNER(context.Background(), e, args); !errors.Is(err, errUsage) {
			t.Errorf("%q: got %v, want usage error", args, err)
		}
	}
}

func TestDevFold(t *testing.T) {
	sents := make([]entity.Sentence, 10)
	for i := range sents {
		sents[i].Words = []string{strconv.Itoa(i)}
	}
	first := func(ss []entity.Sentence) string {
		var b strings.Builder
		for _, s := range ss {
			b.WriteString(s.Words[0])
		}
		return b.String()
	}
	for _, c := range []struct {
		split      float64
		fold       int
		train, dev string
	}{
		{0.2, 1, "01234567", "89"},
		{0.2, 2, "01234589", "67"},
		{0.2, 5, "23456789", "01"},
		{0.3, 3, "0456789", "123"},
		{0, 1, "0123456789", ""},
	} {
		train, dev := devFold(sents, c.split, c.fold)
		if got := first(train); got != c.train {
			t.Errorf("split %v fold %d: train %s, want %s", c.split, c.fold, got, c.train)
		}
		if got := first(dev); got != c.dev {
			t.Errorf("split %v fold %d: dev %s, want %s", c.split, c.fold, got, c.dev)
		}
	}
}

func TestTrainNERMissingData(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	dir := t.TempDir()
	err := runTrainNER(context.Background(), e, []string{"--data", filepath.Join(dir, "none"), "--unlabelled", ""})
	if err == nil || errors.Is(err, errUsage) {
		t.Errorf("got %v, want a read error", err)
	}
}

// TestTrainNERLoadDev scores the embedded model on a tiny corpus written
// here, end to end, and writes the inputs of the Python scorer.
func TestTrainNERLoadDev(t *testing.T) {
	data, out := t.TempDir(), filepath.Join(t.TempDir(), "dev")
	corpus := "قال O\nمحمد B-PERS\nعلي I-PERS\nفي O\nالقاهرة B-LOC\n. O\n" +
		"وزارة B-ORG\nالخارجية I-ORG\nالمصرية I-ORG\n. O\n" +
		"زار O\nالرئيس O\nباريس B-LOC\n. O\n"
	files := map[string]string{"anercorp.dev.txt": corpus, "gazetteer.pers.txt": "", "gazetteer.org.txt": "", "gazetteer.loc.txt": ""}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(data, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, errb bytes.Buffer
	e := &env{stdout: &stdout, stderr: &errb, getenv: func(string) string { return "" }}
	args := []string{"--data", data, "--unlabelled", "", "--dev-split", "0.7", "--load", "../../extract/entity/model.bin.gz", "--dev-out", out}
	if err := runTrainNER(context.Background(), e, args); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.Contains(stdout.String(), "dev: 2 sentences") || !strings.Contains(stdout.String(), "e2e:") {
		t.Errorf("output %q: want the dev and e2e scores of 2 sentences", stdout.String())
	}
	var m map[string][][3]any
	b, err := os.ReadFile(filepath.Join(out, "map.json"))
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	if toks := m["aner0000"]; len(toks) != 8 || toks[6][2] != "B-LOC" {
		t.Errorf("map %v: want the 8 tokens of the last 2 sentences", m)
	}
	for _, name := range []string{"tokens.txt", "articles.jsonl", "pred.jsonl"} {
		if b, err := os.ReadFile(filepath.Join(out, name)); err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", name, err, len(b))
		}
	}
}

// TestTrainNERLoadPrune prunes the embedded model without training, as
// the shipped one was pruned, and checks that the model written has fewer
// features, as many as Tagger.Pruned keeps.
func TestTrainNERLoadPrune(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pruned.bin.gz")
	var stdout, errb bytes.Buffer
	e := &env{stdout: &stdout, stderr: &errb, getenv: func(string) string { return "" }}
	args := []string{"--load", "../../extract/entity/model.bin.gz", "--prune", "2", "--out", out}
	if err := runTrainNER(context.Background(), e, args); err != nil {
		t.Fatalf("%v: %s", err, errb.String())
	}
	if !strings.Contains(stdout.String(), "pruned at 2:") || !strings.Contains(stdout.String(), "wrote "+out) {
		t.Errorf("output %q: want the features kept and the file written", stdout.String())
	}
	orig, err := loadTagger("../../extract/entity/model.bin.gz")
	if err != nil {
		t.Fatal(err)
	}
	pruned, err := loadTagger(out)
	if err != nil {
		t.Fatal(err)
	}
	if n, m := pruned.Features(), orig.Features(); n == 0 || n >= m {
		t.Errorf("pruned model has %d features, the embedded one %d", n, m)
	}
	if n, m := pruned.Features(), orig.Pruned(2).Features(); n != m {
		t.Errorf("pruned model has %d features, Pruned(2) of the embedded one %d", n, m)
	}
}
