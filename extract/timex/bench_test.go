package timex

import (
	"strings"
	"testing"
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

func BenchmarkPublicationDate(b *testing.B) {
	for b.Loop() {
		PublicationDate(benchText)
	}
}
