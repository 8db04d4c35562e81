package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// The crash test runs this test binary as "marsad" in a child process.
	if os.Getenv("MARSAD_TEST_MAIN") == "1" {
		main()
	}
	os.Exit(m.Run())
}

// marsad runs a command in process and returns its exit status and output.
func marsad(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

type searchJSON struct {
	Total int `json:"total"`
	Hits  []struct {
		ID        string  `json:"id"`
		Score     float64 `json:"score"`
		Published *string `json:"published"`
		Source    string  `json:"source"`
		Title     string  `json:"title"`
		Snippet   string  `json:"snippet"`
	} `json:"hits"`
}

func searchIDs(t *testing.T, db string, args ...string) searchJSON {
	t.Helper()
	code, out, errs := marsad(t, append([]string{"search", "--db", db, "--json"}, args...)...)
	if code != 0 {
		t.Fatalf("search %v: exit %d: %s", args, code, errs)
	}
	var r searchJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("search %v: %v\n%s", args, err, out)
	}
	return r
}

func TestIngestFormats(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	in := filepath.Join(dir, "in")
	write(t, filepath.Join(in, "txt", "a1.txt"), "الكرملين يرحب بالحوار\nقال المتحدث باسم الكرملين إن الحوار مع واشنطن ممكن.\n")
	write(t, filepath.Join(in, "txt", "a2.txt"), "أمطار غزيرة في جدة\nهطلت أمطار غزيرة على مدينة جدة اليوم.\n")
	write(t, filepath.Join(in, "dump.jsonl"),
		`{"id":"j1","url":"https://example.org/1","source":"وكالة","title":"ارتفاع أسعار القهوة","published":"2024-11-08","text":"ارتفعت أسعار القهوة في الأسواق."}`+"\n"+
			`{"id":"j2","source":"صحيفة","title":"افتتاح متحف","published":"2021-03-19","text":"افتتح متحف جديد للخط العربي في القاهرة."}`+"\n")
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	w, _ := zw.Create("inner.jsonl")
	fmt.Fprintln(w, `{"id":"z1","title":"سباق الهجن","text":"انطلق سباق الهجن السنوي في الصحراء."}`)
	zw.Close()
	write(t, filepath.Join(in, "arch.zip"), zb.String())
	write(t, filepath.Join(in, "feed.rss"), `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار</title>
<item><title>مهرجان التمور</title><link>https://example.org/feed/1</link><description>بدأ مهرجان التمور في القصيم بمشاركة واسعة.</description><pubDate>Mon, 20 Jul 2026 10:00:00 GMT</pubDate></item>
</channel></rss>`)
	write(t, filepath.Join(in, "page.html"), `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>معرض الكتاب</title></head><body>
<nav>الرئيسية | أخبار | رياضة</nav><article><h1>معرض الكتاب يفتح أبوابه</h1><p>فتح معرض الكتاب الدولي أبوابه للزوار اليوم بمشاركة مئات الناشرين من الدول العربية.</p>
<p>ويستمر المعرض عشرة أيام تقام خلالها ندوات عن الأدب والترجمة.</p></article><footer>جميع الحقوق محفوظة</footer></body></html>`)
	code, out, errs := marsad(t, "ingest", "--db", db, filepath.Join(in, "txt"), filepath.Join(in, "dump.jsonl"),
		filepath.Join(in, "arch.zip"), filepath.Join(in, "feed.rss"), filepath.Join(in, "page.html"))
	if code != 0 || !strings.Contains(out, "added 7, already present 0, duplicates 0, failed 0") {
		t.Fatalf("ingest: exit %d\n%s\n%s", code, out, errs)
	}
	// Mapped field names, a JSON array.
	write(t, filepath.Join(in, "other.json"), `[{"link":"https://example.org/x","site":"موقع","headline":"تدشين قطار","when":"2025-01-05 08:00:00","body":"دشنت الحكومة قطارا جديدا بين المدن."}]`)
	code, out, errs = marsad(t, "ingest", "--db", db, "--id-field", "link", "--url-field", "link", "--source-field", "site",
		"--title-field", "headline", "--date-field", "when", "--text-field", "body", filepath.Join(in, "other.json"))
	if code != 0 || !strings.Contains(out, "added 1,") {
		t.Fatalf("ingest mapped: exit %d\n%s\n%s", code, out, errs)
	}
	for q, want := range map[string]string{
		"الحوار": "a1", "جدة": "a2", "القهوة": "j1", "الهجن": "z1", "التمور": "", "الناشرين": "", "قطار": "https://example.org/x",
	} {
		r := searchIDs(t, db, q)
		if r.Total != 1 || (want != "" && r.Hits[0].ID != want) {
			t.Errorf("search %s: %+v, want %q", q, r, want)
		}
	}
	if r := searchIDs(t, db, "الرئيسية"); r.Total != 0 {
		t.Errorf("HTML boilerplate indexed: %+v", r)
	}
	r := searchIDs(t, db, "قطار")
	if h := r.Hits[0]; h.Source != "موقع" || h.Published == nil || *h.Published != "2025-01-05" || !strings.Contains(h.Snippet, "<mark>قطارا</mark>") {
		t.Errorf("mapped hit: %+v", h)
	}
	// Re-ingesting changes nothing.
	code, out, _ = marsad(t, "ingest", "--db", db, filepath.Join(in, "txt"), filepath.Join(in, "dump.jsonl"))
	if code != 0 || !strings.Contains(out, "added 0, already present 4, duplicates 0, failed 0") {
		t.Errorf("re-ingest: exit %d, %s", code, out)
	}
	// A copy of a text under another id is a duplicate.
	write(t, filepath.Join(in, "copy", "a1-copy.txt"), "الكرملين يرحب بالحوار\nقال المتحدث باسم الكرملين إن الحوار مع واشنطن ممكن.\n")
	code, out, _ = marsad(t, "ingest", "--db", db, filepath.Join(in, "copy"))
	if code != 0 || !strings.Contains(out, "added 0, already present 0, duplicates 1, failed 0") {
		t.Errorf("duplicate: exit %d, %s", code, out)
	}
	// Filters, sort and stats.
	if r := searchIDs(t, db, "أسعار OR متحف", "--from", "2022-01-01"); r.Total != 1 || r.Hits[0].ID != "j1" {
		t.Errorf("--from: %+v", r)
	}
	if r := searchIDs(t, db, "أسعار OR متحف", "--to", "2021-03-19"); r.Total != 1 || r.Hits[0].ID != "j2" {
		t.Errorf("--to: %+v", r)
	}
	if r := searchIDs(t, db, "أسعار OR متحف", "--source", "صحيفة"); r.Total != 1 || r.Hits[0].ID != "j2" {
		t.Errorf("--source: %+v", r)
	}
	if r := searchIDs(t, db, "أسعار OR متحف", "--sort", "date"); r.Total != 2 || r.Hits[0].ID != "j1" {
		t.Errorf("--sort date: %+v", r)
	}
	code, out, _ = marsad(t, "stats", "--db", db, "--json")
	var st struct {
		Articles   int            `json:"articles"`
		Duplicates int            `json:"duplicates"`
		Sources    map[string]int `json:"sources"`
		First      *string        `json:"first"`
		Last       *string        `json:"last"`
	}
	if err := json.Unmarshal([]byte(out), &st); code != 0 || err != nil {
		t.Fatalf("stats: %d %v %s", code, err, out)
	}
	if st.Articles != 8 || st.Duplicates != 1 || st.Sources["صحيفة"] != 1 || st.First == nil || *st.First != "2021-03-19" {
		t.Errorf("stats: %+v", st)
	}
}

func TestSearchBadQueries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	for _, args := range [][]string{
		{`"الحوار مع`}, {""}, {"OR"}, {"-موسكو"}, {"في"},
		{"الحوار", "--from", "19-03-2021"}, {"الحوار", "--sort", "size"},
	} {
		code, out, errs := marsad(t, append([]string{"search", "--db", db}, args...)...)
		if code != 2 || out != "" || !strings.HasPrefix(errs, "marsad search: ") || strings.Contains(errs, "goroutine") {
			t.Errorf("search %q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

func TestIngestBadInputs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	in := filepath.Join(dir, "in")
	write(t, filepath.Join(in, "good.txt"), "خبر سليم\nهذا خبر سليم عن الزراعة.\n")
	write(t, filepath.Join(in, "empty.txt"), "")
	write(t, filepath.Join(in, "binary.txt"), "\x00\x01\x02\x03\xff\xfe\x00\x00ELF")
	write(t, filepath.Join(in, "bad-utf8.txt"), "خبر \xff\xfe مكسور")
	write(t, filepath.Join(in, "lines.jsonl"), `{"id":"l1","title":"سطر أول","text":"نص عن الفلك."}`+"\n"+`{"id":"l2","text": broken`+"\n"+`{"id":"l3","title":"سطر ثالث","text":"نص عن البحار."}`+"\n")
	write(t, filepath.Join(in, "feed.rss"), "this is not XML at all")
	code, out, errs := marsad(t, "ingest", "--db", db, in, "http://127.0.0.1:1/feed.xml")
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(out, "added 3,") || !strings.Contains(out, "failed 6") {
		t.Errorf("summary: %s\nstderr: %s", out, errs)
	}
	for _, want := range []string{"empty.txt", "binary.txt", "bad-utf8.txt", "lines.jsonl:2", "feed.rss", "127.0.0.1:1"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for _, q := range []string{"الزراعة", "الفلك", "البحار"} {
		if r := searchIDs(t, db, q); r.Total != 1 {
			t.Errorf("search %s: %+v", q, r)
		}
	}
}

// bigJSONL writes n distinct synthetic articles, one per line.
func bigJSONL(t *testing.T, path string, n int) {
	words := strings.Fields("الحكومة الوزير المدينة السوق الطاقة المدرسة المستشفى الطريق الميناء المطار الجامعة المصنع المزرعة الملعب المتحف")
	var b strings.Builder
	for i := range n {
		var text strings.Builder
		for j := range 120 {
			text.WriteString(words[(i*7+j*j)%len(words)])
			text.WriteByte(' ')
		}
		fmt.Fprintf(&text, "والرقم %d", i)
		rec := map[string]string{"id": fmt.Sprintf("b%05d", i), "title": fmt.Sprintf("الخبر %d", i), "text": text.String()}
		line, _ := json.Marshal(rec)
		b.Write(line)
		b.WriteByte('\n')
	}
	write(t, path, b.String())
}

// TestIngestKilled kills an ingest with SIGKILL midway, then ingests again:
// nothing is lost or duplicated and search works.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a child process")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	src := filepath.Join(dir, "big.jsonl")
	const n = 4000
	bigJSONL(t, src, n)
	wal := filepath.Join(db, "articles.db-wal")
	// Kill once early in the first batches, once well into the ingest.
	for round, walBytes := range []int64{50 << 10, 2 << 20} {
		cmd := exec.Command(exe, "ingest", "--db", db, "--batch", "200", src)
		cmd.Env = append(os.Environ(), "MARSAD_TEST_MAIN=1")
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			if fi, err := os.Stat(wal); err == nil && fi.Size() >= walBytes {
				break
			}
		}
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Logf("round %d: kill: %v", round, err)
		}
		_ = cmd.Wait()
		t.Logf("round %d: killed: %s", round, strings.TrimSpace(out.String()))
	}
	code, out, errs := marsad(t, "ingest", "--db", db, src)
	if code != 0 {
		t.Fatalf("ingest after kill: exit %d\n%s\n%s", code, out, errs)
	}
	var added, present, dups, failed int
	if _, err := fmt.Sscanf(out, "added %d, already present %d, duplicates %d, failed %d", &added, &present, &dups, &failed); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if added+present != n || dups != 0 || failed != 0 {
		t.Errorf("after kill: %s", out)
	}
	if added == 0 || present == 0 {
		t.Errorf("the kills did not happen midway: %s", out)
	}
	t.Logf("resumed: %s", strings.TrimSpace(out))
	_, out, _ = marsad(t, "stats", "--db", db, "--json")
	var st struct{ Articles, Duplicates int }
	if err := json.Unmarshal([]byte(out), &st); err != nil || st.Articles != n || st.Duplicates != 0 {
		t.Errorf("stats after kill: %s (%v)", out, err)
	}
	for _, i := range []int{0, n / 2, n - 1} {
		if r := searchIDs(t, db, fmt.Sprintf(`"الخبر %d"`, i)); r.Total != 1 || r.Hits[0].ID != fmt.Sprintf("b%05d", i) {
			t.Errorf("article %d after kill: %+v", i, r)
		}
	}
	if r := searchIDs(t, db, "الميناء", "--limit", "1"); r.Total < n/4 {
		t.Errorf("search after kill: total %d", r.Total)
	}
}

func TestSearchExclusionArgs(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	write(t, filepath.Join(dir, "in", "a.txt"), "الكرملين وموسكو\nقال الكرملين في موسكو إن الحوار ممكن.\n")
	write(t, filepath.Join(dir, "in", "b.txt"), "الكرملين والبيت الأبيض\nقال الكرملين إن الحوار مع واشنطن ممكن.\n")
	if code, out, errs := marsad(t, "ingest", "--db", db, filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("ingest: %d %s %s", code, out, errs)
	}
	// Unquoted in the shell: each word is an argument; -موسكو is not a flag.
	code, out, errs := marsad(t, "search", "الكرملين", "-موسكو", "--db", db, "--json")
	var r searchJSON
	if err := json.Unmarshal([]byte(out), &r); code != 0 || err != nil || r.Total != 1 || r.Hits[0].ID != "b" {
		t.Errorf("exclusion argument: %d %s %s", code, out, errs)
	}
	if r := searchIDs(t, db, "الكرملين -موسكو"); r.Total != 1 || r.Hits[0].ID != "b" {
		t.Errorf("exclusion in one argument: %+v", r)
	}
}

// TestTuneGCForIngest checks that an ingest sets the collector's target and
// soft memory limit unless the environment sets them, and restores them.
func TestTuneGCForIngest(t *testing.T) {
	gcPercent := func() int {
		p := debug.SetGCPercent(100)
		debug.SetGCPercent(p)
		return p
	}
	p0, l0 := gcPercent(), debug.SetMemoryLimit(-1)
	for _, tc := range []struct {
		env           map[string]string
		percent       int
		limit, limit2 int64
	}{
		{nil, ingestGCPercent, ingestMemoryLimit, ingestMemoryLimit},
		{map[string]string{"GOGC": "80"}, p0, ingestMemoryLimit, ingestMemoryLimit},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, ingestGCPercent, l0, l0},
	} {
		e := &env{getenv: func(k string) string { return tc.env[k] }}
		restore := tuneGCForIngest(e)
		if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != tc.percent || l < tc.limit {
			t.Errorf("env %v: during the ingest GOGC %d, limit %d; want %d, at least %d", tc.env, p, l, tc.percent, tc.limit)
		}
		restore()
		if p, l := gcPercent(), debug.SetMemoryLimit(-1); p != p0 || l != l0 {
			t.Errorf("env %v: after the ingest GOGC %d, limit %d; want %d, %d", tc.env, p, l, p0, l0)
		}
	}
}
