package server

import (
	"html"
	"html/template"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// An annotation is a span of runes [start, end) of a text rendered as an
// element around that text. openFirst opens its first piece; when
// crossing spans force it to be split, later pieces open with openRest.
// Tags are trusted HTML built by this package with every value escaped.
type annotation struct {
	start, end int
	prio       int // among spans with the same extent, lower is outer
	openFirst  string
	openRest   string
	close      string
}

// annotate renders text as HTML with the annotations wrapped around their
// spans. Every piece of text is escaped. Spans are clamped to the text,
// empty ones are dropped; nested spans become nested elements (longer
// outside) and a span crossing another's boundary is split into pieces so
// that the output is always well formed. Offsets count runes of text;
// invalid UTF-8 bytes count as one rune each and render as U+FFFD.
func annotate(text string, anns []annotation) template.HTML {
	runes := []rune(text)
	n := len(runes)
	spans := make([]annotation, 0, len(anns))
	for _, a := range anns {
		a.start = min(max(a.start, 0), n)
		a.end = min(max(a.end, 0), n)
		if a.start < a.end {
			spans = append(spans, a)
		}
	}
	sort.SliceStable(spans, func(i, j int) bool {
		a, b := spans[i], spans[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.prio < b.prio
	})

	// Boundaries where something opens or closes.
	cuts := make([]int, 0, 2*len(spans)+2)
	cuts = append(cuts, 0, n)
	for _, s := range spans {
		cuts = append(cuts, s.start, s.end)
	}
	sort.Ints(cuts)
	cuts = slices.Compact(cuts)

	var b strings.Builder
	b.Grow(len(text) + len(text)/4)
	var stack []int // indexes into spans, outermost first
	next := 0       // next span to open
	for i, p := range cuts {
		// Close every span ending here: pop down to the lowest one, then
		// reopen the popped spans that go on.
		low := -1
		for k, s := range stack {
			if spans[s].end <= p {
				low = k
				break
			}
		}
		if low >= 0 {
			for k := len(stack) - 1; k >= low; k-- {
				b.WriteString(spans[stack[k]].close)
			}
			keep := stack[:low]
			for _, s := range stack[low:] {
				if spans[s].end > p {
					b.WriteString(spans[s].openRest)
					keep = append(keep, s)
				}
			}
			stack = keep
		}
		for next < len(spans) && spans[next].start == p {
			b.WriteString(spans[next].openFirst)
			stack = append(stack, next)
			next++
		}
		end := n
		if i+1 < len(cuts) {
			end = cuts[i+1]
		}
		if p < end {
			b.WriteString(html.EscapeString(string(runes[p:end])))
		}
	}
	for k := len(stack) - 1; k >= 0; k-- {
		b.WriteString(spans[stack[k]].close)
	}
	return template.HTML(b.String())
}

// Annotation priorities: quotes outside entities outside dates.
const (
	prioQuote = iota
	prioEntity
	prioTime
)

// typeNames are the Arabic names of entity types.
var typeNames = map[string]string{
	article.PER: "شخص",
	article.ORG: "منظمة",
	article.LOC: "مكان",
}

// vagueTimes explain the TIMEX3-style values of vague references.
var vagueTimes = map[string]string{
	"PRESENT_REF": "الحاضر",
	"PAST_REF":    "الماضي",
	"FUTURE_REF":  "المستقبل",
}

var dateValue = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// entityClass is the CSS class of an entity type ("per", "org", "loc").
func entityClass(typ string) string {
	switch typ {
	case article.PER, article.ORG, article.LOC:
		return strings.ToLower(typ)
	}
	return "other"
}

// entityPath is the address of an entity's page.
func entityPath(name string) string {
	return "/entities/" + url.PathEscape(name)
}

// factAnnotations turns the facts whose spans point into the text (in ""
// ) or the title (in article.InTitle) into annotations.
func factAnnotations(f article.Facts, in string) []annotation {
	var anns []annotation
	attr := html.EscapeString
	for _, q := range f.Quotes {
		if q.In != in {
			continue
		}
		kind := "reported"
		if q.Direct {
			kind = "direct"
		}
		title := attr(q.Speaker + " (" + q.Verb + ")")
		open := func(cls string) string {
			return `<span class="quote ` + kind + cls + `" data-speaker="` + attr(q.Speaker) + `" title="` + title + `">`
		}
		anns = append(anns, annotation{
			start: q.Start, end: q.End, prio: prioQuote,
			openFirst: open(" first"), openRest: open(""), close: "</span>",
		})
	}
	for _, e := range f.Entities {
		cls := entityClass(e.Type)
		name := typeNames[e.Type]
		if name == "" {
			name = e.Type
		}
		open := `<mark class="ent ` + cls + `" title="` + attr(e.Text+" · "+name) +
			`" data-href="` + attr(entityPath(e.Text)) + `">`
		for _, m := range slices.Concat(e.Mentions, e.Titles) {
			if m.In != in {
				continue
			}
			anns = append(anns, annotation{
				start: m.Start, end: m.End, prio: prioEntity,
				openFirst: open, openRest: open, close: "</mark>",
			})
		}
	}
	for _, t := range f.Times {
		if t.In != in {
			continue
		}
		title := t.Value
		if v, ok := vagueTimes[t.Value]; ok {
			title = v + " (" + t.Value + ")"
		}
		open := `<time class="date" title="` + attr(title) + `"`
		if dateValue.MatchString(t.Value) {
			open += ` datetime="` + attr(t.Value) + `"`
		}
		open += `>`
		anns = append(anns, annotation{
			start: t.Start, end: t.End, prio: prioTime,
			openFirst: open, openRest: open, close: "</time>",
		})
	}
	return anns
}

// safeSnippet keeps the <mark> and </mark> tags and the character
// references of a snippet from the backend and escapes everything else, so
// a backend that forgot to escape cannot inject markup. Marks are balanced.
func safeSnippet(s string) template.HTML {
	var b strings.Builder
	depth := 0
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '<':
			if hasPrefixFold(s[i:], "<mark>") {
				b.WriteString("<mark>")
				depth++
				i += len("<mark>")
				continue
			}
			if hasPrefixFold(s[i:], "</mark>") {
				if depth > 0 {
					b.WriteString("</mark>")
					depth--
				}
				i += len("</mark>")
				continue
			}
			b.WriteString("&lt;")
		case c == '>':
			b.WriteString("&gt;")
		case c == '&':
			if m := charRef.FindString(s[i:]); m != "" {
				b.WriteString(m)
				i += len(m)
				continue
			}
			b.WriteString("&amp;")
		case c == '"':
			b.WriteString("&#34;")
		case c == '\'':
			b.WriteString("&#39;")
		case c < utf8.RuneSelf:
			b.WriteByte(c)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			b.WriteRune(r) // U+FFFD for an invalid byte
			i += size
			continue
		}
		i++
	}
	for ; depth > 0; depth-- {
		b.WriteString("</mark>")
	}
	return template.HTML(b.String())
}

// charRef matches a character reference at the start of a string.
var charRef = regexp.MustCompile(`^&(?:[a-zA-Z][a-zA-Z0-9]{0,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});`)

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}
