package search

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/arabic"
)

func TestLazySnippet(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	filler := strings.Repeat("وأضاف المسؤول أن الاجتماع المقبل سيعقد في العاصمة بعد أسابيع.\n", 60) // ~7 KB
	lead := "قال المتحدث إن الحوار مع واشنطن مستمر.\n"
	tests := []struct {
		name, q, text string
		same          bool // equal to Snippet over the whole text
		wantMark      string
		cutEnd        bool // the passage ends before the text
	}{
		{"short text", "الحوار", lead, true, "<mark>الحوار</mark>", false},
		{"match at the end only", "الحوار", filler + lead, true, "<mark>الحوار</mark>", false},
		{"no match", "بكين", filler + lead, true, "", true},
		{"two words, one late", "الحوار بكين", lead + filler + "زار الوفد بكين.", true, "<mark>الحوار</mark>", true},
		{"match in the lead", "الحوار", lead + filler + lead, false, "<mark>الحوار</mark>", true},
		// Another spelling of a name counts as found: the lead is enough,
		// though the end holds a passage with more matches.
		{"other spelling in the lead", "ترامب", "صرح ترمب للصحفيين في المؤتمر.\n" + filler + "ترامب وترمب ولترامب.", false, "<mark>ترمب</mark> للصحفيين", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			m := q.Matcher(an)
			got := LazySnippet(tt.text, an, m, nil, 30, HTML)
			full := Snippet(tt.text, an.Analyze(tt.text), m, nil, 30, HTML)
			if tt.same && got != full {
				t.Errorf("lazy %q\nfull %q", got, full)
			}
			if !tt.same && (got == full && len(tt.text) > 2*lazyChunk) {
				t.Logf("lazy equals full: %q", got)
			}
			if tt.wantMark != "" && !strings.Contains(got, tt.wantMark) {
				t.Errorf("%q has no %s", got, tt.wantMark)
			}
			if tt.wantMark == "" && strings.Contains(got, "<mark>") {
				t.Errorf("%q marks a word", got)
			}
			if strings.HasSuffix(got, "…") != tt.cutEnd {
				t.Errorf("%q: ends with … = %v, want %v", got, !tt.cutEnd, tt.cutEnd)
			}
		})
	}
}

func FuzzLazySnippet(f *testing.F) {
	an := arabic.New(arabic.DefaultOptions())
	f.Add("الحوار", "قال المتحدث إن الحوار مع واشنطن مستمر.")
	f.Add("a", strings.Repeat("a b\n", 2000))
	f.Add("x", "\xff\xfe")
	f.Fuzz(func(t *testing.T, query, text string) {
		q, err := Parse(query)
		if err != nil {
			return
		}
		m := q.Matcher(an)
		got := LazySnippet(text, an, m, nil, 30, HTML)
		if len(text) <= 2*lazyChunk {
			if full := Snippet(text, an.Analyze(text), m, nil, 30, HTML); got != full {
				t.Fatalf("short text: lazy %q, full %q", got, full)
			}
		}
	})
}
