package quote

import (
	"strings"
	"testing"
)

// TestMergeMarks checks that a merged quote holds whole quotations: no
// quotation mark is left open at its start or end.
func TestMergeMarks(t *testing.T) {
	for _, c := range []struct {
		name, text, want string
	}{
		{
			name: "direct then reported",
			text: "وقال سامي الخطيب: \"سنفتح المعبر غدا\"، وأضاف أن القوافل ستدخل تباعا.",
			want: "\"سنفتح المعبر غدا\"، وأضاف أن القوافل ستدخل تباعا",
		},
		{
			name: "reported then direct",
			text: "وأكد سامي الخطيب أن المفاوضات مستمرة، مضيفا: «لن نتراجع عن مطالبنا».",
			want: "المفاوضات مستمرة، مضيفا: «لن نتراجع عن مطالبنا»",
		},
		{
			name: "both reported",
			text: "وقال سامي الخطيب إن المعبر سيفتح، مؤكدا أن القوافل جاهزة.",
			want: "المعبر سيفتح، مؤكدا أن القوافل جاهزة",
		},
		{
			name: "quoted word inside",
			text: "وقال سامي الخطيب إن الوضع \"صعب\"، مؤكدا أن القوافل جاهزة.",
			want: "الوضع \"صعب\"، مؤكدا أن القوافل جاهزة",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Merge(c.text, Find(c.text, ents(c.text, "PER:سامي الخطيب")))
			checkQuotes(t, c.text, qs)
			if len(qs) != 1 {
				t.Fatalf("Merge gave %d quotes, want 1:\n%s", len(qs), dump(qs))
			}
			if qs[0].Text != c.want {
				t.Errorf("merged text %q, want %q", qs[0].Text, c.want)
			}
			if o, cl := openMarks([]rune(qs[0].Text)); o != 0 || cl != 0 {
				t.Errorf("merged text %q leaves %d marks open, %d closed without opening", qs[0].Text, o, cl)
			}
			if strings.Count(qs[0].Text, "\"")%2 != 0 {
				t.Errorf("odd number of \" in %q", qs[0].Text)
			}
		})
	}
}
