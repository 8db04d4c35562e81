package timex

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// sharedDir is the shared data folder, outside the repository.
const sharedDir = "../../../shared"

type goldDoc struct {
	Doc            string  `json:"doc"`
	Published      *string `json:"published"`
	PublishedGiven string  `json:"published_given"`
	Times          []struct {
		Text  string `json:"text"`
		Value string `json:"value"`
	} `json:"times"`
}

// TestSeeds scores Find on the seed articles against their gold times the
// way ../shared/eval/score_facts.py does: multisets of resolved values,
// vague references left out of the predictions. The reference date is the
// gold's given date when the gold says the text has none, else
// PublicationDate of the text (the gold's published date is checked against
// it, never used).
func TestSeeds(t *testing.T) {
	goldPath := filepath.Join(sharedDir, "eval", "seeds.gold.jsonl")
	f, err := os.Open(goldPath)
	if err != nil {
		t.Skipf("shared data absent (%v): skipping the seeds evaluation", err)
	}
	defer f.Close()
	tp, npred, ngold := 0, 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("read %s: %v", goldPath, err)
		}
		b, err := os.ReadFile(filepath.Join(sharedDir, "seeds", g.Doc+".txt"))
		if err != nil {
			t.Fatalf("read seed %s: %v", g.Doc, err)
		}
		text := string(b)
		pub, ok := PublicationDate(text)
		switch {
		case g.Published != nil:
			if !ok || pub.Format("2006-01-02") != *g.Published {
				t.Errorf("%s: PublicationDate = %v, %v; gold %s", g.Doc, pub, ok, *g.Published)
			}
		case ok:
			t.Errorf("%s: PublicationDate = %v, gold has none", g.Doc, pub)
		}
		ref := pub
		if g.Published == nil && g.PublishedGiven != "" {
			ref, _ = time.Parse("2006-01-02", g.PublishedGiven)
		}
		gv := map[string]int{}
		for _, x := range g.Times {
			gv[x.Value]++
			ngold++
		}
		for _, x := range Find(text, ref) {
			switch x.Value {
			case presentRef, pastRef, futureRef:
				continue
			}
			npred++
			if gv[x.Value] > 0 {
				gv[x.Value]--
				tp++
			} else {
				t.Logf("%s: unmatched prediction %q = %s", g.Doc, x.Text, x.Value)
			}
		}
		for v, n := range gv {
			if n > 0 {
				t.Logf("%s: missed %d × %s", g.Doc, n, v)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", goldPath, err)
	}
	p, r := float64(tp)/float64(max(npred, 1)), float64(tp)/float64(max(ngold, 1))
	t.Logf("seeds times: P=%.2f R=%.2f (tp=%d pred=%d gold=%d)", p, r, tp, npred, ngold)
	if r < 0.9 || p < 0.8 {
		t.Errorf("seeds times: P=%.2f R=%.2f, want P ≥ 0.80 and R ≥ 0.90", p, r)
	}
}
