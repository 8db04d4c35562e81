package timex

import (
	"reflect"
	"testing"
	"time"
)

// TestFinderReuse checks that a Finder reused over texts of every size
// finds what a fresh Find does.
func TestFinderReuse(t *testing.T) {
	ref := time.Date(2021, 3, 19, 0, 0, 0, 0, time.UTC)
	texts := []string{
		"أعلن الكرملين، الجمعة 19 مارس/آذار 2021، أن الرئيس سيزور باريس غدا وبعد أسبوعين في 3 أبريل.",
		"",
		"x",
		"في عام 1990 و 12/10/2015 ثم 1,000 و19.5 يوم الاثنين الماضي",
		"\xff\xfe 5 مايو \xff",
		"قبل يومين",
	}
	var f Finder
	for round := range 2 {
		for _, text := range texts {
			if got, want := f.Find(text, ref), Find(text, ref); !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, %q: reused Finder gives %v, Find %v", round, text, got, want)
			}
		}
	}
}
