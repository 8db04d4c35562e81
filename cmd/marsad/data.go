package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"os"

	"github.com/marsad/marsad/engine"
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

// openEngine opens the data directory with logs on the command's stderr.
func openEngine(ctx context.Context, e *env, dir string, opts engine.Options) (*engine.Engine, error) {
	opts.Logger = slog.New(slog.NewTextHandler(e.stderr, nil))
	return engine.Open(ctx, dir, opts)
}

// isTerminalOut reports whether w is a terminal.
func isTerminalOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
