// Package search holds Marsad's query language and its snippets: Parse turns
// what a user types into a Query (words, "quoted phrases", OR, -exclusion,
// implicit AND), and Snippet highlights the matched words of a hit on its
// original text, using the same Arabic analysis as the index.
package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Term is one word or one quoted phrase of a query, as typed.
type Term struct {
	Text   string // the word or the phrase, without quotes
	Phrase bool   // quoted in the query
}

// Clause is one condition of a query: any of its alternatives (joined by OR
// in the query) must match; when Not is set, none may.
type Clause struct {
	Alts []Term
	Not  bool
}

// Query is a parsed query: every clause must hold (implicit AND).
type Query struct {
	Clauses []Clause
}

// ErrEmptyQuery is returned for a query without any term.
var ErrEmptyQuery = errors.New("empty query: type at least one word")

// SyntaxError describes a malformed query.
type SyntaxError struct {
	Pos int // rune offset in the query
	Msg string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("bad query at character %d: %s", e.Pos+1, e.Msg)
}

// orWord reports whether w is the OR operator: OR in capitals (a lower-case
// "or" is an English word), | or ||. The Arabic أو stays a word (a stopword).
func orWord(w string) bool { return w == "OR" || w == "|" || w == "||" }

// Parse parses a query:
//
//	الحوار واشنطن          both words (implicit AND)
//	"الحوار مع واشنطن"     the phrase
//	بوتين OR بايدن         either word
//	الكرملين -موسكو        the first without the second
//
// An unbalanced quote, a dangling OR or -, an empty query, or a query of
// exclusions only is an error that says what is wrong and where.
func Parse(s string) (Query, error) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, " ")
	}
	type item struct {
		term Term
		not  bool
		or   bool // the OR operator
		pos  int
	}
	var items []item
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		start := i
		not := false
		if r == '-' || r == '\u2212' {
			not = true
			i++
			if i == len(rs) || unicode.IsSpace(rs[i]) {
				return Query{}, &SyntaxError{start, "'-' must be followed by the word or phrase to exclude"}
			}
			r = rs[i]
		}
		if isQuote(r) {
			j := i + 1
			for j < len(rs) && !isQuote(rs[j]) {
				j++
			}
			if j == len(rs) {
				return Query{}, &SyntaxError{i, "unbalanced quote: close the phrase with \""}
			}
			text := strings.TrimSpace(string(rs[i+1 : j]))
			i = j + 1
			if text == "" {
				return Query{}, &SyntaxError{start, "empty phrase \"\""}
			}
			items = append(items, item{term: Term{Text: text, Phrase: true}, not: not, pos: start})
			continue
		}
		j := i
		for j < len(rs) && !unicode.IsSpace(rs[j]) && !isQuote(rs[j]) {
			j++
		}
		w := string(rs[i:j])
		i = j
		if !not && orWord(w) {
			items = append(items, item{or: true, pos: start})
			continue
		}
		items = append(items, item{term: Term{Text: w}, not: not, pos: start})
	}
	if len(items) == 0 {
		return Query{}, ErrEmptyQuery
	}
	var q Query
	for k := 0; k < len(items); k++ {
		it := items[k]
		if it.or {
			if k == 0 || items[k-1].or {
				return Query{}, &SyntaxError{it.pos, "OR needs a word or phrase before it"}
			}
			if k == len(items)-1 {
				return Query{}, &SyntaxError{it.pos, "OR needs a word or phrase after it"}
			}
			next := items[k+1]
			if next.or {
				return Query{}, &SyntaxError{next.pos, "OR needs a word or phrase after it"}
			}
			last := &q.Clauses[len(q.Clauses)-1]
			if last.Not || next.not {
				return Query{}, &SyntaxError{it.pos, "an excluded term (-) cannot be part of OR"}
			}
			last.Alts = append(last.Alts, next.term)
			k++
			continue
		}
		q.Clauses = append(q.Clauses, Clause{Alts: []Term{it.term}, Not: it.not})
	}
	positive := false
	for _, c := range q.Clauses {
		if !c.Not {
			positive = true
		}
	}
	if !positive {
		return Query{}, &SyntaxError{0, "a query needs at least one word to find, not only exclusions"}
	}
	return q, nil
}

func isQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '«', '»':
		return true
	}
	return false
}

// String formats q back in the query language.
func (q Query) String() string {
	var b strings.Builder
	for i, c := range q.Clauses {
		if i > 0 {
			b.WriteByte(' ')
		}
		if c.Not {
			b.WriteByte('-')
		}
		for j, t := range c.Alts {
			if j > 0 {
				b.WriteString(" OR ")
			}
			if t.Phrase {
				b.WriteString(`"` + t.Text + `"`)
			} else {
				b.WriteString(t.Text)
			}
		}
	}
	return b.String()
}
