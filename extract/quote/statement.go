package quote

// Finding the statement of a reporting word: quoted or reported, and where
// it ends.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// stmt is a statement found: rune offsets, whether it was quoted, and the
// last token it consumed.
type stmt struct {
	start, end int // runes
	bs, be     int // bytes
	direct     bool
	last       int
}

// statement finds the statement of a reporting word whose clause ends at
// token anchor, scanning from token k over at most maxWords words.
func (f *finder) statement(k, anchor, maxWords int) (stmt, bool) {
	words := 0
	for j := k; j < len(f.toks); j++ {
		t := &f.toks[j]
		switch t.kind {
		case kBreak:
			return stmt{}, false
		case kPunct:
			if f.isSentEnd(j) || t.r == '؛' || t.r == ';' {
				return stmt{}, false
			}
			if isComma(*t) && j+1 < len(f.toks) && clauseOpeners[f.toks[j+1].norm] {
				return stmt{}, false // كشف X بدء ...، فيما تقرر أن: another clause's complement
			}
			if t.r == ':' && j+1 < len(f.toks) {
				nt := f.toks[j+1]
				if nt.kind == kQuote && f.opener[j+1] >= 0 {
					return f.direct(j + 1)
				}
				if nt.kind == kWord {
					if bareComp[nt.norm] && f.complementizerAn(j+1) {
						return f.reported(j + 2)
					}
					return f.reported(j + 1) // قال: إن شاء الله ... is said whole
				}
				return stmt{}, false
			}
		case kQuote:
			q := f.opener[j]
			if q < 0 {
				continue
			}
			if f.adjacent(anchor, j) && (f.toks[j-1].kind == kPunct || f.qs[q].close-j > 2) {
				return f.direct(j)
			}
			// One quoted word right after the subject is its short name
			// (أعلنت شركة القصيم الزراعية «جاكو» شراء ...), not its statement.
			if !f.qs[q].closed {
				return stmt{}, false
			}
			j = f.qs[q].close // a quoted name inside the clause
		case kWord:
			words++
			if words > maxWords {
				return stmt{}, false
			}
			if (bareComp[t.norm] || compPron[t.norm]) && (t.norm != "ان" || f.complementizerAn(j) || f.prevWord(j) >= 0 && notComp[f.toks[f.prevWord(j)].norm]) {
				if p := f.prevWord(j); p >= 0 && notComp[f.toks[p].norm] {
					return stmt{}, false
				}
				if bareComp[t.norm] {
					return f.reported(j + 1)
				}
				return f.reported(j)
			}
			if f.isTrigger(j) {
				return stmt{}, false
			}
		}
	}
	return stmt{}, false
}

// adjacent reports whether only commas, dashes and colons stand between
// tokens a and b.
func (f *finder) adjacent(a, b int) bool {
	for k := a + 1; k < b; k++ {
		t := f.toks[k]
		if t.kind != kPunct || !strings.ContainsRune("،,:-–—", t.r) {
			return false
		}
	}
	return true
}

// direct returns the statement between the quotation marks opened at
// token o.
func (f *finder) direct(o int) (stmt, bool) {
	q := f.qs[f.opener[o]]
	start, bs := int(f.toks[o].e), int(f.toks[o].be)
	end, be := f.nrunes, len(f.text)
	last := q.close
	if q.close < len(f.toks) {
		end, be = int(f.toks[q.close].s), int(f.toks[q.close].bs)
	}
	if !q.closed {
		last = q.close - 1
	}
	for bs < be {
		r, size := utf8.DecodeRuneInString(f.text[bs:be])
		if !unicode.IsSpace(r) {
			break
		}
		bs += size
		start++
	}
	for be > bs {
		r, size := utf8.DecodeLastRuneInString(f.text[bs:be])
		if !unicode.IsSpace(r) {
			break
		}
		be -= size
		end--
	}
	if start >= end {
		return stmt{}, false
	}
	return stmt{start: start, end: end, bs: bs, be: be, direct: true, last: last}, true
}

// reported returns the reported statement that starts at token s and runs
// to the end of its clause.
func (f *finder) reported(s int) (stmt, bool) {
	n := len(f.toks)
	for s < n && f.toks[s].kind == kPunct && f.toks[s].r == ':' {
		s++ // قال إن: «...»
	}
	last := -1
	for j := s; j < n; j++ {
		t := &f.toks[j]
		if t.kind == kQuote {
			if q := f.opener[j]; q >= 0 {
				if !f.qs[q].closed {
					j = f.qs[q].close - 1
					for j >= s && f.toks[j].kind == kPunct {
						j--
					}
					if j >= s {
						last = j
					}
					break
				}
				j = f.qs[q].close
			}
			last = j
			continue
		}
		if t.kind == kBreak || f.isSentEnd(j) {
			break
		}
		if t.kind == kPunct {
			if t.r == '؛' || t.r == ';' {
				break
			}
			if isComma(*t) && j+1 < n && f.newClause(j+1) {
				break
			}
			continue
		}
		if j > s {
			if c, clitic := f.cueAt(j); c.cue == cueVerb && clitic > 0 && !f.isCitation(j) {
				break
			}
			if f.contrast(j) {
				break // ... في حين أكد وزير الخارجية أن
			}
		}
		last = j
	}
	if last < s {
		return stmt{}, false
	}
	return stmt{start: int(f.toks[s].s), end: int(f.toks[last].e), bs: int(f.toks[s].bs), be: int(f.toks[last].be), last: last}, true
}

// contrast reports whether the words at token j start a contrasting clause
// of the narrator with its own reporting verb (فيما/بينما/في حين أكد ...).
func (f *finder) contrast(j int) bool {
	n := f.toks[j].norm
	k := j + 1
	switch {
	case n == "فيما" || n == "بينما" || n == "وبينما":
	case (n == "في" || n == "وفي") && k < len(f.toks) && f.toks[k].norm == "حين":
		k++
	default:
		return false
	}
	return k < len(f.toks) && f.isTrigger(k)
}

// newClause reports whether the word at token k, after a comma, starts a
// new clause that ends a reported statement: a reporting word, or a verb
// with و followed by its named subject (، وردّ بوتين).
func (f *finder) newClause(k int) bool {
	t := f.toks[k]
	if t.kind != kWord {
		return false
	}
	if f.isTrigger(k) {
		return true
	}
	if clauseWords[t.norm] && k+1 < len(f.toks) && f.isTrigger(k+1) {
		return true
	}
	if strings.HasPrefix(t.norm, "و") && f.startAt[k] < 0 && k+1 < len(f.toks) {
		if mi := f.startAt[k+1]; mi >= 0 && !f.ments[mi].prep && f.isSpeaker(f.ments[mi].ent) {
			return true
		}
	}
	return false
}
