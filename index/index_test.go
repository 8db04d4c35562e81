package index

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/search"
)

func TestAnalyzer(t *testing.T) {
	a := Analyzer{A: arabic.New(arabic.DefaultOptions())}
	text := "قال الكرملين، في بيان: الحوار ممكن"
	ts := a.Analyze([]byte(text))
	if len(ts) == 0 {
		t.Fatal("no tokens")
	}
	last := 0
	for _, tok := range ts {
		if tok.Position <= last {
			t.Errorf("positions not increasing: %v", ts)
		}
		last = tok.Position
		if tok.Start < 0 || tok.End > len(text) || tok.Start >= tok.End {
			t.Errorf("bad offsets %d..%d", tok.Start, tok.End)
		}
	}
	// The stopword في keeps its position: the gap between الكرملين and بيان.
	var pk, pb int
	for _, tok := range ts {
		switch text[tok.Start:tok.End] {
		case "الكرملين":
			pk = tok.Position
		case "بيان":
			pb = tok.Position
		}
	}
	if pb-pk != 2 {
		t.Errorf("positions الكرملين %d بيان %d, want a gap of 2", pk, pb)
	}
	for _, bad := range []string{"", "\xff\xfe\x00", "،،،"} {
		_ = a.Analyze([]byte(bad))
	}
}

func TestPhraseTerms(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	got := phraseTerms(an.Analyze("في الحوار مع واشنطن."))
	if len(got) != 3 || got[1][0] != "" || got[0][0] == "" || got[2][0] == "" {
		t.Errorf("phraseTerms = %q", got)
	}
	if got := phraseTerms(an.Analyze("في من")); len(got) != 0 {
		t.Errorf("stopwords only: %q", got)
	}
}

func TestIndexSeqAndSearch(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := b.Seq(); err != nil || s != 0 {
		t.Fatalf("new index seq %d %v", s, err)
	}
	docs := []Doc{
		{ID: "1", Title: "الحوار مع واشنطن", Text: "قال الكرملين إن الحوار مع واشنطن ممكن", Source: "a"},
		{ID: "2", Title: "أسعار النفط", Text: "ارتفعت أسعار النفط بعد تصريح دونالد ترمب", Source: "b", Entities: []string{"دونالد ترمب"}, Names: []string{arabic.NameKey("ترمب")}},
		// An entity mention spelled otherwise than the query, of a word
		// that is not name-like (it takes ال): found by its name key.
		{ID: "3", Title: "تصويت", Text: "صوت الكونغرس على القانون", Source: "c", Entities: []string{"الكونغرس"}, Names: []string{arabic.NameKey("كونغرس")}},
	}
	if err := b.Add(ctx, docs, 7); err != nil {
		t.Fatal(err)
	}
	if err := b.Sync(ctx); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if b, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if s, err := b.Seq(); err != nil || s != 7 {
		t.Fatalf("seq after reopen %d %v", s, err)
	}
	for q, want := range map[string][]string{
		`"الحوار مع واشنطن"`: {"1"},
		"النفط OR الكرملين":  {"1", "2"},
		"ترامب":              {"2"},
		"كونجرس":             {"3"},
		`"كونجرس"`:           nil, // quoted: as written
		"القانون -كونجرس":    nil,
		"أسعار النفط":        {"2"},
		`"أسعار النفط"`:      {"2"},
		`"النفط أسعار"`:      nil,
		`"أسعار النفط بعد"`:  {"2"},
		`"ارتفعت النفط"`:     nil,
	} {
		if got := searchIDs(t, b, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	pq, _ := search.Parse("النفط")
	res, err := b.Search(ctx, Request{Query: pq, Entity: "ترامب"})
	if err != nil || res.Total != 1 {
		t.Errorf("entity by name key: %+v %v", res, err)
	}
	res, err = b.Search(ctx, Request{Query: pq, Entity: "دونالد ترمب"})
	if err != nil || res.Total != 1 {
		t.Errorf("entity by full name: %+v %v", res, err)
	}
}

// TestNameVariants: a name-like word finds the other spellings of the name
// in articles where no entity was tagged (Names empty), and ordinary words
// that share a name key do not find each other.
func TestNameVariants(t *testing.T) {
	b := indexOf(t, []Doc{
		{ID: "trump", Title: "البيت الأبيض", Text: "قال الرئيس الأميركي دونالد ترمب إن المحادثات مستمرة"},
		{ID: "putin", Title: "الكرملين", Text: "استقبل الرئيس فلاديمير بوتن وفدا من الصين"},
		{ID: "writer", Title: "ثقافة", Text: "نشر الكاتب مقالا عن الرواية"},
		{ID: "book", Title: "معرض", Text: "قرأ الطالب الكتاب في المكتبة"},
		{ID: "wrote", Title: "رسالة", Text: "كتب الوزير رسالة إلى الطلاب"},
	}...)
	tests := []struct {
		q    string
		want []string
	}{
		{"ترامب", []string{"trump"}},
		{"لترامب", []string{"trump"}},
		{"ترمب", []string{"trump"}},
		{"بوتين", []string{"putin"}},
		{"كاتب", []string{"writer"}},
		{"كتاب", []string{"book"}},
		{"كتب", []string{"wrote"}},
		{"طلب", nil},
		{"طالب", []string{"book"}},
		{`"دونالد ترامب"`, nil}, // phrases match as written
	}
	for _, tt := range tests {
		if got := searchIDs(t, b, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.q, got, tt.want)
		}
	}
}

// TestStemsFirsts checks that wordInfo.stems finds the same infos with a
// document's Firsts as without, and that Firsts that do not fit are
// ignored.
func TestStemsFirsts(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	terms := func(s string) []Term { return Terms(an.Analyze(s)) }
	title := terms("رئيس مجلس الوزراء يجتمع زيلينسكيوفيتشانو")
	text := terms("قال رئيس مجلس الوزراء إن المجلس يجتمع مع رئيس الوزراء وزيلينسكيوفيتشانو")
	var sc FirstsScratch
	AppendFirsts(nil, &sc, text, title) // the scratch space is left empty
	firsts := AppendFirsts(nil, &sc, title, text)
	all := slices.Concat(title, text)
	if i := slices.IndexFunc(all, func(t Term) bool { return t.StemID == 0 }); i < 0 {
		t.Fatalf("every term has a StemID: %v", all)
	}
	for i, f := range firsts {
		if j := slices.IndexFunc(all, func(t Term) bool { return t.Stem == all[i].Stem }); int(f) != j {
			t.Fatalf("firsts[%d] = %d, want %d", i, f, j)
		}
	}
	words := newWordInfo(arabic.DefaultLexicon())
	want := slices.Clone(words.stems(title, text, nil).infos)
	for _, fs := range [][]int32{firsts, firsts[1:]} {
		if got := words.stems(title, text, fs).infos; !slices.Equal(got, want) {
			t.Errorf("firsts %v: infos %v, want %v", fs, got, want)
		}
	}
	// A StemID of another stem does not mislead wordInfo.
	wrong := slices.Clone(title)
	for i := range wrong {
		wrong[i].StemID = title[(i+1)%len(title)].StemID
	}
	if got := words.stems(wrong, text, nil).infos; !slices.Equal(got, want) {
		t.Errorf("wrong StemIDs: infos %v, want %v", got, want)
	}
}

func TestPairs(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	words := newWordInfo(arabic.DefaultLexicon())
	terms := func(s string) []Term { return Terms(an.Analyze(s)) }
	var got []string
	for _, p := range pairs(words.stems(terms("مجلس الوزراء"), terms("قال رئيس مجلس الوزراء إن رئيس زيد"), nil)) {
		got = append(got, p.Stem)
	}
	stem := func(w string) string { return an.Analyze(w)[0].Stem }
	for _, want := range []string{
		pairKey(stem("مجلس"), stem("الوزراء"), 0),
		pairKey(stem("رئيس"), stem("مجلس"), 0),
		pairKey(stem("الوزراء"), stem("رئيس"), 1), // through إن
	} {
		if !slices.Contains(got, want) {
			t.Errorf("pairs %q lack %q", got, want)
		}
	}
	if slices.Contains(got, pairKey(stem("الوزراء"), stem("قال"), 0)) {
		t.Errorf("pairs %q cross from title to text", got)
	}
	if slices.Contains(got, pairKey(stem("رئيس"), stem("زيد"), 0)) {
		t.Errorf("pairs %q hold a rare word", got)
	}
	if n := len(pairs(words.stems(terms("زيد عمرو"), nil, nil))); n != 0 {
		t.Errorf("pairs of rare words: %d", n)
	}
	w := withTitle(terms("مجلس الوزراء"), terms("اجتمع المجلس"))
	if len(w) != 4 || w[2].Pos-w[1].Pos <= titleGap {
		t.Errorf("withTitle = %+v", w)
	}
}

// TestPhrases: phrases by word pairs and by positions match exactly, and
// never across the title and the text.
func TestPhrases(t *testing.T) {
	b := indexOf(t, []Doc{
		{ID: "a", Title: "اجتماع", Text: "اجتمع مجلس الوزراء أمس برئاسة الملك. وقال رئيس الوزراء السعودي إن أسعار النفط مستقرة"},
		{ID: "b", Title: "مجلس", Text: "الوزراء يجتمعون في الرياض مع زيد"},
		{ID: "c", Title: "زيد", Text: "عمرو في الرياض"},
	}...)
	for _, tt := range []struct {
		q    string
		want []string
	}{
		{`"مجلس الوزراء"`, []string{"a"}},
		{`"رئيس الوزراء السعودي"`, []string{"a"}},
		{`"مجلس الوزراء السعودي"`, nil}, // both pairs, not the phrase
		{`"زيد عمرو"`, nil},             // across title and text
		{`"الرياض مع زيد"`, []string{"b"}},
		{"مجلس الوزراء", []string{"a", "b"}},
		{`الوزراء -"مجلس الوزراء"`, []string{"b"}},
		{`"أسعار النفط" OR زيد`, []string{"a", "b", "c"}},
	} {
		if got := searchIDs(t, b, tt.q); !slices.Equal(got, tt.want) {
			t.Errorf("%s: %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestOpenOtherFormat(t *testing.T) {
	dir := t.TempDir()
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	// A manifest written by another version.
	if err := os.WriteFile(filepath.Join(dir, manifestName), []byte(`{"format":"inverted 0"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrFormat) {
		t.Errorf("open an index of another format: %v, want ErrFormat", err)
	}
}

// FuzzSearch: any query that parses builds a bleve query and runs.
func FuzzSearch(f *testing.F) {
	for _, s := range []string{"ترامب", `"مجلس الوزراء"`, `"في من على إلى مجلس"`, "النفط OR -", `-"a b" c`, "\xff\xfe"} {
		f.Add(s)
	}
	b, err := Open(f.TempDir())
	if err != nil {
		f.Fatal(err)
	}
	defer b.Close()
	docs := []Doc{{ID: "1", Title: "مجلس الوزراء", Text: "قال دونالد ترمب إن أسعار النفط في ارتفاع"}}
	if err := b.Add(context.Background(), docs, 1); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := search.Parse(s)
		if err != nil {
			return
		}
		if _, err := b.Search(context.Background(), Request{Query: q}); err != nil && !errors.Is(err, ErrNoTerms) {
			t.Errorf("%q: %v", s, err)
		}
	})
}

// searchIDs returns the sorted IDs of the documents of b that query q finds.
func searchIDs(t *testing.T, b Index, q string) []string {
	t.Helper()
	pq, err := search.Parse(q)
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Search(context.Background(), Request{Query: pq})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	return got
}

// indexOf returns a new index in a temporary directory holding docs.
func indexOf(t *testing.T, docs ...Doc) *Inverted {
	t.Helper()
	b, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	if err := b.Add(context.Background(), docs, 1); err != nil {
		t.Fatal(err)
	}
	return b
}

// TestNameVariantsAcrossBatches: a spelling is indexed once, with the first
// article that has it, yet every article with either spelling is found by
// both, whether the articles came in one batch, in several, or after the
// index was reopened (when only its dictionary knows the spellings).
func TestNameVariantsAcrossBatches(t *testing.T) {
	ctx := context.Background()
	batches := [][]Doc{
		{{ID: "a", Title: "البيت الأبيض", Text: "قال الرئيس دونالد ترمب إن المحادثات مستمرة"}},
		{{ID: "b", Title: "زيارة", Text: "وصل ترمب إلى باريس"}, {ID: "c", Title: "لقاء", Text: "التقى ترمب وزير الخارجية"}},
		{{ID: "d", Title: "قمة", Text: "قال ترامب إن القمة ناجحة"}},
	}
	dir := t.TempDir()
	for i, docs := range batches {
		b, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.Add(ctx, docs, int64(i+1)); err != nil {
			t.Fatal(err)
		}
		if i == 1 {
			// A second batch into the same open index.
			if err := b.Add(ctx, []Doc{{ID: "e", Title: "خبر", Text: "صرح ترمب للصحفيين"}}, 5); err != nil {
				t.Fatal(err)
			}
		}
		if err := b.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if err := b.Close(); err != nil {
			t.Fatal(err)
		}
	}
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	want := []string{"a", "b", "c", "d", "e"}
	for _, q := range []string{"ترمب", "ترامب"} {
		if got := searchIDs(t, b, q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
	an := arabic.New(arabic.DefaultOptions())
	stem := an.Analyze("ترمب")[0].Stem
	v := b.view.Load()
	if got := v.otherSpellings(fVariant, arabic.NameKey(stem), stem); len(got) != 1 {
		t.Errorf("other spellings of %s: %q, want one", stem, got)
	}
	// Each spelling is in the dictionaries once, held by one article.
	held := map[string]int{}
	for _, s := range v.segs {
		for i := range s.fields[fVariant].terms {
			e, ok := s.entryAt(fVariant, i)
			if !ok {
				t.Fatalf("entry %d of %s", i, s.name)
			}
			held[string(e.term)] += e.df
		}
	}
	for term, n := range held {
		if n != 1 {
			t.Errorf("variant %q held by %d articles, want 1", term, n)
		}
	}
}

// TestTermOrder checks that encode's order of stems, by StemID where
// they have one, is their byte order, stems without a StemID among them.
func TestTermOrder(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	lex := arabic.DefaultLexicon()
	var p posField
	seen := map[string]bool{}
	text := "قال رئيس مجلس الوزراء إن المجلس يجتمع مع زيلينسكيوفيتشانو وكالات الأنباء في واشنطن 2024 Reuters والطاقه الجديدة للمفاوضين"
	for _, term := range Terms(an.Analyze(text)) {
		if !seen[term.Stem] {
			seen[term.Stem] = true
			p.terms = append(p.terms, term.Stem)
			p.ids = append(p.ids, lex.StemID(term.Stem))
		}
	}
	withID := 0
	for _, id := range p.ids {
		if id != 0 {
			withID++
		}
	}
	if withID < 5 || withID == len(p.ids) {
		t.Fatalf("%d of %d stems with a StemID: want some with, some without", withID, len(p.ids))
	}
	for _, reverse := range []bool{false, true} {
		if reverse {
			slices.Reverse(p.terms)
			slices.Reverse(p.ids)
		}
		var got []string
		for _, n := range p.order() {
			got = append(got, p.terms[n])
		}
		if want := slices.Sorted(slices.Values(p.terms)); !slices.Equal(got, want) {
			t.Errorf("order %q, want %q", got, want)
		}
	}
}

// TestSortByID checks that sortByID sorts by StemID, by slots when the
// StemIDs are small and distinct, and by comparing otherwise, leaving the
// slots empty for the next call.
func TestSortByID(t *testing.T) {
	for _, tc := range []struct {
		name string
		ids  func(i int) uint32
	}{
		{"dense", func(i int) uint32 { return uint32(1 + (i*7919)%5000) }},
		{"sparse", func(i int) uint32 { return uint32(1 + (i*7919)%5000*20) }},
		{"past the slots", func(i int) uint32 { return uint32(maxOrderSlots + (i*7919)%5000) }},
		{"repeated", func(i int) uint32 { return uint32(1 + (i*7919)%5000/2) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var p posField
			for round := range 2 {
				p.byID = p.byID[:0]
				for i := range 3000 + round {
					p.byID = append(p.byID, uint64(tc.ids(i))<<32|uint64(i))
				}
				want := slices.Sorted(slices.Values(p.byID))
				p.sortByID()
				if !slices.Equal(p.byID, want) {
					t.Errorf("round %d: not sorted", round)
				}
				if i := slices.IndexFunc(p.slots, func(n uint32) bool { return n != 0 }); i >= 0 {
					t.Errorf("round %d: slot %d left set", round, i)
				}
			}
		})
	}
}

// TestKeySet checks that a keySet has every name key added and tells most
// others apart.
func TestKeySet(t *testing.T) {
	var s keySet
	added := map[string]bool{}
	for i := range 40 {
		k := fmt.Sprintf("name%d", i)
		s.add(keyHash(k))
		added[k] = true
	}
	for k := range added {
		if !s.mayHave(keyHash(k)) {
			t.Errorf("%s added, not in the set", k)
		}
	}
	others := 0
	for i := range 1000 {
		if s.mayHave(keyHash(fmt.Sprintf("other%d", i))) {
			others++
		}
	}
	if others > 300 {
		t.Errorf("%d of 1000 keys not added may be in a set of 40", others)
	}
}

// TestKeywordTermsMerged checks that a pair term made both by wordPairs
// and by keywords in one batch is one dictionary entry, with the
// documents of both.
func TestKeywordTermsMerged(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	words := newWordInfo(arabic.DefaultLexicon())
	b := newSegBuilder(words.nextBatch(), 0, 0)
	terms := Terms(an.Analyze("قال وزير الخارجية"))
	infos := words.stems(nil, terms, nil).infos
	var key string
	eachPair(terms, infos, func(i, gap int) { key = pairKey(terms[i-1].Stem, terms[i].Stem, gap) })
	if key == "" {
		t.Fatal("no word pair in the text")
	}
	for d := range uint32(4) {
		n := b.doc(fmt.Sprint(d), 0, 0, len(terms))
		if d != 1 {
			b.wordPairs(n, terms, infos)
		}
		if d >= 1 {
			b.keywords(fPair, n, key)
		}
	}
	data, err := b.encode(0)
	if err != nil {
		t.Fatal(err)
	}
	s, err := openSegment(data)
	if err != nil {
		t.Fatal(err)
	}
	entries := 0
	for i := range s.fields[fPair].terms {
		if e, ok := s.entryAt(fPair, i); ok && string(e.term) == key {
			entries++
			var pl plist
			if err := s.postings(fPair, e, &pl, false); err != nil {
				t.Fatal(err)
			}
			if want := []uint32{0, 1, 2, 3}; !slices.Equal(pl.docs, want) {
				t.Errorf("documents of %q: %v, want %v", key, pl.docs, want)
			}
		}
	}
	if entries != 1 {
		t.Errorf("%d entries of %q, want 1", entries, key)
	}
}
