package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/index"
	"github.com/marsad/marsad/search"
)

func searchCommand() command {
	return command{name: "search", summary: "search the articles in Arabic", run: runSearch}
}

func runSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "search", "[--db DIR] [--json] [--limit N] [--from DATE] [--to DATE] [--source S] [--entity NAME] [--sort relevance|date] QUERY",
		`Search the stored articles. Words match their Arabic variants (الروسي finds
الروسى, الحوار finds الحُوَار, واشنطن finds بواشنطن, ٢٠٢١ finds 2021); all
words must match. "quoted phrases" match in order; a OR b matches either;
-word excludes. Hits are ranked by BM25 over title (weighted) and text.`)
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, `print {"total","hits":[{"id","score","published","source","title","snippet"}]}`)
	limit := fs.Int("limit", 10, "at most `N` hits")
	from := fs.String("from", "", "published on or after `YYYY-MM-DD`")
	to := fs.String("to", "", "published on or before `YYYY-MM-DD`")
	source := fs.String("source", "", "only articles of this `source`")
	entity := fs.String("entity", "", "only articles that mention this entity (`NAME`)")
	sortBy := fs.String("sort", "relevance", "order: relevance or date (newest first)")
	pos, err := parseFlags(fs, exclusionsLast(fs, args))
	if err != nil {
		return err
	}
	req, err := searchRequest(strings.Join(pos, " "), *from, *to, *sortBy)
	if err != nil {
		fmt.Fprintf(e.stderr, "marsad search: %v\n", err)
		return errUsage
	}
	req.Limit, req.Source, req.Entity = *limit, *source, *entity
	eng, err := openEngine(ctx, e, dataDir(e, *db), engine.Options{})
	if err != nil {
		return err
	}
	defer eng.Close()
	format := search.Plain
	switch {
	case *asJSON:
		format = search.HTML
	case isTerminalOut(e.stdout):
		format = search.ANSI
	}
	total, hits, err := eng.Search(ctx, req, engine.SearchOptions{Format: format})
	if errors.Is(err, index.ErrNoTerms) {
		fmt.Fprintf(e.stderr, "marsad search: %v\n", err)
		return errUsage
	}
	if err != nil {
		return err
	}
	if *asJSON {
		return printHitsJSON(e, total, hits)
	}
	printHits(e, total, hits)
	return nil
}

// exclusionsLast moves the query's exclusions (-word, which are not flags)
// after "--" so that the flag parser leaves them to the query. An exclusion
// is a clause of its own, so moving it does not change the query.
func exclusionsLast(fs *flag.FlagSet, args []string) []string {
	var rest, excl []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			excl = append(excl, args[i+1:]...)
			break
		}
		if len(a) > 1 && a[0] == '-' && !isNumber(a) {
			name := strings.TrimLeft(a, "-")
			if j := strings.IndexByte(name, '='); j >= 0 {
				name = name[:j]
			}
			if fs.Lookup(name) == nil && name != "h" && name != "help" {
				excl = append(excl, a)
				continue
			}
		}
		rest = append(rest, a)
	}
	if len(excl) == 0 {
		return rest
	}
	return append(append(rest, "--"), excl...)
}

// searchRequest parses the query and the date and sort flags.
func searchRequest(q, from, to, sortBy string) (index.Request, error) {
	var req index.Request
	parsed, err := search.Parse(q)
	if err != nil {
		return req, err
	}
	req.Query = parsed
	for _, d := range []struct {
		name, v string
		t       *time.Time
	}{{"--from", from, &req.From}, {"--to", to, &req.To}} {
		if d.v == "" {
			continue
		}
		t, err := time.Parse(article.DateLayout, d.v)
		if err != nil {
			return req, fmt.Errorf("%s %q: want a date as YYYY-MM-DD", d.name, d.v)
		}
		*d.t = t
	}
	switch sortBy {
	case "relevance", "":
	case "date":
		req.ByDate = true
	default:
		return req, fmt.Errorf("--sort %q: want relevance or date", sortBy)
	}
	return req, nil
}

type jsonHit struct {
	ID        string  `json:"id"`
	Score     float64 `json:"score"`
	Published *string `json:"published"`
	Source    string  `json:"source"`
	Title     string  `json:"title"`
	Snippet   string  `json:"snippet"`
}

func printHitsJSON(e *env, total uint64, hits []engine.Hit) error {
	out := struct {
		Total uint64    `json:"total"`
		Hits  []jsonHit `json:"hits"`
	}{Total: total, Hits: []jsonHit{}}
	for _, h := range hits {
		jh := jsonHit{ID: h.ID, Score: h.Score, Source: h.Source, Title: h.Title, Snippet: h.Snippet}
		if !h.Published.IsZero() {
			d := h.Published.Format(article.DateLayout)
			jh.Published = &d
		}
		out.Hits = append(out.Hits, jh)
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func printHits(e *env, total uint64, hits []engine.Hit) {
	fmt.Fprintf(e.stdout, "%d matching articles\n", total)
	for i, h := range hits {
		meta := []string{h.ID}
		if h.Source != "" {
			meta = append(meta, h.Source)
		}
		if !h.Published.IsZero() {
			meta = append(meta, h.Published.Format(article.DateLayout))
		}
		fmt.Fprintf(e.stdout, "\n%d. %s\n   (%s, score %.2f)\n   %s\n", i+1, h.Title, strings.Join(meta, ", "), h.Score, h.Snippet)
	}
}
