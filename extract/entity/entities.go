package entity

import (
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// Token is a word token of an article with its rune offsets [Start, End)
// into the article's text.
type Token struct {
	Text       string
	Start, End int
}

// mention is one tagged entity mention in an article.
type mention struct {
	typ    int      // label index of the B- label
	words  []string // words with the clitic of the first one removed
	keys   []string // normalized words
	start  int      // rune offsets
	end    int
	ends   []int // rune offset of the end of each word
	starts []int // rune offset of the start of each word
}

// Entities tags the tokens of an article and groups the mentions into
// canonical entities. tokens are the article's word tokens in order with
// rune offsets into text; a token "." "؟" or "!", or a newline between two
// tokens, ends a sentence.
//
// Mentions of one entity are grouped under one canonical name, the fullest
// form seen with clitics removed: a mention whose first word carries a
// proclitic (و ف ب ل ك, or one before ال) is stripped of it when the rest is
// a known word, and its span then starts after the clitic. A one-word person
// mention joins the longer person mention that ends with the same word.
func (t *Tagger) Entities(text string, tokens []Token) []article.Entity {
	if len(tokens) == 0 {
		return nil
	}
	st := t.getState()
	defer t.states.Put(st)
	breaks := sentenceBreaks(text, tokens)
	var sents [][]string
	words := make([]string, len(tokens))
	for i, tk := range tokens {
		words[i] = tk.Text
	}
	for lo := 0; lo < len(tokens); {
		hi := lo + 1
		for hi < len(tokens) && !breaks[hi] {
			hi++
		}
		sents = append(sents, words[lo:hi])
		lo = hi
	}
	r := t.tagDoc(sents, st)
	labels := r.labels
	keys := make([]string, len(tokens))
	starts := make([]int, len(tokens))
	ends := make([]int, len(tokens))
	for i, tk := range tokens {
		keys[i], starts[i], ends[i] = r.infos[i].norm, tk.Start, tk.End
	}
	var ms []mention
	for i := 0; i < len(labels); {
		l := labels[i]
		if l == 0 || l >= 7 || isInside(l) {
			i++
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == l+1 && !breaks[j] {
			j++
		}
		// The mentions share the backing arrays: each token is in one.
		ms = append(ms, mention{typ: l, start: tokens[i].Start, end: tokens[j-1].End,
			words: words[i:j:j], keys: keys[i:j:j], starts: starts[i:j:j], ends: ends[i:j:j]})
		i = j
	}
	if len(ms) == 0 {
		return nil
	}
	ms = refine(ms)
	if len(ms) == 0 {
		return nil
	}
	t.stripClitics(ms)
	return group(ms)
}

// sentenceBreaks marks the tokens that start a new sentence.
func sentenceBreaks(text string, tokens []Token) []bool {
	br := make([]bool, len(tokens))
	pos, off := 0, 0 // rune position and byte offset in text
	for i, tk := range tokens {
		nl := false
		for pos < tk.Start && off < len(text) {
			c := text[off]
			if c == '\n' {
				nl = true
			}
			off++
			for off < len(text) && text[off]&0xC0 == 0x80 {
				off++
			}
			pos++
		}
		if i > 0 && (nl || isStop(tokens[i-1].Text)) {
			br[i] = true
		}
		for pos < tk.End && off < len(text) {
			off++
			for off < len(text) && text[off]&0xC0 == 0x80 {
				off++
			}
			pos++
		}
	}
	return br
}

func isStop(s string) bool { return s == "." || s == "؟" || s == "!" || s == "?" }

// weekdays are the normalized names of the days of the week, which are
// dates, not parts of names.
var weekdays = map[string]bool{
	"الاحد": true, "الاثنين": true, "الثلاثاء": true, "الاربعاء": true,
	"الخميس": true, "الجمعه": true, "السبت": true,
}

// refine trims names of days from the ends of mentions, and splits a
// mention at a coordinated word ("بوتين وبايدن") whose part after و is a
// name on its own elsewhere in the article.
func refine(ms []mention) []mention {
	alone := make(map[string]bool, len(ms))
	for _, m := range ms {
		if len(m.keys) == 1 {
			alone[m.keys[0]] = true
		}
	}
	out := make([]mention, 0, len(ms)+4)
	for _, m := range ms {
		for len(m.keys) > 0 && isDay(m.keys[len(m.keys)-1]) {
			m = m.slice(0, len(m.keys)-1)
		}
		for len(m.keys) > 0 && isDay(m.keys[0]) {
			m = m.slice(1, len(m.keys))
		}
		if len(m.keys) == 0 {
			continue
		}
		for j := 1; j < len(m.keys); j++ {
			if k := m.keys[j]; strings.HasPrefix(k, "و") && alone[k[len("و"):]] {
				out = append(out, m.slice(0, j))
				m = m.slice(j, len(m.keys))
				j = 0
			}
		}
		out = append(out, m)
	}
	return out
}

func isDay(k string) bool {
	if weekdays[k] {
		return true
	}
	for _, p := range [...]string{"و", "ف", "ب", "ل"} {
		if strings.HasPrefix(k, p) && weekdays[k[len(p):]] {
			return true
		}
	}
	return false
}

// slice returns the mention of words [i, j).
func (m mention) slice(i, j int) mention {
	if i >= j {
		return mention{typ: m.typ}
	}
	return mention{typ: m.typ, words: m.words[i:j], keys: m.keys[i:j], starts: m.starts[i:j], ends: m.ends[i:j],
		start: m.starts[i], end: m.ends[j-1]}
}

// stripClitics removes a proclitic from the first word of each mention when
// the evidence says it is one: the base is the word of another mention of
// the article or a gazetteer name, or the word as it stands is unknown and
// و or ف stands before a word of the tagger's lexicon, or a clitic stands
// before the article ال of an organization or place name (والولايات →
// الولايات).
func (t *Tagger) stripClitics(ms []mention) {
	seen := map[string]bool{}
	for _, m := range ms {
		for _, k := range m.keys {
			seen[k] = true
		}
	}
	lexical := func(w string) bool {
		return t.gaz.words[w] != 0 || t.gaz.maxLen[w] != 0 || t.inLexicon(w)
	}
	firsts := map[string]int{}
	for _, m := range ms {
		firsts[m.keys[0]]++
	}
	for i := range ms {
		m := &ms[i]
		full := m.keys[0]
		fullLex := lexical(full)
		// A form that recurs is a word of its own: strip it only toward
		// another name of the article.
		recurs := firsts[full] > 1
		var c, base string
		// Strongest evidence first: the base is another name of the article.
		for pass := 0; pass < 2 && c == ""; pass++ {
			for next := 0; next >= 0; {
				var p, b string
				p, b, next = nextSplit(full, next)
				if next < 0 {
					break
				}
				ok := seen[b]
				if pass == 1 {
					article := strings.HasPrefix(b, "ال") && !strings.HasPrefix(full, "ال")
					conj := p == "و" || p == "ف" // a conjunction, before any word
					ok = (!recurs && (t.gaz.words[b] != 0 || (conj && !fullLex && lexical(b)))) || (article && m.typ != 1)
				}
				if ok {
					c, base = p, b
					break
				}
			}
		}
		if c == "" {
			continue
		}
		n := utf8.RuneCountInString(c)
		raw, skipped := dropLetters(m.words[0], n)
		if strings.HasPrefix(base, "ال") && !strings.HasPrefix(normalize(raw), "ال") {
			raw = "ا" + raw // لل+X: ل + ال + X, the alef was elided
		}
		m.words[0] = raw
		m.keys[0] = base
		m.start += skipped
	}
}

// inLexicon reports whether w was seen as a word in training.
func (t *Tagger) inLexicon(w string) bool {
	_, ok := t.index[hashS(hashB(hashT(fNorm), window), w)]
	return ok
}

// dropLetters removes the first n letters of s with the diacritics and
// format marks around them, and returns the rest and the runes removed.
func dropLetters(s string, n int) (string, int) {
	runes := 0
	for i, r := range s {
		if foldRune(r) < 0 {
			runes++
			continue
		}
		if n == 0 {
			return s[i:], runes
		}
		n--
		runes++
	}
	return "", runes
}

// group merges mentions into entities.
func group(ms []mention) []article.Entity {
	type ent struct {
		keys  []string
		words []string
		votes [nLabels]int
		spans []article.Span
		first int
	}
	var ents []*ent
	byKey := map[string]*ent{}
	for i, m := range ms {
		k := strings.Join(m.keys, " ")
		e := byKey[k]
		if e == nil {
			e = &ent{keys: m.keys, words: m.words, first: i}
			byKey[k] = e
			ents = append(ents, e)
		}
		e.votes[m.typ]++
		e.spans = append(e.spans, article.Span{Start: m.start, End: m.end})
	}
	typeOf := func(e *ent) int {
		best := 1
		for l := 1; l < nLabels; l += 2 {
			if e.votes[l] > e.votes[best] {
				best = l
			}
		}
		return best
	}
	// A one-word person mention joins the longer person mention ending with it.
	merged := map[*ent]*ent{}
	for _, e := range ents {
		if len(e.keys) != 1 || typeOf(e) != 1 {
			continue
		}
		var target *ent
		for _, o := range ents {
			if len(o.keys) > 1 && typeOf(o) == 1 && o.keys[len(o.keys)-1] == e.keys[0] {
				if target == nil || len(o.spans) > len(target.spans) {
					target = o
				}
			}
		}
		if target != nil {
			merged[e] = target
			target.spans = append(target.spans, e.spans...)
			for l := range e.votes {
				target.votes[l] += e.votes[l]
			}
		}
	}
	out := make([]article.Entity, 0, len(ents))
	for _, e := range ents {
		if merged[e] != nil {
			continue
		}
		typ := labelNames[typeOf(e)][2:]
		if typ == "MISC" {
			continue
		}
		sortSpans(e.spans)
		out = append(out, article.Entity{Text: strings.Join(e.words, " "), Type: typ, Mentions: e.spans})
	}
	return out
}

func sortSpans(s []article.Span) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].Start < s[j-1].Start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
