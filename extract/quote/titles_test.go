package quote

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

func TestAnalyzeTitles(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []string
		want []string // "canonical name=title as written", in text order
	}{
		{
			name: "apposition between commas, then the title alone",
			text: "قالت جين ساكي، المتحدثة باسم البيت الأبيض، إن الرئيس سيوقع. وأضافت المتحدثة باسم البيت الأبيض أن القرار نهائي.",
			ents: []string{"PER:جين ساكي", "ORG:البيت الأبيض"},
			want: []string{"جين ساكي=المتحدثة باسم البيت الأبيض", "جين ساكي=المتحدثة باسم البيت الأبيض"},
		},
		{
			name: "title before the name, then a shortened title after a clitic",
			text: "التقى وزير الخارجية الروسي سيرغي لافروف نظراءه العرب. ولوزير الخارجية رأي آخر.",
			ents: []string{"PER:سيرغي لافروف"},
			want: []string{"سيرغي لافروف=وزير الخارجية الروسي", "سيرغي لافروف=وزير الخارجية"},
		},
		{
			name: "a longer title is another office",
			text: "قال وزير الخارجية سيرغي لافروف إن الحوار ممكن. ورد وزير الخارجية الأمريكي بأن واشنطن لن تتراجع.",
			ents: []string{"PER:سيرغي لافروف", "LOC:واشنطن"},
			want: []string{"سيرغي لافروف=وزير الخارجية"},
		},
		{
			name: "a title held by two persons names neither",
			text: "قال الرئيس الأمريكي جو بايدن إن الحرب طويلة. وكان الرئيس الأمريكي دونالد ترامب قد قال العكس. وأكد الرئيس الأمريكي أن الموقف ثابت.",
			ents: []string{"PER:جو بايدن", "PER:دونالد ترامب"},
			want: []string{"جو بايدن=الرئيس الأمريكي", "دونالد ترامب=الرئيس الأمريكي"},
		},
		{
			name: "time words between commas are not a title",
			text: "وقال رسلان إديليجريف، اليوم الأربعاء، إن روسيا مستعدة. وأضاف اليوم الأربعاء أن الحوار ضروري.",
			ents: []string{"PER:رسلان إديليجريف", "LOC:روسيا"},
			want: nil,
		},
		{
			name: "an organization has no title",
			text: "قالت وزارة الخارجية، الجهة المسؤولة عن الملف، إن الاتفاق قريب.",
			ents: []string{"ORG:وزارة الخارجية"},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := ents(tt.text, tt.ents...)
			r := Analyze(tt.text, es, "")
			checkQuotes(t, tt.text, r.Quotes)
			rs := []rune(tt.text)
			var got []string
			for _, ti := range r.Titles {
				checkTitle(t, tt.text, es, ti)
				got = append(got, es[ti.Entity].Text+"="+string(rs[ti.Span.Start:ti.Span.End]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("titles\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestAnalyzeQuotesAsFind checks that Analyze reports the quotes Find does,
// and more only for the organizations it found.
func TestAnalyzeQuotesAsFind(t *testing.T) {
	for _, c := range readLabelled(t) {
		es := ents(c.Text, c.Ents...)
		r := Analyze(c.Text, es, "")
		var a []article.Quote
		for _, q := range r.Quotes {
			if !slices.ContainsFunc(r.Entities, func(e article.Entity) bool { return e.Text == q.Speaker }) {
				a = append(a, q)
			}
		}
		if f := Find(c.Text, es); !slices.Equal(a, f) {
			t.Errorf("%s: Analyze quotes\n%s\nFind quotes\n%s", c.ID, dump(a), dump(f))
		}
	}
}

// checkTitle checks the invariants of a title mention.
func checkTitle(t *testing.T, text string, es []article.Entity, ti Title) {
	t.Helper()
	n := utf8.RuneCountInString(text)
	if ti.Entity < 0 || ti.Entity >= len(es) || es[ti.Entity].Type != article.PER {
		t.Fatalf("title names entity %d, not a person of %d entities", ti.Entity, len(es))
	}
	if ti.Span.Start < 0 || ti.Span.End > n || ti.Span.Start >= ti.Span.End {
		t.Fatalf("title span [%d,%d) out of range (len %d)", ti.Span.Start, ti.Span.End, n)
	}
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"قالت جين ساكي، المتحدثة باسم البيت الأبيض، إن الرئيس سيوقع. وأضافت المتحدثة باسم البيت الأبيض أن القرار نهائي.",
		"وقال المتحدث باسم الرئاسة الروسية \"الكرملين\" دميتري بيسكوف إن. وبحسب المتحدث باسم الكرملين، فإن",
		"ولوزير الخارجية دميتري بيسكوف، الوزير،",
		"\xff\xfeالمتحدث باسم \xc3 بيسكوف",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		es := ents(text, "PER:دميتري بيسكوف", "ORG:الكرملين", "PER:جين ساكي", "LOC:موسكو")
		if n := utf8.RuneCountInString(text); n > 4 {
			es = append(es, article.Entity{Text: "س", Type: article.PER, Mentions: []article.Span{{Start: 1, End: 3}, {Start: n / 2, End: n}}})
		}
		r := Analyze(text, es, "")
		checkQuotes(t, text, r.Quotes)
		for _, ti := range r.Titles {
			checkTitle(t, text, es, ti)
		}
	})
}

// TestHeadOfTitle checks headOfTitle against its definition on the heads
// of titles with the affixes stem1 drops, and on words that are none.
func TestHeadOfTitle(t *testing.T) {
	words := []string{"", "ه", "وزيره", "قال", "المتحدثه", "للوزير", "بالرئيسه", "الامين", "مدينه", "abc", "abcه"}
	for w := range titleHeads {
		words = append(words, w, "ال"+w, w+"ه", "لل"+w, "بال"+w+"ه", "ل"+w, "و"+w, "ال"+w+"هه", "لال"+w, "ب"+w)
	}
	for _, w := range words {
		if got, want := headOfTitle(w), titleHeads[stem1(w)]; got != want {
			t.Errorf("headOfTitle(%q) = %v, want %v", w, got, want)
		}
	}
	for w := range titleForms {
		if !titleFormKeys.Has(w) {
			t.Errorf("titleFormKeys lacks %q", w)
		}
	}
}
