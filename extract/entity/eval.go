package entity

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EvaluateArticles scores Entities the way the project's ANERcorp scorer
// does: the sentences are joined into articles of perArticle sentences (words
// separated by spaces, one line per sentence), each article is tokenized on
// spaces and punctuation and passed to Entities, and a predicted mention is
// right when it starts in the first token of a gold span, ends in its last,
// and has its type. Keys are "PER", "ORG", "LOC" and "ALL".
func (t *Tagger) EvaluateArticles(data []Sentence, perArticle int) map[string]Score {
	if perArticle <= 0 {
		perArticle = 40
	}
	res := map[string]Score{}
	bump := func(typ string, f func(*Score)) {
		for _, k := range []string{typ, "ALL"} {
			s := res[k]
			f(&s)
			res[k] = s
		}
	}
	for _, art := range DevArticles(data, perArticle) {
		text, toks := art.Text, art.Tokens
		tags := make([]string, len(toks))
		for i, tk := range toks {
			tags[i] = tk.Tag
		}
		gold := map[span]bool{}
		for _, g := range spans(tags) {
			gold[g] = true
			bump(g.typ, func(s *Score) { s.Gold++ })
		}
		find := func(off int, end bool) int {
			for i, tk := range toks {
				if (!end && tk.Start <= off && off < tk.End) || (end && tk.Start < off && off <= tk.End) {
					return i
				}
			}
			return -1
		}
		pred := map[span]bool{}
		for _, e := range t.Entities(text, Tokenize(text)) {
			for _, m := range e.Mentions {
				a, z := find(m.Start, false), find(m.End, true)
				if a >= 0 && z >= 0 {
					pred[span{a, z + 1, e.Type}] = true
				}
			}
		}
		for p := range pred {
			bump(p.typ, func(s *Score) {
				s.Predicted++
				if gold[p] {
					s.Correct++
				}
			})
		}
	}
	return res
}

// Tokenize splits text into word tokens with rune offsets: runs of letters,
// marks and digits are words, and every other non-space rune (punctuation,
// symbols) is a token of its own. It stands in for the project's tokenizer in
// tests and tools.
func Tokenize(text string) []Token {
	var out []Token
	start, pos := -1, 0
	wordStart := 0
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == '\u0640' || r == '\u200c' || r == '\u200d'
		if !word && start >= 0 {
			out = append(out, Token{Text: text[wordStart:i], Start: start, End: pos})
			start = -1
		}
		switch {
		case word && start < 0:
			start, wordStart = pos, i
		case !word && !unicode.IsSpace(r) && r != utf8.RuneError && !unicode.Is(unicode.Cf, r):
			out = append(out, Token{Text: string(r), Start: pos, End: pos + 1})
		}
		pos++
	}
	if start >= 0 {
		out = append(out, Token{Text: text[wordStart:], Start: start, End: pos})
	}
	return out
}

// DevArticle is an article made of tagged sentences the way the project's
// ANERcorp scorer makes its inputs (../shared/eval/make_inputs.py aner):
// words separated by one space, a newline after each sentence.
type DevArticle struct {
	ID     string
	Text   string
	Tokens []DevToken // the words of Text in order
}

// DevToken is one word of a DevArticle: its rune offsets in the text and its
// gold tag (B-/I- over PER, ORG, LOC, MISC, or O).
type DevToken struct {
	Start, End int
	Tag        string
}

// DevArticles joins sents into articles of perArticle sentences (40 when
// perArticle <= 0), with the ids make_inputs.py gives them (aner0000,
// aner0001, ...).
func DevArticles(sents []Sentence, perArticle int) []DevArticle {
	if perArticle <= 0 {
		perArticle = 40
	}
	var out []DevArticle
	for lo := 0; lo < len(sents); lo += perArticle {
		var b strings.Builder
		var toks []DevToken
		pos := 0
		for _, s := range sents[lo:min(lo+perArticle, len(sents))] {
			for i, w := range s.Words {
				if i > 0 {
					b.WriteByte(' ')
					pos++
				}
				n := utf8.RuneCountInString(w)
				tag := "O"
				if i < len(s.Tags) {
					tag = s.Tags[i]
				}
				toks = append(toks, DevToken{Start: pos, End: pos + n, Tag: tag})
				b.WriteString(w)
				pos += n
			}
			b.WriteByte('\n')
			pos++
		}
		out = append(out, DevArticle{ID: fmt.Sprintf("aner%04d", lo/perArticle), Text: b.String(), Tokens: toks})
	}
	return out
}
