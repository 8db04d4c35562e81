package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	jsoniter "github.com/json-iterator/go"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

// The entity tables are derived from the facts stored with the articles:
// one row per (original article, canonical entity). SyncEntities fills them
// for the articles stored since it last ran, so they need no change to Put
// and may be dropped and rebuilt at any time.
//
// Articles write one name several ways (دميتري بيسكوف, دميترى بيسكوف), so
// the tables group names by a key, EntityKey, and show each key under its
// most frequent spelling.
const entitySchema = `
CREATE TABLE IF NOT EXISTS entity_mentions (
	seq       INTEGER NOT NULL,  -- articles.seq
	key       TEXT NOT NULL,     -- EntityKey(name)
	name      TEXT NOT NULL,     -- canonical name in that article
	type      TEXT NOT NULL,
	mentions  INTEGER NOT NULL,  -- mentions in that article
	day       TEXT,              -- YYYY-MM-DD of publication, NULL when unknown
	PRIMARY KEY (key, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_mentions_seq ON entity_mentions(seq, key);
CREATE TABLE IF NOT EXISTS entity_sync (
	id   INTEGER PRIMARY KEY CHECK (id = 1),
	last INTEGER NOT NULL        -- highest articles.seq already scanned
);
`

// entityNames is the display name of each key: its most frequent spelling,
// and of spellings as frequent the first in code-point order, so that the
// name shown does not change from one query to the next.
const entityNames = `names AS (SELECT key, name FROM
	(SELECT key, name, ROW_NUMBER() OVER (PARTITION BY key ORDER BY COUNT(*) DESC, name) AS rank
		FROM entity_mentions GROUP BY key, name) WHERE rank = 1)`

// EntityKey is the key under which the entity tables group the spellings of
// one name: its normalized form (diacritics and tatweel dropped; alef, yeh
// and teh marbuta forms folded; spaces collapsed).
func EntityKey(name string) string {
	return strings.Join(strings.Fields(arabic.Normalize(name, arabic.DefaultNormalizeOptions())), " ")
}

// SyncEntities brings the entity tables up to date with the articles
// stored since its last call and returns how many articles it scanned.
// Call it after an ingest; readers of the entity methods see the state of
// the last call.
func (s *SQLite) SyncEntities(ctx context.Context) (int64, error) {
	if err := s.entityTables(ctx); err != nil {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	defer tx.Rollback()
	var last, top sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT last FROM entity_sync WHERE id = 1`).Scan(&last); err != nil && err != sql.ErrNoRows {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT MAX(seq) FROM articles`).Scan(&top); err != nil {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	if top.Int64 <= last.Int64 {
		return 0, nil
	}
	if err := syncEntityRows(ctx, tx, last.Int64, top.Int64); err != nil {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO entity_sync (id, last) VALUES (1, ?)`, top.Int64); err != nil {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("store: entities: %w", err)
	}
	return top.Int64 - last.Int64, nil
}

// entityTables creates the entity tables, dropping those of an older
// layout (they are derived: the next sync refills them).
func (s *SQLite) entityTables(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `SELECT key FROM entity_mentions LIMIT 0`); err != nil {
		if _, err := s.db.ExecContext(ctx, `DROP TABLE IF EXISTS entity_mentions; DROP TABLE IF EXISTS entity_sync`); err != nil {
			return err
		}
	}
	_, err := s.db.ExecContext(ctx, entitySchema)
	return err
}

// syncEntityRows adds the rows of the original articles of sequence
// numbers in (from, to].
func syncEntityRows(ctx context.Context, tx *sql.Tx, from, to int64) error {
	rows, err := tx.QueryContext(ctx, `SELECT a.seq, json_extract(e.value, '$.text'),
			COALESCE(json_extract(e.value, '$.type'), ''),
			COALESCE(json_array_length(e.value, '$.mentions'), 0), substr(a.published, 1, 10)
		FROM articles a, json_each(a.facts, '$.entities') e
		WHERE a.seq > ? AND a.seq <= ? AND a.duplicate_of IS NULL AND a.facts IS NOT NULL
			AND json_valid(a.facts) AND json_extract(e.value, '$.text') <> ''`, from, to)
	if err != nil {
		return err
	}
	type row struct {
		seq       int64
		name, typ string
		n         int
		day       sql.NullString
	}
	var all []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.seq, &r.name, &r.typ, &r.n, &r.day); err != nil {
			rows.Close()
			return err
		}
		all = append(all, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO entity_mentions (seq, key, name, type, mentions, day)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (key, seq) DO UPDATE SET mentions = mentions + excluded.mentions`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, r := range all {
		key := EntityKey(r.name)
		if key == "" {
			continue
		}
		if _, err := ins.ExecContext(ctx, r.seq, key, r.name, r.typ, r.n, r.day); err != nil {
			return err
		}
	}
	return nil
}

// EntityCount is an entity with the number of original articles that
// mention it.
type EntityCount struct {
	Name     string
	Type     string
	Articles int
}

// Entities returns up to limit entities whose canonical name contains q
// (all when q is empty), most mentioned (in articles) first, ties by name.
// An entity seen with several types is counted under its most frequent one.
func (s *SQLite) Entities(ctx context.Context, q string, limit int) ([]EntityCount, error) {
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.reader().QueryContext(ctx, `WITH `+entityNames+`
		SELECT names.name,
			(SELECT type FROM entity_mentions t WHERE t.key = m.key GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT 1),
			COUNT(*) AS n
		FROM entity_mentions m JOIN names ON names.key = m.key WHERE ?1 = '' OR instr(m.key, ?1) > 0
		GROUP BY m.key ORDER BY n DESC, names.name LIMIT ?2`, EntityKey(q), limit)
	if err != nil {
		return nil, fmt.Errorf("store: entities: %w", err)
	}
	defer rows.Close()
	var out []EntityCount
	for rows.Next() {
		var c EntityCount
		if err := rows.Scan(&c.Name, &c.Type, &c.Articles); err != nil {
			return nil, fmt.Errorf("store: entities: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: entities: %w", err)
	}
	return out, nil
}

// EntityMention is an entity named in one article, for building facets.
type EntityMention struct {
	Seq  int64
	Name string
	Type string
}

// EntityMentions calls fn for every (article, entity) pair of the articles
// with a sequence number above seq, in sequence order.
func (s *SQLite) EntityMentions(ctx context.Context, seq int64, fn func(EntityMention) error) error {
	rows, err := s.reader().QueryContext(ctx, `WITH `+entityNames+`
		SELECT m.seq, names.name, m.type FROM entity_mentions m JOIN names ON names.key = m.key
		WHERE m.seq > ? ORDER BY m.seq`, seq)
	if err != nil {
		return fmt.Errorf("store: entities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m EntityMention
		if err := rows.Scan(&m.Seq, &m.Name, &m.Type); err != nil {
			return fmt.Errorf("store: entities: %w", err)
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: entities: %w", err)
	}
	return nil
}

// EntityQuote is a statement by an entity in one article.
type EntityQuote struct {
	article.Quote
	ID        string // article id
	Published time.Time
	Source    string
	Title     string
}

// ErrNoEntity is returned by Entity for a name no article mentions.
var ErrNoEntity = errors.New("no article names this entity")

// EntityDetail is one entity across the collection.
type EntityDetail struct {
	Name        string
	Type        string         // its most frequent type
	Articles    int            // original articles that mention it
	Days        map[string]int // YYYY-MM-DD → mentions in articles published that day
	Cooccurring []EntityCount  // entities named in the same articles, most shared first
	Quotes      []EntityQuote  // its statements, newest first
}

// Entity returns the entity of canonical name name (in any spelling of the
// same EntityKey; Name is the most frequent one), with at most limit
// co-occurring entities and limit quotes. It wraps ErrNoEntity when no
// article names it.
func (s *SQLite) Entity(ctx context.Context, name string, limit int) (EntityDetail, error) {
	if limit <= 0 {
		limit = 50
	}
	key := EntityKey(name)
	d := EntityDetail{Name: name, Days: map[string]int{}}
	err := s.reader().QueryRowContext(ctx, `WITH `+entityNames+`
		SELECT COUNT(*), COALESCE((SELECT name FROM names WHERE key = ?1), ''),
			COALESCE((SELECT type FROM entity_mentions WHERE key = ?1
			GROUP BY type ORDER BY COUNT(*) DESC, type LIMIT 1), '') FROM entity_mentions WHERE key = ?1`, key).Scan(&d.Articles, &d.Name, &d.Type)
	if err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	if d.Articles == 0 {
		return d, fmt.Errorf("entity %q: %w", name, ErrNoEntity)
	}
	rows, err := s.reader().QueryContext(ctx, `SELECT day, SUM(mentions) FROM entity_mentions
		WHERE key = ? AND day IS NOT NULL GROUP BY day`, key)
	if err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	for rows.Next() {
		var day string
		var n int
		if err := rows.Scan(&day, &n); err != nil {
			rows.Close()
			return d, fmt.Errorf("store: entity: %w", err)
		}
		d.Days[day] = n
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	rows, err = s.reader().QueryContext(ctx, `WITH `+entityNames+`
		SELECT names.name, MIN(o.type), COUNT(*) AS n
		FROM entity_mentions m JOIN entity_mentions o ON o.seq = m.seq AND o.key <> m.key
			JOIN names ON names.key = o.key
		WHERE m.key = ? GROUP BY o.key ORDER BY n DESC, names.name LIMIT ?`, key, limit)
	if err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	for rows.Next() {
		var c EntityCount
		if err := rows.Scan(&c.Name, &c.Type, &c.Articles); err != nil {
			rows.Close()
			return d, fmt.Errorf("store: entity: %w", err)
		}
		d.Cooccurring = append(d.Cooccurring, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	// A quote's speaker is the canonical name in its article.
	rows, err = s.reader().QueryContext(ctx, `SELECT a.id, a.published, a.source, a.title, q.value
		FROM entity_mentions m JOIN articles a ON a.seq = m.seq, json_each(a.facts, '$.quotes') q
		WHERE m.key = ?1 AND json_extract(q.value, '$.speaker') = m.name
		ORDER BY a.published IS NULL, a.published DESC, a.id, q.key LIMIT ?2`, key, limit)
	if err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			q         EntityQuote
			published sql.NullString
			raw       string
		)
		if err := rows.Scan(&q.ID, &published, &q.Source, &q.Title, &raw); err != nil {
			return d, fmt.Errorf("store: entity: %w", err)
		}
		if err := json.Unmarshal([]byte(raw), &q.Quote); err != nil {
			continue // not a quote object: skip, the facts are ours but old rows may differ
		}
		if published.Valid {
			q.Published, _ = time.Parse(timeLayout, published.String)
		}
		d.Quotes = append(d.Quotes, q)
	}
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("store: entity: %w", err)
	}
	return d, nil
}

// Copies returns the IDs of the other copies of article id: its original
// when it is a duplicate, and every article stored as a duplicate of the
// same original, in storage order.
func (s *SQLite) Copies(ctx context.Context, id string) ([]string, error) {
	rows, err := s.reader().QueryContext(ctx, `WITH o AS (
			SELECT COALESCE(duplicate_of, id) AS id FROM articles WHERE id = ?1)
		SELECT a.id FROM articles a, o WHERE (a.id = o.id OR a.duplicate_of = o.id) AND a.id <> ?1
		ORDER BY a.seq`, id)
	if err != nil {
		return nil, fmt.Errorf("store: copies of %s: %w", id, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, fmt.Errorf("store: copies of %s: %w", id, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: copies of %s: %w", id, err)
	}
	return out, nil
}

// ArticleMeta is what facets need of an original article.
type ArticleMeta struct {
	Seq    int64
	ID     string
	Source string
	Day    string // YYYY-MM-DD of publication, "" when unknown
}

// Metas calls fn for every original article with a sequence number above
// seq, in sequence order.
func (s *SQLite) Metas(ctx context.Context, seq int64, fn func(ArticleMeta) error) error {
	rows, err := s.reader().QueryContext(ctx, `SELECT seq, id, source, COALESCE(substr(published, 1, 10), '')
		FROM articles WHERE seq > ? AND duplicate_of IS NULL ORDER BY seq`, seq)
	if err != nil {
		return fmt.Errorf("store: metas: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var m ArticleMeta
		if err := rows.Scan(&m.Seq, &m.ID, &m.Source, &m.Day); err != nil {
			return fmt.Errorf("store: metas: %w", err)
		}
		if err := fn(m); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: metas: %w", err)
	}
	return nil
}

// TuneForReading sets the SQLite page cache of the readers to cacheMiB
// mebibytes in all (shared among the read connections) and maps up to
// mmapMiB of the database file into memory, for a long-running reader such
// as the server: reads then copy fewer pages and make fewer system calls.
// It replaces the store's read connections by tuned ones; queries running
// meanwhile finish on the old ones.
func (s *SQLite) TuneForReading(ctx context.Context, cacheMiB, mmapMiB int) error {
	perConn := max(1, cacheMiB/s.readers)
	rdb, err := s.openReaders(ctx, fmt.Sprintf("&_pragma=cache_size(%d)&_pragma=mmap_size(%d)", -perConn*1024, int64(mmapMiB)<<20))
	if err != nil {
		return fmt.Errorf("store: tune: %w", err)
	}
	if old := s.rdb.Swap(rdb); old != nil {
		old.Close()
	}
	return nil
}

// Brief is what a page of search hits needs of an article: the article and
// the spans of its entity mentions (for matching names in snippets), not
// its other facts.
type Brief struct {
	Article  article.Article
	Mentions []article.Span
}

// Briefs returns the briefs of the articles with the given IDs, in that
// order; unknown IDs are skipped. It is Get without decoding all the facts.
func (s *SQLite) Briefs(ctx context.Context, ids ...string) ([]Brief, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	byID := make(map[string]Brief, len(ids))
	stmts := s.briefStmts()
	args := make([]any, 0, min(len(ids), maxBriefIDs))
	for batch := range slices.Chunk(ids, maxBriefIDs) {
		args = args[:0]
		for _, id := range batch {
			args = append(args, id)
		}
		st, err := stmts.stmt(ctx, len(batch))
		if err != nil {
			return nil, fmt.Errorf("store: briefs: %w", err)
		}
		if err := scanBriefs(ctx, st, args, byID); err != nil {
			return nil, err
		}
	}
	out := make([]Brief, 0, len(ids))
	for _, id := range ids {
		if b, ok := byID[id]; ok {
			out = append(out, b)
		}
	}
	return out, nil
}

// scanBriefs runs st, the statement of Briefs, with args and adds the
// briefs it finds to byID.
func scanBriefs(ctx context.Context, st *sql.Stmt, args []any, byID map[string]Brief) error {
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("store: briefs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			b         Brief
			published sql.NullString
			ents      sql.NullString // the facts
		)
		a := &b.Article
		if err := rows.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &published, &a.Text, &ents); err != nil {
			return fmt.Errorf("store: briefs: %w", err)
		}
		if published.Valid {
			a.Published, _ = time.Parse(timeLayout, published.String)
		}
		if ents.Valid {
			// Only the entities' mentions: the decoder skips the rest
			// (jsoniter: our own JSON, decoded on every search page).
			var f struct {
				Entities []struct {
					Mentions []article.Span `json:"mentions"`
				} `json:"entities"`
			}
			if jsoniter.ConfigFastest.UnmarshalFromString(ents.String, &f) == nil {
				for _, e := range f.Entities {
					b.Mentions = append(b.Mentions, e.Mentions...)
				}
			}
		}
		byID[a.ID] = b
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("store: briefs: %w", err)
	}
	return nil
}
