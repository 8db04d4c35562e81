package index

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/search"
)

// sharedCorpus is SaudiNewsNet, read by the tests that need real news.
const sharedCorpus = "../../shared/data/saudinewsnet"

// corpusDocs returns up to n articles of the first file of SaudiNewsNet, or
// skips the test when the corpus is absent.
func corpusDocs(t testing.TB, n int) []Doc {
	t.Helper()
	zips, _ := filepath.Glob(filepath.Join(sharedCorpus, "*.zip"))
	if len(zips) == 0 {
		t.Skipf("SaudiNewsNet not available: it lives in %s", sharedCorpus)
	}
	slices.Sort(zips)
	zr, err := zip.OpenReader(zips[0])
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var docs []Doc
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var rs []struct{ Source, URL, Date_extracted, Title, Content string }
		err = json.NewDecoder(rc).Decode(&rs)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			published, _ := time.Parse("2006-01-02 15:04:05", r.Date_extracted)
			docs = append(docs, Doc{ID: fmt.Sprint(len(docs)), Title: r.Title, Text: r.Content, Source: r.Source, Published: published})
			if len(docs) == n {
				return docs
			}
		}
	}
	return docs
}

// TestInvertedAsBleve indexes the same real articles with Inverted and with
// Bleve, in batches, and checks that queries of every kind the query
// language has (words, name variants, phrases, OR, exclusions, filters)
// find the same articles in both.
func TestInvertedAsBleve(t *testing.T) {
	docs := corpusDocs(t, 1500)
	ctx := context.Background()
	inv, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer inv.Close()
	bl, err := OpenBleve(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer bl.Close()
	for i := 0; i < len(docs); i += 250 {
		batch := docs[i:min(i+250, len(docs))]
		for _, ix := range []Index{inv, bl} {
			if err := ix.Add(ctx, slices.Clone(batch), int64(i+len(batch))); err != nil {
				t.Fatal(err)
			}
		}
		if i == 500 {
			if err := inv.Sync(ctx); err != nil { // one segment on disk, the rest in memory
				t.Fatal(err)
			}
		}
	}
	// Queries made of the titles' words: single words, pairs, quoted
	// phrases, alternatives, exclusions.
	var queries []string
	for i := 0; i < len(docs) && len(queries) < 400; i += 7 {
		w := strings.Fields(docs[i].Title)
		if len(w) < 4 {
			continue
		}
		queries = append(queries, w[0], w[1]+" "+w[2], `"`+w[1]+" "+w[2]+`"`, `"`+strings.Join(w[:4], " ")+`"`,
			w[0]+" OR "+w[3], w[1]+" -"+w[2])
	}
	from := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	compared, found := 0, 0
	for k, q := range queries {
		pq, err := search.Parse(q)
		if err != nil {
			continue
		}
		req := Request{Query: pq}
		switch k % 5 {
		case 3:
			req.Source = docs[k%len(docs)].Source
		case 4:
			req.From, req.To = from, from.AddDate(0, 2, 0)
		}
		want, wn, werr := bl.IDs(ctx, req, 0)
		got, gn, gerr := inv.IDs(ctx, req, 0)
		if (werr == nil) != (gerr == nil) {
			t.Errorf("%q: Inverted error %v, Bleve error %v", q, gerr, werr)
			continue
		}
		if werr != nil {
			continue
		}
		slices.Sort(want)
		slices.Sort(got)
		if wn != gn || !slices.Equal(got, want) {
			t.Errorf("%q (%+v): Inverted finds %d, Bleve %d", q, req.Source, gn, wn)
		}
		compared++
		if gn > 0 {
			found++
		}
	}
	t.Logf("%d queries compared, %d finding articles", compared, found)
	if compared < 200 || found < compared/2 {
		t.Errorf("compared %d queries, %d finding something: too few", compared, found)
	}
}
