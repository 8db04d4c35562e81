package search

import (
	"html"
	"strings"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

// Format is how a snippet marks the matched words.
type Format int

// Snippet formats.
const (
	Plain Format = iota // [word], the text as is
	HTML                // <mark>word</mark>, the rest HTML-escaped
	ANSI                // bold yellow on a terminal
)

// Matcher tells which analyzed tokens of a text a query matched.
type Matcher struct {
	stems    map[string]bool
	names    map[string]bool
	variants map[string]bool // name keys of name-like stems (see NameLike)
	lex      *arabic.Lexicon
	// clauses are the stems of each alternative of each clause the query
	// must hold (nil for a Matcher not made by Query.Matcher): a text
	// holds the query once it holds, for every clause, all the stems of
	// one alternative.
	clauses [][][]string
}

// NewMatcher returns a Matcher for the given term stems and name keys (see
// arabic.NameKey); a token matches when its stem is one of the stems, or the
// name key of its stem is one of the name keys.
func NewMatcher(stems, nameKeys []string) *Matcher {
	m := &Matcher{stems: make(map[string]bool), names: make(map[string]bool)}
	for _, s := range stems {
		m.stems[s] = true
	}
	for _, s := range nameKeys {
		m.names[s] = true
	}
	return m
}

// Match reports whether the query matched token t; inName says whether t
// is part of an entity mention, where names match by their name key.
func (m *Matcher) Match(t arabic.Token, inName bool) bool {
	if t.Stop || t.Stem == "" {
		return false
	}
	if m.stems[t.Stem] {
		return true
	}
	byName := inName && len(m.names) > 0
	if !byName && (len(m.variants) == 0 || !nameLikeLength(t.Stem)) {
		return false // not NameLike: no need of its name key
	}
	key := arabic.NameKey(t.Stem)
	if byName && m.names[key] {
		return true
	}
	return m.variants[key] && NameLike(m.lex, t.Stem)
}

// NameVariants makes m also match, anywhere in a text, the tokens whose stem
// is name-like (see NameLike, with lexicon lex) and has one of the given
// name keys: the other spellings of the names a query looks for, as the
// index finds them. It returns m.
func (m *Matcher) NameVariants(lex *arabic.Lexicon, keys []string) *Matcher {
	if m.variants == nil {
		m.variants = make(map[string]bool)
	}
	for _, k := range keys {
		m.variants[k] = true
	}
	m.lex = lex
	return m
}

// Snippet returns the passage of about window words of text that holds the
// most matched words (the most distinct ones first), with the matched words
// marked in format f. The text is cut at word boundaries; "…" shows a cut.
// toks are the analyzed tokens of text (from an arabic.Analyzer); mentions
// are the rune spans of the entity mentions in text (may be nil).
func Snippet(text string, toks []arabic.Token, m *Matcher, mentions []article.Span, window int, f Format) string {
	return snippet(text, toks, nil, m, mentions, window, f)
}

// snippet is Snippet; plain, when not nil, holds m.Match(toks[i], false)
// of every token, computed already.
func snippet(text string, toks []arabic.Token, plain []bool, m *Matcher, mentions []article.Span, window int, f Format) string {
	if window <= 0 {
		window = 30
	}
	words := make([]int, 0, len(toks)) // indices of non-punctuation tokens
	for i, t := range toks {
		if t.Kind != arabic.Punct {
			words = append(words, i)
		}
	}
	if len(words) == 0 {
		return format(text, toks, nil, 0, len(toks), f, false, false)
	}
	matched := make([]bool, len(toks))
	any := false
	for _, i := range words {
		// Whether a token is in a mention matters only when it does not
		// match otherwise and the query has names: look through the
		// mentions last.
		var match bool
		if plain != nil {
			match = plain[i]
		} else {
			match = m != nil && m.Match(toks[i], false)
		}
		if m != nil && (match || len(m.names) > 0 && inSpans(toks[i], mentions) && m.Match(toks[i], true)) {
			matched[i] = true
			any = true
		}
	}
	best, bestScore := 0, -1
	if any {
		for s := 0; s < len(words); s++ {
			if !matched[words[s]] && s > 0 {
				continue // start windows at a match (or at the text start)
			}
			// Center the window a little: begin a few words before the match.
			from := max(0, s-window/5)
			to := min(len(words), from+window)
			distinct := map[string]bool{}
			n := 0
			for _, w := range words[from:to] {
				if matched[w] {
					n++
					distinct[toks[w].Stem] = true
				}
			}
			if score := len(distinct)*1000 + n; score > bestScore {
				best, bestScore = from, score
			}
		}
	}
	to := min(len(words), best+window)
	first, last := words[best], words[to-1]
	// Keep punctuation that closes the passage.
	for last+1 < len(toks) && toks[last+1].Kind == arabic.Punct && toks[last+1].Byte == toks[last].Byte+len(toks[last].Text) {
		last++
	}
	return format(text, toks, matched, first, last+1, f, best > 0, to < len(words))
}

// format writes toks[from:to] of text with matched tokens marked, keeping
// the original text (spaces, marks) between tokens.
func format(text string, toks []arabic.Token, matched []bool, from, to int, f Format, cutStart, cutEnd bool) string {
	if len(toks) == 0 || from >= to {
		return escape(strings.TrimSpace(text), f)
	}
	var b strings.Builder
	if cutStart {
		b.WriteString("… ")
	}
	pos := toks[from].Byte
	for i := from; i < to; i++ {
		t := toks[i]
		b.WriteString(escape(collapse(text[pos:t.Byte]), f))
		if matched != nil && matched[i] {
			switch f {
			case HTML:
				b.WriteString("<mark>" + html.EscapeString(t.Text) + "</mark>")
			case ANSI:
				b.WriteString("\x1b[1;33m" + t.Text + "\x1b[0m")
			default:
				b.WriteString("[" + t.Text + "]")
			}
		} else {
			b.WriteString(escape(t.Text, f))
		}
		pos = t.Byte + len(t.Text)
	}
	if cutEnd {
		b.WriteString(" …")
	}
	return b.String()
}

// collapse turns a run of whitespace (new lines included) into one space.
func collapse(s string) string {
	if s == "" {
		return s
	}
	if strings.TrimSpace(s) == "" {
		return " "
	}
	return strings.Join(strings.Fields(s), " ")
}

func escape(s string, f Format) string {
	if f == HTML {
		return html.EscapeString(s)
	}
	return s
}

// Matcher returns the Matcher of the words q looks for (its clauses that
// are not exclusions), analyzed by an, with the other spellings of the
// name-like words among them (see NameLike and Matcher.NameVariants).
func (q Query) Matcher(an *arabic.Analyzer) *Matcher {
	var (
		stems, names, variants []string
		clauses                [][][]string
	)
	lex := arabic.DefaultLexicon()
	for _, c := range q.Clauses {
		if c.Not {
			continue
		}
		var alts [][]string
		for _, t := range c.Alts {
			var alt []string
			for _, tok := range an.Analyze(t.Text) {
				if tok.Stop || tok.Stem == "" {
					continue
				}
				alt = append(alt, tok.Stem)
				stems = append(stems, tok.Stem)
				if !t.Phrase && tok.Stem[0] >= 0x80 {
					names = append(names, arabic.NameKey(tok.Stem))
					if NameLike(lex, tok.Stem) {
						variants = append(variants, arabic.NameKey(tok.Stem))
					}
				}
			}
			if len(alt) > 0 {
				alts = append(alts, alt)
			}
		}
		if len(alts) > 0 {
			clauses = append(clauses, alts)
		}
	}
	m := NewMatcher(stems, names).NameVariants(lex, variants)
	m.clauses = clauses
	return m
}

func inSpans(t arabic.Token, spans []article.Span) bool {
	for _, s := range spans {
		if s.In == "" && t.Start >= s.Start && t.End <= s.End {
			return true
		}
	}
	return false
}
