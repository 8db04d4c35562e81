package story

import (
	"fmt"
	"os"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNearDuplicateRecall checks, over the whole corpus, that articles
// sharing their first 300 characters are found as copies of one another.
// STORY_DUP_SAMPLE=FILE writes the other pairs found, for reading.
func TestNearDuplicateRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("replays the whole corpus")
	}
	arts := loadDays(t)
	terms := testTerms()
	c := New(DefaultConfig())
	root := map[string]string{}
	for _, a := range arts {
		as := c.Add(a.toDoc(terms))
		if as.DuplicateOf != "" {
			root[a.URL] = as.DuplicateOf
		} else {
			root[a.URL] = a.URL
		}
	}
	groups := map[string][]rawArticle{}
	byID := map[string]rawArticle{}
	for _, a := range arts {
		byID[a.URL] = a
		r := []rune(a.Content)
		if len(r) > 300 {
			r = r[:300]
		}
		if k := strings.TrimSpace(string(r)); k != "" {
			groups[k] = append(groups[k], a)
		}
	}
	inGroup := map[[2]string]bool{}
	ng, pairs, found := 0, 0, 0
	for _, g := range groups {
		if len(g) < 2 {
			continue
		}
		ng++
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				pairs++
				inGroup[[2]string{g[i].URL, g[j].URL}] = true
				inGroup[[2]string{g[j].URL, g[i].URL}] = true
				if root[g[i].URL] == root[g[j].URL] {
					found++
				}
			}
		}
	}
	// Predicted pairs (each copy with its original) outside the groups.
	var other [][2]string
	predicted := 0
	for id, r := range root {
		if r == id {
			continue
		}
		predicted++
		if !inGroup[[2]string{id, r}] {
			other = append(other, [2]string{r, id})
		}
	}
	recall := float64(found) / float64(max(1, pairs))
	t.Logf("%d groups sharing their first 300 characters, %d pairs, %d found: recall %.3f", ng, pairs, found, recall)
	t.Logf("%d articles marked as copies, %d of them outside those groups", predicted, len(other))
	if recall < 0.95 {
		t.Errorf("near-duplicate recall %.3f < 0.95", recall)
	}
	if out := os.Getenv("STORY_DUP_SAMPLE"); out != "" {
		sort.Slice(other, func(i, j int) bool { return idSHA1(other[i][1]) < idSHA1(other[j][1]) })
		f, err := os.Create(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		clipRunes := func(s string, n int) string {
			r := []rune(strings.Join(strings.Fields(s), " "))
			if len(r) > n {
				r = r[:n]
			}
			return string(r)
		}
		for _, p := range other {
			a, b := byID[p[0]], byID[p[1]]
			fmt.Fprintf(f, "== %s %s | %s %s (%d vs %d runes)\n  A %s | %s\n  B %s | %s\n", a.Source, a.DateExtracted, b.Source, b.DateExtracted,
				len([]rune(a.Content)), len([]rune(b.Content)), a.Title, clipRunes(a.Content, 200), b.Title, clipRunes(b.Content, 200))
		}
	}
}

// TestPrinter checks that a document given its Print ahead is put where
// it goes without, and that a Print computed with other settings is
// ignored.
func TestPrinter(t *testing.T) {
	other := DefaultConfig()
	other.Shingle = 2
	docs := stream(300)
	for _, cfg := range []Config{DefaultConfig(), {}, other} {
		c, without := New(DefaultConfig()), New(DefaultConfig())
		pr := NewPrinter(cfg)
		for _, d := range docs {
			want := without.Add(d)
			rec := c.s.fingerprint(d, d.Published)
			d.Print = pr.Print(d.Terms)
			if got := c.s.fingerprint(d, d.Published); got != rec {
				t.Fatalf("config %+v, doc %s: the record with its Print differs", cfg, d.ID)
			}
			if cfg.Shingle != 0 && cfg.Shingle != c.Config().Shingle && rec.HasSig && d.Print.sig == rec.Sig {
				t.Fatalf("doc %s: the signatures of other settings are the same", d.ID)
			}
			if got := c.Add(d); got != want {
				t.Fatalf("config %+v, doc %s: with its Print in %+v, without %+v", cfg, d.ID, got, want)
			}
		}
	}
}

// TestPrintDoc checks that the distinct terms a Print of PrintDoc carries
// give every document the vector it gets without them (the same story, the
// same centroids and document frequencies), with a title weight whose
// sums are not whole numbers too, and with the terms numbered (StemIDs)
// or not.
func TestPrintDoc(t *testing.T) {
	odd := DefaultConfig()
	odd.TitleWeight = 0.7
	number := termNumbers()
	for _, cfg := range []Config{DefaultConfig(), odd} {
		c, numbered, without := New(cfg), New(cfg), New(cfg)
		pr := NewPrinter(cfg)
		for _, d := range stream(300) {
			d.Terms = append(d.Terms, d.Terms[:len(d.Terms)/3]...) // repeats
			want := without.Add(d)
			nd := d
			nd.StemIDs = number(d.Terms)
			nd.Print = pr.PrintDoc(&nd)
			if got := numbered.Add(nd); got != want {
				t.Fatalf("title weight %v, doc %s: with its terms numbered in %+v, without %+v", cfg.TitleWeight, d.ID, got, want)
			}
			d.Print = pr.PrintDoc(&d)
			if d.Print.bag == nil {
				t.Fatalf("doc %s: no distinct terms", d.ID)
			}
			checkBag(t, &d, d.Print.bag)
			withFirsts := d
			withFirsts.Firsts = firsts(d.Terms)
			if got := pr.PrintDoc(&withFirsts).bag; !slices.Equal(got, d.Print.bag) {
				t.Fatalf("doc %s: distinct terms from Firsts %v, from the terms %v", d.ID, got, d.Print.bag)
			}
			// Firsts are of no use to a title that is not a prefix of the terms.
			moved := withFirsts
			moved.TitleTerms = slices.Concat(d.TitleTerms[1:], d.TitleTerms[:1])
			plain := moved
			plain.Firsts = nil
			if got, want := pr.PrintDoc(&moved).bag, pr.PrintDoc(&plain).bag; len(d.TitleTerms) > 1 && !slices.Equal(got, want) {
				t.Fatalf("doc %s: distinct terms with a moved title from Firsts %v, from the terms %v", d.ID, got, want)
			}
			if got := c.Add(d); got != want {
				t.Fatalf("title weight %v, doc %s: with its distinct terms in %+v, without %+v", cfg.TitleWeight, d.ID, got, want)
			}
			// A title term that the text lacks is counted under its own
			// spelling.
			extra := d
			extra.TitleTerms = append(slices.Clone(d.TitleTerms), "عنوان"+d.ID)
			checkBag(t, &extra, pr.PrintDoc(&extra).bag)
			short := Doc{Terms: d.Terms[:1], Print: d.Print}
			if _, ok := short.bag(); ok && len(d.Print.bag) > 1 {
				t.Fatalf("doc %s: its distinct terms fit a document of its first term", d.ID)
			}
		}
		for _, c := range []*Clusterer{c, numbered} {
			if !slices.Equal(c.s.DF, without.s.DF) || !slices.Equal(c.s.Names, without.s.Names) {
				t.Fatalf("title weight %v: the vocabularies differ", cfg.TitleWeight)
			}
			for i, st := range c.s.Stories {
				if !slices.Equal(st.Centroid, without.s.Stories[i].Centroid) {
					t.Fatalf("title weight %v: story %s: centroid %v, without distinct terms %v", cfg.TitleWeight, st.ID, st.Centroid, without.s.Stories[i].Centroid)
				}
			}
		}
		if len(numbered.s.byStem) == 0 {
			t.Fatalf("title weight %v: no term was found by its number", cfg.TitleWeight)
		}
	}
}

// TestPackedTerm checks that a bagTerm whose fields fit comes back from
// its packedTerm, its number 0 when termFeature would ignore it, and that
// PrintDoc gives no distinct terms to a document with a count that does
// not fit, which Add then counts one by one, as it would without a Print.
func TestPackedTerm(t *testing.T) {
	const pos, count = 1<<posBits - 1, 1<<countBits - 1
	for _, b := range []bagTerm{
		{}, {at: 1, text: 2, title: 3, stem: 4},
		{at: pos, text: count, title: count, stem: maxStemNumber - 1},
		{at: pos, text: 0, title: count, stem: 0},
		{at: 0, text: count, title: 0, stem: maxStemNumber},
		{at: 12345, text: 7, title: 1, stem: 1<<32 - 1},
	} {
		p, ok := b.pack()
		want := b
		if want.stem >= maxStemNumber {
			want.stem = 0
		}
		if got := p.unpack(); !ok || got != want {
			t.Errorf("%+v: packed %#x, %v, unpacked %+v", b, p, ok, got)
		}
	}
	for _, b := range []bagTerm{{at: pos + 1}, {text: count + 1}, {title: count + 1}, {at: 1 << 31, text: 1 << 31, title: 1 << 31}} {
		if p, ok := b.pack(); ok {
			t.Errorf("%+v: packed %#x", b, p)
		}
	}
	cfg := DefaultConfig()
	long := Doc{ID: "long", Terms: slices.Repeat([]string{"بيان", "وزارة"}, count+1), TitleTerms: []string{"بيان"}, Published: time.Unix(1e9, 0)}
	long.Print = NewPrinter(cfg).PrintDoc(&long)
	if _, ok := long.bag(); ok {
		t.Fatalf("distinct terms counted %d times each", count+1)
	}
	with, without := New(cfg), New(cfg)
	plain := long
	plain.Print = nil
	with.Add(long)
	without.Add(plain)
	if !slices.Equal(with.s.Stories[0].Centroid, without.s.Stories[0].Centroid) {
		t.Errorf("centroid %v, without a Print %v", with.s.Stories[0].Centroid, without.s.Stories[0].Centroid)
	}
}

// checkBag checks bag against its definition: one entry per distinct
// term of d, each naming the term (Doc.term) with its counts in Terms and
// TitleTerms.
func checkBag(t *testing.T, d *Doc, bag []packedTerm) {
	t.Helper()
	counts := map[string][2]uint32{}
	for k, terms := range [2][]string{d.Terms, d.TitleTerms} {
		for _, w := range terms {
			if w != "" {
				c := counts[w]
				c[k]++
				counts[w] = c
			}
		}
	}
	seen := map[string]bool{}
	for _, pb := range bag {
		b := pb.unpack()
		w := d.term(b.at)
		if seen[w] {
			t.Fatalf("doc %s: %q twice in its distinct terms", d.ID, w)
		}
		seen[w] = true
		if c := counts[w]; c != [2]uint32{b.text, b.title} {
			t.Fatalf("doc %s: %q counted %d in the text and %d in the title, want %d and %d", d.ID, w, b.text, b.title, c[0], c[1])
		}
	}
	if len(seen) != len(counts) {
		t.Fatalf("doc %s: %d distinct terms, want %d", d.ID, len(seen), len(counts))
	}
}

// termNumbers returns a function giving Doc.StemIDs of terms: every term
// a number of its own the first time it is seen, but one in three none
// (0) and one in seven a number too large to be kept.
func termNumbers() func(terms []string) []uint32 {
	seen := map[string]uint32{}
	return func(terms []string) []uint32 {
		var out []uint32
		for _, t := range terms {
			n, ok := seen[t]
			if !ok {
				switch k := uint32(len(seen)); {
				case k%3 == 0:
				case k%7 == 0:
					n = maxStemNumber + k
				default:
					n = k
				}
				seen[t] = n
			}
			out = append(out, n)
		}
		return out
	}
}

// firsts returns Doc.Firsts of terms, computed the plain way.
func firsts(terms []string) []int32 {
	out := make([]int32, len(terms))
	for i, t := range terms {
		out[i] = int32(slices.Index(terms, t))
	}
	return out
}

// TestRecentRing checks that a window of documents pushed and dropped in
// a ring, growing and shrinking, holds them in order with their links,
// in no more chunks than they fill.
func TestRecentRing(t *testing.T) {
	var w recentRing
	var want []int // documents held, oldest first
	next := 0
	for step := range 3000 {
		// Grow to 2,000 documents, then shrink to 10, then grow again.
		push := step < 1000 || step >= 2000
		for range 3 {
			if push {
				w.push(&recent{ID: strconv.Itoa(next), LeadLen: next})
				for j := range bucketSlots {
					*w.link(w.n-1, j) = int64(next*bucketSlots + j)
				}
				want = append(want, next)
				next++
			}
			if (!push || step%2 == 1) && len(want) > 10 {
				w.drop()
				want = want[1:]
			}
		}
		if w.n != len(want) {
			t.Fatalf("step %d: %d documents, want %d", step, w.n, len(want))
		}
		for i, d := range want {
			if r := w.at(i); r.LeadLen != d || r.ID != strconv.Itoa(d) {
				t.Fatalf("step %d: document %d is %d (id %q), want %d", step, i, r.LeadLen, r.ID, d)
			}
			for j := range bucketSlots {
				if l := *w.link(i, j); l != int64(d*bucketSlots+j) {
					t.Fatalf("step %d: link %d of document %d is %d", step, j, d, l)
				}
			}
		}
		if w.head >= ringChunk || (w.head+w.n+ringChunk-1)/ringChunk != len(w.chunks) {
			t.Fatalf("step %d: %d documents from place %d in %d chunks", step, w.n, w.head, len(w.chunks))
		}
	}
}

// TestShingleHashes checks appendShingleHashes against its definition,
// FNV-1a of each shingle's words each followed by 0xff, for shingles of
// several lengths and texts shorter and longer than a shingle.
func TestShingleHashes(t *testing.T) {
	def := func(terms []string, k int) []uint64 {
		var out []uint64
		if len(terms) == 0 {
			return out
		}
		k = min(max(k, 1), len(terms))
		for i := 0; i+k <= len(terms); i++ {
			h := uint64(fnvOffset)
			for _, w := range terms[i : i+k] {
				for _, c := range []byte(w + "\xff") {
					h = (h ^ uint64(c)) * fnvPrime
				}
			}
			out = append(out, h)
		}
		return out
	}
	words := strings.Fields("كرملين حوار واشنطن a bb كرملين ccc حوار d")
	for k := range 6 {
		for n := range len(words) + 1 {
			want := def(words[:n], k)
			got := appendShingleHashes([]uint64{7}, words[:n], k)
			if got[0] != 7 || !slices.Equal(got[1:], want) {
				t.Fatalf("k %d, %d terms: hashes %v, want 7 then %v", k, n, got, want)
			}
		}
	}
}
