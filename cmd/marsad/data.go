package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"log/slog"
	"os"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/extract"
	"github.com/marsad/marsad/ingest"
	"golang.org/x/term"
)

// dbFlag adds the --db flag shared by the commands that use the data directory.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "data `directory` (default $"+engine.EnvDir+", else ./"+engine.DefaultDir+")")
}

// dataDir resolves the data directory: --db, else $MARSAD_DB, else ./marsad-data.
func dataDir(e *env, flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if d := e.getenv(engine.EnvDir); d != "" {
		return d
	}
	return engine.DefaultDir
}

// openEngine opens the data directory, with logs on the command's stderr
// unless opts names a logger.
func openEngine(ctx context.Context, e *env, dir string, opts engine.Options) (*engine.Engine, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
	}
	return engine.Open(ctx, dir, opts)
}

// openWithFacts is openEngine with the engine extracting the facts of each
// article it ingests (see extractFacts). The extraction model loads while
// the data directory opens.
func openWithFacts(ctx context.Context, e *env, dir string, opts engine.Options) (*engine.Engine, error) {
	var loaded func() error
	opts.Enrich, loaded = extractFacts()
	eng, err := openEngine(ctx, e, dir, opts)
	if err := errors.Join(err, loaded()); err != nil {
		if eng != nil {
			eng.Close()
		}
		return nil, err
	}
	return eng, nil
}

// isTerminalOut reports whether w is a terminal.
func isTerminalOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// extractFacts starts loading the extraction model (about half a second,
// on one core) and returns the engine hook that extracts each article's
// facts (dates, entities, quotes) from the tokens the engine analyzed, and
// the function that waits for the load and returns its error. The hook
// waits for the load too; it must not be called if the load failed.
func extractFacts() (enrich engine.Enricher, loaded func() error) {
	var (
		x    *extract.Extractor
		err  error
		done = make(chan struct{})
	)
	go func() {
		defer close(done)
		x, err = extract.New()
	}()
	enrich = func(a *article.Article, toks []arabic.Token) article.Facts {
		<-done
		return x.Extract(a, toks)
	}
	loaded = func() error {
		<-done
		return err
	}
	return enrich, loaded
}

// fieldFlags declares the flags that name the fields of JSON inputs.
func fieldFlags(fs *flag.FlagSet, o *ingest.Options) {
	fs.StringVar(&o.IDField, "id-field", "", "JSON `field` holding the article id (default id, else url)")
	fs.StringVar(&o.TextField, "text-field", "", "JSON `field` holding the text (default text)")
	fs.StringVar(&o.TitleField, "title-field", "", "JSON `field` holding the title (default title)")
	fs.StringVar(&o.DateField, "date-field", "", "JSON `field` holding the publication date (default published)")
	fs.StringVar(&o.URLField, "url-field", "", "JSON `field` holding the URL (default url)")
	fs.StringVar(&o.SourceField, "source-field", "", "JSON `field` holding the source name (default source)")
}
