package server

import (
	"fmt"
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// tag makes an annotation rendered as <name>…</name>; later pieces of a
// split span open as <name c>.
func tag(name string, start, end, prio int) annotation {
	return annotation{start: start, end: end, prio: prio,
		openFirst: "<" + name + ">", openRest: "<" + name + " c>", close: "</" + name + ">"}
}

func TestAnnotate(t *testing.T) {
	for _, tc := range []struct {
		name string
		text string
		anns []annotation
		want string
	}{
		{"no spans", "نص <b>&", nil, "نص &lt;b&gt;&amp;"},
		{"empty text", "", []annotation{tag("a", 0, 3, 0)}, ""},
		{"one span", "قال بيسكوف إن", []annotation{tag("a", 4, 10, 0)}, "قال <a>بيسكوف</a> إن"},
		{"span at text end", "قال بيسكوف", []annotation{tag("a", 4, 10, 0)}, "قال <a>بيسكوف</a>"},
		{"span past text end is clamped", "قال بيسكوف", []annotation{tag("a", 4, 99, 0)}, "قال <a>بيسكوف</a>"},
		{"span wholly past the end is dropped", "قال", []annotation{tag("a", 5, 9, 0)}, "قال"},
		{"negative start is clamped", "قال", []annotation{tag("a", -2, 1, 0)}, "<a>ق</a>ال"},
		{"empty and reversed spans are dropped", "قال", []annotation{tag("a", 1, 1, 0), tag("b", 2, 1, 0)}, "قال"},
		{"span at start", "بوتين قال", []annotation{tag("a", 0, 5, 0)}, "<a>بوتين</a> قال"},
		{"nested: longer outside", "قال بيسكوف", []annotation{tag("e", 4, 10, 1), tag("q", 0, 10, 0)},
			"<q>قال <e>بيسكوف</e></q>"},
		{"same extent: priority decides", "بيسكوف", []annotation{tag("t", 0, 6, 2), tag("e", 0, 6, 1)},
			"<e><t>بيسكوف</t></e>"},
		{"adjacent spans", "أبجد", []annotation{tag("a", 0, 2, 0), tag("b", 2, 4, 0)}, "<a>أب</a><b>جد</b>"},
		{"crossing spans are split", "أبجدهو", []annotation{tag("a", 0, 4, 0), tag("b", 2, 6, 0)},
			"<a>أب<b>جد</b></a><b c>هو</b>"},
		{"crossing, inner closes first", "أبجدهو", []annotation{tag("a", 0, 3, 0), tag("b", 1, 5, 0), tag("c", 2, 6, 0)},
			"<a>أ<b>ب<c>ج</c></b></a><b c><c c>ده</c></b><c c>و</c>"},
		{"diacritics count as runes", "الحُوَار", []annotation{tag("a", 2, 8, 0)}, "ال<a>حُوَار</a>"},
		{"text is escaped inside spans", `<script>"x"</script>`, []annotation{tag("a", 0, 8, 0)},
			"<a>&lt;script&gt;</a>&#34;x&#34;&lt;/script&gt;"},
		{"invalid UTF-8 is one rune a byte", "a\xffب", []annotation{tag("a", 1, 2, 0)}, "a<a>\uFFFD</a>ب"},
		{"newlines kept", "سطر\nسطر", []annotation{tag("a", 2, 5, 0)}, "سط<a>ر\nس</a>طر"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := string(annotate(tc.text, tc.anns))
			if got != tc.want {
				t.Errorf("annotate(%q)\n got %s\nwant %s", tc.text, got, tc.want)
			}
			if _, err := textContent(got); err != nil {
				t.Errorf("not well formed: %v", err)
			}
		})
	}
}

func TestFactAnnotations(t *testing.T) {
	text := "قال بيسكوف أمس إن \"الحوار ممكن\""
	f := article.Facts{
		Entities: []article.Entity{{Text: "دميتري بيسكوف", Type: article.PER, Mentions: []article.Span{at(text, "بيسكوف", 0)}}},
		Times:    []article.Time{{Text: "أمس", Value: "2021-03-18", Span: at(text, "أمس", 0)}, {Text: "الآن", Value: "PRESENT_REF", Span: article.Span{In: article.InTitle}}},
		Quotes:   []article.Quote{{Speaker: "دميتري بيسكوف", Verb: "قال", Text: "الحوار ممكن", Direct: true, Span: at(text, "الحوار ممكن", 0)}},
	}
	got := string(annotate(text, factAnnotations(f, "")))
	want := `قال <mark class="ent per" title="دميتري بيسكوف · شخص" data-href="/entities/%D8%AF%D9%85%D9%8A%D8%AA%D8%B1%D9%8A%20%D8%A8%D9%8A%D8%B3%D9%83%D9%88%D9%81">بيسكوف</mark> ` +
		`<time class="date" title="2021-03-18" datetime="2021-03-18">أمس</time> إن &#34;` +
		`<span class="quote direct first" data-speaker="دميتري بيسكوف" title="دميتري بيسكوف (قال)">الحوار ممكن</span>&#34;`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	// Facts of the title are not marked in the text, and an empty span
	// marks nothing.
	if title := string(annotate("الآن", factAnnotations(f, article.InTitle))); title != "الآن" {
		t.Errorf("empty title span: %s", title)
	}
	f.Times[1].Span = article.Span{Start: 0, End: 4, In: article.InTitle}
	title := string(annotate("الآن", factAnnotations(f, article.InTitle)))
	if title != `<time class="date" title="الحاضر (PRESENT_REF)">الآن</time>` {
		t.Errorf("vague time in title: %s", title)
	}
	// Markup in names is escaped in attributes.
	f = article.Facts{Entities: []article.Entity{{Text: `"><script>`, Type: "X", Mentions: []article.Span{{Start: 0, End: 1}}}}}
	got = string(annotate("ن", factAnnotations(f, "")))
	if strings.Contains(got, "<script>") || !strings.Contains(got, `class="ent other"`) {
		t.Errorf("entity name not escaped: %s", got)
	}
}

// textContent checks that s is well formed (every tag closed in order, no
// stray < or >, only valid character references) and returns its text.
func textContent(s string) (string, error) {
	var text strings.Builder
	var stack []string
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			i = len(s)
		}
		piece := s[:i]
		if strings.ContainsRune(piece, '>') {
			return "", fmt.Errorf("raw > in text %q", piece)
		}
		for j := strings.IndexByte(piece, '&'); j >= 0; j = strings.IndexByte(piece, '&') {
			m := charRef.FindString(piece[j:])
			if m == "" {
				return "", fmt.Errorf("bare & in text %q", piece)
			}
			text.WriteString(html.UnescapeString(piece[:j] + m))
			piece = piece[j+len(m):]
		}
		text.WriteString(piece)
		s = s[i:]
		if s == "" {
			break
		}
		end := strings.IndexByte(s, '>')
		if end < 0 {
			return "", fmt.Errorf("unterminated tag %q", s)
		}
		tag := s[1:end]
		s = s[end+1:]
		if strings.ContainsRune(tag, '<') {
			return "", fmt.Errorf("< inside tag %q", tag)
		}
		if name, ok := strings.CutPrefix(tag, "/"); ok {
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return "", fmt.Errorf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		name, _, _ := strings.Cut(tag, " ")
		stack = append(stack, name)
	}
	if len(stack) > 0 {
		return "", fmt.Errorf("unclosed %v", stack)
	}
	return text.String(), nil
}

// FuzzAnnotate checks that any text with any spans renders without panic
// as well-formed HTML whose text is the original text.
func FuzzAnnotate(f *testing.F) {
	f.Add("قال بيسكوف أمس إن الحوار ممكن", []byte{4, 10, 1, 0, 30, 0, 11, 14, 2})
	f.Add("أبجدهو", []byte{0, 4, 0, 2, 6, 0, 1, 5, 1})
	f.Add("<script>&amp;\"'", []byte{0, 9, 0, 3, 3, 1})
	f.Add("a\xff\xfeب\x00", []byte{1, 3, 0, 0, 255, 2})
	f.Add("", []byte{0, 1, 0})
	f.Fuzz(func(t *testing.T, text string, spec []byte) {
		n := utf8.RuneCountInString(text)
		var anns []annotation
		names := []string{"q", "e", "t"}
		for i := 0; i+2 < len(spec) && len(anns) < 64; i += 3 {
			// Offsets from -2 to n+2 reach past both ends.
			start := int(spec[i])%(n+5) - 2
			end := int(spec[i+1])%(n+5) - 2
			k := int(spec[i+2]) % 3
			a := tag(names[k], start, end, k)
			a.openFirst = "<" + names[k] + ` title="` + html.EscapeString(text) + `">`
			anns = append(anns, a)
		}
		out := string(annotate(text, anns))
		got, err := textContent(out)
		if err != nil {
			t.Fatalf("annotate(%q, %v) is not well formed: %v\n%s", text, anns, err, out)
		}
		if want := string([]rune(text)); got != want {
			t.Fatalf("text content %q, want %q\n%s", got, want, out)
		}
	})
}

func TestSafeSnippet(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"قال <mark>بيسكوف</mark> إن", "قال <mark>بيسكوف</mark> إن"},
		{"<MARK>x</Mark>", "<mark>x</mark>"},
		{"&lt;script&gt; &amp; &#39; &#x41;", "&lt;script&gt; &amp; &#39; &#x41;"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{`<mark onclick="x">a</mark>`, "&lt;mark onclick=&#34;x&#34;&gt;a"},
		{"a & b &c d; <", "a &amp; b &amp;c d; &lt;"},
		{"<mark>open", "<mark>open</mark>"},
		{"</mark>close", "close"},
		{"\xffب", "\uFFFDب"},
	} {
		if got := string(safeSnippet(tc.in)); got != tc.want {
			t.Errorf("safeSnippet(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzSafeSnippet checks that any snippet is rendered well formed with no
// tag but <mark>.
func FuzzSafeSnippet(f *testing.F) {
	for _, s := range []string{"<mark>x</mark>", "<script>", "&amp;&#1;&x", "</mark><mark>", "\xff<"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := string(safeSnippet(s))
		if _, err := textContent(out); err != nil {
			t.Fatalf("safeSnippet(%q) = %q: %v", s, out, err)
		}
		rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
		if strings.ContainsAny(rest, "<>") {
			t.Fatalf("safeSnippet(%q) = %q: a tag other than mark", s, out)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("safeSnippet(%q) is not valid UTF-8", s)
		}
	})
}
