package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"

	"github.com/marsad/marsad/backend"
	"github.com/marsad/marsad/engine"
	"github.com/marsad/marsad/server"
)

// serveCommand is "marsad serve": the HTTP API and the web UI.
func serveCommand() command {
	return command{
		name:    "serve",
		summary: "serve the HTTP JSON API and the Arabic web UI over a data directory",
		run:     runServe,
	}
}

// envToken is the environment variable that holds the access token.
const envToken = "MARSAD_TOKEN"

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "serve", "[--db DIR] [--addr HOST:PORT] [--token T]",
		`Serve the HTTP JSON API (/api/...) and the web UI (/) over the data
directory. Listening on an address other than loopback needs a token
(--token or $`+envToken+`), which every request must then carry.
Stop with Ctrl-C: requests in flight finish first.`)
	db := fs.String("db", "", "data directory (default $"+engine.EnvDir+", else "+engine.DefaultDir+")")
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "access token required with every request (default $"+envToken+")")
	pos, err := parseFlags(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(e.stderr, "marsad serve: unexpected argument %q\n", pos[0])
		fs.Usage()
		return errUsage
	}
	if *token == "" {
		*token = e.getenv(envToken)
	}
	if err := server.CheckBind(*addr, *token); err != nil {
		return err
	}
	dir := dataDir(e, *db)
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	eng, err := openWithFacts(ctx, e, dir, engine.Options{Logger: log})
	if err != nil {
		return err
	}
	defer eng.Close()
	b, err := backend.New(ctx, eng, backend.Options{Logger: log, Stories: backend.EngineStories{Engine: eng}})
	if err != nil {
		return err
	}
	h := server.New(b, server.Options{Token: *token, Logger: log})
	return server.ListenAndServe(ctx, *addr, h, log)
}
