package index

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/internal/cputime"
)

// benchDocs returns n documents of text written for this benchmark: a few
// sentences of news Arabic, varied by number and by a name spelled two ways,
// so that batches share most of their words as news does.
func benchDocs(n int) []Doc {
	sentences := []string{
		"قال وزير الخارجية إن المحادثات مع الوفد مستمرة منذ يوم الاثنين",
		"وارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج",
		"واستقبل ولي العهد في الرياض رئيس الوزراء لبحث العلاقات الثنائية",
		"وأكد المتحدث باسم الحكومة أن مجلس الوزراء وافق على الميزانية الجديدة",
		"وذكرت وكالة الأنباء أن الرئيس ترمب التقى نظيره في البيت الأبيض",
		"وأعلنت وزارة التعليم عن بدء العام الدراسي في المدارس والجامعات",
	}
	docs := make([]Doc, n)
	for i := range docs {
		var b strings.Builder
		for j := range 12 {
			s := sentences[(i+j*5)%len(sentences)]
			if (i+j)%3 == 0 {
				s = strings.ReplaceAll(s, "ترمب", "ترامب")
			}
			fmt.Fprintf(&b, "%s %d. ", s, (i*7+j)%97)
		}
		docs[i] = Doc{ID: fmt.Sprint(i), Title: sentences[i%len(sentences)], Text: b.String(), Names: []string{"ترمب"}}
	}
	return docs
}

// BenchmarkAdd indexes batches of 200 documents (analysis included) and
// persists them, with Inverted and with Bleve (the peer), in the same run:
//
//	go test -run '^$' -bench Add -count 5 ./index
func BenchmarkAdd(b *testing.B) {
	for _, impl := range []struct {
		name string
		open func(string) (Index, error)
	}{
		{"inverted", func(dir string) (Index, error) { return Open(dir) }},
		{"bleve", func(dir string) (Index, error) { return OpenBleve(dir) }},
	} {
		b.Run(impl.name, func(b *testing.B) {
			ctx := context.Background()
			ix, err := impl.open(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer ix.Close()
			docs := benchDocs(200)
			b.ReportAllocs()
			b.ResetTimer()
			for i := range b.N {
				batch := make([]Doc, len(docs))
				for k, d := range docs {
					d.ID = fmt.Sprintf("%d-%s", i, d.ID)
					batch[k] = d
				}
				if err := ix.Add(ctx, batch, int64(i+1)); err != nil {
					b.Fatal(err)
				}
			}
			if err := ix.Sync(ctx); err != nil { // persisting is part of the cost
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
		})
	}
}

// BenchmarkAddCorpus indexes batches of 200 real articles (SaudiNewsNet,
// skipped when absent) as the engine hands them over: analyzed ahead,
// with their Terms and Firsts, so that it times Add's own work. It reports
// the CPU time per batch too (cpu-ns/op), steadier than the wall time on a
// loaded machine.
//
//	go test -run '^$' -bench AddCorpus -count 5 ./index
func BenchmarkAddCorpus(b *testing.B) {
	const batch = 200
	docs := corpusDocs(b, 4000)
	docs = docs[:len(docs)/batch*batch]
	an := arabic.New(arabic.DefaultOptions())
	var sc FirstsScratch
	for i := range docs {
		d := &docs[i]
		d.TitleTerms, d.TextTerms = Terms(an.Analyze(d.Title)), Terms(an.Analyze(d.Text))
		d.Firsts = AppendFirsts(nil, &sc, d.TitleTerms, d.TextTerms)
	}
	ix, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cputime.Self()
	for i := range b.N {
		from := i * batch % len(docs)
		ds := slices.Clone(docs[from:min(from+batch, len(docs))])
		for k := range ds {
			ds[k].ID = fmt.Sprintf("%d-%s", i, ds[k].ID)
		}
		if err := ix.Add(ctx, ds, int64(i+1)); err != nil {
			b.Fatal(err)
		}
	}
	if err := ix.Sync(ctx); err != nil {
		b.Fatal(err)
	}
	if cpu := cputime.Self() - cpu; cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "docs/s")
}
