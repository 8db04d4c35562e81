package story

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/cputime"
)

func loadCorpusDocs(tb testing.TB) []Doc {
	arts := loadDays(tb)
	terms := testTerms()
	docs := make([]Doc, len(arts))
	for i, a := range arts {
		docs[i] = a.toDoc(terms)
	}
	if os.Getenv("STORY_ENTITIES") != "" {
		withEntities(tb, arts, docs)
	}
	return docs
}

// BenchmarkReplay clusters the whole corpus (analysis excluded), replayed
// STORY_REPLAY times with dates shifted by the corpus span each time.
// It reports articles/s and the time per 1,000 articles at the start and
// the end of the replay. STORY_ENTITIES=1 gives the articles the entities
// the project's tagger finds, and STORY_PRINTS=1 their signatures and
// distinct terms with their StemIDs computed ahead (not timed), as ingest
// does.
//
//	go test ./story -run XXX -bench Replay -benchtime 1x
func BenchmarkReplay(b *testing.B) {
	docs := loadCorpusDocs(b)
	if os.Getenv("STORY_PRINTS") != "" {
		pr := NewPrinter(DefaultConfig())
		lex := arabic.DefaultLexicon()
		for i := range docs {
			d := &docs[i]
			for _, t := range d.Terms {
				d.StemIDs = append(d.StemIDs, lex.StemID(t))
			}
			d.Print = pr.PrintDoc(d)
		}
	}
	times := replayTimes(b)
	span := docs[len(docs)-1].Published.Sub(docs[0].Published) + 24*time.Hour
	heap := func() float64 {
		var ms runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	base := heap()
	b.ResetTimer()
	for range b.N {
		c := New(DefaultConfig())
		var per1k []time.Duration
		start, cpu0 := time.Now(), cputime.Self()
		last := cpu0
		n := 0
		for r := range times {
			shift := time.Duration(r) * span
			for _, d := range docs {
				if r > 0 {
					d.ID = d.ID + "#" + string(rune('a'+r))
					d.Published = d.Published.Add(shift)
				}
				c.Add(d)
				n++
				if n%1000 == 0 {
					now := cputime.Self()
					per1k = append(per1k, now-last)
					last = now
				}
			}
		}
		el, cpu := time.Since(start), cputime.Self()-cpu0
		b.ReportMetric(float64(n)/el.Seconds(), "articles/s")
		b.ReportMetric(float64(n)/cpu.Seconds(), "articles/cpu-s")
		if len(per1k) >= 4 {
			b.ReportMetric(float64(per1k[1].Microseconds())/1000, "cpu-ms/1k-start")
			b.ReportMetric(float64(per1k[len(per1k)-1].Microseconds())/1000, "cpu-ms/1k-end")
		}
		b.ReportMetric(heap()-base, "state-MB")
		var buf countWriter
		if err := c.Save(&buf); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf)/(1<<20), "saved-MB")
		b.Logf("%d articles, %d stories, CPU time per 1k articles: %v", n, len(c.Stories()), per1k)
	}
}

// BenchmarkPrintDoc computes the Prints of the whole corpus's articles,
// given the Firsts and StemIDs an ingest gives them; it reports the time
// per article.
//
//	go test ./story -run XXX -bench PrintDoc
func BenchmarkPrintDoc(b *testing.B) {
	docs := loadCorpusDocs(b)
	lex := arabic.DefaultLexicon()
	for i := range docs {
		d := &docs[i]
		first := map[string]int32{}
		for j, t := range d.Terms {
			if _, ok := first[t]; !ok {
				first[t] = int32(j)
			}
			d.Firsts = append(d.Firsts, first[t])
			d.StemIDs = append(d.StemIDs, lex.StemID(t))
		}
	}
	pr := NewPrinter(DefaultConfig())
	b.ResetTimer()
	for range b.N {
		for i := range docs {
			pr.PrintDoc(&docs[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
}

// replayTimes is STORY_REPLAY (default 1): how many times to replay.
func replayTimes(tb testing.TB) int {
	n := 1
	if v := os.Getenv("STORY_REPLAY"); v != "" {
		var err error
		if n, err = strconv.Atoi(v); err != nil || n < 1 {
			tb.Fatalf("STORY_REPLAY=%q: want a positive integer", v)
		}
	}
	return n
}

// countWriter counts the bytes written to it.
type countWriter int64

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}

// BenchmarkSave writes the state of the clusterer holding the whole corpus.
//
//	go test ./story -run XXX -bench Save
func BenchmarkSave(b *testing.B) {
	docs := loadCorpusDocs(b)
	c := New(DefaultConfig())
	for _, d := range docs {
		c.Add(d)
	}
	b.ResetTimer()
	for range b.N {
		var buf countWriter
		if err := c.Save(&buf); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(buf))
	}
}

// BenchmarkLoad reads the state of the clusterer holding the whole corpus.
//
//	go test ./story -run XXX -bench Load
func BenchmarkLoad(b *testing.B) {
	docs := loadCorpusDocs(b)
	c := New(DefaultConfig())
	for _, d := range docs {
		c.Add(d)
	}
	data, err := c.MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		if _, err := Load(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
