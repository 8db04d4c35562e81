package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"modernc.org/sqlite" // the pure-Go SQLite driver
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/marsad/marsad/article"
)

// SQLiteFile is the name of the SQLite database in a data directory.
const SQLiteFile = "articles.db"

const schema = `
CREATE TABLE IF NOT EXISTS articles (
	seq          INTEGER PRIMARY KEY AUTOINCREMENT,
	id           TEXT NOT NULL UNIQUE,
	url          TEXT NOT NULL DEFAULT '',
	source       TEXT NOT NULL DEFAULT '',
	title        TEXT NOT NULL DEFAULT '',
	published    TEXT,  -- RFC 3339 in UTC, NULL when unknown
	text         TEXT NOT NULL,
	hash         TEXT NOT NULL,
	duplicate_of TEXT,  -- id of the original, NULL for an original
	facts        TEXT,  -- JSON of article.Facts, NULL when not extracted
	added        TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(hash) WHERE duplicate_of IS NULL;
`

// SQLite is the embedded Store: one SQLite database in WAL mode, written
// through one connection and read through a pool of others, so that
// searches go on while an ingest writes (WAL readers see the last commit
// and never wait for the writer).
type SQLite struct {
	db      *sql.DB                // the one writer
	rdb     atomic.Pointer[sql.DB] // the readers
	readers int                    // read connections at most
	path    string
	// briefs are the prepared statements of Briefs on the current
	// readers, made as they are first needed.
	briefs atomic.Pointer[briefStmts]
}

// briefStmts are the prepared statements of Briefs on one pool of read
// connections, one for each number of IDs (up to maxBriefIDs).
type briefStmts struct {
	db  *sql.DB
	mu  sync.Mutex
	byN [maxBriefIDs + 1]*sql.Stmt
}

// maxBriefIDs is the most IDs one statement of Briefs looks up: more are
// looked up in batches.
const maxBriefIDs = 64

// stmt returns the statement of Briefs for n IDs (1 <= n <= maxBriefIDs),
// preparing it the first time.
func (b *briefStmts) stmt(ctx context.Context, n int) (*sql.Stmt, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if st := b.byN[n]; st != nil {
		return st, nil
	}
	st, err := b.db.PrepareContext(ctx, `SELECT id, url, source, title, published, text, facts
		FROM articles WHERE id IN (?`+strings.Repeat(",?", n-1)+`)`)
	if err != nil {
		return nil, err
	}
	b.byN[n] = st
	return st, nil
}

// close closes the statements.
func (b *briefStmts) close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	var errs []error
	for i, st := range b.byN {
		if st != nil {
			errs = append(errs, st.Close())
			b.byN[i] = nil
		}
	}
	return errors.Join(errs...)
}

// briefStmts returns the statements of Briefs on the current readers.
func (s *SQLite) briefStmts() *briefStmts {
	for {
		r := s.reader()
		old := s.briefs.Load()
		if old != nil && old.db == r {
			return old
		}
		if s.briefs.CompareAndSwap(old, &briefStmts{db: r}) {
			if old != nil {
				old.close() // on readers closed by TuneForReading
			}
		}
	}
}

var _ Store = (*SQLite)(nil)

// OpenSQLite opens (creating if needed) the store in directory dir.
func OpenSQLite(ctx context.Context, dir string) (*SQLite, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	path := filepath.Join(dir, SQLiteFile)
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(on)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer; SQLite serializes anyway
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &SQLite{db: db, path: path, readers: max(2, runtime.GOMAXPROCS(0))}
	rdb, err := s.openReaders(ctx, "")
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s.rdb.Store(rdb)
	return s, nil
}

// openReaders opens the pool of read connections, with the given extra
// DSN parameters (&_pragma=...). They are query-only: a statement that
// would write fails.
func (s *SQLite) openReaders(ctx context.Context, params string) (*sql.DB, error) {
	rdb, err := sql.Open("sqlite", "file:"+s.path+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)"+params)
	if err != nil {
		return nil, err
	}
	rdb.SetMaxOpenConns(s.readers)
	rdb.SetMaxIdleConns(s.readers)
	if err := rdb.PingContext(ctx); err != nil {
		rdb.Close()
		return nil, err
	}
	return rdb, nil
}

// reader returns the pool of read connections.
func (s *SQLite) reader() *sql.DB { return s.rdb.Load() }

// Close implements Store.
func (s *SQLite) Close() error {
	var err error
	if b := s.briefs.Load(); b != nil {
		err = b.close()
	}
	return errors.Join(err, s.reader().Close(), s.db.Close())
}

const timeLayout = time.RFC3339

func fmtTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// Put implements Store.
func (s *SQLite) Put(ctx context.Context, entries []Entry) (out []Outcome, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	// The originals of the entries' hashes are looked up for the whole
	// batch at once, then kept as entries are added. An entry whose ID is
	// stored fails the UNIQUE constraint of id (the table's only one),
	// which undoes that statement alone, its seq included, and leaves the
	// transaction going: that is how Put finds it present.
	originals, err := originalsOf(ctx, tx, entries)
	if err != nil {
		return nil, err
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO articles (id, url, source, title, published, text, hash, duplicate_of, facts, added)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer insert.Close()
	now := time.Now().UTC().Format(timeLayout)
	out = make([]Outcome, len(entries))
	// An entry's statement, short, runs with a context that is never
	// done, and ctx is checked between entries: with a context that can
	// be done, the driver starts a goroutine per statement to watch it.
	// (The transaction still ends with ctx.)
	stmtCtx := context.WithoutCancel(ctx)
	for i := range entries {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		e := &entries[i]
		a := &e.Article
		var facts any
		if e.FactsJSON != "" {
			facts = e.FactsJSON
		} else if e.Facts != nil {
			b, err := json.Marshal(e.Facts)
			if err != nil {
				return nil, fmt.Errorf("store %s: facts: %w", a.ID, err)
			}
			facts = string(b)
		}
		orig, dup := originals[e.Hash]
		var dupOf any
		if dup {
			dupOf = orig
		}
		res, err := insert.ExecContext(stmtCtx, a.ID, a.URL, a.Source, a.Title, fmtTime(a.Published), a.Text, e.Hash, dupOf, facts, now)
		if isUniqueViolation(err) {
			out[i] = Outcome{Status: Present}
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", a.ID, err)
		}
		seq, err := res.LastInsertId()
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", a.ID, err)
		}
		if dup {
			out[i] = Outcome{Status: Duplicate, Seq: seq, DuplicateOf: orig}
		} else {
			out[i] = Outcome{Status: Added, Seq: seq}
			originals[e.Hash] = a.ID
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	return out, nil
}

// maxHashesPerQuery is the most hashes originalsOf asks for in one query.
const maxHashesPerQuery = 256

// originalsOf returns the IDs of the stored originals of the entries'
// hashes, by hash; a hash without one is absent. Of two originals with the
// same hash (which Put never stores), the first stored is taken.
func originalsOf(ctx context.Context, tx *sql.Tx, entries []Entry) (map[string]string, error) {
	hashes := make([]any, 0, len(entries))
	seen := make(map[string]bool, len(entries))
	for i := range entries {
		if h := entries[i].Hash; !seen[h] {
			seen[h] = true
			hashes = append(hashes, h)
		}
	}
	originals := make(map[string]string, len(entries))
	for len(hashes) > 0 {
		n := min(len(hashes), maxHashesPerQuery)
		rows, err := tx.QueryContext(ctx, `SELECT hash, id FROM articles
			WHERE duplicate_of IS NULL AND hash IN (?`+strings.Repeat(",?", n-1)+`) ORDER BY seq`, hashes[:n]...)
		if err != nil {
			return nil, fmt.Errorf("store: originals: %w", err)
		}
		for rows.Next() {
			var h, id string
			if err := rows.Scan(&h, &id); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store: originals: %w", err)
			}
			if _, ok := originals[h]; !ok {
				originals[h] = id
			}
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("store: originals: %w", err)
		}
		hashes = hashes[n:]
	}
	return originals, nil
}

// isUniqueViolation reports whether err is SQLite's for a row that fails
// a UNIQUE constraint.
func isUniqueViolation(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

const recordColumns = `seq, id, url, source, title, published, text, hash, duplicate_of, facts, added`

func scanRecord(sc interface{ Scan(...any) error }) (Record, error) {
	var (
		r                    Record
		published, dup, fact sql.NullString
		added                string
	)
	a := &r.Article
	if err := sc.Scan(&r.Seq, &a.ID, &a.URL, &a.Source, &a.Title, &published, &a.Text, &r.Hash, &dup, &fact, &added); err != nil {
		return r, err
	}
	if published.Valid {
		a.Published, _ = time.Parse(timeLayout, published.String)
	}
	r.DuplicateOf = dup.String
	r.Added, _ = time.Parse(timeLayout, added)
	if fact.Valid {
		var f article.Facts
		if err := json.Unmarshal([]byte(fact.String), &f); err == nil {
			r.Facts = &f
		}
	}
	return r, nil
}

// Get implements Store.
func (s *SQLite) Get(ctx context.Context, ids ...string) ([]Record, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	q := `SELECT ` + recordColumns + ` FROM articles WHERE id IN (?` + strings.Repeat(",?", len(ids)-1) + `)`
	rows, err := s.reader().QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: get: %w", err)
	}
	defer rows.Close()
	byID := make(map[string]Record, len(ids))
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			return nil, fmt.Errorf("store: get: %w", err)
		}
		byID[r.Article.ID] = r
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: get: %w", err)
	}
	out := make([]Record, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// Originals implements Store.
func (s *SQLite) Originals(ctx context.Context, seq int64, fn func(Record) error) error {
	for {
		// Page through, so that fn may take its time without holding a
		// read transaction open on the whole table.
		rows, err := s.reader().QueryContext(ctx, `SELECT `+recordColumns+` FROM articles
			WHERE seq > ? AND duplicate_of IS NULL ORDER BY seq LIMIT 1000`, seq)
		if err != nil {
			return fmt.Errorf("store: scan: %w", err)
		}
		var page []Record
		for rows.Next() {
			r, err := scanRecord(rows)
			if err != nil {
				rows.Close()
				return fmt.Errorf("store: scan: %w", err)
			}
			page = append(page, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("store: scan: %w", err)
		}
		if len(page) == 0 {
			return nil
		}
		for _, r := range page {
			if err := fn(r); err != nil {
				return err
			}
		}
		seq = page[len(page)-1].Seq
	}
}

// Stats implements Store.
func (s *SQLite) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Sources: map[string]int{}}
	var first, last sql.NullString
	var maxSeq sql.NullInt64
	err := s.reader().QueryRowContext(ctx, `SELECT
		COUNT(*) FILTER (WHERE duplicate_of IS NULL),
		COUNT(*) FILTER (WHERE duplicate_of IS NOT NULL),
		MIN(published), MAX(published), MAX(seq) FROM articles`).Scan(&st.Articles, &st.Duplicates, &first, &last, &maxSeq)
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	st.LastSeq = maxSeq.Int64
	if first.Valid {
		st.First, _ = time.Parse(timeLayout, first.String)
	}
	if last.Valid {
		st.Last, _ = time.Parse(timeLayout, last.String)
	}
	rows, err := s.reader().QueryContext(ctx, `SELECT source, COUNT(*) FROM articles WHERE duplicate_of IS NULL GROUP BY source`)
	if err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var src string
		var n int
		if err := rows.Scan(&src, &n); err != nil {
			return st, fmt.Errorf("store: stats: %w", err)
		}
		st.Sources[src] = n
	}
	if err := rows.Err(); err != nil {
		return st, fmt.Errorf("store: stats: %w", err)
	}
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if fi, err := os.Stat(s.path + suffix); err == nil {
			st.Size += fi.Size()
		}
	}
	return st, nil
}
