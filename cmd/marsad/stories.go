package main

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/extract"
	"github.com/marsad/marsad/story"
)

func storiesCommand() command {
	return command{name: "stories", summary: "list the stories (events) the articles group into, newest first", run: runStories}
}

func storyCommand() command {
	return command{name: "story", summary: "show one story as a timeline, with its thread", run: runStory}
}

// storyRecord is one story of `marsad stories --json` (the DESIGN contract).
type storyRecord struct {
	ID       string   `json:"id"`
	Title    string   `json:"title"`
	Articles []string `json:"articles"`
	First    *string  `json:"first"`
	Last     *string  `json:"last"`
	Thread   string   `json:"thread"`
	Sources  []string `json:"sources,omitempty"`
	Entities []string `json:"entities,omitempty"`
}

func runStories(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stories", "[--db DIR] [--json] [--from DATE] [--to DATE] [--entity NAME] [--limit N] [--rebuild]",
		`Lists the stories of the store, newest first: groups of articles about one
event, found as articles arrive (ingest adds each article to a story). A story
of one long-running subject is linked to earlier ones through its thread.

--rebuild groups every stored article anew (after changing the settings or
when the saved state is lost); otherwise nothing is recomputed.

Examples:
  marsad stories --from 2015-07-26 --to 2015-07-27
  marsad stories --entity بوتين --json`)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, `print {"stories":[{"id","title","articles","first","last","thread"}]}`)
	from := fs.String("from", "", "only stories active on or after `date` (YYYY-MM-DD)")
	to := fs.String("to", "", "only stories that began on or before `date` (YYYY-MM-DD)")
	entity := fs.String("entity", "", "only stories whose main entities include `name`")
	limit := fs.Int("limit", 0, "at most `n` stories (0: all with --json, 20 otherwise)")
	minSize := fs.Int("min", 1, "only stories of at least `n` articles")
	rebuild := fs.Bool("rebuild", false, "group every stored article into stories anew")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	lo, hi, err := dateRange(*from, *to)
	if err != nil {
		fmt.Fprintf(e.stderr, "marsad stories: %v\n", err)
		return errUsage
	}
	eng, err := openEngine(ctx, e, dataDir(e, *db), engine.Options{})
	if err != nil {
		return err
	}
	defer eng.Close()
	var c *story.Clusterer
	if *rebuild {
		c, err = eng.RebuildStories(ctx, story.DefaultConfig())
	} else {
		c, err = eng.Stories(ctx)
	}
	if err != nil {
		return err
	}
	all := c.Stories()
	var key string
	if *entity != "" {
		key = entityMatchKey(*entity)
	}
	list := all[:0:0]
	for _, s := range all {
		if len(s.Articles) < *minSize || !lo.IsZero() && s.Last.Before(lo) || !hi.IsZero() && s.First.After(hi) {
			continue
		}
		if key != "" && !slices.ContainsFunc(s.TopEntities, func(n string) bool { return strings.Contains(entityMatchKey(n), key) }) {
			continue
		}
		list = append(list, s)
	}
	slices.SortStableFunc(list, func(a, b story.Story) int { return b.Last.Compare(a.Last) })
	n := *limit
	if n <= 0 && !*asJSON {
		n = 20
	}
	if n > 0 && len(list) > n {
		list = list[:n]
	}
	if *asJSON {
		out := struct {
			Stories []storyRecord `json:"stories"`
		}{Stories: make([]storyRecord, 0, len(list))}
		for _, s := range list {
			out.Stories = append(out.Stories, toStoryRecord(s))
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	if len(list) == 0 {
		fmt.Fprintln(e.stdout, "no stories match")
		return nil
	}
	for _, s := range list {
		fmt.Fprintf(e.stdout, "%-7s %s … %s  %3d article(s)  %s\n", s.ID, day(s.First), day(s.Last), len(s.Articles), ellipsis(s.Title, 90))
		if len(s.TopEntities) > 0 {
			fmt.Fprintf(e.stdout, "        %s\n", strings.Join(s.TopEntities[:min(5, len(s.TopEntities))], "، "))
		}
	}
	return nil
}

func runStory(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "story", "[--db DIR] [--json] ID",
		`Shows one story as a timeline: for each article its date, source, headline
and key quote; then the other stories of its thread.

Example:
  marsad story s12`)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the story, its timeline and its thread as JSON")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fmt.Fprintln(e.stderr, "marsad story: give one story ID (see marsad stories)")
		return errUsage
	}
	eng, err := openEngine(ctx, e, dataDir(e, *db), engine.Options{})
	if err != nil {
		return err
	}
	defer eng.Close()
	c, err := eng.Stories(ctx)
	if err != nil {
		return err
	}
	s, ok := c.Story(pos[0])
	if !ok {
		return fmt.Errorf("no story %q (see marsad stories)", pos[0])
	}
	recs, err := eng.Store.Get(ctx, s.Articles...)
	if err != nil {
		return err
	}
	type entry struct {
		Date     *string        `json:"date"`
		Source   string         `json:"source"`
		Headline string         `json:"headline"`
		Article  string         `json:"article"`
		Quote    *article.Quote `json:"quote,omitempty"`
		when     time.Time
	}
	timeline := make([]entry, 0, len(recs))
	for _, r := range recs {
		en := entry{Date: datePtr(r.Article.Published), Source: r.Article.Source, Headline: headline(r.Article), Article: r.Article.ID, when: r.Article.Published}
		if r.Facts != nil && len(r.Facts.Quotes) > 0 {
			q := r.Facts.Quotes[0]
			en.Quote = &q
		}
		timeline = append(timeline, en)
	}
	slices.SortStableFunc(timeline, func(a, b entry) int { return a.when.Compare(b.when) })
	var thread []story.Story
	for _, o := range c.Stories() {
		if o.Thread == s.Thread && o.ID != s.ID {
			thread = append(thread, o)
		}
	}
	slices.SortStableFunc(thread, func(a, b story.Story) int { return a.First.Compare(b.First) })
	if *asJSON {
		out := struct {
			storyRecord
			Timeline []entry       `json:"timeline"`
			Thread   []storyRecord `json:"thread_stories"`
		}{storyRecord: toStoryRecord(s), Timeline: timeline, Thread: []storyRecord{}}
		for _, o := range thread {
			out.Thread = append(out.Thread, toStoryRecord(o))
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	fmt.Fprintf(e.stdout, "%s  %s\n%s … %s, %d article(s), sources: %s\n\n", s.ID, s.Title, day(s.First), day(s.Last), len(s.Articles), strings.Join(s.Sources, "، "))
	for _, en := range timeline {
		d := "----------"
		if en.Date != nil {
			d = *en.Date
		}
		fmt.Fprintf(e.stdout, "%s  %-12s %s  [%s]\n", d, en.Source, ellipsis(en.Headline, 80), en.Article)
		if en.Quote != nil {
			fmt.Fprintf(e.stdout, "            %s: «%s»\n", en.Quote.Speaker, ellipsis(en.Quote.Text, 120))
		}
	}
	if len(thread) > 0 {
		fmt.Fprintf(e.stdout, "\nThread %s:\n", s.Thread)
		for _, o := range thread {
			fmt.Fprintf(e.stdout, "  %-7s %s … %s  %s\n", o.ID, day(o.First), day(o.Last), ellipsis(o.Title, 80))
		}
	}
	return nil
}

func toStoryRecord(s story.Story) storyRecord {
	return storyRecord{ID: s.ID, Title: s.Title, Articles: s.Articles, First: datePtr(s.First), Last: datePtr(s.Last),
		Thread: s.Thread, Sources: s.Sources, Entities: s.TopEntities}
}

// headline is an article's title, else the first line of its text.
func headline(a article.Article) string {
	if a.Title != "" {
		return a.Title
	}
	first, _, _ := strings.Cut(strings.TrimSpace(a.Text), "\n")
	return first
}

func datePtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	d := t.Format(article.DateLayout)
	return &d
}

func day(t time.Time) string {
	if t.IsZero() {
		return "----------"
	}
	return t.Format(article.DateLayout)
}

// dateRange parses the --from and --to dates; --to includes its whole day.
func dateRange(from, to string) (lo, hi time.Time, err error) {
	if from != "" {
		if lo, err = extract.Date(from); err != nil {
			return lo, hi, fmt.Errorf("--from: %w", err)
		}
	}
	if to != "" {
		if hi, err = extract.Date(to); err != nil {
			return lo, hi, fmt.Errorf("--to: %w", err)
		}
		hi = hi.Add(24*time.Hour - time.Nanosecond)
	}
	return lo, hi, nil
}

// entityMatchKey normalizes an entity name for matching a user's spelling.
func entityMatchKey(name string) string {
	return arabic.Normalize(strings.TrimSpace(name), arabic.DefaultNormalizeOptions())
}
