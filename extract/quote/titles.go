package quote

// Titles that name a person: bound to the person where the text says who
// holds them, and found again where the text uses them alone.

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// Title is a mention of a person by a title that the text binds to them:
// the title of an apposition (دميتري بيسكوف، المتحدث باسم الكرملين،), the
// title before the name (وزير الخارجية سيرغي لافروف), and the same title,
// or a shortened form of it, used alone later (وبحسب المتحدث باسم الكرملين).
type Title struct {
	// Entity is the index of the person in the entities given to Analyze.
	Entity int
	// Span holds the rune offsets of the title (In as given to Analyze).
	Span article.Span
}

// Result is what Analyze finds in a text.
type Result struct {
	Quotes []article.Quote // as Find returns them
	Titles []Title         // in text order
	// Entities are the organizations that speak in the text without being
	// among the entities given (قالت وزارة الخارجية الروسية إن ...), with
	// their mentions as subjects; quotes name them as speakers.
	Entities []article.Entity
}

// Analyze returns the quotes of text, as FindIn does, and the title
// mentions of its persons. A title held by two persons of the text names
// neither.
func Analyze(text string, entities []article.Entity, in string) Result {
	var a Analyzer
	return a.Analyze(text, entities, in)
}

// titleMention is a title on tokens t0..t1 (inclusive) naming entity ent.
type titleMention struct {
	ent    int
	t0, t1 int
}

// addTitle records tokens t0..t1 as a title of entity e, without the
// punctuation and quotation marks at its ends.
func (f *finder) addTitle(e, t0, t1 int) {
	for t0 <= t1 && f.toks[t0].kind != kWord {
		t0++
	}
	for t1 >= t0 && f.toks[t1].kind != kWord {
		t1--
	}
	if t0 > t1 {
		return
	}
	for _, t := range f.titles {
		if t.t0 == t0 && t.t1 == t1 {
			return
		}
	}
	f.titles = append(f.titles, titleMention{ent: e, t0: t0, t1: t1})
}

// bindTitled binds the titles that stand right before a person's name
// (وزير الخارجية الروسي سيرغي لافروف، الرئيس الأمريكي جو بايدن): a head
// noun of titles and at least one more word.
func (f *finder) bindTitled() {
	for _, m := range f.ments {
		if m.prep || f.ents[m.ent].Type != article.PER {
			continue
		}
		t := f.titleBefore(m.t0)
		if t >= m.t0 {
			continue
		}
		var ws []string
		for k := t; k < m.t0; k++ {
			if f.toks[k].kind == kWord {
				ws = append(ws, f.toks[k].norm)
			}
		}
		if len(ws) >= 2 && headOfTitle(ws[0]) {
			f.bindRole(ws, m.ent, t, m.t0-1)
		}
	}
}

// bareTitles finds the titles used alone that a bound title names: the
// whole noun phrase of the title must be the bound title or a shortened
// form of it (roleOf), so وزير الخارجية الأمريكي is not وزير الخارجية الروسي.
func (f *finder) bareTitles() {
	if len(f.roles) == 0 {
		return
	}
	covered := make(map[int]bool, len(f.titles))
	for _, t := range f.titles {
		covered[t.t0] = true
	}
	buf := make([]string, 0, 9) // the words of one title, reused
	for i := 0; i < len(f.toks); i++ {
		t := &f.toks[i]
		if t.kind != kWord || covered[i] || f.startAt[i] >= 0 {
			continue
		}
		head := t.norm
		if rest, ok := strings.CutPrefix(head, "و"); ok && !headOfTitle(head) {
			head = rest // والمتحدث، ولوزير
		} else if rest, ok := strings.CutPrefix(head, "ف"); ok && !headOfTitle(head) {
			head = rest
		}
		if !headOfTitle(head) {
			continue
		}
		ws := append(buf[:0], head)
		last := i
		named := false
		for k := i + 1; k < len(f.toks) && len(ws) < 9; k++ {
			tk := f.toks[k]
			if tk.kind == kQuote {
				continue
			}
			if tk.kind != kWord || !titleWord(tk.norm) || f.isTrigger(k) || timeWords[tk.norm] && !titleAdj(ws, tk.norm) {
				break
			}
			if mi := f.startAt[k]; mi >= 0 && f.ents[f.ments[mi].ent].Type == article.PER {
				named = true // the title of a name that follows: not alone
				break
			}
			ws = append(ws, tk.norm)
			last = k
		}
		if named {
			continue
		}
		if e := f.roleOf(ws); e >= 0 {
			f.addTitle(e, i, last)
			i = last
		}
	}
}

// titleWord reports whether w may continue a title: a word with the article
// (also after ب or ل) or باسم.
func titleWord(w string) bool {
	return strings.HasPrefix(w, "ال") || strings.HasPrefix(w, "لل") || strings.HasPrefix(w, "بال") || w == "باسم"
}

// titleResult returns the title mentions as spans, in text order, each
// without a leading clitic و, ف, ب or ل.
func (f *finder) titleResult() []Title {
	if len(f.titles) == 0 {
		return nil
	}
	out := make([]Title, 0, len(f.titles))
	for _, t := range f.titles {
		if t.ent < 0 || f.ents[t.ent].Type != article.PER {
			continue
		}
		start := int(f.toks[t.t0].s) + f.cliticRunes(t.t0)
		out = append(out, Title{Entity: t.ent, Span: article.Span{Start: start, End: int(f.toks[t.t1].e), In: f.in}})
	}
	// Insertion sort: a few titles, mostly in order already.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Span.Start < out[j-1].Span.Start; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// cliticRunes returns the number of runes of the proclitics of the word at
// token k that come before a title word (وزير in لوزير, المتحدث in
// والمتحدث); 0 when there are none or the article's alef merged with ل (للمتحدث).
func (f *finder) cliticRunes(k int) int {
	n := f.toks[k].norm
	for _, p := range []string{"وب", "ول", "فب", "فل", "و", "ف", "ب", "ل"} {
		rest, ok := strings.CutPrefix(n, p)
		if !ok {
			continue
		}
		if !strings.HasPrefix(rest, "ال") && !titleHeads[rest] {
			continue
		}
		// Count the clitic's letters in the original text, with any
		// diacritics on them.
		want, runes := utf8.RuneCountInString(p), 0
		for _, r := range f.text[f.toks[k].bs:f.toks[k].be] {
			if want == 0 && !isDiacritic(r) {
				break
			}
			runes++
			if !isDiacritic(r) {
				want--
			}
		}
		return runes
	}
	return 0
}
