package story

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var day0 = time.Date(2024, 11, 20, 9, 0, 0, 0, time.UTC)

// doc builds a Doc from space-separated terms.
func doc(id string, days float64, title, text string, ents ...string) Doc {
	return Doc{
		ID:         id,
		Published:  day0.Add(time.Duration(days * 24 * float64(time.Hour))),
		Source:     "src-" + id,
		Title:      title,
		Terms:      strings.Fields(title + " " + text),
		TitleTerms: strings.Fields(title),
		Entities:   ents,
	}
}

// filler gives n distinct background words, so that document frequencies
// look like those of a real stream.
func filler(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%s%d ", prefix, i)
	}
	return b.String()
}

func TestMinHashJaccard(t *testing.T) {
	words := strings.Fields(filler("w", 200))
	tests := []struct {
		name   string
		a, b   []string
		lo, hi float64
	}{
		{"identical", words, words, 1, 1},
		{"disjoint", words[:100], words[100:], 0, 0.1},
		{"half", words[:150], words[50:], 0.3, 0.7}, // true Jaccard ≈ 0.5
		{"one word changed", words, append(append([]string{}, words[:100]...), append([]string{"x"}, words[101:]...)...), 0.85, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, _ := minhash(shingleHashes(tt.a, 3))
			b, _ := minhash(shingleHashes(tt.b, 3))
			if j := jaccard(&a, &b); j < tt.lo || j > tt.hi {
				t.Errorf("jaccard = %.2f, want in [%.2f, %.2f]", j, tt.lo, tt.hi)
			}
		})
	}
}

func TestMinHashDeterministic(t *testing.T) {
	// A signature must not depend on the process: pin one value.
	sig, ok := minhash(shingleHashes([]string{"كرملين", "حوار", "واشنطن"}, 3))
	if !ok {
		t.Fatal("no signature")
	}
	again, _ := minhash(shingleHashes([]string{"كرملين", "حوار", "واشنطن"}, 3))
	if sig != again {
		t.Fatal("signature changed between calls")
	}
	if fnvString(fnvOffset, "a") != 0xaf63dc4c8601ec8c {
		t.Errorf("FNV-1a 64 of \"a\" = %#x", fnvString(fnvOffset, "a"))
	}
}

// TestMinhashes checks the one-pass signatures of a text and of its first
// shingles against the definition: per permutation, the high half of the
// least mixed shingle hash.
func TestMinhashes(t *testing.T) {
	want := func(sh []uint64) signature {
		var sig signature
		for i, seed := range hashSeeds {
			m := ^uint64(0)
			for _, h := range sh {
				m = min(m, mix64(h^seed))
			}
			sig[i] = uint32(m >> 32)
		}
		return sig
	}
	sh := shingleHashes(strings.Fields(filler("m", 50)), 3)
	for _, n := range []int{1, 2, 17, len(sh) - 1, len(sh)} {
		sig, head := minhashes(sh, n)
		if sig != want(sh) {
			t.Errorf("n=%d: signature of the whole differs from the definition", n)
		}
		if head != want(sh[:n]) {
			t.Errorf("n=%d: signature of the first shingles differs from the definition", n)
		}
	}
}

// TestMinima64 checks minima64, which may run in vector registers, against
// minima64Generic and the definition, on whole 64-bit minima lowered from
// random ones.
func TestMinima64(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 7, 64, 1000} {
		sh := make([]uint64, n)
		for i := range sh {
			sh[i] = rng.Uint64()
		}
		var start [numHashes]uint64
		for i := range start {
			start[i] = rng.Uint64() | 1<<63
		}
		want := start
		for i, seed := range hashSeeds {
			for _, h := range sh {
				want[i] = min(want[i], mix64(h^seed))
			}
		}
		got, generic := start, start
		minima64(&got, sh)
		minima64Generic(&generic, sh)
		if got != want || generic != want {
			t.Errorf("%d shingles: minima64 or minima64Generic differ from the definition", n)
		}
	}
}

func TestClusterer(t *testing.T) {
	bg := filler("bg", 60)
	quake := "زلزال ضرب مدينة قتلى جرحى انقاذ هزه ريختر دمار مباني"
	vote := "انتخابات برلمان تصويت مرشح نتائج صناديق اقتراع لجنه فرز"
	type add struct {
		d         Doc
		dupOf     string // "" or id
		sameAs    string // id of an article expected in the same story ("" : new story)
		notSameAs string
	}
	tests := []struct {
		name string
		adds []add
	}{
		{"copy is a duplicate and joins the story", []add{
			{d: doc("a", 0, "زلزال مدينه", quake+" "+bg)},
			{d: doc("b", 0.1, "زلزال قوي", quake+" "+bg), dupOf: "a", sameAs: "a"},
		}},
		{"same event in other words joins", []add{
			{d: doc("a", 0, "زلزال مدينه", quake+" "+filler("x", 4))},
			{d: doc("b", 0.5, "زلزال مدمر", quake+" "+filler("y", 4)), sameAs: "a"},
		}},
		{"different event starts a story", []add{
			{d: doc("a", 0, "زلزال مدينه", quake+" "+filler("x", 30))},
			{d: doc("b", 0.5, "انتخابات", vote+" "+filler("y", 30)), notSameAs: "a"},
		}},
		{"same words a month later is a new story", []add{
			{d: doc("a", 0, "زلزال مدينه", quake+" "+filler("x", 30))},
			{d: doc("b", 30, "زلزال مدمر", quake+" "+filler("y", 30)), notSameAs: "a"},
		}},
		{"re-adding an id changes nothing", []add{
			{d: doc("a", 0, "زلزال", quake)},
			{d: doc("a", 0, "زلزال", quake), sameAs: "a"},
		}},
		{"empty and odd input does not panic", []add{
			{d: Doc{ID: ""}},
			{d: Doc{ID: "z", Terms: []string{"", "\xff\xfe", ""}, Entities: []string{"", " "}}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultConfig())
			for i := range 20 {
				c.Add(doc(fmt.Sprintf("bg%d", i), -1, "خبر", filler(fmt.Sprintf("b%d_", i), 20)))
			}
			got := map[string]Assignment{}
			for _, a := range tt.adds {
				as := c.Add(a.d)
				if as.DuplicateOf != a.dupOf {
					t.Errorf("%s: DuplicateOf = %q, want %q", a.d.ID, as.DuplicateOf, a.dupOf)
				}
				if a.sameAs != "" && got[a.sameAs].Story != as.Story {
					t.Errorf("%s: story %s, want that of %s (%s)", a.d.ID, as.Story, a.sameAs, got[a.sameAs].Story)
				}
				if a.notSameAs != "" && got[a.notSameAs].Story == as.Story {
					t.Errorf("%s: joined story %s of %s", a.d.ID, as.Story, a.notSameAs)
				}
				if _, ok := got[a.d.ID]; !ok {
					got[a.d.ID] = as
				}
			}
			n := 0
			for _, s := range c.Stories() {
				if !strings.HasPrefix(s.Articles[0], "bg") {
					n += len(s.Articles)
				}
				if s.First.After(s.Last) {
					t.Errorf("story %s: first %v after last %v", s.ID, s.First, s.Last)
				}
			}
			if n != c.Len()-20 {
				t.Errorf("stories hold %d articles, clusterer has %d", n, c.Len())
			}
		})
	}
}

func TestThreads(t *testing.T) {
	kremlin := "كرملين حوار واشنطن رئيس روسي استعداد محادثات اداره امريكيه علاقات"
	tests := []struct {
		name  string
		later Doc
		want  bool
	}{
		{"same subject and names years later", doc("b", 1300, "كرملين حوار", kremlin+" "+filler("y", 20), "بوتين", "بيسكوف", "الولايات المتحده"), true},
		{"one shared famous name only", doc("b", 1300, "بوتين رياضه", "اولمبياد ميداليه رياضيين فريق ملعب "+filler("z", 20), "بوتين", "اللجنه الاولمبيه"), false},
		{"same names, other vocabulary", doc("b", 1300, "بوتين زياره", "مصنع افتتاح انتاج عمال "+filler("z", 20), "بوتين", "بيسكوف"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultConfig())
			// Background so that document frequencies are meaningful.
			for i := range 30 {
				c.Add(doc(fmt.Sprintf("bg%d", i), float64(i)/10, "خبر", filler(fmt.Sprintf("b%d_", i), 20)+" رئيس علاقات", "جهه"))
			}
			first := c.Add(doc("a", 0, "كرملين حوار", kremlin+" "+filler("x", 20), "بوتين", "بيسكوف", "الولايات المتحده"))
			later := c.Add(tt.later)
			if later.Story == first.Story {
				t.Fatalf("years later joined the same story")
			}
			if got := later.Thread == first.Thread; got != tt.want {
				t.Errorf("same thread = %v, want %v (threads %s, %s)", got, tt.want, first.Thread, later.Thread)
			}
		})
	}
}

func TestSaveLoadContinues(t *testing.T) {
	bg := filler("bg", 40)
	docs := []Doc{
		doc("a", 0, "زلزال", "زلزال مدينه قتلى "+bg),
		doc("b", 0.2, "انتخابات", "انتخابات برلمان تصويت "+filler("v", 40)),
		doc("c", 0.3, "زلزال", "زلزال مدينه قتلى "+bg),
		doc("d", 0.5, "زلزال", "زلزال مدينه قتلى انقاذ "+filler("q", 40)),
		doc("e", 1, "انتخابات", "انتخابات برلمان تصويت نتائج "+filler("r", 40)),
	}
	whole := New(DefaultConfig())
	var want []Assignment
	for _, d := range docs {
		want = append(want, whole.Add(d))
	}
	c := New(DefaultConfig())
	var got []Assignment
	for i, d := range docs {
		if i == 2 {
			var b bytes.Buffer
			if err := c.Save(&b); err != nil {
				t.Fatal(err)
			}
			var err error
			if c, err = Load(&b); err != nil {
				t.Fatal(err)
			}
		}
		got = append(got, c.Add(d))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("doc %d: after save/load %+v, without %+v", i, got[i], want[i])
		}
	}
	data, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	var d Clusterer
	if err := d.UnmarshalBinary(data); err != nil {
		t.Fatal(err)
	}
	if a, b := fmt.Sprint(d.Stories()), fmt.Sprint(c.Stories()); a != b {
		t.Errorf("stories differ after MarshalBinary round trip:\n%s\n%s", a, b)
	}
}

func FuzzLoad(f *testing.F) {
	c := New(DefaultConfig())
	c.Add(doc("a", 0, "زلزال", "زلزال مدينه قتلى", "مدينه", "جهه"))
	c.Add(doc("b", 1, "زلزال", "زلزال مدينه قتلى انقاذ", "مدينه", "جهه"))
	good, err := c.MarshalBinary()
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	var v2 bytes.Buffer
	if err := saveV2(c, &v2); err != nil {
		f.Fatal(err)
	}
	f.Add(v2.Bytes())
	f.Add([]byte{})
	f.Add([]byte("not gzip"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load(bytes.NewReader(data))
		if err != nil {
			return
		}
		// A state that loads must be usable.
		c.Add(doc("z", 2, "زلزال", "زلزال مدينه", "مدينه", "جهه"))
		c.Stories()
	})
}

func TestConfigSanitized(t *testing.T) {
	bad := DefaultConfig()
	bad.MaxCandidates, bad.Threshold, bad.Sigma, bad.Shingle = -3, 7, -time.Hour, 0
	tests := []struct {
		name string
		cfg  Config
	}{
		{"zero value", Config{}},
		{"nonsense values", bad},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.cfg.sanitized(); got != DefaultConfig() {
				t.Errorf("sanitized = %+v, want the defaults", got)
			}
			c := New(tt.cfg)
			a := c.Add(doc("a", 0, "زلزال", "زلزال مدينه قتلى"))
			b := c.Add(doc("b", 0, "زلزال", "زلزال مدينه قتلى"))
			if a.Story != b.Story {
				t.Errorf("copies in stories %s and %s", a.Story, b.Story)
			}
		})
	}
}

// windowDocs returns the documents of s's near-duplicate window, oldest
// first.
func windowDocs(s *state) []recent {
	var docs []recent
	for i := range s.window.n {
		docs = append(docs, s.window.at(i))
	}
	return docs
}

// saveV1 writes c's state as version 1 did: the whole state in one gob
// message.
func saveV1(c *Clusterer, w io.Writer) error {
	zw := gzip.NewWriter(w)
	enc := gob.NewEncoder(zw)
	c.s.ThreadIdx, c.s.Recent = c.s.threads.toMap(), windowDocs(&c.s)
	defer func() { c.s.ThreadIdx, c.s.Recent = nil, nil }()
	if err := enc.Encode(1); err != nil {
		return err
	}
	if err := enc.Encode(&c.s); err != nil {
		return err
	}
	return zw.Close()
}

// saveV2 writes c's state as version 2 did: the parts of savedParts, one
// gob message each.
func saveV2(c *Clusterer, w io.Writer) error {
	zw := gzip.NewWriter(w)
	enc := gob.NewEncoder(zw)
	c.s.ThreadIdx, c.s.Recent = c.s.threads.toMap(), windowDocs(&c.s)
	defer func() { c.s.ThreadIdx, c.s.Recent = nil, nil }()
	if err := enc.Encode(2); err != nil {
		return err
	}
	for _, p := range c.s.savedParts() {
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	return zw.Close()
}

// TestLoadVersions checks that a state saved by Save or by an earlier
// version loads and continues as if it had never been saved.
func TestLoadVersions(t *testing.T) {
	savers := []struct {
		name string
		save func(*Clusterer, io.Writer) error
	}{
		{"current", (*Clusterer).Save},
		{"version 1", saveV1},
		{"version 2", saveV2},
	}
	bg := filler("bg", 40)
	docs := []Doc{
		doc("a", 0, "زلزال", "زلزال مدينه قتلى "+bg, "مدينه"),
		doc("b", 0.2, "انتخابات", "انتخابات برلمان تصويت "+filler("v", 40)),
		doc("c", 0.3, "زلزال", "زلزال مدينه قتلى "+bg),
		doc("d", 0.5, "زلزال", "زلزال مدينه قتلى انقاذ "+filler("q", 40), "مدينه"),
		doc("e", 1, "انتخابات", "انتخابات برلمان تصويت نتائج "+filler("r", 40)),
		doc("f", 1.1, "زلزال", "زلزال مدينه قتلى "+bg),
	}
	whole := New(DefaultConfig())
	var want []Assignment
	for _, d := range docs {
		want = append(want, whole.Add(d))
	}
	for _, sv := range savers {
		t.Run(sv.name, func(t *testing.T) {
			c := New(DefaultConfig())
			for i, d := range docs {
				if i == 3 {
					var b bytes.Buffer
					if err := sv.save(c, &b); err != nil {
						t.Fatal(err)
					}
					var err error
					if c, err = Load(&b); err != nil {
						t.Fatal(err)
					}
				}
				if got := c.Add(d); got != want[i] {
					t.Errorf("doc %s: after save/load %+v, without %+v", d.ID, got, want[i])
				}
			}
		})
	}
}

// stream returns n documents on topics that come back over weeks, with
// copies, shared entities and publication times in two zones, so that a
// clusterer fed them has stories, retired ones, threads and duplicates.
func stream(n int) []Doc {
	riyadh := time.FixedZone("AST", 3*60*60)
	docs := make([]Doc, 0, n)
	for i := range n {
		topic := i % 23
		if i%11 == 5 && i > 0 { // a copy of an earlier text
			d := docs[i-1]
			d.ID = fmt.Sprintf("d%d", i)
			docs = append(docs, d)
			continue
		}
		text := fmt.Sprintf("%s %s", filler(fmt.Sprintf("t%d_", topic), 12), filler(fmt.Sprintf("n%d_", i), 8+i%3*20))
		d := doc(fmt.Sprintf("d%d", i), float64(i)/10, fmt.Sprintf("عنوان t%d_1 t%d_2", topic, topic), text,
			fmt.Sprintf("جهه%d", topic%5), fmt.Sprintf("مدينه %d", topic%7), "وزاره")
		if i%2 == 1 {
			d.Published = d.Published.In(riyadh)
		}
		docs = append(docs, d)
	}
	return docs
}

// TestSaveLikeVersion2 checks that a state saved by Save loads as the same
// state saved as version 2 did.
func TestSaveLikeVersion2(t *testing.T) {
	c := New(DefaultConfig())
	for _, d := range stream(600) {
		c.Add(d)
	}
	if ns, nt := len(c.s.Stories), len(c.s.threads.heads); ns < 20 || nt == 0 || len(c.s.Active) == ns {
		t.Fatalf("the stream made %d stories, %d active, %d thread keys: too simple a state", ns, len(c.s.Active), nt)
	}
	load := func(save func(*Clusterer, io.Writer) error) *state {
		t.Helper()
		var b bytes.Buffer
		if err := save(c, &b); err != nil {
			t.Fatal(err)
		}
		l, err := Load(&b)
		if err != nil {
			t.Fatal(err)
		}
		return &l.s
	}
	v2, v3 := load(saveV2), load((*Clusterer).Save)
	parts := v3.savedParts()
	for i, p := range v2.savedParts() {
		if !reflect.DeepEqual(p, parts[i]) {
			t.Errorf("part %d (%T) differs from version 2's", i, p)
		}
	}
	if len(v2.threads.heads) != len(v3.threads.heads) {
		t.Errorf("%d thread keys, want %d", len(v3.threads.heads), len(v2.threads.heads))
	}
	for k := range v2.threads.heads {
		if a, b := v3.threads.appendList(nil, k), v2.threads.appendList(nil, k); !slices.Equal(a, b) {
			t.Errorf("thread list %x = %v, want %v", k, a, b)
		}
	}
	if !reflect.DeepEqual(v2.heads, v3.heads) || !reflect.DeepEqual(v2.window, v3.window) || !slices.Equal(v2.Names, v3.Names) {
		t.Errorf("rebuilt buckets or vocabulary differ from version 2's")
	}
	for i, name := range v2.Names {
		if id, ok := v3.vocab.id(name, v3.Names); !ok || id != uint32(i) {
			t.Errorf("rebuilt vocabulary: %q has id %d, %v, want %d", name, id, ok, i)
		}
	}
}

// TestLoadDamaged checks that Load refuses a saved state with a byte
// changed or cut off, which the frames' checksums and end catch.
func TestLoadDamaged(t *testing.T) {
	c := New(DefaultConfig())
	for _, d := range stream(300) {
		c.Add(d)
	}
	good, err := c.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(good)); err != nil {
		t.Fatalf("the undamaged state: %v", err)
	}
	tests := []struct {
		name   string
		damage func([]byte) []byte
	}{
		{"byte changed in the middle", func(b []byte) []byte { b[len(b)/2] ^= 0x10; return b }},
		{"byte changed near the end", func(b []byte) []byte { b[len(b)-10] ^= 0x01; return b }},
		{"cut in the middle", func(b []byte) []byte { return b[:len(b)/2] }},
		{"end cut off", func(b []byte) []byte { return b[:len(b)-1] }},
		{"bytes after the end", func(b []byte) []byte { return append(b[:len(b)-1], 3, 1, 2, 3, 0, 0, 0, 0, 0) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Load(bytes.NewReader(tt.damage(bytes.Clone(good)))); err == nil {
				t.Error("Load accepted a damaged state")
			}
		})
	}
}

// TestFarDistance checks that a story farther in time than farDistance
// has a decay below the threshold by more than the rounding add allows
// for, and that the bound is not far from the distance where the decay
// reaches it.
func TestFarDistance(t *testing.T) {
	for _, thr := range []float64{0.01, 0.3, 0.5, 0.9, 0.98} {
		cfg := DefaultConfig()
		cfg.Threshold = thr
		s := newState(cfg)
		far := s.farDistance()
		if d := s.decay(far); !(d*(1+1e-6) < thr) || d < thr*thr {
			t.Errorf("threshold %v: decay %v at the far distance %v", thr, d, far)
		}
	}
	cfg := DefaultConfig()
	cfg.Threshold = 1
	if s := newState(cfg); s.farDistance() < 1<<62 {
		t.Errorf("threshold 1: far distance %v, want none", s.farDistance())
	}
}

// TestInstantWindow checks the time window test of candidates on instants
// against its definition on durations, for times in several zones, close
// to the window's edges and far from it (where Sub saturates).
func TestInstantWindow(t *testing.T) {
	const w = 9 * 24 * time.Hour
	riyadh := time.FixedZone("AST", 3*60*60)
	base := time.Date(2015, 7, 26, 10, 0, 0, 500, time.UTC)
	var times []time.Time
	for _, d := range []time.Duration{0, 1, -1, w, w + 1, w - 1, -w, -w - 1, -w + 1, 3 * w, -3 * w} {
		times = append(times, base.Add(d), base.Add(d).In(riyadh))
	}
	times = append(times, time.Time{}, time.Date(2400, 1, 1, 0, 0, 0, 0, time.UTC))
	for _, doc := range times {
		from, to := instantOf(doc.Add(-w)), instantOf(doc.Add(w))
		for _, st := range times {
			if got, want := instantOf(st).before(from), doc.Sub(st) > w; got != want {
				t.Errorf("doc %v, story ending %v: out of the window %v, want %v", doc, st, got, want)
			}
			if got, want := to.before(instantOf(st)), st.Sub(doc) > w; got != want {
				t.Errorf("doc %v, story starting %v: out of the window %v, want %v", doc, st, got, want)
			}
		}
	}
}

// TestSpanDistance checks a span's distance from an instant against the
// distance of the times it holds, computed with time.Time's methods, from
// a few nanoseconds to longer than a Duration holds.
func TestSpanDistance(t *testing.T) {
	riyadh := time.FixedZone("AST", 3*60*60)
	base := time.Date(2015, 7, 26, 10, 0, 0, 500, time.UTC)
	var times []time.Time
	for _, d := range []time.Duration{0, 1, -1, 999, time.Second - 1, time.Second + 1, 3 * 24 * time.Hour, -40 * 24 * time.Hour, 200 * 365 * 24 * time.Hour} {
		times = append(times, base.Add(d), base.Add(d).In(riyadh))
	}
	times = append(times, time.Time{}, time.Date(2400, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2600, 1, 1, 0, 0, 0, 7, time.UTC))
	for _, doc := range times {
		for _, first := range times {
			for _, last := range times {
				if last.Before(first) {
					continue
				}
				var want time.Duration
				switch {
				case doc.Before(first):
					want = first.Sub(doc)
				case doc.After(last):
					want = doc.Sub(last)
				}
				if got := spanOf(first, last).distance(instantOf(doc)); got != want {
					t.Fatalf("%v from %v to %v: distance %v, want %v", doc, first, last, got, want)
				}
			}
		}
	}
}
