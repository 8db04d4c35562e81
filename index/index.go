// Package index is Marsad's full-text index, in two implementations of
// Index with the same fields and the same queries:
//
//   - Inverted (Open), the one the engine uses: Marsad's own segments of
//     sorted dictionaries and varint postings, built from the terms the
//     pipeline analyzed once, persisted a flush at a time and merged a tier
//     at a time, with BM25 over the exact statistics of the whole index;
//   - Bleve (OpenBleve): bleve (scorch) with Marsad's Arabic analyzer
//     plugged in, which Inverted replaced (it spends 3 times the CPU on an
//     ingest); tests check that both find the same articles.
//
// The fields are lean: title and text analyzed with positions for phrases
// and not stored (the article text lives in the store); word pairs for
// fast phrases; name keys and spellings for names spelled otherwise;
// published, source, entity and name for filters. Queries are in
// Marsad's query language (package search).
//
// The index records, atomically with its documents, the sequence number
// of the last article it holds (Seq): after a crash the store's articles
// past that number are indexed again, so batches may be acknowledged
// before they are persisted without losing any article.
package index

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
	bbolt "go.etcd.io/bbolt"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/search"
)

// Field names.
const (
	FieldTitle = "title"
	// FieldText holds the terms of the title and then of the text, with
	// positions: a word is one term lookup here, wherever it stands.
	FieldText      = "text"
	FieldPublished = "published"
	FieldSource    = "source"
	FieldEntity    = "entity" // canonical entity names, normalized
	FieldName      = "name"   // arabic.NameKey of the words of entity mentions
	// FieldPair holds the word pairs of title and text: each search term
	// with the next one, through at most two stopwords (see pairKey), so
	// that a two-word phrase is one term lookup and a longer one starts
	// from the articles that hold all its pairs.
	FieldPair = "pair"
	// FieldVariant holds "key stem" (arabic.NameKey of the stem, a space,
	// the stem) for the name-like words of title and text
	// (search.NameLike), tagged as entities or not: a query for a name-like
	// word looks up the other spellings of its key there. Only its
	// dictionary is read, so a spelling is indexed with the first article
	// that has it, not with every one (see firstSpellings).
	FieldVariant = "variant"
	// FieldNameSpelling holds "key stem" for the words of title and text
	// whose name key is one of the article's Names: the spellings of the
	// entity mentions, which tell a query whether FieldName can find
	// anything its own word does not. Like FieldVariant, only its
	// dictionary is read, and a spelling is indexed once.
	FieldNameSpelling = "namespell"
)

// TitleBoost is how much more a match in the title weighs than one in the text.
const TitleBoost = 2.0

// Doc is what the index holds of one article.
type Doc struct {
	ID        string
	Title     string
	Text      string
	Published time.Time // zero when unknown
	Source    string
	Entities  []string // canonical entity names
	Names     []string // name keys of the words of entity mentions

	// TitleTerms and TextTerms are the Terms of Title and Text analyzed
	// by the same analyzer as the index's (arabic.DefaultOptions); when
	// nil the index analyzes the text itself.
	TitleTerms, TextTerms []Term
	// Firsts, when it is AppendFirsts of TitleTerms and TextTerms, lets
	// the index look each distinct stem of the document up once; nil, or
	// of another length, it looks up every term. It is computed where
	// documents are prepared in parallel, to take work off Add.
	Firsts []int32
}

// Request is a search.
type Request struct {
	Query    search.Query
	From, To time.Time // published on or after From, on or before the day To; zero: open
	Source   string    // only this source
	Entity   string    // only articles that mention this entity
	ByDate   bool      // newest first instead of by relevance
	Limit    int       // at most this many hits (default 10)
	Offset   int
}

// Hit is one matching article.
type Hit struct {
	ID    string
	Score float64
}

// Result is the answer to a Request.
type Result struct {
	Total uint64 // number of matching articles
	Hits  []Hit
}

// Index is a full-text index of articles. Implementations are safe for
// concurrent use.
type Index interface {
	// Add indexes docs, which the index does not hold yet (Bleve replaces
	// documents of the same ID, Inverted does not look), and records seq
	// as the sequence number of the last article indexed. It keeps no
	// slice of docs once it returns (strings it may), so that the caller
	// may reuse the memory of their terms.
	Add(ctx context.Context, docs []Doc, seq int64) error
	// Seq returns the sequence number recorded by the last Add; after a
	// reopen, by the last Add that was persisted (0 for a new index).
	Seq() (int64, error)
	// Sync waits until everything added is persisted.
	Sync(ctx context.Context) error
	Search(ctx context.Context, req Request) (*Result, error)
	Count() (uint64, error)
	// Size returns the index's size on disk in bytes.
	Size() int64
	Close() error
}

// ErrNoTerms is returned for a query whose words are all stopwords.
var ErrNoTerms = errors.New("the query has only stopwords (such as في, من, على): add a word to find")

// Bleve is the bleve-backed Index.
type Bleve struct {
	mu   sync.Mutex
	last chan error // persisted callback of the last batch; nil when none pending
	idx  bleve.Index
	path string
	an   *arabic.Analyzer
	lex  *arabic.Lexicon // for search.NameLike

	// words memoizes what documents ask of the lexicon, from one batch to
	// the next (the same stems come back in every batch); wmu guards it.
	wmu   sync.Mutex
	words *wordInfo
	// indexed are the FieldVariant and FieldNameSpelling terms known to be
	// in the index (see firstSpellings); wmu guards it.
	indexed spellingSet
	sets    uint64 // the spelling sets made, the gen of the last
}

var _ Index = (*Bleve)(nil)

var seqKey = []byte("marsad.seq")

// formatKey records the layout of the index's fields (see format).
var formatKey = []byte("marsad.format")

// format is the layout of the fields this version writes and queries. The
// word pairs depend on the lexicon (pairs of frequent words only), so its
// size is part of the layout. Version 4: the name-like words of
// FieldVariant no longer include the words ending in ة (search.NameLike).
func format(lex *arabic.Lexicon) []byte {
	return []byte("4 title-in-text no-offsets spellings-once pair>=" + strconv.Itoa(pairMinFreq) + " variant namespell ala-stop; lexicon " + strconv.Itoa(lex.Len()))
}

// ErrFormat is returned by Open for an index written by another version
// of Marsad, with other fields: rebuild it from the store.
var ErrFormat = errors.New("written by another version of marsad (rebuild it)")

// OpenBleve opens the bleve index in directory dir, creating it if needed.
func OpenBleve(dir string) (*Bleve, error) {
	cfg := map[string]interface{}{
		// Batches return once in memory; persistence follows. Safe because
		// Seq is persisted atomically with the documents (see package doc).
		"unsafe_batch": true,
		// Another process (an ingest) holding the index: fail, don't hang.
		"bolt_timeout": "5s",
	}
	var idx bleve.Index
	_, err := os.Stat(filepath.Join(dir, "index_meta.json"))
	created := false
	switch {
	case err == nil:
		idx, err = bleve.OpenUsing(dir, cfg)
	case errors.Is(err, fs.ErrNotExist):
		idx, err = bleve.NewUsing(dir, Mapping(), scorch.Name, scorch.Name, cfg)
		created = true
	}
	if err != nil {
		if errors.Is(err, bbolt.ErrTimeout) {
			return nil, fmt.Errorf("open index %s: %w", dir, ErrInUse)
		}
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	b := &Bleve{idx: idx, path: dir, an: arabic.New(arabic.DefaultOptions()), lex: arabic.DefaultLexicon()}
	if !created {
		if v, err := idx.GetInternal(formatKey); err != nil || string(v) != string(format(b.lex)) {
			idx.Close()
			return nil, fmt.Errorf("open index %s: %w", dir, ErrFormat)
		}
	}
	if created {
		// With unsafe batches nothing is persisted until a batch is: persist
		// the new index (its mapping) now, so that it can always be reopened.
		ctx := context.Background()
		if err := b.Add(ctx, nil, 0); err == nil {
			err = b.Sync(ctx)
		}
		if err != nil {
			idx.Close()
			return nil, fmt.Errorf("create index %s: %w", dir, err)
		}
	}
	return b, nil
}

// ErrInUse is returned by Open when another process holds the index.
var ErrInUse = errors.New("in use by another marsad process")

// Mapping returns the index mapping: the fields of Doc, nothing dynamic, no
// _all field, nothing stored, BM25 scoring.
func Mapping() mapping.IndexMapping {
	text := func() *mapping.FieldMapping {
		f := mapping.NewTextFieldMapping()
		f.Analyzer = AnalyzerName
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = true
		f.DocValues = false
		return f
	}
	keyword := func() *mapping.FieldMapping {
		f := mapping.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	date := mapping.NewDateTimeFieldMapping()
	date.Store = false
	date.IncludeInAll = false
	date.DocValues = true
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(FieldTitle, text())
	doc.AddFieldMappingsAt(FieldText, text())
	doc.AddFieldMappingsAt(FieldPublished, date)
	doc.AddFieldMappingsAt(FieldSource, keyword())
	doc.AddFieldMappingsAt(FieldEntity, keyword())
	doc.AddFieldMappingsAt(FieldName, keyword())
	doc.AddFieldMappingsAt(FieldVariant, keyword())
	doc.AddFieldMappingsAt(FieldNameSpelling, keyword())
	doc.AddFieldMappingsAt(FieldPair, keyword()) // terms made by pairs, not analyzed
	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = AnalyzerName
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	m.ScoringModel = bindex.BM25Scoring
	return m
}

const (
	textOpts    = bindex.IndexField | bindex.IncludeTermVectors
	pairOpts    = bindex.IndexField
	keywordOpts = bindex.IndexField
	dateOpts    = bindex.IndexField | bindex.DocValues
)

// fields are the terms of one document, field by field, as both indexes
// hold them.
type fields struct {
	title, text []Term // the text field holds both (withTitle)
	// infos[i] is what wordInfo knows of the i-th term of title then
	// text, until its next document.
	infos     []*stemInfo
	entities  []string // EntityKey of the canonical names
	names     []string
	variants  []string // only those first will index
	spellings []string // only those first will index
}

// fieldsOf returns the terms of d's fields; first keeps the spellings the
// index does not hold yet. The slices of entity keys and spellings are
// valid until the next call.
func fieldsOf(an *arabic.Analyzer, d *Doc, words *wordInfo, first *firstSpellings) (fields, error) {
	title, text := d.TitleTerms, d.TextTerms
	if title == nil && d.Title != "" {
		title = Terms(an.Analyze(d.Title))
	}
	if text == nil && d.Text != "" {
		text = Terms(an.Analyze(d.Text))
	}
	firsts := d.Firsts
	if d.TitleTerms == nil || d.TextTerms == nil {
		firsts = nil
	}
	stems := words.stems(title, text, firsts)
	fs := fields{title: title, text: text, infos: stems.infos, names: d.Names}
	fs.entities = words.entityKeys[:0]
	for _, e := range d.Entities {
		fs.entities = append(fs.entities, words.entityKey(an, e))
	}
	words.entityKeys = fs.entities
	variants, spellings := spellings(stems, d.Names, words.variants[:0], words.spellings[:0])
	words.variants, words.spellings = variants, spellings
	var err error
	if fs.variants, err = first.keep(FieldVariant, variants); err != nil {
		return fields{}, err
	}
	if fs.spellings, err = first.keep(FieldNameSpelling, spellings); err != nil {
		return fields{}, err
	}
	return fs, nil
}

// document builds the bleve document of d; first keeps the spellings the
// index does not hold yet.
func (b *Bleve) document(d *Doc, words *wordInfo, first *firstSpellings) (*document.Document, error) {
	fs, err := fieldsOf(b.an, d, words, first)
	if err != nil {
		return nil, err
	}
	doc := document.NewDocument(d.ID)
	doc.AddField(newAnalyzedField(FieldTitle, fs.title, len(d.Title), textOpts))
	doc.AddField(newAnalyzedField(FieldText, withTitle(fs.title, fs.text), len(d.Title)+len(d.Text), textOpts))
	doc.AddField(newAnalyzedField(FieldPair, pairs(docStems{title: fs.title, text: fs.text, infos: fs.infos}), 0, pairOpts))
	if !d.Published.IsZero() {
		if f, err := document.NewDateTimeFieldWithIndexingOptions(FieldPublished, nil, d.Published, time.RFC3339, dateOpts); err == nil {
			doc.AddField(f)
		}
	}
	if d.Source != "" {
		doc.AddField(document.NewTextFieldWithIndexingOptions(FieldSource, nil, []byte(d.Source), keywordOpts))
	}
	doc.AddField(keywords(FieldEntity, fs.entities))
	doc.AddField(keywords(FieldName, fs.names))
	doc.AddField(keywords(FieldVariant, fs.variants))
	doc.AddField(keywords(FieldNameSpelling, fs.spellings))
	return doc, nil
}

// spellingSet is a set of FieldVariant terms and one of FieldNameSpelling
// terms. gen numbers the sets of an index (from 1, never one of an
// earlier set), so that a stemInfo can tell that a set holds its terms.
type spellingSet struct {
	variants, spellings map[string]bool
	gen                 uint64
}

func newSpellingSet(gen uint64) spellingSet {
	return spellingSet{variants: map[string]bool{}, spellings: map[string]bool{}, gen: gen}
}

func (s spellingSet) of(field string) map[string]bool {
	if field == FieldVariant {
		return s.variants
	}
	return s.spellings
}

func (s spellingSet) len() int { return len(s.variants) + len(s.spellings) }

// maxIndexedSpellings bounds the spellings Bleve remembers as indexed:
// past it, it forgets them and asks the index's dictionary again.
const maxIndexedSpellings = 1 << 17

// firstSpellings keeps, of the FieldVariant and FieldNameSpelling terms of
// the documents of a batch, those that no document in the index nor
// earlier in the batch has: queries read only these fields' dictionaries
// (Bleve.otherSpellings), so one document per spelling is enough, and the
// index builds and merges far fewer terms than with every article's
// spellings. Documents are never deleted, and replaced only by the same
// article, so a spelling once indexed stays. It is not safe for concurrent
// use.
type firstSpellings struct {
	indexed spellingSet
	// in reports whether the index's dictionary of a field holds a term.
	in  func(field, term string) (bool, error)
	out [2][]string // keep's scratch, per field
}

// keep returns the spelling terms (FieldVariant or FieldNameSpelling, by
// field) of the stems of infos not indexed yet, and records them as
// indexed. A stemInfo remembers that the set holds its term, so that its
// next documents do not look it up. The slice returned is valid until the
// next call for the field.
func (f *firstSpellings) keep(field string, infos []*stemInfo) ([]string, error) {
	k := 0
	if field == FieldNameSpelling {
		k = 1
	}
	out := f.out[k][:0]
	known := f.indexed.of(field)
	for _, i := range infos {
		if gen := f.indexed.gen; gen != 0 {
			if i.known[k] == gen {
				continue
			}
			i.known[k] = gen
		}
		t := i.spelling
		if known[t] {
			continue
		}
		known[t] = true
		in, err := f.in(field, t)
		if err != nil {
			return nil, err
		}
		if !in {
			out = append(out, t)
		}
	}
	f.out[k] = out
	return out, nil
}

// bleveDicts answers firstSpellings.in from the dictionaries of a bleve
// index, opening a reader on first use.
type bleveDicts struct {
	idx   bleve.Index
	r     bindex.IndexReader
	dicts map[string]bindex.FieldDictContains
}

// contains reports whether the dictionary of field holds term.
func (f *bleveDicts) contains(field, term string) (bool, error) {
	d := f.dicts[field]
	if d == nil {
		if f.r == nil {
			adv, err := f.idx.Advanced()
			if err != nil {
				return false, fmt.Errorf("read index dictionary: %w", err)
			}
			if f.r, err = adv.Reader(); err != nil {
				return false, fmt.Errorf("read index dictionary: %w", err)
			}
			f.dicts = map[string]bindex.FieldDictContains{}
		}
		rc, ok := f.r.(bindex.IndexReaderContains)
		if !ok {
			return false, nil // cannot tell: index it
		}
		var err error
		if d, err = rc.FieldDictContains(field); err != nil {
			return false, fmt.Errorf("read index dictionary %s: %w", field, err)
		}
		f.dicts[field] = d
	}
	in, err := d.Contains([]byte(term))
	if err != nil {
		return false, fmt.Errorf("read index dictionary %s: %w", field, err)
	}
	return in, nil
}

// close releases the index reader.
func (f *bleveDicts) close() {
	if f.r != nil {
		f.r.Close()
	}
}

// spelling is the term of FieldVariant and FieldNameSpelling for a stem.
func spelling(key, stem string) string { return key + " " + stem }

// spellings appends to variants the infos of the distinct name-like stems
// of title and text, whose FieldVariant terms to index, and to spellings
// those of the distinct stems whose name key is one of names, whose
// FieldNameSpelling terms to index (see stemInfo.spelling).
func spellings(stems docStems, names []string, variants, spellings []*stemInfo) ([]*stemInfo, []*stemInfo) {
	var keys keySet // of names
	for _, k := range names {
		keys.add(keyHash(k))
	}
	for _, info := range stems.infos {
		if info.doc == stems.doc {
			continue
		}
		info.doc = stems.doc
		if info.stem[0] < 0x80 || !info.nameLike && len(names) == 0 {
			continue
		}
		k, _ := info.spellingOf()
		if info.nameLike {
			variants = append(variants, info)
		}
		if keys.mayHave(info.keyHash) && slices.Contains(names, k) {
			spellings = append(spellings, info)
		}
	}
	return variants, spellings
}

// EntityKey is the form under which an entity name is indexed and looked
// up: the stems of its words, joined by spaces.
func EntityKey(an *arabic.Analyzer, name string) string {
	return string(appendEntityKey(nil, an.Analyze(name)))
}

// appendEntityKey appends to k the entity key of a name's tokens.
func appendEntityKey(k []byte, toks []arabic.Token) []byte {
	start := len(k)
	for _, t := range toks {
		if t.Kind == arabic.Punct || t.Stem == "" {
			continue
		}
		if len(k) > start {
			k = append(k, ' ')
		}
		k = append(k, t.Stem...)
	}
	return k
}

// Add implements Index.
func (b *Bleve) Add(ctx context.Context, docs []Doc, seq int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	batch := b.idx.NewBatch()
	b.wmu.Lock()
	defer b.wmu.Unlock()
	if b.words == nil || len(b.words.info)+len(b.words.entities) > maxWordInfo {
		b.words = newWordInfo(b.lex)
	}
	if b.indexed.variants == nil || b.indexed.len() > maxIndexedSpellings {
		b.sets++
		b.indexed = newSpellingSet(b.sets)
	}
	dicts := &bleveDicts{idx: b.idx}
	first := &firstSpellings{indexed: b.indexed, in: dicts.contains}
	err := func() error {
		defer dicts.close()
		for i := range docs {
			doc, err := b.document(&docs[i], b.words, first)
			if err == nil {
				err = batch.IndexAdvanced(doc)
			}
			if err != nil {
				return fmt.Errorf("index %s: %w", docs[i].ID, err)
			}
		}
		return nil
	}()
	if err != nil {
		b.indexed = spellingSet{} // some may not be indexed after all
		return err
	}
	var buf [8]byte
	binary.BigEndian.PutUint64(buf[:], uint64(seq))
	batch.SetInternal(seqKey, buf[:])
	batch.SetInternal(formatKey, format(b.lex))
	persisted := make(chan error, 1)
	batch.SetPersistedCallback(func(err error) { persisted <- err })
	b.mu.Lock()
	defer b.mu.Unlock()
	if err := b.idx.Batch(batch); err != nil {
		b.indexed = spellingSet{} // some may not be indexed after all
		return fmt.Errorf("index batch: %w", err)
	}
	b.last = persisted
	return nil
}

// Sync implements Index.
func (b *Bleve) Sync(ctx context.Context) error {
	b.mu.Lock()
	last := b.last
	b.mu.Unlock()
	if last == nil {
		return nil
	}
	select {
	case err := <-last:
		b.mu.Lock()
		if b.last == last {
			b.last = nil
		}
		b.mu.Unlock()
		if err != nil {
			return fmt.Errorf("persist index: %w", err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Seq implements Index.
func (b *Bleve) Seq() (int64, error) {
	v, err := b.idx.GetInternal(seqKey)
	if err != nil {
		return 0, fmt.Errorf("read index sequence: %w", err)
	}
	if len(v) != 8 {
		return 0, nil
	}
	return int64(binary.BigEndian.Uint64(v)), nil
}

// Count implements Index.
func (b *Bleve) Count() (uint64, error) { return b.idx.DocCount() }

// Size implements Index.
func (b *Bleve) Size() int64 {
	var n int64
	_ = filepath.WalkDir(b.path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}

// Close implements Index.
func (b *Bleve) Close() error { return b.idx.Close() }

// Search implements Index.
func (b *Bleve) Search(ctx context.Context, req Request) (*Result, error) {
	q, err := b.Query(req)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	if limit <= 0 {
		limit = 10
	}
	sr := bleve.NewSearchRequestOptions(q, limit, req.Offset, false)
	if req.ByDate {
		sr.SortBy([]string{"-" + FieldPublished, "-_score"})
	}
	res, err := b.idx.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	out := &Result{Total: res.Total, Hits: make([]Hit, len(res.Hits))}
	for i, h := range res.Hits {
		out.Hits[i] = Hit{ID: h.ID, Score: h.Score}
	}
	return out, nil
}

// Query builds the bleve query of req.
//
// Every word and phrase to find must match in the text field (which holds
// the title too); a match in the title adds to the score. The plain term
// lookups of the clauses that must hold (words without other spellings,
// word pairs of phrases) are one conjunction, which bleve computes by
// intersecting posting bitmaps before scoring, so a query of common words
// scores only the articles that hold them all.
func (b *Bleve) Query(req Request) (query.Query, error) {
	var terms, must, should, mustNot []query.Query
	for _, c := range req.Query.Clauses {
		var parts []part
		for _, t := range c.Alts {
			if p, ok := b.termQuery(t); ok {
				parts = append(parts, p)
			}
		}
		if len(parts) == 0 {
			continue // stopwords only
		}
		if c.Not {
			mustNot = append(mustNot, disjunction(parts))
			continue
		}
		for _, p := range parts {
			if p.title != nil {
				should = append(should, p.title)
			}
		}
		if len(parts) == 1 {
			terms = append(terms, parts[0].terms...)
			if parts[0].verify != nil {
				must = append(must, parts[0].verify)
			}
			continue
		}
		must = append(must, disjunction(parts))
	}
	if len(terms)+len(must) == 0 && len(req.Query.Clauses) > 0 {
		return nil, ErrNoTerms
	}
	switch len(terms) {
	case 0:
	case 1:
		must = append(must, terms[0])
	default:
		must = append(must, query.NewConjunctionQuery(terms))
	}
	if !req.From.IsZero() || !req.To.IsZero() {
		var from, to time.Time
		if !req.From.IsZero() {
			from = req.From
		}
		if !req.To.IsZero() {
			to = req.To.AddDate(0, 0, 1) // through the end of that day
		}
		incl, excl := true, false
		r := query.NewDateRangeInclusiveQuery(from, to, &incl, &excl)
		r.SetField(FieldPublished)
		must = append(must, r)
	}
	if req.Source != "" {
		t := query.NewTermQuery(req.Source)
		t.SetField(FieldSource)
		must = append(must, t)
	}
	if req.Entity != "" {
		must = append(must, b.entityQuery(req.Entity))
	}
	if len(must) == 0 {
		// A query of filters alone is fine; no words and no filters is not.
		return nil, ErrNoTerms
	}
	if len(should) == 0 {
		should = nil
	}
	return query.NewBooleanQuery(must, should, mustNot), nil
}

// part is the query of one word or phrase: an article matches when it
// holds all the terms and matches verify; title scores a match in the
// title.
type part struct {
	terms  []query.Query // term queries
	verify query.Query   // nil: the terms say it all
	title  query.Query   // nil: none
}

// query returns p as one query.
func (p part) query() query.Query {
	qs := p.terms
	if len(qs) > 1 && p.verify != nil {
		qs = []query.Query{query.NewConjunctionQuery(qs)}
	}
	if p.verify != nil {
		qs = append(qs[:len(qs):len(qs)], p.verify)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewConjunctionQuery(qs)
}

// disjunction returns the query that any of parts matches.
func disjunction(parts []part) query.Query {
	if len(parts) == 1 {
		return parts[0].query()
	}
	qs := make([]query.Query, len(parts))
	for i, p := range parts {
		qs[i] = p.query()
	}
	return query.NewDisjunctionQuery(qs)
}

func termOf(field, term string) *query.TermQuery {
	q := query.NewTermQuery(term)
	q.SetField(field)
	return q
}

// termQuery is the query of one word or phrase; false when it has no
// search terms (stopwords, punctuation).
//
// A word matches its stem in the text field, and, unless quoted, the other
// spellings of its name key: those of name-like words when it is name-like
// itself (FieldVariant), and the entity mentions that spell it otherwise
// (FieldName, when FieldNameSpelling holds another spelling).
//
// A phrase of two frequent search terms is the one term of their word
// pair; any other phrase is its word pairs of frequent words (if any),
// verified by a positional phrase query.
func (b *Bleve) termQuery(t search.Term) (part, bool) {
	toks := b.an.Analyze(t.Text)
	pt := phraseTerms(toks)
	switch len(pt) {
	case 0:
		return part{}, false
	case 1:
		stem := pt[0][0]
		title := termOf(FieldTitle, stem)
		title.SetBoost(TitleBoost)
		p := part{terms: []query.Query{termOf(FieldText, stem)}, title: title}
		if t.Phrase || stem[0] < 0x80 {
			return p, true
		}
		alts := p.terms
		key := arabic.NameKey(stem)
		if search.NameLike(b.lex, stem) {
			for _, v := range b.otherSpellings(FieldVariant, key, stem) {
				alts = append(alts, termOf(FieldText, v))
			}
		}
		if len(b.otherSpellings(FieldNameSpelling, key, stem)) > 0 {
			alts = append(alts, termOf(FieldName, key))
		}
		if len(alts) > 1 {
			p.terms, p.verify = nil, query.NewDisjunctionQuery(alts)
		}
		return p, true
	}
	title := query.NewMultiPhraseQuery(pt, FieldTitle)
	title.SetBoost(TitleBoost)
	p := part{title: title}
	keys, exact := phrasePairs(b.lex, pt)
	for _, k := range keys {
		p.terms = append(p.terms, termOf(FieldPair, k))
	}
	if !exact || len(p.terms) != 1 {
		p.verify = query.NewMultiPhraseQuery(pt, FieldText)
	}
	return p, true
}

// phrasePairs returns the word pairs of the phrase pt (see phraseTerms)
// that the pair field holds, and whether they say all of it: every two
// successive words of it are a pair.
func phrasePairs(lex *arabic.Lexicon, pt [][]string) (keys []string, exact bool) {
	prev, gap := 0, 0
	exact = true
	for i := 1; i < len(pt); i++ {
		if pt[i][0] == "" {
			gap++
			continue
		}
		if gap <= maxPairGap && frequent(lex, pt[prev][0]) && frequent(lex, pt[i][0]) {
			keys = append(keys, pairKey(pt[prev][0], pt[i][0], gap))
		} else {
			exact = false
		}
		prev, gap = i, 0
	}
	return keys, exact
}

// otherSpellings returns the stems other than stem that field (FieldVariant
// or FieldNameSpelling) records under the name key.
func (b *Bleve) otherSpellings(field, key, stem string) []string {
	prefix := spelling(key, "")
	d, err := b.idx.FieldDictPrefix(field, []byte(prefix))
	if err != nil {
		return nil
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			return out
		}
		if v := e.Term[len(prefix):]; v != stem && v != "" {
			out = append(out, v)
		}
	}
}

// entityQuery matches articles that name the entity: its full canonical
// name, or all the name keys of its words among the entity mentions.
func (b *Bleve) entityQuery(name string) query.Query {
	full := query.NewTermQuery(EntityKey(b.an, name))
	full.SetField(FieldEntity)
	var keys []query.Query
	for _, t := range b.an.Analyze(name) {
		if t.Stop || t.Stem == "" {
			continue
		}
		k := query.NewTermQuery(arabic.NameKey(t.Stem))
		k.SetField(FieldName)
		keys = append(keys, k)
	}
	if len(keys) == 0 {
		return full
	}
	return query.NewDisjunctionQuery([]query.Query{full, query.NewConjunctionQuery(keys)})
}
