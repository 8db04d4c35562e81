package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/backend"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/extract"
	"github.com/marsad/marsad/server"
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
	list := backend.Filter(c.Stories(), backend.StoryQuery{From: lo, To: hi, Entity: *entity, MinArticles: *minSize})
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
	v, err := backend.EngineStories{Engine: eng}.Story(ctx, pos[0])
	if errors.Is(err, server.ErrNotFound) {
		return fmt.Errorf("no story %q (see marsad stories)", pos[0])
	}
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	}
	fmt.Fprintf(e.stdout, "%s  %s\n%s … %s, %d article(s)\n\n", v.ID, v.Title, orDashes(v.First), orDashes(v.Last), len(v.Articles))
	for _, en := range v.Timeline {
		fmt.Fprintf(e.stdout, "%s  %-12s %s  [%s]\n", orDashes(en.Date), en.Source, ellipsis(en.Headline, 80), en.Article)
		if en.Quote != nil {
			fmt.Fprintf(e.stdout, "            %s: «%s»\n", en.Quote.Speaker, ellipsis(en.Quote.Text, 120))
		}
	}
	if len(v.Thread) > 0 {
		fmt.Fprintf(e.stdout, "\nThread %s:\n", v.StorySummary.Thread)
		for _, o := range v.Thread {
			fmt.Fprintf(e.stdout, "  %-7s %s … %s  %s\n", o.ID, orDashes(o.First), orDashes(o.Last), ellipsis(o.Title, 80))
		}
	}
	return nil
}

func orDashes(d server.Date) string {
	if d == "" {
		return "----------"
	}
	return string(d)
}

func toStoryRecord(s story.Story) storyRecord {
	return storyRecord{ID: s.ID, Title: s.Title, Articles: s.Articles, First: datePtr(s.First), Last: datePtr(s.Last),
		Thread: s.Thread, Sources: s.Sources, Entities: s.TopEntities}
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
