package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// labelled is one case of testdata/labelled.jsonl: a short text written in
// the style of Arabic news, its entities ("TYPE:canonical name", located
// with mentionsOf as a tagger would find them), and the statements a reader
// attributes in it, one per speaker and sentence as Merge reports them.
type labelled struct {
	ID     string   `json:"id"`
	Text   string   `json:"text"`
	Ents   []string `json:"ents"`
	Quotes []struct {
		Speaker string `json:"speaker"`
		Text    string `json:"text"`
	} `json:"quotes"`
}

func readLabelled(t *testing.T) []labelled {
	t.Helper()
	f, err := os.Open("testdata/labelled.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var c labelled
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatalf("testdata/labelled.jsonl: %v", err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabelled scores Find and Merge on the hand-labelled cases: a quote
// found is right when its speaker is the labelled speaker and its text holds
// the labelled statement (the rule of ../shared/eval/score_facts.py, with
// whole statements as cues). Precision must reach the target 0.90; recall
// must not collapse.
func TestLabelled(t *testing.T) {
	cases := readLabelled(t)
	var right, found, npred, ngold int
	for _, c := range cases {
		qs := Merge(c.Text, Analyze(c.Text, ents(c.Text, c.Ents...), "").Quotes)
		checkQuotes(t, c.Text, qs)
		hit := make([]bool, len(c.Quotes))
		for _, q := range qs {
			ok := false
			for k, g := range c.Quotes {
				if q.Speaker == g.Speaker && strings.Contains(normalize(q.Text), normalize(g.Text)) {
					ok, hit[k] = true, true
				}
			}
			if ok {
				right++
			} else {
				t.Logf("%s: wrong: %s | %s | %s", c.ID, q.Speaker, q.Verb, q.Text)
			}
		}
		for k, g := range c.Quotes {
			if hit[k] {
				found++
			} else {
				t.Logf("%s: missed: %s | %s", c.ID, g.Speaker, g.Text)
			}
		}
		npred += len(qs)
		ngold += len(c.Quotes)
	}
	p, r := ratio(right, npred), ratio(found, ngold)
	t.Logf("%d cases: quotes P=%.2f (%d/%d) R=%.2f (%d/%d)", len(cases), p, right, npred, r, found, ngold)
	if p < 0.90 {
		t.Errorf("precision %.2f below the target 0.90", p)
	}
	if r < 0.75 {
		t.Errorf("recall %.2f below the floor 0.75", r)
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
