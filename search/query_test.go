package search

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/arabic"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"الحوار", "الحوار"},
		{"الحوار  واشنطن", "الحوار واشنطن"},
		{`"الحوار مع واشنطن"`, `"الحوار مع واشنطن"`},
		{`«الحوار مع واشنطن» بوتين`, `"الحوار مع واشنطن" بوتين`},
		{"بوتين OR بايدن", "بوتين OR بايدن"},
		{"بوتين OR بايدن OR ترامب الكرملين", "بوتين OR بايدن OR ترامب الكرملين"},
		{`الكرملين -موسكو -"البيت الأبيض"`, `الكرملين -موسكو -"البيت الأبيض"`},
		{"COVID-19", "COVID-19"},
		{"بوتين or بايدن", "بوتين or بايدن"}, // lower-case or is a word
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseStructure(t *testing.T) {
	q, err := Parse(`بوتين OR "جو بايدن" -موسكو`)
	if err != nil {
		t.Fatal(err)
	}
	if len(q.Clauses) != 2 || len(q.Clauses[0].Alts) != 2 || !q.Clauses[0].Alts[1].Phrase || q.Clauses[0].Not || !q.Clauses[1].Not {
		t.Fatalf("bad structure: %+v", q)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "empty query"},
		{"   ", "empty query"},
		{`"الحوار مع`, "unbalanced quote"},
		{`الحوار "`, "unbalanced quote"},
		{`""`, "empty phrase"},
		{"OR بوتين", "before it"},
		{"بوتين OR", "after it"},
		{"بوتين OR OR بايدن", "after it"},
		{"-موسكو", "only exclusions"},
		{"بوتين -", "must be followed"},
		{"بوتين OR -بايدن", "cannot be part of OR"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q): no error", tt.in)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %q, want it to mention %q", tt.in, err, tt.want)
		}
	}
	if _, err := Parse(""); !errors.Is(err, ErrEmptyQuery) {
		t.Errorf("Parse(\"\") = %v, want ErrEmptyQuery", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"الحوار", `"الحوار مع" OR واشنطن -موسكو`, `"`, "OR", "-", "a OR -b", "\xff\xfe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		if len(q.Clauses) == 0 {
			t.Fatalf("Parse(%q): no clauses and no error", s)
		}
		// A parsed query prints back to a query that parses the same.
		q2, err := Parse(q.String())
		if err != nil || q2.String() != q.String() {
			t.Fatalf("round trip of %q: %q, %v", s, q2.String(), err)
		}
	})
}

func TestSnippet(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	filler := strings.Repeat("كلمة عادية ", 40)
	text := filler + "وقال المتحدث إن الحُوَار مع واشنطن <ممكن> & مفيد. " + filler
	q, err := Parse("الحوار")
	if err != nil {
		t.Fatal(err)
	}
	m := q.Matcher(an)
	toks := an.Analyze(text)
	for _, tt := range []struct {
		f    Format
		want string
	}{
		{Plain, "[الحُوَار]"},
		{HTML, "<mark>الحُوَار</mark>"},
		{ANSI, "\x1b[1;33mالحُوَار\x1b[0m"},
	} {
		s := Snippet(text, toks, m, nil, 30, tt.f)
		if !strings.Contains(s, tt.want) {
			t.Errorf("format %d: snippet %q lacks %q", tt.f, s, tt.want)
		}
		if !strings.HasPrefix(s, "… ") || !strings.HasSuffix(s, " …") {
			t.Errorf("format %d: snippet %q not cut on both sides", tt.f, s)
		}
		if n := len(strings.Fields(s)); n > 34 {
			t.Errorf("format %d: snippet has %d words", tt.f, n)
		}
		if tt.f == HTML && (strings.Contains(s, "<ممكن>") || !strings.Contains(s, "&lt;ممكن&gt; &amp;")) {
			t.Errorf("HTML snippet not escaped: %q", s)
		}
	}
	// Bad input never panics and stays valid UTF-8 in HTML.
	for _, bad := range []string{"", "\xff\xfe الحوار", strings.Repeat("،", 50)} {
		s := Snippet(bad, an.Analyze(bad), m, nil, 30, HTML)
		_ = utf8.ValidString(s)
	}
}

func TestNameLike(t *testing.T) {
	lex := arabic.DefaultLexicon()
	an := arabic.New(arabic.DefaultOptions())
	tests := []struct {
		word string
		want bool
	}{
		{"ترامب", true}, {"ترمب", true}, {"بوتين", true}, {"نتنياهو", true},
		{"ماكرونيفسكي", true}, // unknown to the lexicon
		{"كاتب", false}, {"كتاب", false}, {"كتب", false}, {"طالب", false},
		{"الحوار", false}, {"جديد", false}, {"سعيد", false},
		// words ending in ة, which the lexicon keeps and the stem folds to ه
		{"المملكة", false}, {"الحكومة", false}, {"حكومة", false}, {"الشرطة", false},
		{"", false}, {"Trump", false}, {"2021", false},
	}
	for _, tt := range tests {
		stem := ""
		if toks := an.Analyze(tt.word); len(toks) > 0 {
			stem = toks[0].Stem
		}
		if got := NameLike(lex, stem); got != tt.want {
			t.Errorf("NameLike(%q, stem %q) = %v, want %v", tt.word, stem, got, tt.want)
		}
	}
}

func TestMatcherNameVariants(t *testing.T) {
	an := arabic.New(arabic.DefaultOptions())
	text := "قال دونالد ترمب إن الكتاب الجديد صدر، وقال الكاتب إنه راض"
	for _, tt := range []struct{ q, want string }{
		{"ترامب", "[ترمب]"},
		{"كاتب", "[الكاتب]"},
		{"كتاب", "[الكتاب]"},
	} {
		q, err := Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		s := Snippet(text, an.Analyze(text), q.Matcher(an), nil, 30, Plain)
		if strings.Count(s, "[") != 1 || !strings.Contains(s, tt.want) {
			t.Errorf("%s: snippet %q, want only %s marked", tt.q, s, tt.want)
		}
	}
}
