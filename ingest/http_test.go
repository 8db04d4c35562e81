package ingest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestReadURL(t *testing.T) {
	rss := readFile(t, "testdata/feed.rss")
	page := readFile(t, "testdata/page.html")
	lines := readFile(t, "testdata/articles.jsonl")
	mux := http.NewServeMux()
	serve := func(path, ctype, body string) {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			if r.Header.Get("User-Agent") == "" {
				http.Error(w, "no user agent", http.StatusBadRequest)
				return
			}
			w.Header().Set("Content-Type", ctype)
			w.Write([]byte(body))
		})
	}
	serve("/rss", "application/rss+xml; charset=utf-8", rss)
	serve("/feed-as-html", "text/html; charset=utf-8", rss)
	serve("/news/opec.html", "text/html; charset=utf-8", page)
	serve("/dump.jsonl", "application/octet-stream", lines)
	serve("/plain", "text/plain; charset=utf-8", "خبر قصير\nنص الخبر القصير.")
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/rss", http.StatusFound)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	closed := httptest.NewServer(mux)
	refused := closed.URL + "/rss"
	closed.Close()

	tests := []struct {
		name  string
		path  string
		opts  Options
		wants []want
	}{
		{"rss", "/rss", Options{}, []want{
			{origin: "/rss#1", id: "econ-101", source: "أخبار الاقتصاد"}, {origin: "/rss#2"}, {origin: "/rss#3", errIs: ErrNoText},
		}},
		{"feed served as text/html", "/feed-as-html", Options{}, []want{{id: "econ-101"}, {}, {errIs: ErrNoText}}},
		{"redirect", "/moved", Options{}, []want{{origin: "/moved#1", id: "econ-101"}, {}, {errIs: ErrNoText}}},
		{"html page", "/news/opec.html", Options{}, []want{{
			origin: "/news/opec.html", id: "https://paper.example.sa/energy/2026/07/12/opec",
			title: "وزراء الطاقة يتفقون على خفض الإنتاج", textLacks: []string{"الرئيسية", "جميع الحقوق"},
			textHas: []string{"اتفق وزراء الطاقة"},
		}}},
		{"json lines by extension", "/dump.jsonl", Options{}, []want{
			{origin: "/dump.jsonl:1", id: "j1"}, {errIs: ErrInvalidJSON}, {}, {errIs: ErrInvalidUTF8}, {}, {errIs: ErrNoText}, {}, {errIs: ErrInvalidJSON}, {},
		}},
		{"plain text", "/plain", Options{}, []want{{id: "plain", title: "خبر قصير"}}},
		{"404", "/missing", Options{}, []want{{origin: "/missing", err: "404 Not Found", errIs: ErrHTTP}}},
		{"too large", "/rss", Options{MaxBytes: 100}, []want{{origin: "/rss", errIs: ErrTooLarge}}},
		{"timeout", "/slow", Options{Client: &http.Client{Timeout: 50 * time.Millisecond}}, []want{{origin: "/slow", errIs: ErrHTTP, err: "Timeout"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkWants(t, collect(t, srv.URL+tt.path, tt.opts), tt.wants)
		})
	}
	t.Run("connection refused", func(t *testing.T) {
		checkWants(t, collect(t, refused, Options{}), []want{{origin: refused, err: "refused", errIs: ErrHTTP}})
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		go func() { time.Sleep(50 * time.Millisecond); cancel() }()
		for it := range Read(ctx, srv.URL+"/slow", Options{}) {
			t.Errorf("item after cancel: %+v", it)
		}
	})
}
