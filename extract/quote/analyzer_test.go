package quote

import (
	"reflect"
	"testing"

	"github.com/marsad/marsad/article"
)

// TestAnalyzerReuse checks that an Analyzer reused over texts of every
// size gives what a fresh Analyze does.
func TestAnalyzerReuse(t *testing.T) {
	type input struct {
		text string
		ents []article.Entity
	}
	in := []input{
		{"قال الرئيس أحمد علي إن «الوضع مستقر تماما» وأضاف أن الحكومة ستعمل.", []article.Entity{{Text: "أحمد علي", Type: article.PER, Mentions: []article.Span{{Start: 10, End: 18}}}}},
		{"", nil},
		{"x", nil},
		{"وقالت وزارة الخارجية في بيان إن \"المحادثات ستستمر\".", nil},
		{"\xff قال \xfe", nil},
		{"وقال سامي الخطيب: \"سنفتح المعبر غدا\"، وأضاف أن القوافل ستدخل تباعا.", []article.Entity{{Text: "سامي الخطيب", Type: article.PER, Mentions: []article.Span{{Start: 5, End: 16}}}}},
		{"\xffوقال سامي الخطيب إن المعبر سيفتح، مؤكدا أن القوافل جاهزة.", []article.Entity{{Text: "سامي الخطيب", Type: article.PER, Mentions: []article.Span{{Start: 6, End: 17}}}}},
	}
	var a Analyzer
	for round := range 2 {
		for _, c := range in {
			got, want := a.Analyze(c.text, c.ents, ""), Analyze(c.text, c.ents, "")
			if !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, %q: reused Analyzer gives %+v, Analyze %+v", round, c.text, got, want)
			}
			if mg, mw := a.Merge(c.text, got.Quotes), Merge(c.text, want.Quotes); !reflect.DeepEqual(mg, mw) {
				t.Errorf("round %d, %q: reused Analyzer merges to %+v, Merge to %+v", round, c.text, mg, mw)
			}
		}
	}
}
