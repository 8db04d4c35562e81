package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/sample"
	"github.com/marsad/marsad/server"
)

// The browser end-to-end test of the web UI: it ingests Marsad's own sample
// articles with "marsad ingest", starts "marsad serve" on them (both run as
// child processes: this test binary re-executed as marsad, see TestMain),
// and drives Debian's chromium through chromedriver: search الحوار, open a
// hit, check its entities and dates are marked, open its story and an
// entity page, and save screenshots. What the pages must show is read from
// the JSON API of the same server, so the test checks that the UI shows the
// facts the engine found, not a copy of them written here.
//
//	go test ./cmd/marsad -run TestServeBrowser -v   # screenshots: $MARSAD_SCREENSHOTS, else a temporary folder

// xssTitle is the headline of a hostile article the test ingests beside
// the samples: it must be shown as text, and nothing in it may run.
const xssTitle = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> عنوان خبيث`

const xssText = xssTitle + "\n" +
	`القاهرة، الأحد 19 يوليو/تموز 2026 - نص فيه <script>window.pwned=3</script> وصورة <img src=x onerror="window.pwned=4"> ولا ينبغي أن يعمل شيء منه.` + "\n"

// isoValue matches the resolved value of a calendar date.
var isoValue = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// marsadChild returns a command that runs this test binary as marsad.
func marsadChild(ctx context.Context, t *testing.T, args ...string) *exec.Cmd {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.CommandContext(ctx, exe, args...)
	for _, kv := range os.Environ() {
		// The child must not pick a data directory or a token from the
		// environment of whoever runs the test.
		if !strings.HasPrefix(kv, "MARSAD_DB=") && !strings.HasPrefix(kv, envToken+"=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "MARSAD_TEST_MAIN=1")
	return cmd
}

// startServe ingests the sample articles and the hostile one into a new
// data directory with "marsad ingest", starts "marsad serve" on it on a
// free loopback port and returns its base URL. Cleanup stops it as Ctrl-C
// would and checks that it exits cleanly.
func startServe(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	in, db := filepath.Join(dir, "in"), filepath.Join(dir, "db")
	err := fs.WalkDir(sample.FS(), ".", func(p string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sample.FS(), p)
		if err == nil {
			write(t, filepath.Join(in, p), string(b))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(in, "xss.txt"), xssText)

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if out, err := marsadChild(ctx, t, "ingest", "--db", db, in).CombinedOutput(); err != nil {
		t.Fatalf("marsad ingest: %v\n%s", err, out)
	}

	cmd := marsadChild(context.Background(), t, "serve", "--db", db, "--addr", "127.0.0.1:0")
	var logs syncBuffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		t.Fatalf("start marsad serve: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt) // our child, by its process
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("marsad serve did not stop cleanly on Ctrl-C: %v\n%s", err, logs.String())
			}
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			<-exited
			t.Errorf("marsad serve did not stop within 20 s of Ctrl-C\n%s", logs.String())
		}
	})
	addrRe := regexp.MustCompile(`msg=serving addr=(\S+)`)
	for deadline := time.Now().Add(60 * time.Second); ; {
		if m := addrRe.FindStringSubmatch(logs.String()); m != nil {
			return "http://" + m[1]
		}
		select {
		case err := <-exited:
			exited <- err // for Cleanup
			t.Fatalf("marsad serve exited before serving: %v\n%s", err, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("marsad serve did not say where it listens within 60 s\n%s", logs.String())
		}
	}
}

// getJSON decodes the JSON answer of GET base+path into v.
func getJSON(t *testing.T, base, path string, v any) {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatalf("GET %s: %v", path, err)
	}
}

// articleAPI is the part of GET /api/articles/{id} the test reads.
type articleAPI struct {
	ID    string           `json:"id"`
	Text  string           `json:"text"`
	Facts article.Facts    `json:"facts"`
	Story *server.StoryRef `json:"story"`
}

// asStrings returns the strings of a script result that is a list of them.
func asStrings(t *testing.T, v any) []string {
	t.Helper()
	list, ok := v.([]any)
	if !ok {
		t.Fatalf("script returned %T, want a list", v)
	}
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = fmt.Sprint(x)
	}
	return out
}

func TestServeBrowser(t *testing.T) {
	d := startBrowser(t)
	base := startServe(t)

	// Home: the page is Arabic, right to left, with the query box first.
	d.navigate(base + "/")
	if dir := d.script(`return getComputedStyle(document.body).direction + " " + document.documentElement.lang`); dir != "rtl ar" {
		t.Errorf("direction and language %v, want rtl ar", dir)
	}
	if font := d.script(`return getComputedStyle(document.body).fontFamily`); !strings.Contains(fmt.Sprint(font), "Noto Naskh Arabic") {
		t.Errorf("font %v", font)
	}

	// Search الحوار with the form; the page shows the hits the API gives.
	const query = "الحوار"
	var api server.SearchResult
	getJSON(t, base, "/api/search?q="+url.QueryEscape(query), &api)
	if len(api.Hits) < 2 {
		t.Fatalf("the API finds %d hits for %s in the sample articles, want at least 2", len(api.Hits), query)
	}
	d.sendKeys(d.one("input#q"), query)
	d.click(d.one("form.search button[type=submit]"))
	u := d.waitURL("/search?")
	if q, _ := url.Parse(u); q == nil || q.Query().Get("q") != query {
		t.Errorf("search address %s", u)
	}
	hrefs := asStrings(t, d.script(`return [...document.querySelectorAll(".hit h3 a")].map(a => a.getAttribute("href"))`))
	var want []string
	for _, h := range api.Hits {
		want = append(want, "/articles/"+url.PathEscape(h.ID))
	}
	if !slices.Equal(hrefs, want) {
		t.Fatalf("hits shown %v, want the API's %v", hrefs, want)
	}
	if n := d.script(`return document.querySelectorAll(".snippet mark").length`); n == float64(0) {
		t.Error("no highlighted words in the snippets")
	}
	if n := d.script(`return document.querySelectorAll(".facet svg rect.bar").length`); n == float64(0) {
		t.Error("no per-day histogram")
	}
	d.screenshot("1-search")

	// Open the first hit whose story holds several articles: the sample
	// articles must give one (a second report of an event the query finds).
	var (
		art   articleAPI
		story server.StoryView
	)
	for _, h := range api.Hits {
		var a articleAPI
		getJSON(t, base, "/api/articles/"+url.PathEscape(h.ID), &a)
		if a.Story == nil {
			continue
		}
		var s server.StoryView
		getJSON(t, base, "/api/stories/"+url.PathEscape(a.Story.ID), &s)
		if len(s.Articles) > 1 {
			art, story = a, s
			break
		}
	}
	if art.ID == "" {
		t.Fatalf("no hit for %s is in a story of several articles", query)
	}
	articlePath := "/articles/" + url.PathEscape(art.ID)
	d.click(d.one(`.hit h3 a[href="` + articlePath + `"]`))
	d.waitURL(articlePath)

	// Entities are marked on the text: one mark per mention and per title
	// found.
	kinds := map[string]string{article.PER: "per", article.ORG: "org", article.LOC: "loc"}
	mentions := map[string]int{}
	for _, e := range art.Facts.Entities {
		for _, m := range slices.Concat(e.Mentions, e.Titles) {
			if m.In == "" {
				mentions[kinds[e.Type]]++
			}
		}
	}
	if mentions["per"] == 0 || mentions["loc"] == 0 {
		t.Fatalf("the article's facts name no person or no place: %v", mentions)
	}
	for _, cls := range []string{"per", "org", "loc"} {
		n := d.script(`return document.querySelectorAll("#text mark.ent.` + cls + `").length`)
		if n != float64(mentions[cls]) {
			t.Errorf("%v %s marks in the text, want %d", n, cls, mentions[cls])
		}
	}
	// Dates are marked with their resolved values (the title of the mark;
	// a vague one, like PRESENT_REF, after its Arabic name), in the order
	// of the text, and calendar dates are machine-readable.
	var times []article.Time
	relative := 0
	for _, tm := range art.Facts.Times {
		if tm.In != "" {
			continue
		}
		times = append(times, tm)
		if isoValue.MatchString(tm.Value) && len(tm.Value) == 10 && !strings.ContainsFunc(tm.Text, unicode.IsDigit) {
			relative++ // أمس الخميس, الثلاثاء الماضي: resolved to a day
		}
	}
	if len(times) < 2 || relative == 0 {
		t.Fatalf("the article's facts hold %d dates, %d of them relative days resolved: %v", len(times), relative, times)
	}
	shown := asStrings(t, d.script(`return [...document.querySelectorAll("#text time.date")].map(e => [e.textContent, e.title, e.getAttribute("datetime") || ""].join("|"))`))
	if len(shown) != len(times) {
		t.Errorf("%d date marks %v, want %d", len(shown), shown, len(times))
	}
	for i, tm := range times[:min(len(times), len(shown))] {
		f := strings.Split(shown[i], "|")
		text, title, datetime := f[0], f[1], f[2]
		wantDatetime := ""
		if isoValue.MatchString(tm.Value) {
			wantDatetime = tm.Value
		}
		if text != tm.Text || title != tm.Value && !strings.HasSuffix(title, "("+tm.Value+")") || datetime != wantDatetime {
			t.Errorf("date mark %d: %q title %q datetime %q; want %q resolved to %s", i, text, title, datetime, tm.Text, tm.Value)
		}
	}
	if len(art.Facts.Quotes) > 0 && d.script(`return document.querySelectorAll("#text .quote").length`) == float64(0) {
		t.Error("the article's quotes are not marked")
	}
	// The text shown is the article's text.
	words := strings.Fields(art.Text)
	if got := strings.Join(strings.Fields(d.text(d.one("#text"))), " "); got != strings.Join(words, " ") {
		t.Errorf("text shown: %.80s…, want the article's %.80s…", got, strings.Join(words, " "))
	}
	d.screenshot("2-article")

	// The story, from the article: a timeline of its articles, oldest
	// first, and the other stories of its thread.
	d.click(d.one(".story-link a"))
	d.waitURL("/stories/" + url.PathEscape(story.ID))
	entries := asStrings(t, d.script(`return [...document.querySelectorAll(".timeline li a.headline")].map(a => a.getAttribute("href"))`))
	if len(entries) != len(story.Articles) || !slices.Contains(entries, articlePath) {
		t.Errorf("timeline %v, want the %d articles of the story, %s among them", entries, len(story.Articles), articlePath)
	}
	dates := asStrings(t, d.script(`return [...document.querySelectorAll(".timeline li time.when")].map(e => e.getAttribute("datetime"))`))
	if !slices.IsSorted(dates) {
		t.Errorf("timeline not oldest first: %v", dates)
	}
	keyQuotes := 0
	for _, en := range story.Timeline {
		if en.Quote != nil {
			keyQuotes++
		}
	}
	if n := d.script(`return document.querySelectorAll(".timeline .key-quote q").length`); keyQuotes == 0 || n != float64(keyQuotes) {
		t.Errorf("%v key quotes on the timeline, want %d (at least one)", n, keyQuotes)
	}
	if n := d.script(`return document.querySelectorAll(".thread a").length`); n != float64(len(story.Thread)) {
		t.Errorf("%v thread links, want %d", n, len(story.Thread))
	}
	d.screenshot("3-story")

	// An entity page, by clicking a person marked in the article's text.
	d.navigate(base + articlePath)
	person := d.one("#text mark.ent.per")
	name, _, _ := strings.Cut(d.attr(person, "title"), " · ")
	d.click(person)
	d.waitURL("/entities/")
	var ent server.EntityView
	getJSON(t, base, "/api/entities/"+url.PathEscape(name), &ent)
	if h := d.text(d.one("h1")); !strings.Contains(h, ent.Name) {
		t.Errorf("entity page heading %q, want %q", h, ent.Name)
	}
	// Its chart has one bar per day it is mentioned, with the count.
	var wantBars []string
	for day, n := range ent.Days {
		wantBars = append(wantBars, fmt.Sprintf("%s: %d", day, n))
	}
	slices.Sort(wantBars)
	bars := asStrings(t, d.script(`return [...document.querySelectorAll(".chart svg rect.bar title")].map(e => e.textContent)`))
	slices.Sort(bars)
	if len(bars) == 0 || !slices.Equal(bars, wantBars) {
		t.Errorf("chart bars %v, want %v", bars, wantBars)
	}
	// Its quotes, newest first.
	if len(ent.Quotes) == 0 {
		t.Fatalf("%s has no quotes in the sample articles", ent.Name)
	}
	qdates := asStrings(t, d.script(`return [...document.querySelectorAll(".said .quotes li")].map(li => li.querySelector("time").getAttribute("datetime"))`))
	if len(qdates) != len(ent.Quotes) || !slices.IsSortedFunc(qdates, func(a, b string) int { return strings.Compare(b, a) }) {
		t.Errorf("quote dates %v: want %d, newest first", qdates, len(ent.Quotes))
	}
	if got := d.text(d.one(".said .quotes li q")); got != ent.Quotes[0].Text {
		t.Errorf("first quote %q, want %q", got, ent.Quotes[0].Text)
	}
	d.screenshot("4-entity")

	// The stories of the story's first day, filtered by date.
	var onDay struct {
		Stories []server.StorySummary `json:"stories"`
	}
	day := string(story.First)
	getJSON(t, base, "/api/stories?from="+day+"&to="+day, &onDay)
	d.navigate(base + "/stories?from=" + day + "&to=" + day)
	listed := asStrings(t, d.script(`return [...document.querySelectorAll("ul.stories li > a")].map(a => a.getAttribute("href"))`))
	var wantListed []string
	for _, s := range onDay.Stories {
		if s.First > server.Date(day) || s.Last < server.Date(day) {
			t.Errorf("story %s (%s … %s) is not active on %s", s.ID, s.First, s.Last, day)
		}
		wantListed = append(wantListed, "/stories/"+url.PathEscape(s.ID))
	}
	if !slices.Equal(listed, wantListed) || !slices.Contains(listed, "/stories/"+url.PathEscape(story.ID)) {
		t.Errorf("stories of %s shown %v, want %v with %s", day, listed, wantListed, story.ID)
	}
	d.screenshot("5-stories-by-date")

	// Hostile text stays text: no script ran, no element was injected.
	d.navigate(base + "/articles/xss")
	if ran := d.script(`return window.pwned || 0`); ran != float64(0) {
		t.Errorf("script %v of the article ran", ran)
	}
	if title := d.script(`return document.title`); !strings.HasPrefix(fmt.Sprint(title), xssTitle) {
		t.Errorf("page title %q, want the headline verbatim", title)
	}
	if n := d.script(`return document.querySelectorAll("#text img, #text script, h1 img, h1 script").length`); n != float64(0) {
		t.Errorf("%v injected elements", n)
	}
	if got := d.text(d.one("h1.title")); got != xssTitle {
		t.Errorf("title shown %q, want it verbatim", got)
	}

	// Readable on a phone: no sideways scrolling.
	d.must(d.call("POST", "/window/rect", map[string]int{"width": 390, "height": 844}, nil))
	for i, p := range []string{"/search?q=" + url.QueryEscape(query), articlePath} {
		d.navigate(base + p)
		if over := d.script(`return document.documentElement.scrollWidth - document.documentElement.clientWidth`); over != float64(0) {
			t.Errorf("%s on a phone scrolls sideways by %v px", p, over)
		}
		d.screenshot([]string{"6-search-phone", "7-article-phone"}[i])
	}
}
