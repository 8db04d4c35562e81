package entity

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestAutoCountByte(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    autoCount
		want uint8
	}{
		{"unseen", autoCount{}, 0},
		{"never a name", autoCount{n: 50}, 0},
		{"rarely a name", autoCount{n: 100, typ: [3]int32{5, 0, 0}}, 0},
		{"mostly a first name", autoCount{n: 10, typ: [3]int32{9, 0, 0}}, 3 | 1<<6},
		{"sometimes an org inner word", autoCount{n: 10, typ: [3]int32{0, 3, 0}, inside: 3}, 1<<2 | 3<<6},
		{"org or place", autoCount{n: 10, typ: [3]int32{0, 5, 4}, inside: 4}, 2<<2 | 2<<4 | 2<<6},
		{"all place", autoCount{n: 4, typ: [3]int32{0, 0, 4}}, 3<<4 | 1<<6},
	} {
		if got := tc.c.byte(); got != tc.want {
			t.Errorf("%s: byte() = %08b, want %08b", tc.name, got, tc.want)
		}
	}
}

func TestAutoCounter(t *testing.T) {
	g := newGazetteer()
	// A sentence seen three times: وسامسونج is labelled ORG twice and O
	// once; its form without و is counted too.
	ws := []string{"قالت", "وسامسونج", "إن", "الرياض", "."}
	var a autoCounter
	for _, labels := range [][]int{
		{0, 3, 0, 5, 0},
		{0, 3, 0, 5, 0},
		{0, 0, 0, 5, 0},
	} {
		a.add(g.analyze(ws, nil), labels)
	}
	tab := a.table()
	for _, tc := range []struct {
		word string
		want uint8
		ok   bool
	}{
		{"وسامسونج", 2<<2 | 1<<6, true},
		{"سامسونج", 2<<2 | 1<<6, true},
		{"الرياض", 3<<4 | 1<<6, true},
		{"قالت", 0, false}, // never a name
		{".", 0, false},    // punctuation is not counted
	} {
		got, ok := tab[tc.word]
		if ok != tc.ok || got != tc.want {
			t.Errorf("%s: got %08b, %v; want %08b, %v", tc.word, got, ok, tc.want, tc.ok)
		}
	}
	// Below autoMinCount occurrences nothing is kept.
	var b autoCounter
	b.add(g.analyze(ws, nil), []int{0, 3, 0, 5, 0})
	if tab := b.table(); len(tab) != 0 {
		t.Errorf("one occurrence: table %v, want empty", tab)
	}
}

func TestAutoFeatures(t *testing.T) {
	g := newGazetteer()
	if w := g.info("سامسونج"); w.auto != 0 {
		t.Fatalf("without auto-tag statistics: auto = %x, want 0", w.auto)
	}
	g.auto = map[string]uint8{"سامسونج": 3 << 2}
	for _, tc := range []struct {
		word string
		want uint16
	}{
		{"سامسونج", 1<<8 | 3<<2},
		{"وسامسونج", 1<<8 | 3<<2}, // by its form without و
		{"كتاب", 1 << 8},
	} {
		w := g.info(tc.word)
		if w.auto != tc.want {
			t.Errorf("%s: auto = %x, want %x", tc.word, w.auto, tc.want)
		}
		for role := range nRoles {
			n := len(autoFeatures(&w, role, nil))
			want := 0
			switch {
			case role == window:
				want = 1 + bitsSet(uint8(tc.want))
			case role == window-1 || role == window+1:
				want = 1
			}
			if n != want {
				t.Errorf("%s role %d: %d features, want %d", tc.word, role, n, want)
			}
		}
	}
	if n := len(autoFeatures(&sentinel, window, nil)); n != 0 {
		t.Errorf("sentinel: %d features", n)
	}
}

// bitsSet counts the non-zero 2-bit type buckets of a statistics byte.
func bitsSet(b uint8) int {
	n := 0
	for k := range 3 {
		if b>>(2*k)&3 != 0 {
			n++
		}
	}
	return n
}

// TestAutoTagTrainSaveLoad trains a small tagger with auto-tag features on
// sentences written for the test, checks that the statistics are stored in
// the model file and that the reloaded tagger tags the same.
func TestAutoTagTrainSaveLoad(t *testing.T) {
	var data []Sentence
	for _, s := range []string{
		"قال B-PER محمد I-PER علي O في B-LOC الرياض O إن B-ORG شركة I-ORG سامسونج O ربحت",
		"زار B-PER أحمد I-PER سالم B-LOC جدة O أمس",
		"أعلنت B-ORG وزارة I-ORG الصحة O في B-LOC مكة O اليوم",
	} {
		f := strings.Fields(s)
		var sent Sentence
		sent.Words, sent.Tags = append(sent.Words, f[0]), append(sent.Tags, "O")
		for i := 1; i+1 < len(f); i += 2 {
			sent.Tags = append(sent.Tags, f[i])
			sent.Words = append(sent.Words, f[i+1])
		}
		for range 5 {
			data = append(data, sent)
		}
	}
	texts := []string{
		"قال محمد علي في الرياض إن سامسونج ربحت .\nزار أحمد سالم جدة .",
		"أعلنت وزارة الصحة في مكة أن سامسونج ربحت .",
		"قال محمد علي إن سامسونج ربحت في جدة .",
	}
	each := func(fn func(string)) error {
		for _, s := range texts {
			fn(s)
		}
		return nil
	}
	tg, err := Train(context.Background(), data, TrainOptions{Epochs: 3, Seed: 1, Stages: 1, AutoTag: true, Unlabelled: each})
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.gaz.auto) == 0 {
		t.Fatal("no auto-tag statistics")
	}
	tg2 := reload(t, tg)
	if len(tg2.gaz.auto) != len(tg.gaz.auto) {
		t.Fatalf("reloaded: %d auto-tag words, want %d", len(tg2.gaz.auto), len(tg.gaz.auto))
	}
	for w, b := range tg.gaz.auto {
		if tg2.gaz.auto[w] != b {
			t.Errorf("%s: reloaded %08b, want %08b", w, tg2.gaz.auto[w], b)
		}
	}
	for _, s := range texts {
		ws := words(s)
		if a, b := tg.Tag(ws), tg2.Tag(ws); !slices.Equal(a, b) {
			t.Errorf("reloaded model tags %q differently:\n%v\n%v", s, a, b)
		}
	}
	// An unknown section is an error, not a silent success.
	var bad bytes.Buffer
	tg.gaz.auto = nil
	if err := tg.Save(&bad); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(bytes.NewReader(appendGzip(t, bad.Bytes(), []byte{'Z'}))); err == nil {
		t.Error("model with an unknown section loaded")
	}
}

func TestDefaultModelWithoutAutoSection(t *testing.T) {
	// The embedded model may predate the auto-tag section: it loads, and
	// then its tokens have no auto-tag information.
	tg := defaultTagger(t)
	if tg.gaz.auto == nil {
		if w := tg.gaz.info("سامسونج"); w.auto != 0 {
			t.Errorf("auto = %x without statistics", w.auto)
		}
	}
}

func TestWordStatsCache(t *testing.T) {
	texts := strings.Repeat("ذهب محمد إلى الرياض ثم عاد محمد من الرياض إلى جدة . ", 10)
	ws, err := BuildWordStats(context.Background(), func(fn func(string)) error { fn(texts); return nil }, StatsOptions{Fine: 4, Coarse: 2, MinCount: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := ws.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	got, err := ReadWordStatsFrom(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.words, ws.words) || len(got.packed) != len(ws.packed) {
		t.Fatalf("round trip: %d words, %d packed; want %d, %d", len(got.words), len(got.packed), len(ws.words), len(ws.packed))
	}
	for w, p := range ws.packed {
		if got.packed[w] != p {
			t.Errorf("%s: %x, want %x", w, got.packed[w], p)
		}
	}
	if _, err := ReadWordStatsFrom(strings.NewReader("not gob")); err == nil {
		t.Error("garbage read as word statistics")
	}
}

// appendGzip returns the gzip stream z with extra appended to its content.
func appendGzip(t *testing.T, z, extra []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := gzip.NewWriter(&out)
	zw.Write(append(plain, extra...))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
