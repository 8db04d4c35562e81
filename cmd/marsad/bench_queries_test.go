package main

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadQueries(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name, in string
		want     []string
		err      string
	}{
		{"two", "q=%D9%86%D9%81%D8%B7\n\nq=a&sort=date\n", []string{"q=%D9%86%D9%81%D8%B7", "q=a&sort=date"}, ""},
		{"no q", "q=a\nsort=date\n", nil, ":2: not a search query"},
		{"bad escape", "q=%zz\n", nil, ":1: not a search query"},
		{"empty", "\n \n", nil, "no queries"},
	} {
		path := filepath.Join(dir, tt.name+".txt")
		if err := os.WriteFile(path, []byte(tt.in), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := readQueries(path)
		switch {
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), path)):
			t.Errorf("%s: error %v, want one naming %s and %q", tt.name, err, path, tt.err)
		case tt.err == "" && (err != nil || !slices.Equal(got, tt.want)):
			t.Errorf("%s: %v %v, want %v", tt.name, got, err, tt.want)
		}
	}
}

func TestQueryMix(t *testing.T) {
	pool := make([]string, 1000)
	for i := range pool {
		pool[i] = "q=" + strings.Repeat("x", i+1)
	}
	draw := func(seed uint64) ([]string, map[string]int) {
		m := newQueryMix(pool, zipfS, seed)
		var seq []string
		count := map[string]int{}
		for i := range 5000 {
			q := m.next(i)
			seq = append(seq, q)
			count[q]++
		}
		return seq, count
	}
	a, count := draw(1)
	if b, _ := draw(1); !slices.Equal(a, b) {
		t.Error("the same seed draws another sequence")
	}
	if c, _ := draw(2); slices.Equal(a, c) {
		t.Error("two seeds draw the same sequence")
	}
	// Zipf: the first query of the pool is the most frequent, and many
	// queries are asked once or not at all.
	if count[pool[0]] < count[pool[10]] || count[pool[0]] < 500 || len(count) > 900 || len(count) < 100 {
		t.Errorf("first %d, eleventh %d, distinct %d", count[pool[0]], count[pool[10]], len(count))
	}
	if m := newQueryMix(pool[:3], 0, 0); m.next(4) != pool[1] {
		t.Error("without Zipf the mix does not cycle")
	}
}

func TestCorpusQueries(t *testing.T) {
	corpus := "../../../shared/data/saudinewsnet"
	if _, err := os.Stat(corpus); err != nil {
		t.Skip("../shared/data/saudinewsnet is absent: corpus query pool not tested")
	}
	pool, err := corpusQueries(context.Background(), corpus, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	fixed := fixedQueries()
	if !slices.Equal(pool[:len(fixed)], fixed) || len(pool) < 250 || len(pool) > 300+len(fixed) {
		t.Fatalf("pool of %d, fixed first %v", len(pool), slices.Equal(pool[:len(fixed)], fixed))
	}
	seen := map[string]bool{}
	for _, q := range pool {
		if seen[q] {
			t.Errorf("%s twice", q)
		}
		seen[q] = true
	}
	if _, err := corpusQueries(context.Background(), t.TempDir(), 10, 1); err == nil {
		t.Error("a folder without articles gives a pool")
	}
}
