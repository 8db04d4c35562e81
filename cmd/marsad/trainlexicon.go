package main

import (
	"archive/zip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/marsad/marsad/arabic"
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
arabic embeds (arabic/lexicon.gz). The output is the same for the same corpus.`)
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

// snnArticle is the part of a SaudiNewsNet article we read.
type snnArticle struct {
	Title   string `json:"title"`
	Content string `json:"content"`
}

// eachArticle calls fn for every article of the SaudiNewsNet zips in dir, in
// file name order, and returns the number of articles. It stops at the first
// error fn returns and returns that error.
func eachArticle(ctx context.Context, dir string, fn func(title, content string) error) (int, error) {
	zips, err := snnZips(dir)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, path := range zips {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		zr, err := zip.OpenReader(path)
		if err != nil {
			return n, fmt.Errorf("open %s: %w", path, err)
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".json") {
				continue
			}
			k, err := readArticles(f, fn)
			n += k
			if err != nil {
				zr.Close()
				if errors.Is(err, errStop) {
					return n, err.(stopError).err
				}
				return n, fmt.Errorf("read %s/%s: %w", path, f.Name, err)
			}
		}
		zr.Close()
	}
	return n, nil
}

// stopError carries the error of the callback of eachArticle.
type stopError struct{ err error }

func (e stopError) Error() string        { return e.err.Error() }
func (e stopError) Is(target error) bool { return target == errStop }

var errStop = errors.New("stopped by callback")

func readArticles(f *zip.File, fn func(title, content string) error) (int, error) {
	rc, err := f.Open()
	if err != nil {
		return 0, err
	}
	defer rc.Close()
	dec := json.NewDecoder(rc)
	if _, err := dec.Token(); err != nil { // [
		return 0, err
	}
	n := 0
	for dec.More() {
		var a snnArticle
		if err := dec.Decode(&a); err != nil {
			return n, err
		}
		n++
		if err := fn(a.Title, a.Content); err != nil {
			return n, stopError{err}
		}
	}
	if _, err := dec.Token(); err != nil && !errors.Is(err, io.EOF) { // ]
		return n, err
	}
	return n, nil
}
