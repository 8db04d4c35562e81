package story

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// devDays are the days of the labelled development set (testdata/dev.tsv)
// and the day before them, replayed so that clustering starts warm.
var devDays = []string{"2015-07-25", "2015-07-26", "2015-07-27"}

// readGold reads a story gold file: header, then n, idsha1, story[, description].
func readGold(tb testing.TB, path string) map[string]string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gold := map[string]string{}
	sc := bufio.NewScanner(f)
	for first := true; sc.Scan(); first = false {
		if first {
			continue
		}
		c := strings.Split(sc.Text(), "\t")
		if len(c) < 3 {
			tb.Fatalf("%s: bad row %q", path, sc.Text())
		}
		gold[c[1]] = c[2]
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return gold
}

// scores are BCubed and pairwise precision, recall and F1.
type scores struct{ BP, BR, BF, PP, PR, PF float64 }

func (s scores) String() string {
	return fmt.Sprintf("BCubed P=%.3f R=%.3f F1=%.3f; pairwise P=%.3f R=%.3f F1=%.3f", s.BP, s.BR, s.BF, s.PP, s.PR, s.PF)
}

// score compares predicted story labels with gold ones, over the gold items
// (an item with no prediction is a singleton), as score_stories.py does.
func score(gold, pred map[string]string) scores {
	g, p := map[string][]string{}, map[string][]string{}
	for a, l := range gold {
		pl, ok := pred[a]
		if !ok {
			pl = "\x00missing " + a
		}
		g[l] = append(g[l], a)
		p[pl] = append(p[pl], a)
	}
	inter := func(a string) int {
		n := 0
		for _, b := range p[predOf(pred, a)] {
			if gold[b] == gold[a] {
				n++
			}
		}
		return n
	}
	var s scores
	for a := range gold {
		n := float64(inter(a))
		s.BP += n / float64(len(p[predOf(pred, a)]))
		s.BR += n / float64(len(g[gold[a]]))
	}
	s.BP /= float64(len(gold))
	s.BR /= float64(len(gold))
	s.BF = f1(s.BP, s.BR)
	pairs := func(groups map[string][]string) int {
		n := 0
		for _, m := range groups {
			n += len(m) * (len(m) - 1) / 2
		}
		return n
	}
	cells := map[[2]string]int{}
	for a := range gold {
		cells[[2]string{predOf(pred, a), gold[a]}]++
	}
	tp := 0
	for _, n := range cells {
		tp += n * (n - 1) / 2
	}
	s.PP = float64(tp) / float64(max(1, pairs(p)))
	s.PR = float64(tp) / float64(max(1, pairs(g)))
	s.PF = f1(s.PP, s.PR)
	return s
}

func predOf(pred map[string]string, a string) string {
	if l, ok := pred[a]; ok {
		return l
	}
	return "\x00missing " + a
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// runDev clusters the development days with cfg and returns its scores on
// the labelled articles, writing the stories JSON to out when out != "".
func runDev(tb testing.TB, cfg Config, out string) scores {
	tb.Helper()
	return runDocs(tb, devDocs(tb), cfg, out)
}

// devDocs loads the development days as documents.
func devDocs(tb testing.TB) []Doc {
	arts := loadDays(tb, devDays...)
	terms := testTerms()
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = a.toDoc(terms)
	}
	if os.Getenv("STORY_ENTITIES") != "" {
		withEntities(tb, arts, docs)
	}
	return docs
}

// runDocs clusters docs with cfg and scores the result on the dev set.
func runDocs(tb testing.TB, docs []Doc, cfg Config, out string) scores {
	tb.Helper()
	gold := readGold(tb, filepath.Join("testdata", "dev.tsv"))
	c := New(cfg)
	assigned := map[string]Assignment{}
	for _, d := range docs {
		if _, ok := assigned[d.ID]; !ok {
			assigned[d.ID] = c.Add(d)
		}
	}
	stories := c.Stories()
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			tb.Fatal(err)
		}
		if err := storiesJSON(f, stories); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	// Every article is in exactly one story, the one Add assigned it to.
	pred := map[string]string{}
	for _, s := range stories {
		for _, id := range s.Articles {
			if p, ok := pred[idSHA1(id)]; ok {
				tb.Fatalf("article %s in stories %s and %s", id, p, s.ID)
			}
			pred[idSHA1(id)] = s.ID
			if as, ok := c.Assignment(id); !ok || as.Story != s.ID || as.Story != assigned[id].Story || as.DuplicateOf != assigned[id].DuplicateOf {
				tb.Fatalf("article %s: Assignment %+v, Add %+v, listed in %s", id, as, assigned[id], s.ID)
			}
		}
	}
	if len(pred) != c.Len() {
		for _, d := range docs {
			if _, ok := pred[idSHA1(d.ID)]; !ok {
				as, _ := c.Assignment(d.ID)
				tb.Logf("missing %s %+v", d.ID, as)
				break
			}
		}
		tb.Fatalf("stories hold %d articles, %d added", len(pred), c.Len())
	}
	for h := range gold {
		if _, ok := pred[h]; !ok {
			tb.Fatalf("gold article %s not in the corpus days", h)
		}
	}
	return score(gold, pred)
}

// TestDevSet scores the clusterer on the hand-labelled development set.
// STORY_OUT=FILE keeps the stories JSON for score_stories.py;
// STORY_ENTITIES=1 gives the articles the entities the project's tagger finds.
func TestDevSet(t *testing.T) {
	out := os.Getenv("STORY_OUT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "stories.json")
	}
	s := runDev(t, DefaultConfig(), out)
	t.Logf("dev set: %v", s)
	const floor = 0.83
	if s.BF < floor {
		t.Errorf("BCubed F1 %.3f < %.2f", s.BF, floor)
	}
}

// TestTune prints dev-set scores over a grid of settings; it runs only
// with STORY_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1 to sweep settings")
	}
	docs := devDocs(t)
	for _, pw := range []float64{1, 1.5, 2} {
		for _, th := range []float64{0.4, 0.45, 0.5, 0.55} {
			cfg := DefaultConfig()
			cfg.IDFPower, cfg.Threshold = pw, th
			t.Logf("idf power %.1f threshold %.2f: %v", pw, th, runDocs(t, docs, cfg, ""))
		}
	}
}
