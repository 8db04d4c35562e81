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
	seeds := filepath.Join("..", "..", "shared", "seeds")
	files, err := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if err != nil || len(files) < 2 {
		t.Skipf("seeds not available in %s", seeds)
	}
	arts := loadDays(t, "2015-07-23")
	terms := testTerms()
	c := New(DefaultConfig())
	for _, a := range arts {
		c.Add(a.toDoc(terms))
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
		got = append(got, c.Add(Doc{
			ID:         filepath.Base(f),
			Published:  dates[i],
			Title:      title,
			Terms:      terms(text),
			TitleTerms: terms(title),
		}))
	}
	if got[0].Story == got[1].Story {
		t.Errorf("seeds 3½ years apart in one story %s", got[0].Story)
	}
	if got[0].Thread != got[1].Thread {
		t.Errorf("seeds in threads %s and %s, want one", got[0].Thread, got[1].Thread)
	}
}
