package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/article"
)

func ent(name, typ string, mentions ...int) article.Entity {
	e := article.Entity{Text: name, Type: typ}
	for _, m := range mentions {
		e.Mentions = append(e.Mentions, article.Span{Start: m, End: m + 3})
	}
	return e
}

func TestEntityTables(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := func(d int) time.Time { return time.Date(2021, 3, d, 9, 0, 0, 0, time.UTC) }
	quote := article.Quote{Speaker: "بيسكوف", Verb: "قال", Text: "الحوار ممكن", Span: article.Span{Start: 10, End: 21}}
	put := func(entries ...Entry) {
		t.Helper()
		if _, err := s.Put(ctx, entries); err != nil {
			t.Fatal(err)
		}
	}
	put(
		Entry{Article: article.Article{ID: "a", Source: "x", Text: "نص أ", Published: day(18)}, Hash: "h1",
			Facts: &article.Facts{Entities: []article.Entity{ent("بيسكوف", article.PER, 0, 5), ent("الكرملين", article.ORG, 9)}, Quotes: []article.Quote{quote}}},
		Entry{Article: article.Article{ID: "b", Source: "y", Text: "نص ب", Published: day(19)}, Hash: "h2",
			Facts: &article.Facts{Entities: []article.Entity{ent("بيسكوف", article.PER, 1)}, Quotes: []article.Quote{quote, {Speaker: "الكرملين", Text: "لا"}}}},
		Entry{Article: article.Article{ID: "a2", Text: "نص أ"}, Hash: "h1", // a copy of a: not counted
			Facts: &article.Facts{Entities: []article.Entity{ent("بيسكوف", article.PER, 0)}}},
		Entry{Article: article.Article{ID: "c", Text: "نص ج"}, Hash: "h3"}, // no facts
	)
	if n, err := s.SyncEntities(ctx); err != nil || n != 4 {
		t.Fatalf("sync: %d articles, %v; want 4", n, err)
	}
	if n, err := s.SyncEntities(ctx); err != nil || n != 0 {
		t.Fatalf("second sync: %d articles, %v; want none", n, err)
	}
	list, err := s.Entities(ctx, "", 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []EntityCount{{"بيسكوف", article.PER, 2}, {"الكرملين", article.ORG, 1}}
	if !slices.Equal(list, want) {
		t.Errorf("entities %v, want %v", list, want)
	}
	if l, _ := s.Entities(ctx, "كرم", 10); len(l) != 1 || l[0].Name != "الكرملين" {
		t.Errorf("entities matching كرم: %v", l)
	}
	d, err := s.Entity(ctx, "بيسكوف", 10)
	if err != nil {
		t.Fatal(err)
	}
	if d.Articles != 2 || d.Type != article.PER || d.Days["2021-03-18"] != 2 || d.Days["2021-03-19"] != 1 {
		t.Errorf("entity %+v", d)
	}
	if len(d.Cooccurring) != 1 || d.Cooccurring[0].Name != "الكرملين" || d.Cooccurring[0].Articles != 1 {
		t.Errorf("co-occurring %v", d.Cooccurring)
	}
	if len(d.Quotes) != 2 || d.Quotes[0].ID != "b" || d.Quotes[1].ID != "a" || d.Quotes[0].Text != quote.Text {
		t.Errorf("quotes %+v: want b's then a's", d.Quotes)
	}
	if _, err := s.Entity(ctx, "أحد", 10); !errors.Is(err, ErrNoEntity) {
		t.Errorf("unknown entity: %v", err)
	}

	// Articles stored later are picked up by the next sync.
	put(Entry{Article: article.Article{ID: "d", Text: "نص د", Published: day(20)}, Hash: "h4",
		Facts: &article.Facts{Entities: []article.Entity{ent("الكرملين", article.ORG, 2)}}})
	if n, err := s.SyncEntities(ctx); err != nil || n != 1 {
		t.Fatalf("sync after put: %d, %v", n, err)
	}
	if l, _ := s.Entities(ctx, "الكرملين", 1); len(l) != 1 || l[0].Articles != 2 {
		t.Errorf("after put: %v", l)
	}

	for id, want := range map[string][]string{"a": {"a2"}, "a2": {"a"}, "b": nil, "zz": nil} {
		if got, err := s.Copies(ctx, id); err != nil || !slices.Equal(got, want) {
			t.Errorf("copies of %s: %v, %v; want %v", id, got, err, want)
		}
	}

	briefs, err := s.Briefs(ctx, "b", "zz", "a", "c")
	if err != nil {
		t.Fatal(err)
	}
	if len(briefs) != 3 || briefs[0].Article.ID != "b" || briefs[1].Article.ID != "a" || briefs[2].Article.ID != "c" {
		t.Fatalf("briefs %+v", briefs)
	}
	if len(briefs[1].Mentions) != 3 || briefs[2].Mentions != nil || briefs[1].Article.Source != "x" || !briefs[1].Article.Published.Equal(day(18)) {
		t.Errorf("brief of a %+v, of c %+v", briefs[1], briefs[2])
	}

	var metas []string
	if err := s.Metas(ctx, 0, func(m ArticleMeta) error { metas = append(metas, m.ID+"|"+m.Source+"|"+m.Day); return nil }); err != nil {
		t.Fatal(err)
	}
	if want := []string{"a|x|2021-03-18", "b|y|2021-03-19", "c||", "d||2021-03-20"}; !slices.Equal(metas, want) {
		t.Errorf("metas %v, want %v", metas, want)
	}
}

func TestEntitySpellingsGrouped(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	day := func(d int) time.Time { return time.Date(2024, 11, d, 9, 0, 0, 0, time.UTC) }
	said := func(who string) []article.Quote {
		return []article.Quote{{Speaker: who, Verb: "قال", Text: "نص", Span: article.Span{Start: 1, End: 3}}}
	}
	var entries []Entry
	for i, name := range []string{"دميتري بيسكوف", "دميترى بيسكوف", "دميتري  بيسكوف", "دميتري بيسكوف"} {
		id := string(rune('a' + i))
		entries = append(entries, Entry{Article: article.Article{ID: id, Text: "نص " + id, Published: day(i + 1)}, Hash: id,
			Facts: &article.Facts{Entities: []article.Entity{ent(name, article.PER, 0), ent("موسكو", article.LOC, 5)}, Quotes: said(name)}})
	}
	// Another name that only normalization would not join.
	entries = append(entries, Entry{Article: article.Article{ID: "z", Text: "نص z"}, Hash: "z",
		Facts: &article.Facts{Entities: []article.Entity{ent("بيسكوف", article.PER, 0)}}})
	putAndSync(ctx, t, s, entries)
	list, err := s.Entities(ctx, "بيسكوف", 10)
	if err != nil {
		t.Fatal(err)
	}
	want := []EntityCount{{"دميتري بيسكوف", article.PER, 4}, {"بيسكوف", article.PER, 1}}
	if !slices.Equal(list, want) {
		t.Errorf("entities %v, want %v", list, want)
	}
	for _, spelling := range []string{"دميترى بيسكوف", "دميتري بيسكوف", "دِميتري بيسكوف"} {
		d, err := s.Entity(ctx, spelling, 10)
		if err != nil {
			t.Fatalf("%s: %v", spelling, err)
		}
		if d.Name != "دميتري بيسكوف" || d.Articles != 4 || len(d.Days) != 4 || len(d.Quotes) != 4 {
			t.Errorf("%s: name %q, %d articles, days %v, %d quotes; want the 4 articles under the most frequent spelling",
				spelling, d.Name, d.Articles, d.Days, len(d.Quotes))
		}
		if len(d.Cooccurring) != 1 || d.Cooccurring[0].Name != "موسكو" || d.Cooccurring[0].Articles != 4 {
			t.Errorf("co-occurring %v", d.Cooccurring)
		}
	}
	var names []string
	if err := s.EntityMentions(ctx, 0, func(m EntityMention) error { names = append(names, m.Name); return nil }); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(strings.Join(names, "|"), "دميترى"); n != 0 {
		t.Errorf("facet mentions show the rarer spelling %d times: %v", n, names)
	}
}

func TestEntityTablesOfAnOlderLayoutAreRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := OpenSQLite(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE entity_mentions (seq INTEGER, name TEXT, type TEXT, mentions INTEGER, day TEXT);
		CREATE TABLE entity_sync (id INTEGER PRIMARY KEY, last INTEGER NOT NULL); INSERT INTO entity_sync VALUES (1, 99)`); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []Entry{{Article: article.Article{ID: "a", Text: "نص"}, Hash: "a",
		Facts: &article.Facts{Entities: []article.Entity{ent("بيسكوف", article.PER, 0)}}}}); err != nil {
		t.Fatal(err)
	}
	if n, err := s.SyncEntities(ctx); err != nil || n != 1 {
		t.Fatalf("sync over old tables: %d, %v; want 1 article", n, err)
	}
	if d, err := s.Entity(ctx, "بيسكوف", 5); err != nil || d.Articles != 1 {
		t.Errorf("entity after rebuild: %+v, %v", d, err)
	}
}

// TestEntityNameTie checks that of two spellings as frequent the display
// name is the first in code-point order, whatever the order of storing.
func TestEntityNameTie(t *testing.T) {
	ctx := context.Background()
	for _, order := range [][]string{{"دميتري بيسكوف", "دميترى بيسكوف"}, {"دميترى بيسكوف", "دميتري بيسكوف"}} {
		s, err := OpenSQLite(ctx, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		var entries []Entry
		for i, name := range order {
			id := string(rune('a' + i))
			entries = append(entries, Entry{Article: article.Article{ID: id, Text: "نص " + id}, Hash: id,
				Facts: &article.Facts{Entities: []article.Entity{ent(name, article.PER, 0)}}})
		}
		putAndSync(ctx, t, s, entries)
		list, err := s.Entities(ctx, "بيسكوف", 10)
		if err != nil {
			t.Fatal(err)
		}
		if want := []EntityCount{{"دميترى بيسكوف", article.PER, 2}}; !slices.Equal(list, want) {
			t.Errorf("stored in order %v: %v, want %v", order, list, want)
		}
		s.Close()
	}
}

// TestBriefsBatches looks up more IDs than one prepared statement takes,
// before and after the readers are replaced by TuneForReading.
func TestBriefsBatches(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	var (
		entries []Entry
		ids     []string
	)
	for i := range 2*maxBriefIDs + 5 {
		id := fmt.Sprintf("art%03d", i)
		entries = append(entries, Entry{Article: article.Article{ID: id, Text: "نص " + id}, Hash: id})
		ids = append(ids, id)
	}
	if _, err := s.Put(ctx, entries); err != nil {
		t.Fatal(err)
	}
	// Asked in reverse, with unknown IDs among them.
	slices.Reverse(ids)
	ask := append([]string{"nope"}, ids...)
	ask = append(ask, "nope2")
	for round := range 2 {
		got, err := s.Briefs(ctx, ask...)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if len(got) != len(ids) {
			t.Fatalf("round %d: %d briefs, want %d", round, len(got), len(ids))
		}
		for i, b := range got {
			if b.Article.ID != ids[i] || b.Article.Text != "نص "+ids[i] {
				t.Fatalf("round %d: brief %d is %q (%q), want %q", round, i, b.Article.ID, b.Article.Text, ids[i])
			}
		}
		if err := s.TuneForReading(ctx, 4, 16); err != nil {
			t.Fatal(err)
		}
	}
}

// putAndSync stores entries and brings the entity tables up to date.
func putAndSync(ctx context.Context, t *testing.T, s *SQLite, entries []Entry) {
	t.Helper()
	if _, err := s.Put(ctx, entries); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SyncEntities(ctx); err != nil {
		t.Fatal(err)
	}
}
