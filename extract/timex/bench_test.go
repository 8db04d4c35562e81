package timex

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad/arabic"
)

// benchText is about 4 KB of news-style Arabic written for the benchmark.
var benchText = func() string {
	para := "أعلن المتحدث باسم الحكومة، الخميس 18 مارس/آذار 2021، أن الوزير سيزور العاصمة الأسبوع المقبل " +
		"لبحث الاتفاق الذي وُقّع في التسعينيات، مضيفاً أن المفاوضات التي بدأت أمس الأربعاء ستُستأنف قريباً. " +
		"وكانت الوزارة قد نشرت تقريراً في يناير الماضي عن انتخابات 2020، وقالت إن نسبة المشاركة بلغت 19.5 في المئة " +
		"من أصل 2000 ناخب مسجل، وإن النتائج النهائية ستصدر بعد أسبوعين على أقصى تقدير.\n"
	var b strings.Builder
	for b.Len() < 4096 {
		b.WriteString(para)
	}
	return b.String()
}()

func BenchmarkFind(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Find(benchText, fri)
	}
}

// BenchmarkFindTokens is Finder.FindTokens on benchText already split
// into arabic tokens, as extraction gives it.
func BenchmarkFindTokens(b *testing.B) {
	toks := arabic.Tokenize(benchText)
	b.SetBytes(int64(len(benchText)))
	var f Finder
	for b.Loop() {
		f.FindTokens(benchText, toks, fri)
	}
}

func BenchmarkPublicationDate(b *testing.B) {
	for b.Loop() {
		PublicationDate(benchText)
	}
}

// BenchmarkFindSeeds runs Find over the seed articles (skipped when
// ../shared is absent); bytes/s is over their whole text.
func BenchmarkFindSeeds(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedDir, "seeds", "*.txt"))
	if len(files) == 0 {
		b.Skip("shared seeds absent")
	}
	var texts []string
	n := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(t))
		n += len(t)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, t := range texts {
			Find(t, fri)
		}
	}
}

// BenchmarkTokenize compares the two ways of tokenizing benchText:
// scanning it alone, and reading it through the arabic tokens it was
// analyzed into.
func BenchmarkTokenize(b *testing.B) {
	for _, bc := range []struct {
		name  string
		atoks []arabic.Token
	}{{"text", nil}, {"tokens", arabic.Tokenize(benchText)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(benchText)))
			var toks []token
			var norms []byte
			for b.Loop() {
				toks = newDocBuf(benchText, bc.atoks, toks, &norms).toks
			}
		})
	}
}
