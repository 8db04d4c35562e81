package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A tiny W3C WebDriver client for the browser end-to-end test
// (serve_e2e_test.go): it drives Debian's chromium headless through
// chromedriver. startBrowser skips the test when either program is absent
// (install them with `apt-get install -y chromium chromium-driver`) and in
// -short mode. Screenshots go to $MARSAD_SCREENSHOTS, else to the test's
// temporary directory; the test logs their paths.

// envScreenshots names the folder that keeps the screenshots.
const envScreenshots = "MARSAD_SCREENSHOTS"

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
	var paths [2]string
	for i, name := range []string{"chromium", "chromedriver"} {
		p, err := exec.LookPath(name)
		if err != nil {
			t.Skipf("skipping the browser test: %s is absent (apt-get install -y chromium chromium-driver)", name)
		}
		paths[i] = p
	}
	chromiumPath, chromedriverPath := paths[0], paths[1]
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

	d.shotDir = os.Getenv(envScreenshots)
	if d.shotDir == "" {
		d.shotDir = t.TempDir()
	}
	d.must(os.MkdirAll(d.shotDir, 0o755))
	return d
}
