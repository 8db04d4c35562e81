package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestBenchQuery times the bench queries on a small data directory: a row
// per step, and with --verbose a line per query.
func TestBenchQuery(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	write(t, filepath.Join(dir, "in.jsonl"),
		`{"id":"a","title":"وزير الخارجية في الرياض","text":"التقى وزير الخارجية السعودي في الرياض نظيره اليمني لبحث أسعار النفط."}`+"\n"+
			`{"id":"b","title":"مجلس الوزراء","text":"عقد \"مجلس الوزراء\" جلسته في جدة برئاسة ولي العهد."}`+"\n")
	if code, out, errs := marsad(t, "ingest", "--db", db, filepath.Join(dir, "in.jsonl")); code != 0 {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, errs := marsad(t, "bench", "query", "--db", db, "--rounds", "2", "--verbose")
	if code != 0 {
		t.Fatalf("bench query: exit %d\n%s\n%s", code, out, errs)
	}
	for _, want := range []string{"2 articles indexed", "\nindex ", "\nfetch ", "\nsnippets ", "\nsearch ", "CPU per search "} {
		if !strings.Contains(out, want) {
			t.Errorf("bench query output lacks %q:\n%s", want, out)
		}
	}
	for _, q := range benchQueries {
		if !strings.Contains(out, q) {
			t.Errorf("bench query --verbose output lacks query %s:\n%s", q, out)
		}
	}
	if code, _, _ := marsad(t, "bench", "query", "--db", db, "--rounds", "x"); code != 2 {
		t.Errorf("bench query --rounds x: exit %d, want 2", code)
	}
}

// TestCompactCommand compacts the index of two ingests: searches find the
// same articles after.
func TestCompactCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	write(t, filepath.Join(dir, "a.jsonl"), `{"id":"a","title":"أسعار النفط","text":"ارتفعت أسعار النفط في الأسواق."}`+"\n")
	write(t, filepath.Join(dir, "b.jsonl"), `{"id":"b","title":"النفط والطاقة","text":"قال وزير الطاقة إن إنتاج النفط مستقر."}`+"\n")
	for _, f := range []string{"a.jsonl", "b.jsonl"} {
		if code, out, errs := marsad(t, "ingest", "--db", db, filepath.Join(dir, f)); code != 0 {
			t.Fatalf("ingest %s: exit %d\n%s\n%s", f, code, out, errs)
		}
	}
	before := searchIDs(t, db, "النفط")
	code, out, errs := marsad(t, "compact", "--db", db)
	if code != 0 || !strings.Contains(out, "compacted the index") {
		t.Fatalf("compact: exit %d\n%s\n%s", code, out, errs)
	}
	after := searchIDs(t, db, "النفط")
	if before.Total != 2 || after.Total != before.Total || len(after.Hits) != len(before.Hits) {
		t.Errorf("النفط: %d hits before compact, %d after (want 2)", before.Total, after.Total)
	}
}
