package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// The seed evaluation reads ../shared (outside the repository): the two seed
// articles and their gold annotation. The gold gives entity names without
// mentions, so mentionsOf locates them in the text, as a tagger would, and
// the gold quotes are used only to score Find's output, the way
// ../shared/eval/score_facts.py does.

const sharedDir = "../../../shared"

type goldDoc struct {
	Doc      string `json:"doc"`
	Entities []struct {
		Text string `json:"text"`
		Type string `json:"type"`
	} `json:"entities"`
	Quotes []struct {
		Speaker string `json:"speaker"`
		Cue     string `json:"cue"`
	} `json:"quotes"`
}

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
			start := t0.s
			for _, r := range text[t0.bs:t0.be] {
				if n := utf8.RuneCountInString(prefix); n == 0 {
					break
				}
				start++
				if !isDiacritic(r) {
					prefix = prefix[utf8.RuneLen([]rune(prefix)[0]):]
				}
			}
			out = append(out, article.Span{Start: start, End: t1.e})
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

var (
	scoreDiac    = regexp.MustCompile("[\u064B-\u0652\u0670\u0640]")
	scoreArticle = regexp.MustCompile(`^(و|ف|ب|ل|ك)?(ال|لل)`)
)

// scoreNorm is score_facts.py's norm (without NFKC, which the seeds do not need).
func scoreNorm(s string) string {
	s = scoreDiac.ReplaceAllString(s, "")
	s = strings.NewReplacer("أ", "ا", "إ", "ا", "آ", "ا", "ٱ", "ا", "ى", "ي", "ة", "ه").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func sameSpeaker(g, p string) bool {
	g = scoreArticle.ReplaceAllString(scoreNorm(g), "ال")
	p = scoreArticle.ReplaceAllString(scoreNorm(p), "ال")
	return g != "" && p != "" && (strings.Contains(p, g) || strings.Contains(g, p))
}

func TestSeeds(t *testing.T) {
	t.Run("Find", func(t *testing.T) { scoreSeeds(t, false) })
	t.Run("Merge", func(t *testing.T) { scoreSeeds(t, true) })
}

// scoreSeeds runs Find (and Merge) on the seeds and scores the quotes.
func scoreSeeds(t *testing.T, merge bool) {
	gf, err := os.Open(filepath.Join(sharedDir, "eval", "seeds.gold.jsonl"))
	if err != nil {
		t.Skipf("seed gold not available (%v): needs ../shared/eval", err)
	}
	defer gf.Close()
	var tp, npred, ngold, found int
	sc := bufio.NewScanner(gf)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var g goldDoc
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			t.Fatalf("gold: %v", err)
		}
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
		hit := func(i int, q article.Quote) bool {
			gq := g.Quotes[i]
			return sameSpeaker(gq.Speaker, q.Speaker) && strings.Contains(scoreNorm(q.Text), scoreNorm(gq.Cue))
		}
		for _, q := range qs {
			ok := false
			for i := range g.Quotes {
				ok = ok || hit(i, q)
			}
			if ok {
				tp++
			}
			t.Logf("%s %-5v %s [%s] %s", g.Doc, ok, q.Speaker, q.Verb, q.Text)
		}
		for i, gq := range g.Quotes {
			ok := false
			for _, q := range qs {
				ok = ok || hit(i, q)
			}
			if ok {
				found++
			} else {
				t.Logf("%s missed: %s: %s", g.Doc, gq.Speaker, gq.Cue)
			}
		}
		npred += len(qs)
		ngold += len(g.Quotes)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	p, r := 0.0, 0.0
	if npred > 0 {
		p = float64(tp) / float64(npred)
	}
	if ngold > 0 {
		r = float64(found) / float64(ngold)
	}
	t.Logf("seeds quotes: P=%.2f (%d/%d) R=%.2f (%d/%d)", p, tp, npred, r, found, ngold)
	// A floor well under the measured figures: it catches a broken finder,
	// not a one-point change.
	if p < 0.5 || r < 0.4 {
		t.Errorf("seeds quotes: P=%.2f R=%.2f, want P>=0.5 R>=0.4", p, r)
	}
}
