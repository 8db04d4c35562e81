package extract

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/marsad/marsad/article"
)

// TestExtractConcurrent runs one Extractor on several goroutines at once
// (as engine ingest and the all-parallel benchmark do) and checks that each
// result equals the one a lone call gives: the scratch buffers Extract
// reuses are never shared between calls, nor kept in what it returns.
// Run it with -race.
func TestExtractConcurrent(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"وقال المتحدث باسم المفوضية الأوروبية يوهان كارلسون، الثلاثاء، إن الاتفاق قريب. ورحبت المفوضية الأوروبية بالخطوة.",
		"ذكرت وكالة أنباء \"رامتا\" أن الرئيس الفنلندي ماتي هالونين سيزور القاهرة الأسبوع المقبل، وقال هالونين: \"الزيارة مهمة\".",
		"أكدت وزارة الخارجية اليابانية اليوم أن المحادثات مستمرة، مشيرة إلى أن الوفد سيعود غدا.",
		"",
		"\xff\xfe قال إن",
	}
	ref := time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC)
	want := make([]article.Facts, len(texts))
	for i, s := range texts {
		a := article.Article{Text: s, Published: ref}
		want[i] = x.Extract(&a, nil)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for r := range 20 {
				i := (g + r) % len(texts)
				a := article.Article{Text: texts[i], Published: ref}
				if got := x.Extract(&a, nil); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("text %d on goroutine %d: facts differ from a lone call:\n got %+v\nwant %+v", i, g, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
