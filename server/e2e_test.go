package server

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The end-to-end test drives Debian's chromium headless through
// chromedriver's W3C WebDriver HTTP API against the real handler over the
// fake backend. It skips when either program is absent (install them with
// `apt-get install -y chromium chromium-driver`) and in -short mode.
// Screenshots go to $MARSAD_SCREENSHOTS, else to a new temporary
// directory that is kept; the test logs their paths.
const (
	chromiumPath     = "/usr/bin/chromium"
	chromedriverPath = "/usr/bin/chromedriver"
)

// webElementKey is the W3C key of an element reference.
const webElementKey = "element-6066-11e4-a52e-4f735466cecf"

// wd is a tiny WebDriver client: one session on one chromedriver.
type wd struct {
	t       *testing.T
	base    string // http://127.0.0.1:PORT/session/ID
	client  *http.Client
	shotDir string
}

// call sends one WebDriver command and decodes its "value" into out.
func (d *wd) call(method, path string, body, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, d.base+path, rd)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := d.client.Do(req)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", method, path, err)
	}
	var env struct {
		Value json.RawMessage `json:"value"`
	}
	if err := json.Unmarshal(raw, &env); err != nil {
		return fmt.Errorf("%s %s: status %d: %.200s", method, path, resp.StatusCode, raw)
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s: status %d: %.300s", method, path, resp.StatusCode, env.Value)
	}
	if out != nil {
		return json.Unmarshal(env.Value, out)
	}
	return nil
}

func (d *wd) must(err error) {
	d.t.Helper()
	if err != nil {
		d.t.Fatal(err)
	}
}

func (d *wd) navigate(u string) {
	d.t.Helper()
	d.must(d.call("POST", "/url", map[string]string{"url": u}, nil))
}

func (d *wd) currentURL() string {
	d.t.Helper()
	var u string
	d.must(d.call("GET", "/url", nil, &u))
	return u
}

// find returns the elements matching a CSS selector (waiting up to the
// implicit timeout for the first).
func (d *wd) find(css string) []string {
	d.t.Helper()
	var els []map[string]string
	d.must(d.call("POST", "/elements", map[string]string{"using": "css selector", "value": css}, &els))
	ids := make([]string, len(els))
	for i, e := range els {
		ids[i] = e[webElementKey]
	}
	return ids
}

// one returns the first element matching css, failing when there is none.
func (d *wd) one(css string) string {
	d.t.Helper()
	var el map[string]string
	d.must(d.call("POST", "/element", map[string]string{"using": "css selector", "value": css}, &el))
	return el[webElementKey]
}

func (d *wd) click(el string) {
	d.t.Helper()
	d.must(d.call("POST", "/element/"+el+"/click", map[string]any{}, nil))
}

func (d *wd) sendKeys(el, text string) {
	d.t.Helper()
	d.must(d.call("POST", "/element/"+el+"/value", map[string]string{"text": text}, nil))
}

func (d *wd) text(el string) string {
	d.t.Helper()
	var s string
	d.must(d.call("GET", "/element/"+el+"/text", nil, &s))
	return s
}

func (d *wd) attr(el, name string) string {
	d.t.Helper()
	var s *string
	d.must(d.call("GET", "/element/"+el+"/attribute/"+name, nil, &s))
	if s == nil {
		return ""
	}
	return *s
}

// script runs JavaScript in the page and returns its result.
func (d *wd) script(js string) any {
	d.t.Helper()
	var v any
	d.must(d.call("POST", "/execute/sync", map[string]any{"script": js, "args": []any{}}, &v))
	return v
}

// waitURL waits until the page address contains sub.
func (d *wd) waitURL(sub string) string {
	d.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		u := d.currentURL()
		if strings.Contains(u, sub) {
			return u
		}
		if time.Now().After(deadline) {
			d.t.Fatalf("address %s never contained %s", u, sub)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (d *wd) screenshot(name string) {
	d.t.Helper()
	var b64 string
	d.must(d.call("GET", "/screenshot", nil, &b64))
	png, err := base64.StdEncoding.DecodeString(b64)
	d.must(err)
	p := filepath.Join(d.shotDir, name+".png")
	d.must(os.WriteFile(p, png, 0o644))
	d.t.Logf("screenshot %s", p)
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// startBrowser starts chromedriver and a headless chromium session.
func startBrowser(t *testing.T) *wd {
	t.Helper()
	if testing.Short() {
		t.Skip("skipping the browser test in -short mode")
	}
	for _, p := range []string{chromiumPath, chromedriverPath} {
		if _, err := os.Stat(p); err != nil {
			t.Skipf("skipping the browser test: %s is absent (apt-get install -y chromium chromium-driver)", p)
		}
	}
	port := freePort(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, chromedriverPath, "--port="+strconv.Itoa(port))
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("start chromedriver: %v", err)
	}
	t.Cleanup(func() {
		cancel() // kills our chromedriver, by its process
		_ = cmd.Wait()
	})
	root := "http://127.0.0.1:" + strconv.Itoa(port)
	client := &http.Client{Timeout: 60 * time.Second}
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := client.Get(root + "/status")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("chromedriver did not start: %v\n%s", err, logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}

	caps := map[string]any{"capabilities": map[string]any{"alwaysMatch": map[string]any{
		"browserName": "chrome",
		"goog:chromeOptions": map[string]any{
			"binary": chromiumPath,
			"args": []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync",
				"--no-proxy-server", "--window-size=1280,900", "--lang=ar",
				"--user-data-dir=" + t.TempDir()},
		},
	}}}
	d := &wd{t: t, base: root, client: client}
	var sess struct {
		SessionID string `json:"sessionId"`
	}
	if err := d.call("POST", "/session", caps, &sess); err != nil {
		t.Fatalf("new session: %v\n%s", err, logs.String())
	}
	d.base = root + "/session/" + sess.SessionID
	t.Cleanup(func() { _ = d.call("DELETE", "", nil, nil) })
	d.must(d.call("POST", "/timeouts", map[string]int{"implicit": 5000, "pageLoad": 20000, "script": 5000}, nil))

	d.shotDir = os.Getenv("MARSAD_SCREENSHOTS")
	if d.shotDir == "" {
		dir, err := os.MkdirTemp("", "marsad-e2e-")
		d.must(err)
		d.shotDir = dir
	}
	d.must(os.MkdirAll(d.shotDir, 0o755))
	return d
}

var isoValue = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

func TestBrowserEndToEnd(t *testing.T) {
	d := startBrowser(t)
	srv := httptest.NewServer(New(newFakeBackend(), Options{}))
	defer srv.Close()

	// Home: the page is Arabic, right to left, with the query box first.
	d.navigate(srv.URL + "/")
	if dir := d.script(`return getComputedStyle(document.body).direction + " " + document.documentElement.lang`); dir != "rtl ar" {
		t.Errorf("direction and language %v, want rtl ar", dir)
	}
	if font := d.script(`return getComputedStyle(document.body).fontFamily`); !strings.Contains(fmt.Sprint(font), "Noto Naskh Arabic") {
		t.Errorf("font %v", font)
	}

	// Search الحوار.
	d.sendKeys(d.one("input#q"), "الحوار")
	d.click(d.one("form.search button[type=submit]"))
	u := d.waitURL("/search?")
	if q, _ := url.Parse(u); q == nil || q.Query().Get("q") != "الحوار" {
		t.Errorf("search address %s", u)
	}
	hits := d.find(".hit h3 a")
	if len(hits) == 0 {
		t.Fatal("no hits for الحوار")
	}
	if marks := d.find(".snippet mark"); len(marks) == 0 {
		t.Error("no highlighted words in the snippets")
	}
	if bars := d.find(".facet svg rect.bar"); len(bars) == 0 {
		t.Error("no per-day histogram")
	}
	d.screenshot("1-search")

	// Open the 2021 hit.
	var target string
	for _, h := range hits {
		if strings.HasSuffix(d.attr(h, "href"), "/articles/krem-2021") {
			target = h
		}
	}
	if target == "" {
		t.Fatalf("the 2021 article is not among the hits")
	}
	d.click(target)
	d.waitURL("/articles/krem-2021")

	// Entities and dates are marked on the text.
	ents := d.find("#text mark.ent.per")
	if len(ents) < 2 {
		t.Fatalf("%d person marks", len(ents))
	}
	if got := d.text(ents[0]); got != "دميتري بيسكوف" {
		t.Errorf("first person mark %q", got)
	}
	for _, css := range []string{"#text mark.ent.org", "#text mark.ent.loc", "#text .quote.direct"} {
		if len(d.find(css)) == 0 {
			t.Errorf("nothing matches %s", css)
		}
	}
	dates := d.find("#text time.date")
	if len(dates) != 2 {
		t.Fatalf("%d date marks, want 2", len(dates))
	}
	for _, el := range dates {
		if v := d.attr(el, "title"); !isoValue.MatchString(v) {
			t.Errorf("date %q has title %q", d.text(el), v)
		}
	}
	if got := d.text(dates[1]) + "=" + d.attr(dates[1], "title"); got != "أمس الخميس=2021-03-18" {
		t.Errorf("date mark %s", got)
	}
	// The text shown is the article's text.
	if got := d.text(d.one("#text")); !strings.Contains(got, "تصريحات أدلى بها بوتين أمس الخميس") {
		t.Errorf("text shown: %.80s", got)
	}
	d.screenshot("2-article")

	// The story, from the article.
	d.click(d.one(".story-link a"))
	d.waitURL("/stories/s-2021")
	if n := len(d.find(".timeline li")); n != 2 {
		t.Errorf("timeline has %d entries, want 2", n)
	}
	if q := d.find(".key-quote q"); len(q) == 0 || !strings.Contains(d.text(q[0]), "تأمل دائماً") {
		t.Error("no key quote on the timeline")
	}
	if len(d.find(`.thread a[href="/stories/s-2024"]`)) != 1 {
		t.Error("the thread does not link the 2024 story")
	}
	d.screenshot("3-story")

	// The entity page, by clicking an entity marked in the text.
	d.navigate(srv.URL + "/articles/krem-2024")
	d.click(d.find("#text mark.ent.per")[0])
	d.waitURL("/entities/")
	if h := d.text(d.one("h1")); !strings.Contains(h, "دميتري بيسكوف") {
		t.Errorf("entity page heading %q", h)
	}
	if len(d.find(".chart svg rect.bar")) == 0 {
		t.Error("no mentions chart")
	}
	quotes := d.find(".said .quotes li time")
	if len(quotes) != 3 {
		t.Fatalf("%d quotes, want 3", len(quotes))
	}
	if first, last := d.attr(quotes[0], "datetime"), d.attr(quotes[2], "datetime"); first < last {
		t.Errorf("quotes not newest first: %s … %s", first, last)
	}
	d.screenshot("4-entity")

	// Hostile text stays text: no script ran, no element was injected.
	d.navigate(srv.URL + "/articles/xss")
	if title := d.script(`return document.title`); strings.Contains(fmt.Sprint(title), "pwned") {
		t.Errorf("a script in the article ran: title %v", title)
	}
	if n := d.script(`return document.querySelectorAll("#text img, #text script, h1 script").length`); n != float64(0) {
		t.Errorf("%v injected elements", n)
	}
	if got := d.text(d.one("h1.title")); got != titleXSS {
		t.Errorf("title shown %q, want it verbatim", got)
	}

	// Readable on a phone: no sideways scrolling.
	d.must(d.call("POST", "/window/rect", map[string]int{"width": 390, "height": 844}, nil))
	for i, p := range []string{"/search?q=" + url.QueryEscape("الحوار"), "/articles/krem-2021"} {
		d.navigate(srv.URL + p)
		if over := d.script(`return document.documentElement.scrollWidth - document.documentElement.clientWidth`); over != float64(0) {
			t.Errorf("%s on a phone scrolls sideways by %v px", p, over)
		}
		d.screenshot([]string{"5-search-phone", "6-article-phone"}[i])
	}
}
