package main

import (
	"context"
	"fmt"
	"time"

	"github.com/marsad/marsad/engine"
)

func compactCommand() command {
	return command{name: "compact", summary: "merge the search index into one segment (faster searches)", run: runCompact}
}

func runCompact(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "compact", "[--db DIR]",
		`Merge the segments of the search index into one, for faster searches after
a big ingest (an ingest leaves a few segment files, which every search
reads in turn). It rewrites the index; no ingest may run meanwhile. The
articles a query finds, and their scores, stay the same.`)
	db := dbFlag(fs)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	eng, err := openEngine(ctx, e, dataDir(e, *db), engine.Options{NoStories: true})
	if err != nil {
		return err
	}
	defer eng.Close()
	t := time.Now()
	if err := compactIndex(ctx, eng); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "compacted the index in %.1fs\n", time.Since(t).Seconds())
	return nil
}

// compactIndex merges the segments of eng's index into one.
func compactIndex(ctx context.Context, eng *engine.Engine) error {
	c, ok := eng.Index.(interface{ Compact(context.Context) error })
	if !ok {
		return fmt.Errorf("the index (%T) cannot be compacted", eng.Index)
	}
	return c.Compact(ctx)
}
