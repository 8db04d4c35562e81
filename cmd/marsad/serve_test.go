package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServeBindRule(t *testing.T) {
	code, _, errs := marsad(t, "serve", "--db", t.TempDir(), "--addr", "0.0.0.0:0")
	if code != 1 || !strings.Contains(errs, "token") {
		t.Errorf("serve on 0.0.0.0 without a token: exit %d, %q; want a refusal that names the token", code, errs)
	}
	if code, _, _ := marsad(t, "serve", "extra"); code != 2 {
		t.Errorf("serve with an argument: exit %d, want 2", code)
	}
}

// TestServe starts "marsad serve" on a data directory, searches it over
// HTTP, and stops it as Ctrl-C would.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "db")
	write(t, filepath.Join(dir, "in", "a.txt"), "الكرملين يرحب بالحوار\nقال المتحدث باسم الكرملين دميتري بيسكوف إن الحوار مع واشنطن ممكن.\n")
	if code, _, errs := marsad(t, "ingest", "--db", db, filepath.Join(dir, "in")); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errb syncBuffer
	e := &env{stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &errb, getenv: func(string) string { return "" }}
	done := make(chan int, 1)
	go func() { done <- run(ctx, e, []string{"serve", "--db", db, "--addr", "127.0.0.1:0"}) }()
	addrRe := regexp.MustCompile(`msg=serving addr=(\S+)`)
	var addr string
	for deadline := time.Now().Add(30 * time.Second); addr == "" && time.Now().Before(deadline); {
		select {
		case code := <-done:
			t.Fatalf("serve exited with %d: %s", code, errb.String())
		case <-time.After(20 * time.Millisecond):
		}
		if m := addrRe.FindStringSubmatch(errb.String()); m != nil {
			addr = m[1]
		}
	}
	if addr == "" {
		t.Fatalf("serve did not say where it listens: %s", errb.String())
	}
	resp, err := http.Get("http://" + addr + "/api/search?q=" + url.QueryEscape("الحوار"))
	if err != nil {
		t.Fatal(err)
	}
	var sr searchJSON
	err = json.NewDecoder(resp.Body).Decode(&sr)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || sr.Total != 1 || sr.Hits[0].ID != "a" || !strings.Contains(sr.Hits[0].Snippet, "<mark>") {
		t.Errorf("search: %d %+v %v", resp.StatusCode, sr, err)
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Errorf("serve exited with %d after the signal: %s", code, errb.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not stop")
	}
}
