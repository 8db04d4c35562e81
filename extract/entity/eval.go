package entity

import (
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
	for lo := 0; lo < len(data); lo += perArticle {
		var b strings.Builder
		type tok struct{ start, end int }
		var toks []tok
		var tags []string
		pos := 0
		for _, s := range data[lo:min(lo+perArticle, len(data))] {
			for i, w := range s.Words {
				if i > 0 {
					b.WriteByte(' ')
					pos++
				}
				n := utf8.RuneCountInString(w)
				toks = append(toks, tok{pos, pos + n})
				tags = append(tags, s.Tags[i])
				b.WriteString(w)
				pos += n
			}
			b.WriteByte('\n')
			pos++
		}
		text := b.String()
		gold := map[span]bool{}
		for _, g := range spans(tags) {
			gold[g] = true
			bump(g.typ, func(s *Score) { s.Gold++ })
		}
		find := func(off int, end bool) int {
			for i, tk := range toks {
				if (!end && tk.start <= off && off < tk.end) || (end && tk.start < off && off <= tk.end) {
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
