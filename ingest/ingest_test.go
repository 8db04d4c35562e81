package ingest

import (
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// want is what one item read from a source must be. Empty fields are not
// checked, except that an item with err == "" must have no error.
type want struct {
	origin    string // suffix of Item.Origin
	err       string // substring of the error message; "" for an article
	errIs     error  // sentinel the error wraps
	id        string
	title     string
	url       string
	source    string
	published string // RFC 3339, "zero" for none
	text      string // exact text
	textHas   []string
	textLacks []string
}

// collect reads src and returns its items, failing on an item that is
// neither an article nor an error.
func collect(t testing.TB, src string, opts Options) []Item {
	t.Helper()
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	var items []Item
	for it := range Read(context.Background(), src, opts) {
		checkItem(t, it)
		items = append(items, it)
	}
	return items
}

// checkItem checks the invariants of every item: an error names its
// origin; an article has an ID and valid UTF-8 text.
func checkItem(t testing.TB, it Item) {
	t.Helper()
	if it.Err != nil {
		if !strings.Contains(it.Err.Error(), it.Origin) {
			t.Errorf("error %q does not name its origin %q", it.Err, it.Origin)
		}
		return
	}
	a := it.Article
	if a.ID == "" || strings.TrimSpace(a.Text) == "" {
		t.Errorf("%s: article without ID or text: %+v", it.Origin, a)
	}
	for _, s := range []string{a.ID, a.URL, a.Source, a.Title, a.Text} {
		if !utf8.ValidString(s) {
			t.Errorf("%s: invalid UTF-8 in article: %q", it.Origin, s)
		}
	}
	if strings.Contains(a.Text, "\r") {
		t.Errorf("%s: CR left in text", it.Origin)
	}
	if a.Title != strings.TrimSpace(a.Title) {
		t.Errorf("%s: title not trimmed: %q", it.Origin, a.Title)
	}
}

func checkWants(t *testing.T, items []Item, wants []want) {
	t.Helper()
	if len(items) != len(wants) {
		for _, it := range items {
			t.Logf("  %s err=%v id=%q title=%q", it.Origin, it.Err, it.Article.ID, it.Article.Title)
		}
		t.Fatalf("got %d items, want %d", len(items), len(wants))
	}
	for i, w := range wants {
		it := items[i]
		a := it.Article
		if !strings.HasSuffix(it.Origin, w.origin) {
			t.Errorf("item %d: origin %q, want suffix %q", i, it.Origin, w.origin)
		}
		if w.err != "" || w.errIs != nil {
			if it.Err == nil {
				t.Errorf("%s: got article %q, want error %q", it.Origin, a.ID, w.err)
				continue
			}
			if !strings.Contains(it.Err.Error(), w.err) {
				t.Errorf("%s: error %q, want it to contain %q", it.Origin, it.Err, w.err)
			}
			if w.errIs != nil && !errors.Is(it.Err, w.errIs) {
				t.Errorf("%s: error %q is not %v", it.Origin, it.Err, w.errIs)
			}
			var e *Error
			if !errors.As(it.Err, &e) || e.Origin != it.Origin {
				t.Errorf("%s: error %v is not an *Error with the item's origin", it.Origin, it.Err)
			}
			continue
		}
		if it.Err != nil {
			t.Errorf("%s: unexpected error %v", it.Origin, it.Err)
			continue
		}
		check := func(field, got, want string) {
			if want != "" && got != want {
				t.Errorf("%s: %s = %q, want %q", it.Origin, field, got, want)
			}
		}
		check("id", a.ID, w.id)
		check("title", a.Title, w.title)
		check("url", a.URL, w.url)
		check("source", a.Source, w.source)
		check("text", a.Text, w.text)
		switch w.published {
		case "":
		case "zero":
			if !a.Published.IsZero() {
				t.Errorf("%s: published %v, want none", it.Origin, a.Published)
			}
		default:
			p, err := time.Parse(time.RFC3339, w.published)
			if err != nil {
				t.Fatal(err)
			}
			if !a.Published.Equal(p) {
				t.Errorf("%s: published %v, want %v", it.Origin, a.Published, p)
			}
		}
		for _, s := range w.textHas {
			if !strings.Contains(a.Text, s) {
				t.Errorf("%s: text lacks %q:\n%s", it.Origin, s, a.Text)
			}
		}
		for _, s := range w.textLacks {
			if strings.Contains(a.Text+a.Title, s) {
				t.Errorf("%s: text has %q:\n%s", it.Origin, s, a.Text)
			}
		}
	}
}

func sha16(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])[:16]
}

func readFile(t testing.TB, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadFormats(t *testing.T) {
	port := readFile(t, "testdata/txt/port.txt")
	snn := Options{IDField: "url", TextField: "content", DateField: "date_extracted"}
	tests := []struct {
		name  string
		src   string
		opts  Options
		wants []want
	}{
		{"txt file", "testdata/txt/port.txt", Options{}, []want{{
			origin: "testdata/txt/port.txt", id: "port",
			title: "افتتاح المرحلة الأولى من ميناء جازان الجديد", text: port, published: "zero",
		}}},
		{"txt CRLF, leading blank line", "testdata/txt/rain.txt", Options{}, []want{{
			id: "rain", title: "أمطار غزيرة على مكة المكرمة",
			text: "  \nأمطار غزيرة على مكة المكرمة\nمكة المكرمة، الخميس - شهدت مكة المكرمة أمس الأربعاء أمطاراً غزيرة، وأعلن الدفاع المدني رفع درجة الاستعداد.\n",
		}}},
		{"txt folder", "testdata/txt", Options{}, []want{{id: "port"}, {id: "rain"}}},
		{"bad files", "testdata/bad", Options{}, []want{
			{origin: "binary.txt", err: "binary.txt: binary", errIs: ErrBinary},
			{origin: "blank.txt", err: "blank.txt: empty", errIs: ErrEmpty},
			{origin: "cp1256.txt", err: "cp1256.txt: not valid UTF-8 at byte 6", errIs: ErrInvalidUTF8},
			{origin: "empty.txt", err: "empty.txt: empty", errIs: ErrEmpty},
		}},
		{"json lines", "testdata/articles.jsonl", Options{}, []want{
			{origin: "articles.jsonl:1", id: "j1", url: "https://example.sa/news/1", source: "وكالة الأنباء",
				title: "ارتفاع أسعار النفط", published: "2026-03-02T08:30:00+03:00",
				text: "ارتفعت أسعار النفط اليوم الاثنين بنسبة ٢٪.\nوقال محللون إن الارتفاع مؤقت."},
			{origin: "articles.jsonl:3", err: "articles.jsonl:3: invalid JSON", errIs: ErrInvalidJSON},
			{origin: "articles.jsonl:4", id: "https://example.sa/news/3", published: "2026-03-04T00:00:00Z"},
			{origin: "articles.jsonl:5", err: "articles.jsonl:5: not valid UTF-8 at byte 24", errIs: ErrInvalidUTF8},
			{origin: "articles.jsonl:6", id: sha16("يحسب المعرف من بصمة النص."), published: "2026-03-03T10:00:00+03:00"},
			{origin: "articles.jsonl:7", err: `no text: field "text"`, errIs: ErrNoText},
			{origin: "articles.jsonl:8", id: "7", published: "zero", text: "يبقى المقال رغم أن تاريخه لا يقرأ.\nوالسطر الثاني."},
			{origin: "articles.jsonl:9", err: "not an object", errIs: ErrInvalidJSON},
			{origin: "articles.jsonl:10", id: "j9", published: "2026-03-02T08:00:00Z"},
		}},
		{"json array with mapped fields", "testdata/saudinewsnet-like.json", snn, []want{
			{origin: "saudinewsnet-like.json[0]", id: "https://example.sa/a/1", url: "https://example.sa/a/1",
				source: "aawsat", title: "قمة خليجية في الرياض", published: "2026-03-05T09:15:00Z",
				text: "انطلقت في الرياض اليوم الخميس أعمال القمة الخليجية.\n\nوقال الأمين العام إن القمة «تاريخية»."},
			{origin: "saudinewsnet-like.json[1]", err: `no text: field "content" missing or empty`, errIs: ErrNoText},
			{origin: "saudinewsnet-like.json[2]", id: "https://example.sa/a/3", title: "وزراء المالية يجتمعون"},
		}},
		{"json array, default id falls back to url", "testdata/saudinewsnet-like.json",
			Options{TextField: "content", DateField: "date_extracted"}, []want{
				{id: "https://example.sa/a/1"}, {errIs: ErrNoText}, {id: "https://example.sa/a/3"},
			}},
		{"json single object", "testdata/single.json", Options{}, []want{
			{origin: "single.json", id: "s1", title: "كائن واحد"},
		}},
		{"json lines named .json", "testdata/lines.json", Options{}, []want{
			{origin: "lines.json:1", id: "l1"},
			{origin: "lines.json:2", errIs: ErrInvalidJSON},
			{origin: "lines.json:3", id: "l3"},
		}},
		{"json truncated", "testdata/truncated.json", Options{}, []want{
			{origin: "truncated.json[0]", id: "t1"},
			{origin: "truncated.json[1]", err: "invalid JSON", errIs: ErrInvalidJSON},
		}},
		{"rss", "testdata/feed.rss", Options{}, []want{
			{origin: "feed.rss#1", id: "econ-101", url: "https://news.example.sa/economy/101", source: "أخبار الاقتصاد",
				title: "البنك المركزي يثبت سعر الفائدة", published: "2026-07-12T09:30:00+03:00",
				text: "أبقى البنك المركزي سعر الفائدة دون تغيير للمرة الثالثة.\nوقال المحافظ إن «التضخم تحت السيطرة».", textLacks: []string{"track", "<p>"}},
			{origin: "feed.rss#2", id: "https://news.example.sa/economy/102", published: "2026-07-13T11:00:00+03:00",
				text: "سجلت الصادرات غير النفطية رقماً قياسياً في الربع الثاني & ارتفعت بنسبة ١٢٪."},
			{origin: "feed.rss#3", err: "feed.rss#3: no text", errIs: ErrNoText},
		}},
		{"atom", "testdata/feed.atom", Options{}, []want{
			{origin: "feed.atom#1", id: "urn:uuid:cop-opening", url: "https://climate.example.org/2026/07/cop", source: "مرصد المناخ",
				title: "مؤتمر المناخ يبدأ أعماله في أبوظبي", published: "2026-07-14T07:45:00Z",
				text: "افتتح مؤتمر المناخ أعماله صباح اليوم.\nويشارك فيه وفود من ١٢٠ دولة."},
			{origin: "feed.atom#2", id: "urn:uuid:adaptation-fund", published: "2026-07-15T10:00:00Z",
				text: "أعلنت ثلاث دول تعهدات جديدة لصندوق التكيف."},
		}},
		{"not xml", "testdata/notxml.xml", Options{}, []want{
			{origin: "notxml.xml", err: "notxml.xml: not a feed", errIs: ErrNotFeed},
		}},
		{"html page", "testdata/page.html", Options{}, []want{{
			origin: "page.html", id: "https://paper.example.sa/energy/2026/07/12/opec", url: "https://paper.example.sa/energy/2026/07/12/opec",
			source: "صحيفة المثال", title: "وزراء الطاقة يتفقون على خفض الإنتاج", published: "2026-07-12T10:20:00+03:00",
			textHas: []string{
				"الرياض، الأحد 12 يوليو/تموز 2026 - اتفق وزراء الطاقة",
				"يومياً اعتباراً من أغسطس المقبل، في خطوة تهدف إلى دعم استقرار الأسواق.\nوقال وزير الطاقة",
				"وتطوير البنية التحتية للتصدير.",
			},
			textLacks: []string{"الرئيسية", "رياضة", "اشترك الآن", "الأكثر قراءة", "جميع الحقوق", "trackPageView", "window.ads", "color: red"},
		}}},
		{"missing file", "testdata/no-such-file.txt", Options{}, []want{
			{origin: "no-such-file.txt", err: "no such file"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, collect(t, tt.src, tt.opts), tt.wants)
		})
	}
}

// TestUnparseableDateLogged checks that an article with an unparseable date
// goes through and the date is logged with its origin.
func TestUnparseableDateLogged(t *testing.T) {
	var buf bytes.Buffer
	opts := Options{Logger: slog.New(slog.NewTextHandler(&buf, nil))}
	n := 0
	for it := range Read(context.Background(), "testdata/articles.jsonl", opts) {
		if it.Err == nil {
			n++
		}
	}
	if n != 5 {
		t.Errorf("got %d articles, want 5", n)
	}
	log := buf.String()
	if !strings.Contains(log, "level=WARN") || !strings.Contains(log, "articles.jsonl:8") || !strings.Contains(log, "قبل ساعة") {
		t.Errorf("unparseable date not logged with its origin:\n%s", log)
	}
	if strings.Count(log, "\n") != 1 {
		t.Errorf("want exactly one warning, got:\n%s", log)
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2015-07-21 02:51:32", "2015-07-21T02:51:32Z"},
		{"2021-03-19", "2021-03-19T00:00:00Z"},
		{"2021-03-19T10:00:00+03:00", "2021-03-19T10:00:00+03:00"},
		{"2021-03-19T10:00:00.123Z", "2021-03-19T10:00:00.123Z"},
		{"Fri, 19 Mar 2021 10:00:00 +0300", "2021-03-19T10:00:00+03:00"},
		{"Fri, 19 Mar 2021 10:00:00 GMT", "2021-03-19T10:00:00Z"},
		{" 19 March 2021 ", "2021-03-19T00:00:00Z"},
		{"March 19, 2021", "2021-03-19T00:00:00Z"},
		{"2021/03/19", "2021-03-19T00:00:00Z"},
		{"yesterday", ""},
		{"قبل ساعة", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("parseDate(%q) = %v, want error", tt.in, got)
			}
			continue
		}
		want, _ := time.Parse(time.RFC3339, tt.want)
		if err != nil || !got.Equal(want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v", tt.in, got, err, want)
		}
	}
}

// TestZip reads a zip built here: members of every format, a folder, a
// hidden file and a member of unknown type (skipped), a nested gzip.
func TestZip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "dump.zip")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	add := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(content))
	}
	var gz bytes.Buffer
	gw := gzip.NewWriter(&gz)
	gw.Write([]byte(`{"id":"g1","text":"نص مضغوط داخل أرشيف."}` + "\n"))
	gw.Close()
	add("day/", "")
	add("day/2015-07-21.json", readFile(t, "testdata/saudinewsnet-like.json"))
	add("day/note.txt", readFile(t, "testdata/txt/port.txt"))
	add("day/empty.txt", "")
	add("README.md", "# not an article")
	add(".hidden.txt", "مخفي")
	add("feed.rss", readFile(t, "testdata/feed.rss"))
	add("lines.jsonl.gz", gz.String())
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	items := collect(t, p, Options{IDField: "url", TextField: "content", DateField: "date_extracted"})
	wants := []want{
		{origin: "dump.zip:day/2015-07-21.json[0]", id: "https://example.sa/a/1", source: "aawsat"},
		{origin: "dump.zip:day/2015-07-21.json[1]", errIs: ErrNoText},
		{origin: "dump.zip:day/2015-07-21.json[2]", id: "https://example.sa/a/3"},
		{origin: "dump.zip:day/note.txt", id: "note", title: "افتتاح المرحلة الأولى من ميناء جازان الجديد"},
		{origin: "dump.zip:day/empty.txt", errIs: ErrEmpty, err: "dump.zip:day/empty.txt: empty"},
		{origin: "dump.zip:feed.rss#1", id: "econ-101"},
		{origin: "dump.zip:feed.rss#2"},
		{origin: "dump.zip:feed.rss#3", errIs: ErrNoText},
		// The text field is "content" here, so the default-named line fails.
		{origin: "dump.zip:lines.jsonl.gz:1", errIs: ErrNoText},
	}
	checkWants(t, items, wants)
	if n := Count(p, Options{TextField: "content"}); n != 3+1+1+3+1 {
		t.Errorf("Count = %d, want 9", n)
	}

	items = collect(t, p, Options{})
	if last := items[len(items)-1]; last.Err != nil || last.Article.ID != "g1" {
		t.Errorf("gzip member: got %+v", last)
	}
}

// TestSizeLimits checks MaxBytes on a whole file, a JSON line and a JSON
// array element.
func TestSizeLimits(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("نص طويل ", 100)
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	opts := Options{MaxBytes: 500}
	checkWants(t, collect(t, write("big.txt", long), opts), []want{{err: "big.txt: 1400 bytes: too large (max 500)", errIs: ErrTooLarge}})
	lines := `{"id":"a","text":"قصير"}` + "\n" + `{"id":"b","text":"` + long + `"}` + "\n" + `{"id":"c","text":"قصير أيضاً"}`
	checkWants(t, collect(t, write("big.jsonl", lines), opts), []want{
		{origin: "big.jsonl:1", id: "a"},
		{origin: "big.jsonl:2", errIs: ErrTooLarge},
		{origin: "big.jsonl:3", id: "c"},
	})
	// A line far longer than bufio's default buffer, within MaxBytes.
	huge := strings.Repeat("كلمة ", 40000)
	checkWants(t, collect(t, write("long.jsonl", `{"text":"`+huge+`"}`), Options{}), []want{{id: sha16(huge), text: huge}})
	arr := `[{"id":"a","text":"قصير"},{"id":"b","text":"` + strings.Repeat(long, 200) + `"},{"id":"c","text":"قصير"}]`
	items := collect(t, write("big.json", arr), Options{MaxBytes: 1000})
	if len(items) != 2 || items[0].Article.ID != "a" || !errors.Is(items[1].Err, ErrTooLarge) {
		t.Errorf("array with an element over the limit: got %+v", items)
	}
}

// TestStopEarly checks that Read stops when yield returns false or the
// context is done.
func TestStopEarly(t *testing.T) {
	n := 0
	for range Read(context.Background(), "testdata", Options{}) {
		n++
		if n == 2 {
			break
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	n = 0
	for range Read(ctx, "testdata", Options{}) {
		n++
		cancel()
	}
	if n != 1 {
		t.Errorf("after cancel: got %d items, want 1", n)
	}
}

// TestReadFolderRecursive reads the whole testdata folder: every supported
// file is read, and Count estimates the items.
func TestReadFolderRecursive(t *testing.T) {
	items := collect(t, "testdata", Options{})
	files := map[string]bool{}
	for _, it := range items {
		f := it.Origin
		if i := strings.IndexAny(f, ":#["); i >= 0 {
			f = f[:i]
		}
		files[filepath.ToSlash(f)] = true
	}
	for _, f := range []string{"testdata/articles.jsonl", "testdata/feed.atom", "testdata/feed.rss", "testdata/notxml.xml",
		"testdata/page.html", "testdata/saudinewsnet-like.json", "testdata/txt/port.txt", "testdata/bad/empty.txt"} {
		if !files[f] {
			t.Errorf("no item from %s", f)
		}
	}
	if c := Count("testdata", Options{}); c < len(items)*3/4 || c > len(items)*4/3 {
		t.Errorf("Count = %d, read %d items", c, len(items))
	}
}

func TestCount(t *testing.T) {
	tests := []struct {
		src  string
		opts Options
		want int
	}{
		{"testdata/txt", Options{}, 2},
		{"testdata/articles.jsonl", Options{}, 9},
		{"testdata/saudinewsnet-like.json", Options{TextField: "content"}, 3},
		{"testdata/feed.rss", Options{}, 3},
		{"testdata/feed.atom", Options{}, 2},
		{"https://example.org/feed", Options{}, -1},
	}
	for _, tt := range tests {
		if got := Count(tt.src, tt.opts); got != tt.want {
			t.Errorf("Count(%s) = %d, want %d", tt.src, got, tt.want)
		}
	}
}
