package story

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDumpForLabelling writes the articles of the days in STORY_DUMP_DAYS
// (comma-separated) grouped by predicted story to STORY_DUMP, to help a
// person label stories by reading. It never runs by default.
func TestDumpForLabelling(t *testing.T) {
	out := os.Getenv("STORY_DUMP")
	if out == "" {
		t.Skip("set STORY_DUMP=FILE and STORY_DUMP_DAYS=d1,d2 to dump")
	}
	arts := loadDays(t, strings.Split(os.Getenv("STORY_DUMP_DAYS"), ",")...)
	c := New(DefaultConfig())
	terms := testTerms()
	byID := map[string]rawArticle{}
	for _, a := range arts {
		c.Add(a.toDoc(terms))
		byID[a.URL] = a
	}
	st := c.Stories()
	sort.SliceStable(st, func(i, j int) bool { return len(st[i].Articles) > len(st[j].Articles) })
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range st {
		for _, id := range s.Articles {
			a := byID[id]
			lead := []rune(strings.Join(strings.Fields(a.Content), " "))
			if len(lead) > 160 {
				lead = lead[:160]
			}
			fmt.Fprintf(f, "%s\t%s\t%s\t%s\t%s\t%s | %s\n", s.ID, s.Thread, idSHA1(id), a.Source, a.DateExtracted[:10], a.Title, string(lead))
		}
	}
}

// TestDumpThreads replays the corpus and writes its threads of more than
// one story to STORY_THREADS, for reading. It never runs by default.
func TestDumpThreads(t *testing.T) {
	out := os.Getenv("STORY_THREADS")
	if out == "" {
		t.Skip("set STORY_THREADS=FILE to dump threads")
	}
	arts := loadDays(t)
	c := New(DefaultConfig())
	terms := testTerms()
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = a.toDoc(terms)
	}
	if os.Getenv("STORY_ENTITIES") != "" {
		withEntities(t, arts, docs)
	}
	for _, d := range docs {
		c.Add(d)
	}
	threads := map[string][]Story{}
	var order []string
	for _, s := range c.Stories() {
		if _, ok := threads[s.Thread]; !ok {
			order = append(order, s.Thread)
		}
		threads[s.Thread] = append(threads[s.Thread], s)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, linked := 0, 0
	for _, th := range order {
		if len(threads[th]) < 2 {
			continue
		}
		n++
		linked += len(threads[th])
		fmt.Fprintf(f, "== thread %s (%d stories)\n", th, len(threads[th]))
		for _, s := range threads[th] {
			fmt.Fprintf(f, "   %s %s %d arts: %s  [%s]\n", s.ID, s.First.Format("01-02"), len(s.Articles), s.Title, strings.Join(s.TopTerms[:min(6, len(s.TopTerms))], " "))
		}
	}
	t.Logf("%d stories, %d threads of several stories holding %d stories", len(c.Stories()), n, linked)
}

// TestDumpAssignments replays the corpus (the days in STORY_ASSIGN_DAYS,
// comma-separated, or all of it) and writes every assignment, then every
// story, to STORY_ASSIGN; halfway it saves and reloads the clusterer. Two
// versions of the package must write the same file when a change is meant
// to leave the clustering as it was. STORY_ENTITIES=1 tags entities too.
// It never runs by default.
func TestDumpAssignments(t *testing.T) {
	out := os.Getenv("STORY_ASSIGN")
	if out == "" {
		t.Skip("set STORY_ASSIGN=FILE to dump assignments")
	}
	var days []string
	if v := os.Getenv("STORY_ASSIGN_DAYS"); v != "" {
		days = strings.Split(v, ",")
	}
	arts := loadDays(t, days...)
	terms := testTerms()
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = a.toDoc(terms)
	}
	if os.Getenv("STORY_ENTITIES") != "" {
		withEntities(t, arts, docs)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	c := New(DefaultConfig())
	for i, d := range docs {
		if i == len(docs)/2 {
			var b strings.Builder
			if err := c.Save(&b); err != nil {
				t.Fatal(err)
			}
			if c, err = Load(strings.NewReader(b.String())); err != nil {
				t.Fatal(err)
			}
		}
		fmt.Fprintf(f, "%s\t%+v\n", d.ID, c.Add(d))
	}
	for _, s := range c.Stories() {
		fmt.Fprintf(f, "%+v\n", s)
	}
}
