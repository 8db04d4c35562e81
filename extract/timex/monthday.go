package timex

import "strings"

// monthDay handles a month followed by its day (أكتوبر 2, يوليو 13-15,
// تموز 13 إلى 15) where j is the index after the month. The day must end
// the clause, be followed by a relative word (الجاري) or start a range of
// days; a following word (أكتوبر 2 مليون) leaves it out.
func (m *matcher) monthDay(mo int, j, start int) (int, bool) {
	d := m.tok(j)
	if d.kind != num || d.nd > 2 || d.n < 1 || d.n > 31 || !m.hasRef {
		return j, false
	}
	// A range: يوليو 13-15, تموز 13 إلى 15.
	k := j + 1
	ranged := false
	switch {
	case (m.isP(k, '-') || m.isP(k, '–')) && !m.tok(k).space:
		ranged = true
	case m.w(k) == "الي" || m.w(k) == "حتي" || m.w(k) == "لغايه" || m.w(k) == "و":
		ranged = m.tok(k+1).kind == num
	}
	if ranged {
		if e := m.tok(k + 1); e.kind == num && e.nd <= 2 && e.n > d.n && e.n <= 31 && m.clauseEnd(k+2) {
			v1, _, ok1 := m.resolveDMY(d.n, mo, false, j+1)
			v2, _, ok2 := m.resolveDMY(e.n, mo, false, k+2)
			if ok1 && ok2 && v1 != "" && v2 != "" {
				m.emit(start, j, v1)
				m.emit(e.start, k+1, v2)
				return k + 2, true
			}
		}
		return j, false
	}
	if !m.dayEnds(j + 1) {
		return j, false
	}
	v, e, ok := m.resolveDMY(d.n, mo, false, j+1)
	if !ok || v == "" {
		return j, false
	}
	m.emit(start, e-1, v)
	return e, true
}

// dayEnds reports whether a day written after its month ends at token k:
// at the end of a clause, before a relative word (يوليو 13 الجاري) or
// before another month (يناير 5 وفبراير 7).
func (m *matcher) dayEnds(k int) bool {
	if _, rel := relDir(m.w(k)); rel || m.clauseEnd(k) {
		return true
	}
	w := m.w(k)
	if w == "و" {
		w = m.w(k + 1)
	} else if strings.HasPrefix(w, "و") {
		w = w[len("و"):]
	}
	_, another := months[w]
	return another
}

// clauseEnd reports whether token k ends a clause: the end of the text or
// punctuation other than a separator inside a number or a date.
func (m *matcher) clauseEnd(k int) bool {
	if k >= len(m.d.toks) {
		return true
	}
	t := m.tok(k)
	if t.kind != punct {
		return false
	}
	switch t.r {
	case '%', '/', '-', '–', ':', '.', '\\':
		return t.r == '.' && (k+1 >= len(m.d.toks) || m.tok(k+1).space)
	}
	return true
}

// alone reports whether tokens i to last make a sentence of their own (a
// caption, a list item, an answer): the text or a sentence begins before
// them, after an optional في, and ends after them. A span alone such as
// "بعد ثلاثة أيام" is then read from the reference date, there being no
// event of a story to count from.
func (m *matcher) alone(i, last int) bool {
	p := i - 1
	if m.w(p) == "في" {
		p--
	}
	return m.sentenceEdge(p) && m.sentenceEdge(last+1)
}

// sentenceEdge reports whether token k is outside the text or a
// sentence-ending mark.
func (m *matcher) sentenceEdge(k int) bool {
	if k < 0 || k >= len(m.d.toks) {
		return true
	}
	t := m.tok(k)
	return t.kind == punct && (t.r == '.' || t.r == '!' || t.r == '?' || t.r == '؟')
}
