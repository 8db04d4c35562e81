package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestConcurrentReadsDuringIngest runs readers while ingests go on; run
// it with -race.
func TestConcurrentReadsDuringIngest(t *testing.T) {
	h := newTestServer(newFakeBackend())
	var wg sync.WaitGroup
	errs := make(chan string, 100)
	for i := range 4 {
		wg.Add(2)
		go func() {
			defer wg.Done()
			for j := range 10 {
				body := fmt.Sprintf(`{"id":"c-%d-%d","text":"نص عن الحوار"}`, i, j)
				r := httptest.NewRequest("POST", "/api/ingest", strings.NewReader(body))
				r.Header.Set("Content-Type", IngestJSONLines)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusOK {
					errs <- fmt.Sprintf("ingest: %d", w.Code)
				}
			}
		}()
		go func() {
			defer wg.Done()
			for _, p := range []string{"/api/search?q=" + url.QueryEscape("الحوار"), "/search?q=" + url.QueryEscape("الحوار"),
				"/articles/krem-2021", "/api/stats", "/stories/s-2021", "/entities/" + url.PathEscape("دميتري بيسكوف")} {
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest("GET", p, nil))
				if w.Code != http.StatusOK {
					errs <- fmt.Sprintf("%s: %d", p, w.Code)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// BenchmarkAPISearch measures the server's own cost per search request
// (routing, validation, JSON) over the fake backend, in process.
func BenchmarkAPISearch(b *testing.B) {
	h := newTestServer(newFakeBackend())
	target := "/api/search?q=" + url.QueryEscape("الحوار")
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkArticlePage measures rendering an annotated article page.
func BenchmarkArticlePage(b *testing.B) {
	h := newTestServer(newFakeBackend())
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", "/articles/krem-2021", nil))
		if w.Code != http.StatusOK {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkAPISearchLoopback32 sends /api/search over loopback from 32
// concurrent clients and reports requests/s and the p99 latency. With the
// fake backend it measures the HTTP layer only; the figure for the real
// backend comes from the same loop against marsad serve.
func BenchmarkAPISearchLoopback32(b *testing.B) {
	srv := httptest.NewServer(newTestServer(newFakeBackend()))
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	target := srv.URL + "/api/search?q=" + url.QueryEscape("الحوار")

	var mu sync.Mutex
	var lat []time.Duration
	b.SetParallelism(max(1, 32/maxProcs()))
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			resp, err := client.Get(target)
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			mine = append(mine, time.Since(t0))
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	elapsed := time.Since(start)
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(len(lat))/elapsed.Seconds(), "req/s")
}

func maxProcs() int { return runtime.GOMAXPROCS(0) }
