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
	}
	var a Analyzer
	for round := range 2 {
		for _, c := range in {
			if got, want := a.Analyze(c.text, c.ents, ""), Analyze(c.text, c.ents, ""); !reflect.DeepEqual(got, want) {
				t.Errorf("round %d, %q: reused Analyzer gives %+v, Analyze %+v", round, c.text, got, want)
			}
		}
	}
}
