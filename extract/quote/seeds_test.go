package quote

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/eval"

	"github.com/marsad/marsad/article"
)

// The seed evaluation reads ../shared (outside the repository): the two seed
// articles and their gold annotation. The gold gives entity names without
// mentions, so mentionsOf locates them in the text, as a tagger would, and
// the gold quotes are used only to score Find's output, the way
// ../shared/eval/score_facts.py does.

const sharedDir = "../../../shared"

// mentionsOf finds the mentions of an entity in text: its full name and the
// obvious short forms (a person's last name; an organization's first two
// words), with or without a proclitic.
func mentionsOf(text, name, typ string) []article.Span {
	ws := strings.Fields(normalize(name))
	forms := [][]string{ws}
	if typ == article.PER && len(ws) > 1 {
		forms = append(forms, ws[len(ws)-1:])
	}
	if typ == article.ORG && len(ws) > 2 {
		forms = append(forms, ws[:2])
	}
	toks, _ := tokenize(text)
	var words []int
	for i, t := range toks {
		if t.kind == kWord {
			words = append(words, i)
		}
	}
	var out []article.Span
	covered := map[int]bool{}
	for _, form := range forms {
		for w := 0; w+len(form) <= len(words); w++ {
			if covered[words[w]] {
				continue
			}
			first := toks[words[w]].norm
			prefix, ok := matchFirst(first, form[0])
			if !ok {
				continue
			}
			match := true
			for k := 1; k < len(form); k++ {
				if toks[words[w+k]].norm != form[k] {
					match = false
					break
				}
			}
			if !match {
				continue
			}
			t0, t1 := toks[words[w]], toks[words[w+len(form)-1]]
			start := int(t0.s)
			for _, r := range text[t0.bs:t0.be] {
				if n := utf8.RuneCountInString(prefix); n == 0 {
					break
				}
				start++
				if !isDiacritic(r) {
					prefix = prefix[utf8.RuneLen([]rune(prefix)[0]):]
				}
			}
			out = append(out, article.Span{Start: start, End: int(t1.e)})
			for k := 0; k < len(form); k++ {
				covered[words[w+k]] = true
			}
		}
	}
	return out
}

// matchFirst matches a text word against a name's first word, allowing a
// proclitic; it returns the proclitic.
func matchFirst(w, name string) (string, bool) {
	if w == name {
		return "", true
	}
	for _, p := range []string{"و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل"} {
		if strings.HasPrefix(w, p) && w[len(p):] == name {
			return p, true
		}
	}
	if strings.HasPrefix(name, "ال") {
		for _, p := range []string{"لل", "ولل", "فلل"} {
			if strings.HasPrefix(w, p) && "ال"+w[len(p):] == name {
				return p[:len(p)-len("ل")], true
			}
		}
	}
	return "", false
}

func TestSeeds(t *testing.T) {
	t.Run("Find", func(t *testing.T) { scoreSeeds(t, false) })
	t.Run("Merge", func(t *testing.T) { scoreSeeds(t, true) })
}

// scoreSeeds runs Find (and Merge) on the seeds and scores the quotes with
// the project's scorer (package eval, the rules of score_facts.py).
func scoreSeeds(t *testing.T, merge bool) {
	gf, err := os.Open(filepath.Join(sharedDir, "eval", "seeds.gold.jsonl"))
	if err != nil {
		t.Skipf("seed gold not available (%v): needs ../shared/eval", err)
	}
	defer gf.Close()
	gold, err := eval.ReadGold(gf)
	if err != nil {
		t.Fatal(err)
	}
	// MARSAD_QUOTE_PRED=FILE writes the predictions in the shape of
	// marsad extract --json, for ../shared/eval/score_facts.py seeds (those
	// of Merge to FILE.merged).
	var out *os.File
	if path := os.Getenv("MARSAD_QUOTE_PRED"); path != "" {
		if merge {
			path += ".merged"
		}
		if out, err = os.Create(path); err != nil {
			t.Fatal(err)
		}
		defer out.Close()
	}
	pred := map[string]eval.PredDoc{}
	for _, g := range gold {
		raw, err := os.ReadFile(filepath.Join(sharedDir, "seeds", g.Doc+".txt"))
		if err != nil {
			t.Skipf("seed text not available: %v", err)
		}
		text := string(raw)
		var ents []article.Entity
		for _, e := range g.Entities {
			ents = append(ents, article.Entity{Text: e.Text, Type: e.Type, Mentions: mentionsOf(text, e.Text, e.Type)})
		}
		qs := Find(text, ents)
		if merge {
			qs = Merge(text, qs)
		}
		if out != nil {
			line, err := json.Marshal(map[string]any{"id": g.Doc, "quotes": qs})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(out, "%s\n", line)
		}
		p := eval.PredDoc{ID: g.Doc}
		for _, q := range qs {
			p.Quotes = append(p.Quotes, eval.Quote{Speaker: q.Speaker, Text: q.Text})
			t.Logf("%s %s [%s] %s", g.Doc, q.Speaker, q.Verb, q.Text)
		}
		pred[g.Doc] = p
	}
	s := eval.Facts(gold, pred)["quotes"]
	t.Logf("seeds quotes: %v", s)
	// A floor well under the measured figures: it catches a broken finder,
	// not a one-point change.
	if s.P < 0.5 || s.R < 0.4 {
		t.Errorf("seeds quotes: P=%.2f R=%.2f, want P>=0.5 R>=0.4", s.P, s.R)
	}
}
