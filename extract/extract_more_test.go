package extract

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/article"
)

// TestExtractInvariants runs the whole extraction on short texts written in
// the style of Arabic news, and on bad input, and checks what must hold
// whatever the entity model finds: spans slice the text, and every quote's
// speaker is an entity of the article.
func TestExtractInvariants(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"قال المتحدث باسم الكرملين دميتري بيسكوف إن الحوار ممكن. وأوضح المتحدث باسم الكرملين أن الاتصالات مستمرة.",
		"قالت وزارة الخارجية الروسية في بيان إن موسكو سترد. وأضاف البيان أن العقوبات غير قانونية.",
		"وقال وزير الخارجية سيرغي لافروف: «لن نقبل بأي إملاءات»، مضيفاً أن الغرب يعرف ذلك.",
		"",
		"\xff\xfe\x00قال",
		strings.Repeat("قال \"", 500),
	}
	for _, text := range texts {
		a := article.Article{ID: "t", Text: text}
		checkSpans(t, text, x.Extract(&a, nil))
	}
}
