package arabic

import (
	"archive/zip"
	"encoding/json"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2/analysis/lang/ar"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/marsad/marsad/internal/cputime"
)

// benchCorpus is the SaudiNewsNet corpus, read when present.
const benchCorpus = "../../shared/data/saudinewsnet"

// benchText is text we wrote, repeated when the corpus is absent.
const benchText = `أعلن المتحدث باسم الحكومة، اليوم الخميس، أن الوزراء سيجتمعون الأسبوع المقبل في العاصمة لبحث خطة اقتصادية جديدة تهدف إلى خفض الأسعار وتحسين الخدمات العامة في المدن والمناطق الريفية. وقال المتحدث للصحفيين إن «الحوار مع الشركاء الدوليين مستمر»، مضيفاً أن المفاوضات التي بدأت في يناير ٢٠٢١ حققت تقدماً ملموساً بنسبة 19.5% خلال الأشهر الماضية. وأشار إلى أن اللجنة البرلمانية ستنشر تقريرها النهائي قبل نهاية العام، فيما أكدت مصادر مطلعة لـ"ABC News" أن الاتفاق قد يُوقَّع في واشنطن.
`

// benchTexts returns about 2 MB of articles: the first articles of the
// corpus, or our text repeated.
func benchTexts(b *testing.B) []string {
	const want = 2 << 20
	zips, _ := filepath.Glob(filepath.Join(benchCorpus, "*.zip"))
	slices.Sort(zips)
	var texts []string
	size := 0
	for _, path := range zips {
		zr, err := zip.OpenReader(path)
		if err != nil {
			b.Fatalf("open %s: %v", path, err)
		}
		for _, f := range zr.File {
			rc, err := f.Open()
			if err != nil {
				b.Fatalf("open %s/%s: %v", path, f.Name, err)
			}
			var arts []struct {
				Content string `json:"content"`
			}
			err = json.NewDecoder(rc).Decode(&arts)
			rc.Close()
			if err != nil {
				b.Fatalf("read %s/%s: %v", path, f.Name, err)
			}
			for _, a := range arts {
				texts = append(texts, a.Content)
				if size += len(a.Content); size >= want {
					zr.Close()
					return texts
				}
			}
		}
		zr.Close()
	}
	if len(texts) == 0 {
		b.Logf("%s absent: benchmarking on our own text", benchCorpus)
		return []string{strings.Repeat(benchText, want/len(benchText))}
	}
	return texts
}

func totalSize(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// BenchmarkAnalyze measures the Analyzer with default options; compare its
// MB/s with BenchmarkBleveAR on the same text.
func BenchmarkAnalyze(b *testing.B) {
	texts := benchTexts(b)
	a := New(DefaultOptions())
	toks := a.Analyze(texts[0]) // load the lexicon and its stems outside the timing
	b.SetBytes(totalSize(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			toks = a.AppendAnalyzed(toks[:0], t)
		}
	}
}

// BenchmarkBleveAR measures bleve v2's "ar" analyzer (Lucene's Arabic
// analysis) on the same text as BenchmarkAnalyze.
func BenchmarkBleveAR(b *testing.B) {
	texts := benchTexts(b)
	bs := make([][]byte, len(texts))
	for i, t := range texts {
		bs[i] = []byte(t)
	}
	ba, err := registry.NewCache().AnalyzerNamed(ar.AnalyzerName)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(totalSize(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range bs {
			ba.Analyze(t)
		}
	}
}

// BenchmarkTokenize measures the tokenizer alone.
func BenchmarkTokenize(b *testing.B) {
	texts := benchTexts(b)
	var toks []Token
	b.SetBytes(totalSize(texts))
	for b.Loop() {
		for _, t := range texts {
			toks = AppendTokens(toks[:0], t)
		}
	}
}

// BenchmarkAnalyzeCold is BenchmarkAnalyze with the processor's caches
// swept (16 MB read) before each article, untimed, as an ingest's other
// work does between two analyses: the stem table's memory is mostly out
// of the caches, as it is there. It reports CPU ns per op too, steadier
// than the wall time on a loaded machine.
func BenchmarkAnalyzeCold(b *testing.B) {
	texts := benchTexts(b)
	if len(texts) > 600 {
		texts = texts[:600]
	}
	a := New(DefaultOptions())
	toks := a.Analyze(texts[0])
	sweep := make([]uint64, 16<<20/8)
	var sink uint64
	b.SetBytes(totalSize(texts))
	var cpu time.Duration
	for b.Loop() {
		for _, t := range texts {
			b.StopTimer()
			for i := range sweep {
				sink += sweep[i]
				sweep[i] = sink
			}
			b.StartTimer()
			c := cputime.Self()
			toks = a.AppendAnalyzed(toks[:0], t)
			cpu += cputime.Self() - c
		}
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
	}
	runtime.KeepAlive(sink)
}

// BenchmarkStemUnknown stems the words of the articles that the stem
// table does not hold, which the analyzer stems each time it meets them.
func BenchmarkStemUnknown(b *testing.B) {
	a := New(DefaultOptions())
	var words []string
	for _, t := range benchTexts(b) {
		for _, tk := range a.Analyze(t) {
			if tk.Kind != Word {
				continue
			}
			w := string(AppendNormalized(nil, tk.Text, a.stemNorm))
			if _, ok := a.table.lookup(w); !ok {
				words = append(words, w)
			}
		}
	}
	for b.Loop() {
		for _, w := range words {
			stemWord(a.lex, w)
		}
	}
	b.ReportMetric(float64(len(words)), "words")
}

// BenchmarkLoadLexicon reads the embedded lexicon and makes its stem
// table, as the first New of a process does, and reports CPU ns per op.
func BenchmarkLoadLexicon(b *testing.B) {
	cpu0 := cputime.Self()
	for b.Loop() {
		loadDefaultLexicon().stems()
	}
	b.ReportMetric(float64((cputime.Self()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
}
