package ingest

import (
	"archive/zip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seeds is the folder of the specimen articles in ../shared.
const seeds = "../../shared/seeds"

func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	if len(files) == 0 {
		t.Skipf("no seeds in %s: they live in ../shared/seeds", seeds)
	}
	items := collect(t, seeds, Options{})
	if len(items) != len(files) {
		t.Fatalf("read %d items from %d files", len(items), len(files))
	}
	if n := Count(seeds, Options{}); n != len(files) {
		t.Errorf("Count = %d, want %d", n, len(files))
	}
	for i, it := range items {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		content := strings.ReplaceAll(readFile(t, files[i]), "\r\n", "\n")
		a := it.Article
		id := strings.TrimSuffix(filepath.Base(files[i]), ".txt")
		lead, _, _ := strings.Cut(strings.TrimSpace(content), "\n")
		switch {
		case a.ID != id:
			t.Errorf("%s: ID %q, want %q", files[i], a.ID, id)
		case a.Text != content:
			t.Errorf("%s: text is not the file's content", files[i])
		case a.Title != strings.TrimSpace(lead):
			t.Errorf("%s: title %q, want the lead %q", files[i], a.Title, lead)
		case !a.Published.IsZero() || a.URL != "" || a.Source != "":
			t.Errorf("%s: metadata invented: %+v", files[i], a)
		}
	}
}

// TestSaudiNewsNet reads one day of SaudiNewsNet with its field names and
// checks it against an independent decoding of the same file.
func TestSaudiNewsNet(t *testing.T) {
	p := filepath.Join(saudiNewsNet, "2015-07-21.zip")
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Skipf("SaudiNewsNet not available (%v): it lives in ../shared/data/saudinewsnet", err)
	}
	defer zr.Close()
	type record struct{ Source, URL, Date_extracted, Title, Content string }
	var records []record
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		var rs []record
		if err := json.NewDecoder(rc).Decode(&rs); err != nil {
			t.Fatal(err)
		}
		rc.Close()
		records = append(records, rs...)
	}

	items := collect(t, p, saudiNewsNetOptions)
	if len(items) != len(records) {
		t.Fatalf("read %d items, the file holds %d records", len(items), len(records))
	}
	if n := Count(p, saudiNewsNetOptions); n != len(records) {
		t.Errorf("Count = %d, want %d", n, len(records))
	}
	ok := 0
	for i, it := range items {
		r := records[i]
		if strings.TrimSpace(r.Content) == "" {
			if !errors.Is(it.Err, ErrNoText) {
				t.Errorf("%s: empty content gave %v", it.Origin, it.Err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: %v", it.Origin, it.Err)
			continue
		}
		ok++
		a := it.Article
		if a.ID != r.URL || a.URL != r.URL || a.Source != r.Source || a.Title != strings.TrimSpace(r.Title) ||
			a.Text != strings.ReplaceAll(r.Content, "\r\n", "\n") {
			t.Errorf("%s: article differs from its record", it.Origin)
		}
		if got := a.Published.Format("2006-01-02 15:04:05"); got != r.Date_extracted {
			t.Errorf("%s: published %s, want %s", it.Origin, got, r.Date_extracted)
		}
	}
	t.Logf("%s: %d records, %d articles", p, len(records), ok)
	if ok < len(records)*9/10 {
		t.Errorf("only %d of %d records read as articles", ok, len(records))
	}
}

// TestSaudiNewsNetAll counts the whole corpus (skipped with -short).
func TestSaudiNewsNetAll(t *testing.T) {
	if testing.Short() {
		t.Skip("whole corpus skipped with -short")
	}
	if _, err := os.Stat(saudiNewsNet); err != nil {
		t.Skipf("SaudiNewsNet not available (%v)", err)
	}
	ok, failed := 0, 0
	for _, it := range collect(t, saudiNewsNet, saudiNewsNetOptions) {
		if it.Err != nil {
			failed++
			if !errors.Is(it.Err, ErrNoText) {
				t.Errorf("%v", it.Err)
			}
			continue
		}
		ok++
	}
	t.Logf("SaudiNewsNet: %d articles, %d records without text", ok, failed)
	if n := Count(saudiNewsNet, saudiNewsNetOptions); n != ok+failed {
		t.Errorf("Count = %d, read %d items", n, ok+failed)
	}
}
