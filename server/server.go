// Package server serves Marsad over HTTP: a JSON API under /api/ and a
// right-to-left web UI in Arabic rendered on the server with html/template.
//
// The server knows the rest of Marsad only through the Backend interface,
// so it can be tested with an in-memory fake and wired to the real store,
// index and story builder by the marsad command.
package server

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Pagination limits.
const (
	DefaultPageSize = 20
	MaxPageSize     = 100
	MaxPage         = 1000 // deeper pages are refused: use filters instead
	// MaxStoryMin bounds the min parameter (articles per story) of a story
	// listing.
	MaxStoryMin = 100000
)

// Default timeouts.
const (
	DefaultTimeout       = 10 * time.Second
	DefaultIngestTimeout = 10 * time.Minute
	// MaxIngestBody is the largest body POST /api/ingest accepts.
	MaxIngestBody = 64 << 20
)

// tokenCookie is the cookie that carries (a hash of) the token once a
// browser has presented it in ?token=.
const tokenCookie = "marsad_token"

// Options configure a server.
type Options struct {
	// Token, when set, must accompany every request: as
	// "Authorization: Bearer TOKEN", or as ?token=TOKEN once, after which a
	// cookie carries it.
	Token string
	// Logger receives one record per request; nil discards.
	Logger *slog.Logger
	// Timeout bounds every handler but ingest (DefaultTimeout when 0).
	Timeout time.Duration
	// IngestTimeout bounds POST /api/ingest (DefaultIngestTimeout when 0).
	IngestTimeout time.Duration
}

// handler holds what the handlers share; it is immutable after New.
type handler struct {
	b         Backend
	log       *slog.Logger
	tokenHash [sha256.Size]byte
	hasToken  bool
	pages     map[string]*template.Template
	static    fs.FS
	mux       *http.ServeMux // to tell a wrong method from a wrong path
}

// New returns the HTTP handler serving the API and the web UI from b.
func New(b Backend, opts Options) http.Handler {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.IngestTimeout <= 0 {
		opts.IngestTimeout = DefaultIngestTimeout
	}
	h := &handler{b: b, log: opts.Logger, pages: mustParsePages(), static: staticFS()}
	if opts.Token != "" {
		h.hasToken = true
		h.tokenHash = sha256.Sum256([]byte(opts.Token))
	}

	api := func(f http.HandlerFunc, d time.Duration) http.Handler {
		return jsonTimeout(f, d)
	}
	page := func(f http.HandlerFunc) http.Handler {
		return http.TimeoutHandler(f, opts.Timeout, "انتهت مهلة الطلب (request timed out)")
	}

	mux := http.NewServeMux()
	h.mux = mux
	mux.Handle("GET /api/search", api(h.apiSearch, opts.Timeout))
	mux.Handle("GET /api/articles/{id}", api(h.apiArticle, opts.Timeout))
	mux.Handle("GET /api/stories", api(h.apiStories, opts.Timeout))
	mux.Handle("GET /api/stories/{id}", api(h.apiStory, opts.Timeout))
	mux.Handle("GET /api/entities", api(h.apiEntities, opts.Timeout))
	mux.Handle("GET /api/entities/{name}", api(h.apiEntity, opts.Timeout))
	mux.Handle("GET /api/stats", api(h.apiStats, opts.Timeout))
	mux.Handle("POST /api/ingest", api(h.apiIngest, opts.IngestTimeout))
	mux.Handle("/api/", api(h.apiNotFound, opts.Timeout))

	mux.Handle("GET /{$}", page(h.pageHome))
	mux.Handle("GET /search", page(h.pageSearch))
	mux.Handle("GET /articles/{id}", page(h.pageArticle))
	mux.Handle("GET /stories", page(h.pageStories))
	mux.Handle("GET /stories/{id}", page(h.pageStory))
	mux.Handle("GET /entities", page(h.pageEntities))
	mux.Handle("GET /entities/{name}", page(h.pageEntity))
	mux.Handle("GET /static/", http.StripPrefix("/static/", staticHandler(h.static)))
	mux.Handle("/", page(h.pageNotFound))

	return h.logRequests(h.requireToken(securityHeaders(mux)))
}

// jsonTimeout bounds an API handler: its context is cancelled after d and,
// if it has not answered by then, the client gets 503 with a JSON error.
func jsonTimeout(f http.HandlerFunc, d time.Duration) http.Handler {
	th := http.TimeoutHandler(f, d, `{"error":"request timed out"}`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// TimeoutHandler copies the inner handler's headers over these, so
		// this content type only shows on its own timeout answer.
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		th.ServeHTTP(w, r)
	})
}

// securityHeaders forbids framing and inline scripts from anywhere but us.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		next.ServeHTTP(w, r)
	})
}

// requireToken enforces the token rule when a token is configured.
func (h *handler) requireToken(next http.Handler) http.Handler {
	if !h.hasToken {
		return next
	}
	cookieValue := hex.EncodeToString(h.tokenHash[:])
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if auth := r.Header.Get("Authorization"); auth != "" {
			if t, ok := strings.CutPrefix(auth, "Bearer "); ok && h.tokenOK(t) {
				next.ServeHTTP(w, r)
				return
			}
		}
		if c, err := r.Cookie(tokenCookie); err == nil &&
			subtle.ConstantTimeCompare([]byte(c.Value), []byte(cookieValue)) == 1 {
			next.ServeHTTP(w, r)
			return
		}
		if q := r.URL.Query(); q.Has("token") && h.tokenOK(q.Get("token")) {
			http.SetCookie(w, &http.Cookie{
				Name: tokenCookie, Value: cookieValue, Path: "/",
				HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil,
			})
			if r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") {
				// Drop the token from the address so that links and history
				// never carry it.
				// One leading slash: "//host" would leave the site.
				u := url.URL{Path: "/" + strings.TrimLeft(r.URL.Path, "/")}
				q.Del("token")
				u.RawQuery = q.Encode()
				http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("WWW-Authenticate", `Bearer realm="marsad"`)
		writeError(w, http.StatusUnauthorized, "missing or wrong token")
	})
}

func (h *handler) tokenOK(t string) bool {
	sum := sha256.Sum256([]byte(t))
	return subtle.ConstantTimeCompare(sum[:], h.tokenHash[:]) == 1
}

// statusRecorder remembers the status and size of a response for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(p []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(p)
	s.bytes += n
	return n, err
}

func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// logRequests logs one record per request. The token never reaches the log.
func (h *handler) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		h.log.LogAttrs(r.Context(), level, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.String("query", redactToken(r.URL.Query())),
			slog.Int("status", rec.status),
			slog.Int("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr),
		)
	})
}

func redactToken(q url.Values) string {
	if q.Has("token") {
		q.Set("token", "REDACTED")
	}
	return q.Encode()
}

// statusOf maps a Backend error to an HTTP status and the message shown.
func statusOf(err error) (int, string) {
	switch {
	case errors.Is(err, ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, ErrBadRequest):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable, "request timed out"
	default:
		return http.StatusInternalServerError, "internal error"
	}
}

// paramError is a bad request parameter.
type paramError struct {
	name, msg string
}

func (e *paramError) Error() string { return fmt.Sprintf("%s: %s", e.name, e.msg) }

func (e *paramError) Unwrap() error { return ErrBadRequest }
