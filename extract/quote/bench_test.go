package quote

import (
	"strings"
	"testing"
	"unicode"

	"github.com/marsad/marsad/arabic"
)

// benchArticle is a news-style article of about 4 KB written for the
// benchmark, with its entities.
func benchArticle() (string, []string) {
	paras := []string{
		"أعلن الكرملين، الجمعة، أن عرض الرئيس فلاديمير بوتين بشأن إجراء محادثات مع الرئيس جو بايدن لا يزال قائماً، لافتاً إلى أن الموعد لم يحدد بعد.",
		"وقال دميتري بيسكوف، المتحدث باسم الكرملين، إن روسيا تستخدم القنوات الدبلوماسية المتاحة، مؤكداً أن بلاده تطمح دائماً للأفضل لكنها تستعد للأسوأ.",
		"وأضاف بيسكوف \"لا يمكن تجاهل التصريحات الأخيرة، لكننا منفتحون على الحوار البناء\"، وفقاً لوكالة تاس.",
		"في المقابل، أشارت جين ساكي، المتحدثة باسم البيت الأبيض، إلى أن بايدن ليس نادماً على تصريحاته، وأوضحت أن هناك قرارات غير معلنة.",
		"كما أضافت المتحدثة باسم البيت الأبيض، قائلة: «لن نعتمد على العقوبات فقط في تعاملنا مع روسيا».",
		"ومن جهتها أكدت وزارة الخارجية الروسية في بيان أن موسكو ستعمل مع الإدارة الجديدة، مشددة على أنها ستدافع عن مصالحها.",
		"وأضاف البيان: \"روسيا ليس لديها أي أوهام فيما يتعلق بالنخبة السياسية الحاكمة في واشنطن\".",
		"وبحسب منظمة الصحة العالمية، فإن الوباء لم ينته بعد، فيما حذرت المنظمة من موجة جديدة خلال الشتاء المقبل.",
		"نقلت وكالة الأنباء الفرنسية عن مارين لوبان قولها إن فرنسا بحاجة إلى التغيير، وإن الانتخابات المقبلة حاسمة.",
		"\"لن نتراجع عن مطالبنا\"، قال نبيه بري. وتابع بري أن الحوار هو الطريق الوحيد للخروج من الأزمة الراهنة.",
		"وصل الرئيس إيمانويل ماكرون إلى بيروت، حسبما ذكرت وكالة رويترز، والتقى عدداً من المسؤولين اللبنانيين في قصر بعبدا.",
		"قال مسؤول أمريكي رفيع لوكالة رويترز إن الإدارة تدرس فرض عقوبات جديدة، وإن القرار النهائي بيد الرئيس.",
	}
	var b strings.Builder
	for i := 0; b.Len() < 4096; i++ {
		b.WriteString(paras[i%len(paras)])
		b.WriteByte('\n')
	}
	return b.String(), []string{
		"PER:فلاديمير بوتين", "PER:جو بايدن", "PER:دميتري بيسكوف", "PER:جين ساكي",
		"PER:مارين لوبان", "PER:نبيه بري", "PER:إيمانويل ماكرون", "ORG:الكرملين",
		"ORG:البيت الأبيض", "ORG:وزارة الخارجية الروسية", "ORG:منظمة الصحة العالمية",
		"ORG:وكالة تاس", "ORG:وكالة رويترز", "ORG:وكالة الأنباء الفرنسية",
		"LOC:روسيا", "LOC:موسكو", "LOC:واشنطن", "LOC:فرنسا", "LOC:بيروت",
	}
}

func BenchmarkFind(b *testing.B) {
	text, specs := benchArticle()
	es := ents(text, specs...)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var n int
	for b.Loop() {
		n = len(Find(text, es))
	}
	b.ReportMetric(float64(n), "quotes/op")
}

// BenchmarkRangeBaseline is a yardstick for BenchmarkFind on a loaded
// machine: one pass over the same text testing every rune with
// unicode.IsLetter.
func BenchmarkRangeBaseline(b *testing.B) {
	text, _ := benchArticle()
	b.SetBytes(int64(len(text)))
	n := 0
	for b.Loop() {
		for _, r := range text {
			if unicode.IsLetter(r) {
				n++
			}
		}
	}
	_ = n
}

// BenchmarkAnalyzeTokens is Analyzer.AnalyzeTokens on the benchmark article
// already split into arabic tokens, as extraction gives it.
func BenchmarkAnalyzeTokens(b *testing.B) {
	text, specs := benchArticle()
	es := ents(text, specs...)
	toks := arabic.Tokenize(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var a Analyzer
	for b.Loop() {
		a.AnalyzeTokens(text, toks, es, "")
	}
}

// BenchmarkTokenize compares the two ways of tokenizing the benchmark
// article: scanning its text alone, and reading it through the arabic
// tokens it was analyzed into.
func BenchmarkTokenize(b *testing.B) {
	text, _ := benchArticle()
	for _, bc := range []struct {
		name  string
		atoks []arabic.Token
	}{{"text", nil}, {"tokens", arabic.Tokenize(text)}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			var toks []token
			var norms []byte
			for b.Loop() {
				toks, _, _ = tokenizeValidBuf(text, bc.atoks, toks, &norms, nil)
			}
		})
	}
}
