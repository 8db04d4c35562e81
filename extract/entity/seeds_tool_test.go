package entity

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWriteSeedPredictions writes Entities output for the seed articles as
// JSON Lines to $MARSAD_NER_PRED (for ../shared/eval/score_facts.py); it is
// skipped unless that variable is set.
func TestWriteSeedPredictions(t *testing.T) {
	out := os.Getenv("MARSAD_NER_PRED")
	if out == "" {
		t.Skip("MARSAD_NER_PRED not set")
	}
	files, _ := filepath.Glob("../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("seeds not available")
	}
	tg := defaultTagger(t)
	var b strings.Builder
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		ents := tg.Entities(string(text), Tokenize(string(text)))
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		line, _ := json.Marshal(map[string]any{"id": id, "entities": ents})
		b.Write(line)
		b.WriteByte('\n')
		for _, e := range ents {
			t.Logf("%s %s %s %d", id, e.Type, e.Text, len(e.Mentions))
		}
	}
	if err := os.WriteFile(out, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
