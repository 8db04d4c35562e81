package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestPrintBenchIngest prints three alternated runs of three sides: the
// medians are taken side by side, and the ratios compare the medians.
func TestPrintBenchIngest(t *testing.T) {
	res := func(side string, secs, cpu, rss float64) benchResult {
		return benchResult{Side: side, Articles: 1000, Bytes: 1e6, Seconds: secs, CPU: cpu, MaxRSSMB: rss}
	}
	results := []benchResult{
		res("bleve", 2, 4, 400), res("marsad", 1, 2, 300), res("base", 4, 8, 350),
		res("bleve", 1, 3, 420), res("marsad", 9, 9, 310), res("base", 2, 4, 360),
		res("bleve", 3, 5, 410), res("marsad", 0.5, 1, 290), res("base", 5, 6, 340),
	}
	var out bytes.Buffer
	printBenchIngest(&env{stdout: &out}, results, 3)
	got := out.String()
	for _, want := range []string{
		"medians of 3 runs:\n",
		// bleve's median: 2 s, 4 CPU s, 410 MB; Marsad's 1 s, 2 CPU s, 300 MB.
		"bleve       1000     1.0      2.0        500    0.50      4.0      0.0          250    410 MB",
		"marsad      1000     1.0      1.0       1000    1.00      2.0      0.0          500    300 MB",
		"marsad/bleve: throughput 2.00x (wall), 2.00x (per CPU second); peak RSS 0.73x",
		"base/bleve: throughput 0.50x (wall), 0.67x (per CPU second)",
		"marsad/base: throughput 4.00x (wall), 3.00x (per CPU second)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "\nmarsad "); n != 4 {
		t.Errorf("%d rows of marsad, want 3 runs and the median:\n%s", n, got)
	}
}

// TestBenchIngestRuns refuses a number of runs below one before reading
// any corpus.
func TestBenchIngestRuns(t *testing.T) {
	if code, _, errs := marsad(t, "bench", "ingest", "--runs", "0", "--data", t.TempDir()); code != 2 || !strings.Contains(errs, "--runs") {
		t.Errorf("bench ingest --runs 0: exit %d, want 2 with a message on --runs:\n%s", code, errs)
	}
}
