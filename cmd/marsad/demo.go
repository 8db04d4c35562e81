package main

import (
	"context"
	"fmt"
	"slices"

	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/sample"
	"github.com/marsad/marsad/search"
)

func demoCommand() command {
	return command{name: "demo", summary: "ingest the sample articles, search them, show the stats", run: runDemo}
}

// demoQuery is the search the demo shows.
const demoQuery = `خفض الإنتاج`

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--db DIR]",
		"Ingest Marsad's own sample articles into the store (again: nothing changes\nthe second time), search them and show the store's statistics.")
	db := dbFlag(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	dir := dataDir(e, *db)
	eng, err := openWithFacts(ctx, e, dir, engine.Options{})
	if err != nil {
		return err
	}
	defer eng.Close()
	arts := sample.Articles()
	counts, err := eng.Ingest(ctx, slices.Values(arts), nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "$ marsad ingest (%d sample articles into %s)\nadded %d, already present %d, duplicates %d, failed %d\n\n",
		len(arts), dir, counts.Added, counts.Present, counts.Duplicates, counts.Failed)
	req, err := searchRequest(demoQuery, "", "", "relevance")
	if err != nil {
		return err
	}
	req.Limit = 3
	format := search.Plain
	if isTerminalOut(e.stdout) {
		format = search.ANSI
	}
	total, hits, err := eng.Search(ctx, req, engine.SearchOptions{Format: format})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "$ marsad search %s\n", demoQuery)
	printHits(e, total, hits)
	st, err := eng.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprint(e.stdout, "\n$ marsad stats\n")
	printStats(e, st)
	return nil
}
