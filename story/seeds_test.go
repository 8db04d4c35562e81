package story

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestSeedsOneThread replays a day of the corpus, then the two seed
// articles (Kremlin on dialogue with Washington, March 2021 and November
// 2024): they must form two stories of one thread.
func TestSeedsOneThread(t *testing.T) {
	for _, ents := range []bool{false, true} {
		t.Run(map[bool]string{false: "terms only", true: "with entities"}[ents], func(t *testing.T) {
			seedsOneThread(t, ents)
		})
	}
}

func seedsOneThread(t *testing.T, withEnts bool) {
	seeds := filepath.Join("..", "..", "shared", "seeds")
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) < 2 {
		t.Skipf("seeds not available in %s", seeds)
	}
	arts := loadDays(t, "2015-07-23")
	terms := testTerms()
	c := New(DefaultConfig())
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = a.toDoc(terms)
	}
	if withEnts {
		withEntities(t, arts, docs)
	}
	for _, d := range docs {
		c.Add(d)
	}
	dates := []time.Time{time.Date(2021, 3, 19, 12, 0, 0, 0, time.UTC), time.Date(2024, 11, 13, 12, 0, 0, 0, time.UTC)}
	var got []Assignment
	for i, f := range files[:2] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		title, _, _ := strings.Cut(text, "\n")
		d := Doc{
			ID:         filepath.Base(f),
			Published:  dates[i],
			Title:      title,
			Terms:      terms(text),
			TitleTerms: terms(title),
		}
		if withEnts {
			ds := []Doc{d}
			withEntities(t, []rawArticle{{Content: text}}, ds)
			d = ds[0]
			t.Logf("%s entities: %v", d.ID, d.Entities)
		}
		got = append(got, c.Add(d))
	}
	if got[0].Story == got[1].Story {
		t.Errorf("seeds 3½ years apart in one story %s", got[0].Story)
	}
	if got[0].Thread != got[1].Thread {
		t.Errorf("seeds in threads %s and %s, want one", got[0].Thread, got[1].Thread)
	}
}
