package entity

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Parts of persons' names that the tagger leaves out of a mention, read by
// general rules of Arabic names and news writing: the first name of the
// second of two coordinated persons (coordFirstNames), a surname's initial
// and the chain of ولد of Mauritanian names (tailNames), and the nisba of
// a name built with ابن or أبو (nisbaSurnames).

// coordFirstNames extends a person's mention to the untagged word right
// before it that is و and a first name (strongFirst), when that word
// follows another person's mention, maybe across a comma: the first name
// of the second person of a list (عمرو دياب وراغب علامة، هاني شاكر، ونوال
// الزغبي), which the tagger often leaves out. A mention that starts with
// و itself is another person of the list (وحبيب ومرزوق الغامدي: two). It
// returns ms.
func (t *Tagger) coordFirstNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	marks := tokenMarks{ms: ms, n: len(keys)}
	afterPerson := func(i int) bool {
		if i <= 0 || breaks[i] {
			return false
		}
		if marks.personEnd(i - 1) {
			return true
		}
		p := keys[i-1]
		return (p == "،" || p == ",") && i > 1 && !breaks[i-1] && marks.personEnd(i-2)
	}
	for k, m := range ms {
		i := m.tok - 1
		if m.typ != 1 || i < 0 || breaks[m.tok] || labels[i] != 0 || m.start != tokens[m.tok].Start ||
			strings.HasPrefix(m.keys[0], "و") {
			continue
		}
		b, ok := strings.CutPrefix(keys[i], "و")
		if !ok || !t.strongFirst(b) || marks.held(i) || !afterPerson(i) {
			continue
		}
		ms[k] = extendMention(m, i, m.tok+len(m.keys), tokens, words, keys)
		marks.hold(i)
	}
	return ms
}

// tokenMarks marks the tokens of an article that the mentions ms hold
// and those that end a person's mention, made at the first question: most
// articles ask none.
type tokenMarks struct {
	ms             []mention
	n              int
	taken, perEnds []bool
}

func (s *tokenMarks) build() {
	if s.taken != nil {
		return
	}
	s.taken, s.perEnds = heldTokens(s.ms, s.n), make([]bool, s.n)
	for _, m := range s.ms {
		if m.typ == 1 {
			s.perEnds[m.tok+len(m.keys)-1] = true
		}
	}
}

// held reports whether a mention holds token i.
func (s *tokenMarks) held(i int) bool { s.build(); return s.taken[i] }

// hold marks token i as held by a mention.
func (s *tokenMarks) hold(i int) { s.build(); s.taken[i] = true }

// personEnd reports whether token i ends a person's mention.
func (s *tokenMarks) personEnd(i int) bool { s.build(); return s.perEnds[i] }

// extendMention returns m, a person's mention, grown to the tokens [i, j)
// around it; its own words keep their clitic-free forms and offsets.
func extendMention(m mention, i, j int, tokens []Token, words, keys []string) mention {
	e := newMention(1, i, j, tokens, words, keys)
	d := m.tok - i
	copy(e.keys[d:], m.keys)
	copy(e.words[d:], m.words)
	if d == 0 {
		e.start, e.starts[0] = m.start, m.start
	}
	e.cue = m.cue
	return e
}

// strongFirst reports whether the normalized word k is a first name by
// evidence beyond its form: a gazetteer person's name of no other type, a
// word the auto-tagging labels a person's in 40% or more of its uses, or a
// name's form (nameLike) the unlabelled corpus does not know and that is
// no known noun with a pronoun (مخرجه، صديقتي). No word with the article.
func (t *Tagger) strongFirst(k string) bool {
	if _, b := splitClitic(k); strings.HasPrefix(b, "ال") || t.gaz.an.IsStopword(k) || !arabicWord(k) {
		return false
	}
	if t.knownFirst(k) {
		return true
	}
	return t.gaz.words[k]&(gORG|gLOC) == 0 && t.nameLike(k) && t.gaz.stats[k] == 0 && !t.possessedNoun(k)
}

// possessedNoun reports whether the normalized word k is a frequent word
// of the unlabelled corpus with a pronoun suffix (مخرجه، مساعداه، صديقتي).
func (t *Tagger) possessedNoun(k string) bool {
	for _, suf := range [...]string{"اه", "ها", "ه", "تي", "ي"} {
		stem, ok := strings.CutSuffix(k, suf)
		if !ok || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		if suf == "تي" {
			stem += "ه" // صديقتي: صديقة
		}
		if unpackFreq(t.gaz.stats[stem]) >= minCommonFreq {
			return true
		}
	}
	return false
}

// tailNames extends a person's mention over what follows it untagged in
// its sentence and belongs to the name: a surname's initial, one letter
// with a full stop (محمد ب.; not د. or م., the titles of the next name,
// nor و), and the chain of ولد (son of) and the father's name of
// Mauritanian names (محمد ولد عبد العزيز، حمودي ولد المصطفى ولد الوالي),
// taking in a person's mention that starts there. After ولد the name is a
// person's mention, a word with the article or a first name (strongFirst):
// not a preposition (ولد في: was born in). ANERcorp, all five blocks: ولد
// right after a person's name is in the name 15 times of 16. It returns
// the mentions.
func (t *Tagger) tailNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	marks := tokenMarks{ms: ms, n: n}
	var out []mention // made at the first change
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		end := m.tok + len(m.keys)
		next := k
		for m.typ == 1 {
			j := end
			if j >= n || breaks[j] || labels[j] != 0 {
				break
			}
			initial := surnameInitial(words[j], keys, j)
			if !initial && (keys[j] != "ولد" || j+1 >= n || breaks[j+1]) || marks.held(j) {
				break
			}
			if initial {
				end = j + 1
				break
			}
			if next+1 < len(ms) && ms[next+1].tok == j+1 && ms[next+1].typ == 1 {
				next++
				end = j + 1 + len(ms[next].keys)
				continue
			}
			if w := keys[j+1]; labels[j+1] == 0 && !marks.held(j+1) && !t.gaz.an.IsStopword(w) &&
				(strings.HasPrefix(w, "ال") && arabicWord(w) || t.strongFirst(w)) {
				end = j + 2
				continue
			}
			break
		}
		if end == m.tok+len(m.keys) {
			if out != nil {
				out = append(out, m)
			}
			continue
		}
		if out == nil {
			out = append(make([]mention, 0, len(ms)), ms[:k]...)
		}
		out = append(out, extendMention(m, m.tok, end, tokens, words, keys))
		k = next
	}
	if out == nil {
		return ms
	}
	return out
}

// surnameInitial reports whether token j, w, is a surname's initial: one
// Arabic letter with a full stop, in the token or as the next one; not و,
// nor د or م (د. and م. are titles: doctor, engineer).
func surnameInitial(w string, keys []string, j int) bool {
	r, size := utf8.DecodeRuneInString(w)
	switch rest := w[size:]; {
	case rest == ".":
	case rest == "" && j+1 < len(keys) && keys[j+1] == ".":
	default:
		return false
	}
	return r >= 0x0621 && r <= 0x064A && !strings.ContainsRune("ودم", r)
}

// nisbaSurnames takes into a person's mention built with a link of
// nameLinks (أبو حمزة، محمد بن عبد الكريم) the untagged nisba with the
// article right after it (المصري، الخطابي), the name's laqab or family
// name, as ANERcorp does (all five blocks: such a nisba is in the name 24
// times, out of it twice). Not an adjective of what follows (البريطاني
// الجنسية), nor a title, nor after a mention whose last word has the
// article and follows no link (آبي العام: not a name's end; عبد الله،
// نور الدين are), nor after a name that is an institution's (مطار الملك
// عبد العزيز الدولي: the adjective is the airport's). It returns ms.
func (t *Tagger) nisbaSurnames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	marks := tokenMarks{ms: ms, n: n}
	for k, m := range ms {
		j := m.tok + len(m.keys)
		if m.typ != 1 || len(m.keys) < 2 || j >= n || breaks[j] || labels[j] != 0 {
			continue
		}
		w := keys[j]
		if !isNisba(w) || !strings.HasSuffix(words[j], "ي") || utf8.RuneCountInString(w) < 5 || t.gaz.an.IsStopword(w) ||
			leadTitle(w) || cueWords[stripAl(w)] != 0 {
			continue
		}
		if !t.linkedName(m) || marks.held(j) {
			continue
		}
		if j+1 < n && !breaks[j+1] && strings.HasPrefix(keys[j+1], "ال") && !t.gaz.an.IsStopword(keys[j+1]) {
			continue
		}
		if i := m.tok; i >= 2 && !breaks[i] && !breaks[i-1] && honorifics[keys[i-1]] && arabicWord(keys[i-2]) && !t.gaz.an.IsStopword(keys[i-2]) {
			if _, b := splitClitic(keys[i-2]); !strings.HasPrefix(b, "ال") {
				continue
			}
		}
		ms[k] = extendMention(m, m.tok, j+1, tokens, words, keys)
		marks.hold(j)
	}
	return ms
}

// linkedName reports whether the person's mention m is a name built with
// a link of nameLinks or أبا before its last word (not آبي, a foreign
// name that normalizes to أبي), ends with a name's word (no article, but
// after a link or in عبد الله، نور الدين), and coordinates no two names.
func (t *Tagger) linkedName(m mention) bool {
	n := len(m.keys)
	if last := m.keys[n-1]; strings.HasPrefix(last, "ال") && last != "الدين" && last != "الله" && !nameLinks[m.keys[n-2]] {
		return false
	}
	if slices.ContainsFunc(m.keys[1:], func(k string) bool { return strings.HasPrefix(k, "و") }) {
		return false
	}
	for d, w := range m.keys[:n-1] {
		if (nameLinks[w] || w == "ابا") && !strings.HasPrefix(m.words[d], "آ") {
			return true
		}
	}
	return false
}
