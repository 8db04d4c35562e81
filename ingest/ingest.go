// Package ingest turns sources — files, folders, zip and gzip archives and
// http(s) URLs — into a stream of articles, with a precise error for every
// article that could not be read.
//
// Supported formats, chosen by file extension and then by sniffing the
// content:
//
//   - .txt: one article per file (like the seeds): ID is the file name
//     without extension, Title the first non-empty line, Text the whole file;
//   - .jsonl / .ndjson: one JSON object per line;
//   - .json: a JSON array of such objects (streamed), one object, or JSON
//     lines under a .json name;
//   - .zip and .gz of any of the above;
//   - RSS 2.0, Atom and JSON Feed (.xml, .rss, .atom, or any content that
//     sniffs as a feed);
//   - saved HTML article pages (.html, .htm): main text extracted with the
//     page's boilerplate dropped.
//
// A bad item never stops a source: it is reported as an [Item] whose Err
// names where it came from and why it failed, and reading goes on.
//
// Origins name where an item came from: "dir/a.txt", "dump.jsonl:12"
// (1-based line), "dump.json[17]" (0-based array index, as in jq),
// "feed.xml#3" (1-based item number), "dump.zip:2015-07-21.json[17]"
// (an archive member) and URLs.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-json-experiment/json/jsontext"
	"github.com/marsad/marsad/article"
)

// Default field names of JSON records.
const (
	DefaultIDField     = "id"
	DefaultURLField    = "url"
	DefaultSourceField = "source"
	DefaultTitleField  = "title"
	DefaultDateField   = "published"
	DefaultTextField   = "text"
)

// DefaultMaxBytes is the default of Options.MaxBytes: 64 MiB.
const DefaultMaxBytes = 64 << 20

// DefaultTimeout is the timeout of the http client used when
// Options.Client is nil.
const DefaultTimeout = 30 * time.Second

// Options tune how sources are read. The zero value reads with defaults.
type Options struct {
	// JSON field names; "" means the defaults id, url, source, title,
	// published, text.
	IDField, URLField, SourceField, TitleField, DateField, TextField string
	// Client fetches http(s) sources; nil means a client with a 30 s timeout.
	Client *http.Client
	// MaxBytes is the maximum size of what is held in memory at once: one
	// .txt, HTML or feed file, one http response, one JSON line or array
	// element, one article text. Streamed formats (JSON lines, JSON arrays,
	// archives) may be larger as a whole. 0 means 64 MiB.
	MaxBytes int64
	// Logger receives warnings (such as an unparseable date); nil means
	// slog.Default().
	Logger *slog.Logger
}

// Item is one article read from a source, or the error that stopped one.
type Item struct {
	Article article.Article
	// Origin is where the item came from: "path/file.jsonl:12",
	// "feed.xml#3", "https://...", "dump.zip:2015-07-21.json[17]".
	Origin string
	// Err is non-nil when this item failed; its message names Origin and
	// the reason. The rest of the source goes on.
	Err error
}

// Errors that Item.Err wraps, for errors.Is.
var (
	ErrEmpty       = errors.New("empty")
	ErrBinary      = errors.New("binary content, not text")
	ErrInvalidUTF8 = errors.New("not valid UTF-8")
	ErrTooLarge    = errors.New("too large")
	ErrNoText      = errors.New("no text")
	ErrInvalidJSON = errors.New("invalid JSON")
	ErrNotFeed     = errors.New("not a feed")
	ErrHTTP        = errors.New("http error")
)

// Error is the error of a failed Item: where it came from and why.
type Error struct {
	Origin string
	Err    error
}

func (e *Error) Error() string { return "read " + e.Origin + ": " + e.Err.Error() }

// Unwrap returns the reason.
func (e *Error) Unwrap() error { return e.Err }

// utf8Error reports invalid UTF-8 at a byte offset of the named unit.
type utf8Error struct{ offset int }

func (e *utf8Error) Error() string { return fmt.Sprintf("not valid UTF-8 at byte %d", e.offset) }
func (e *utf8Error) Is(target error) bool {
	return target == ErrInvalidUTF8
}

// Read reads one source (a file, a folder walked recursively, or an http(s)
// URL) and yields its items in order. It never stops at a bad item: a
// malformed JSON line, an invalid UTF-8 file, an empty or binary file each
// yield an Item with Err and reading goes on. It stops early only when yield
// returns false or ctx is done (then it stops without a further item; the
// caller sees ctx.Err()).
//
// In a folder, files are read in lexical order; hidden files and folders and
// files whose extension is not one of the supported formats are skipped. A
// file named directly is read whatever its extension, its format sniffed.
func Read(ctx context.Context, src string, opts Options) iter.Seq[Item] {
	return func(yield func(Item) bool) {
		r := newReader(ctx, opts, yield)
		if isURL(src) {
			r.url(src)
			return
		}
		r.path(src)
	}
}

// reader holds the state of one Read call.
type reader struct {
	ctx   context.Context
	opts  Options
	yield func(Item) bool
	log   *slog.Logger
	// dateWarnings counts unparseable dates, to keep logs readable.
	dateWarnings int
	// rec is the decoder of JSON lines; fields and unquoted are
	// objectFields' map and buffer; all reused.
	rec      *jsontext.Decoder
	fields   map[string]any
	unquoted []byte
}

func newReader(ctx context.Context, opts Options, yield func(Item) bool) *reader {
	def := func(s *string, d string) {
		if *s == "" {
			*s = d
		}
	}
	def(&opts.IDField, DefaultIDField)
	def(&opts.URLField, DefaultURLField)
	def(&opts.SourceField, DefaultSourceField)
	def(&opts.TitleField, DefaultTitleField)
	def(&opts.DateField, DefaultDateField)
	def(&opts.TextField, DefaultTextField)
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Client == nil {
		opts.Client = &http.Client{Timeout: DefaultTimeout}
	}
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	return &reader{ctx: ctx, opts: opts, yield: yield, log: log}
}

// emit yields an article after a last check that all its text is valid
// UTF-8. It reports whether reading goes on.
func (r *reader) emit(origin string, a article.Article) bool {
	for _, f := range []struct{ name, s string }{
		{"id", a.ID}, {"url", a.URL}, {"source", a.Source}, {"title", a.Title}, {"text", a.Text},
	} {
		if i := invalidUTF8(f.s); i >= 0 {
			return r.fail(origin, fmt.Errorf("%s: %w", f.name, &utf8Error{i}))
		}
	}
	return r.emitValid(origin, a)
}

// emitValid is emit for an article whose fields are valid UTF-8.
func (r *reader) emitValid(origin string, a article.Article) bool {
	if r.ctx.Err() != nil {
		return false
	}
	if strings.TrimSpace(a.Text) == "" {
		return r.fail(origin, ErrNoText)
	}
	if int64(len(a.Text)) > r.opts.MaxBytes {
		return r.fail(origin, fmt.Errorf("text of %d bytes: %w (max %d)", len(a.Text), ErrTooLarge, r.opts.MaxBytes))
	}
	return r.yield(Item{Article: a, Origin: origin})
}

// fail yields a failed item. It reports whether reading goes on.
func (r *reader) fail(origin string, err error) bool {
	if r.ctx.Err() != nil {
		return false
	}
	return r.yield(Item{Origin: origin, Err: &Error{Origin: origin, Err: err}})
}

// path reads a file or a folder.
func (r *reader) path(p string) bool {
	fi, err := os.Stat(p)
	if err != nil {
		return r.fail(p, unwrapPathError(err))
	}
	if !fi.IsDir() {
		return r.file(p, fi.Size())
	}
	cont := true
	err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			if !r.fail(path, unwrapPathError(err)) {
				cont = false
				return filepath.SkipAll
			}
			return nil
		}
		name := d.Name()
		if path != p && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() && d.Type()&os.ModeSymlink == 0 {
			return nil
		}
		if formatOfName(name) == formatUnknown {
			r.log.Debug("ingest: skipping file of unknown type", "path", path)
			return nil
		}
		fi, err := os.Stat(path)
		if err != nil {
			if !r.fail(path, unwrapPathError(err)) {
				cont = false
				return filepath.SkipAll
			}
			return nil
		}
		if fi.IsDir() {
			return nil
		}
		if !r.file(path, fi.Size()) {
			cont = false
			return filepath.SkipAll
		}
		return nil
	})
	if err != nil && cont {
		return r.fail(p, err)
	}
	return cont
}

// unwrapPathError drops the path from an fs.PathError, which the origin
// already names.
func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// file reads one file of the given size.
func (r *reader) file(p string, size int64) bool {
	if formatOfName(p) == formatZip {
		return r.zipFile(p)
	}
	f, err := os.Open(p)
	if err != nil {
		return r.fail(p, unwrapPathError(err))
	}
	defer f.Close()
	return r.stream(source{origin: p, name: filepath.Base(p), size: size}, f)
}
