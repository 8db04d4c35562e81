package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/ingest"
)

func trainLexiconCommand() command {
	return command{
		name:    "train-lexicon",
		summary: "build the stemmer's word-frequency lexicon from the SaudiNewsNet corpus",
		run:     runTrainLexicon,
	}
}

// defaultCorpus is where the SaudiNewsNet corpus sits relative to a worktree.
const defaultCorpus = "../shared/data/saudinewsnet"

func runTrainLexicon(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train-lexicon", "[--data DIR] [--out FILE] [--min N]",
		`Counts the normalized Arabic words of the SaudiNewsNet articles (DIR holds
one zip per day, each a JSON array of {title, content, ...}) and writes those
seen at least N times, gzip-compressed, to FILE: the lexicon that package
arabic embeds (arabic/lexicon.gz; then run go generate ./arabic for its stems).
The output is the same for the same corpus.`)
	data := fs.String("data", defaultCorpus, "folder of SaudiNewsNet zips")
	out := fs.String("out", "arabic/lexicon.gz", "lexicon file to write")
	min := fs.Int("min", 3, "keep words seen at least this many times")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	c := arabic.NewLexiconCounter()
	n, err := eachArticle(ctx, *data, func(title, content string) error {
		c.Add(title)
		c.Add(content)
		return nil
	})
	if err != nil {
		return err
	}
	lex := c.Lexicon(*min)
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("create lexicon: %w", err)
	}
	size, err := lex.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	slog.Info("lexicon written", "articles", n, "words", lex.Len(), "file", *out, "bytes", size)
	return nil
}

// snnZips returns the SaudiNewsNet zips in dir, in file name order.
func snnZips(dir string) ([]string, error) {
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", dir, err)
	}
	if len(zips) == 0 {
		return nil, fmt.Errorf("no .zip files in %s", dir)
	}
	slices.Sort(zips)
	return zips, nil
}

// eachArticle calls fn for every article of the SaudiNewsNet zips in dir, in
// file name order, read by ingest.Read, and returns the number of articles.
// It stops at the first error fn returns and returns that error, and at
// the first record ingest cannot read.
//
// ingest refuses an article without text, but a few of the corpus have a
// title and no content, and the lexicon counts their titles too: a second
// pass reads those records with the title as their text and calls fn with
// an empty content.
func eachArticle(ctx context.Context, dir string, fn func(title, content string) error) (int, error) {
	zips, err := snnZips(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	titleOnly := map[string]bool{} // origins of the records without content
	read := func(opts ingest.Options, each func(ingest.Item) error) error {
		for _, path := range zips {
			for it := range ingest.Read(ctx, path, opts) {
				if err := each(it); err != nil {
					return err
				}
			}
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		return nil
	}
	err = read(ingest.Options{TextField: "content"}, func(it ingest.Item) error {
		if errors.Is(it.Err, ingest.ErrNoText) {
			titleOnly[it.Origin] = true
			return nil
		}
		if it.Err != nil {
			return it.Err
		}
		n++
		return fn(it.Article.Title, it.Article.Text)
	})
	if err != nil || len(titleOnly) == 0 {
		return n, err
	}
	err = read(ingest.Options{TextField: "title"}, func(it ingest.Item) error {
		if !titleOnly[it.Origin] || errors.Is(it.Err, ingest.ErrNoText) {
			return nil
		}
		if it.Err != nil {
			return it.Err
		}
		n++
		return fn(it.Article.Text, "")
	})
	return n, err
}
