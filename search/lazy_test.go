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
		// One alternative of an OR is enough: the lead, though the end
		// holds a passage with both.
		{"OR, one alternative in the lead", "بكين OR الحوار", lead + filler + "الحوار في بكين.", false, "<mark>الحوار</mark> مع", true},
		{"OR and a word, the word late", "بكين OR الحوار واشنطن", "زار الوفد بكين.\n" + filler + lead, true, "<mark>واشنطن</mark>", false},
		// Another spelling of a name counts as found: the lead is enough,
		// though the end holds a passage with more matches.
		{"other spelling in the lead", "ترامب", "صرح ترمب للصحفيين في المؤتمر.\n" + filler + "ترامب وترمب ولترامب.", false, "<mark>ترمب</mark> للصحفيين", true},
	}
	// A buffer reused from one test to the next, holding the tokens of
	// the previous text, must not change the snippets.
	var buf []arabic.Token
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q, err := Parse(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			m := q.Matcher(an)
			got := LazySnippet(tt.text, an, m, nil, 30, HTML)
			var reused string
			reused, buf = LazySnippetBuf(buf, tt.text, an, m, nil, 30, HTML)
			if reused != got {
				t.Errorf("with a reused buffer %q\nwithout %q", reused, got)
			}
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

// TestMatcherHolds: a text holds a query when it holds, for every clause,
// all the words of one alternative.
func TestMatcherHolds(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	tests := []struct {
		q     string
		found []string // words of the text
		want  bool
	}{
		{"الحوار", []string{"الحوار"}, true},
		{"الحوار", []string{"واشنطن"}, false},
		{"الحوار واشنطن", []string{"الحوار"}, false},
		{"الحوار واشنطن", []string{"واشنطن", "حوار"}, true},
		{"بكين OR الحوار", []string{"الحوار"}, true},
		{"بكين OR الحوار OR موسكو", []string{"موسكو"}, true},
		{"بكين OR الحوار واشنطن", []string{"الحوار"}, false},
		{"بكين OR الحوار واشنطن", []string{"بكين", "واشنطن"}, true},
		{`"الحوار مع واشنطن" OR بكين`, []string{"الحوار"}, false},
		{`"الحوار مع واشنطن" OR بكين`, []string{"الحوار", "واشنطن"}, true},
		{"الحوار -واشنطن", []string{"الحوار"}, true},
	}
	for _, tt := range tests {
		q, err := Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		m := q.Matcher(an)
		units, _ := m.units()
		found := map[string]bool{}
		for _, tok := range an.Analyze(strings.Join(tt.found, " ")) {
			if u, ok := m.unit(units, &tok, m.Match(tok, false)); ok {
				found[u] = true
			}
		}
		if got := m.holds(units, found); got != tt.want {
			t.Errorf("%s with %v: holds = %v, want %v", tt.q, tt.found, got, tt.want)
		}
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
