package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract"
	"github.com/marsad/marsad/ingest"
)

// extractRecord is one line of `marsad extract --json`, the contract in DESIGN.md.
type extractRecord struct {
	ID        string           `json:"id"`
	Published *string          `json:"published"`
	Times     []article.Time   `json:"times"`
	Entities  []article.Entity `json:"entities"`
	Quotes    []article.Quote  `json:"quotes"`
}

func runExtract(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "extract", "[--json] [--date YYYY-MM-DD] FILE...",
		`Prints the facts of each article, storing nothing: its publication date, the
temporal expressions it uses resolved to dates, the people, organizations and
places it names (PER, ORG, LOC) and its attributed quotes.

A .txt file is one article (its id is the file name without extension); a
.jsonl file holds one article per line (id, url, source, title, published,
text), whose published date is the reference for relative dates. Folders are
read recursively. An article without a date takes --date, else the date of
its dateline, else none (relative dates are then left unresolved).

Example:
  marsad extract --json --date 2024-11-06 article.txt`)
	asJSON := fs.Bool("json", false, "print one JSON object per article (the contract in DESIGN.md)")
	date := fs.String("date", "", "publication `date` (YYYY-MM-DD) for articles whose metadata has none")
	var fields ingest.Options
	fieldFlags(fs, &fields)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fmt.Fprintln(e.stderr, "marsad extract: give at least one FILE (see marsad help extract)")
		return errUsage
	}
	var given time.Time
	if *date != "" {
		if given, err = extract.Date(*date); err != nil {
			fmt.Fprintf(e.stderr, "marsad extract: --date: %v\n", err)
			return errUsage
		}
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, f := range files {
		for it := range ingest.Read(ctx, f, fields) {
			if it.Err != nil {
				failed++
				fmt.Fprintf(e.stderr, "marsad extract: %v\n", it.Err)
				continue
			}
			a := it.Article
			if a.Published.IsZero() && !given.IsZero() {
				a.Published = given
			}
			facts := x.Extract(&a, nil)
			if *asJSON {
				rec := extractRecord{ID: a.ID, Times: facts.Times, Entities: facts.Entities, Quotes: facts.Quotes}
				if d := a.PublishedDate(); d != "" {
					rec.Published = &d
				}
				if err := enc.Encode(rec); err != nil {
					return err
				}
			} else {
				printFacts(out, &a, facts)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if failed > 0 {
		out.Flush()
		fmt.Fprintf(e.stderr, "marsad extract: %d input(s) failed\n", failed)
		return errFailed
	}
	return nil
}

// printFacts writes a readable summary of an article's facts.
func printFacts(w io.Writer, a *article.Article, f article.Facts) {
	pub := a.PublishedDate()
	if pub == "" {
		pub = "unknown date"
	}
	fmt.Fprintf(w, "== %s (%s)\n", a.ID, pub)
	if len(f.Times) > 0 {
		fmt.Fprintln(w, "Dates:")
		for _, t := range f.Times {
			fmt.Fprintf(w, "  %-12s %s\n", t.Value, t.Text)
		}
	}
	if len(f.Entities) > 0 {
		fmt.Fprintln(w, "Entities:")
		for _, en := range f.Entities {
			fmt.Fprintf(w, "  %-4s %s (%d)\n", en.Type, en.Text, len(en.Mentions))
		}
	}
	if len(f.Quotes) > 0 {
		fmt.Fprintln(w, "Quotes:")
		for _, q := range f.Quotes {
			kind := "reported"
			if q.Direct {
				kind = "direct"
			}
			fmt.Fprintf(w, "  %s (%s, %s): %s\n", q.Speaker, q.Verb, kind, ellipsis(q.Text, 160))
		}
	}
	fmt.Fprintln(w)
}

// ellipsis shortens s to at most n runes.
func ellipsis(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func extractCommand() command {
	return command{"extract", "print each article's facts: dates, entities (PER/ORG/LOC), quotes", runExtract}
}
