package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// DefaultAddr is where marsad serve listens unless told otherwise: the
// loopback interface only.
const DefaultAddr = "127.0.0.1:8080"

// ShutdownGrace is how long a shutdown waits for requests in flight.
const ShutdownGrace = 10 * time.Second

// CheckBind enforces the rule that the server binds to loopback unless a
// token protects it: addr (host:port) may name a loopback address or
// "localhost" freely; any other host, including an empty one (every
// interface), requires a non-empty token.
func CheckBind(addr, token string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("listen address %q: %w", addr, err)
	}
	if isLoopback(host) || token != "" {
		return nil
	}
	if host == "" {
		host = "every interface"
	}
	return fmt.Errorf("listen address %q (%s) is reachable from other machines: set a token (--token or MARSAD_TOKEN) or listen on 127.0.0.1", addr, host)
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}

// ListenAndServe listens on addr and serves h until ctx is cancelled, then
// shuts down gracefully, letting requests in flight finish for up to
// ShutdownGrace. It returns nil after a clean shutdown. It does not check
// the bind rule: call CheckBind first.
func ListenAndServe(ctx context.Context, addr string, h http.Handler, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", addr, err)
	}
	return Serve(ctx, ln, h, log)
}

// Serve is ListenAndServe on a listener that is already open; it closes
// ln.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "addr", ln.Addr().String(), "url", "http://"+ln.Addr().String()+"/")

	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}
