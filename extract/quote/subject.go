package quote

// Finding the subject of a reporting word: after it, before it, behind a
// title, or elided and resolved from the discourse history.

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// bindAppositions records the titles that follow a person's name between
// commas (جين ساكي، المتحدثة باسم البيت الأبيض، ...).
func (f *finder) bindAppositions() {
	for _, m := range f.ments {
		if f.ents[m.ent].Type != article.PER {
			continue
		}
		j := m.t1 + 1
		if j >= len(f.toks) || !isComma(f.toks[j]) {
			continue
		}
		var ws []string
		k := j + 1
		for ; k < len(f.toks) && len(ws) <= 7; k++ {
			t := f.toks[k]
			if t.kind == kWord {
				ws = append(ws, t.norm)
				continue
			}
			if t.kind != kQuote {
				break
			}
		}
		if k < len(f.toks) && isComma(f.toks[k]) && len(ws) >= 2 && len(ws) <= 7 && strings.HasPrefix(ws[0], "ال") && !hasTimeWord(ws) {
			f.bindRole(ws, m.ent, j+1, k-1)
		}
	}
}

// hasTimeWord reports whether a time word stands among ws (بيسكوف، اليوم
// الأربعاء، is not a title).
func hasTimeWord(ws []string) bool {
	for i, w := range ws {
		if timeWords[w] && !titleAdj(ws[:i], w) {
			return true
		}
	}
	return false
}

// bindRole binds the title ws, the words of tokens t0..t1, to entity e.
func (f *finder) bindRole(ws []string, e, t0, t1 int) {
	f.addTitle(e, t0, t1)
	key := strings.Join(ws, " ")
	for i := range f.roles {
		if f.roles[i].key == key {
			if f.roles[i].ent != e {
				f.roles[i].ent = -2
			}
			return
		}
	}
	f.roles = append(f.roles, role{key: key, ent: e})
	if femTitles[ws[0]] && f.gender[e] == gNone {
		f.gender[e] = gFem
	}
}

// roleOf returns the entity a title was bound to, or -1.
func (f *finder) roleOf(ws []string) int {
	if len(ws) == 1 {
		return f.bareRole(ws[0])
	}
	if len(ws) < 2 {
		return -1
	}
	key := strings.Join(ws, " ")
	for _, r := range f.roles {
		if r.key == key && r.ent >= 0 {
			return r.ent
		}
	}
	// A shortened title: same head noun, all its words in one bound title,
	// compared without the article, ل and ة (المتحدث باسم الكرملين for
	// المتحدث باسم الرئاسة الروسية الكرملين; مبعوث الرئيس الروسي for المبعوث
	// الخاص للرئيس الروسي لقضايا المناخ).
	found := -1
	ss := stems(ws)
	for _, r := range f.roles {
		rw := stems(strings.Fields(r.key))
		if rw[0] != ss[0] || !subset(ss, rw) {
			continue
		}
		if r.ent < 0 || (found >= 0 && found != r.ent) {
			return -1
		}
		found = r.ent
	}
	return found
}

// bareRole resolves a title of one word with the article (الوزير، المتحدثة)
// to the one person whose bound title has that head noun, when the text
// has no counterpart of them (نظيره، نظيرته) who might hold the same office.
func (f *finder) bareRole(w string) int {
	if !strings.HasPrefix(w, "ال") {
		return -1
	}
	head := stem1(w)
	if !bareHeads[head] {
		return -1
	}
	found := -1
	for _, r := range f.roles {
		k, _, _ := strings.Cut(r.key, " ")
		if stem1(k) != head {
			continue
		}
		if r.ent < 0 || found >= 0 && found != r.ent {
			return -1
		}
		found = r.ent
	}
	if found >= 0 && f.hasCounterpart() {
		return -1
	}
	return found
}

// hasCounterpart reports whether the text speaks of someone's counterpart
// (نظيره، ونظيرته، بنظيره).
func (f *finder) hasCounterpart() bool {
	if f.counterpart == 0 {
		f.counterpart = 1
		for _, t := range f.toks {
			if t.kind == kWord && strings.Contains(t.norm, "نظير") {
				f.counterpart = 2
				break
			}
		}
	}
	return f.counterpart == 2
}

// stem1 is stems for one word, without allocating.
func stem1(w string) string {
	for _, p := range []string{"بال", "لل", "ال", "ل"} {
		if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
			w = rest
			break
		}
	}
	if rest, ok := strings.CutSuffix(w, "ه"); ok && utf8.RuneCountInString(rest) >= 3 {
		w = rest
	}
	return w
}

// stems strips the article (with ل or ب), a bare ل and a final ة (ه) from
// normalized words, for comparing titles.
func stems(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = stem1(w)
	}
	return out
}

// subset reports whether every word of a is in b.
func subset(a, b []string) bool {
	for _, w := range a {
		ok := false
		for _, x := range b {
			if w == x {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

// subjectPos reports whether a name at token t0 stands where a subject
// does: at the start of a clause, or right after a clause-initial word that
// is not a noun with the article (a verb: ردّ بوتين).
func (f *finder) subjectPos(t0 int) bool {
	p := f.titleBefore(t0) - 1
	if f.clauseStart(p+1, 0) {
		return true
	}
	if p >= 0 && f.toks[p].kind == kWord && f.endAt[p] < 0 && f.verbLike(p) {
		return f.clauseStart(p, 0) || strings.HasPrefix(f.toks[p].norm, "و") && p > 0 && f.toks[p-1].kind != kWord
	}
	return false
}

// titleBefore returns the first token of the title that stands before a
// name at token t0 (t0 when there is none): nouns and adjectives with the
// article, the head nouns of titles and genitive names (الأمين العام لحزب
// الله حسن نصر الله، وزير الخارجية الأمريكي أنتوني بلينكن، رئيس البرلمان نبيه
// بري). A head noun without the article must start the title.
func (f *finder) titleBefore(t0 int) int {
	start := t0
	for p, s := t0-1, 0; s < 5 && p >= 0 && f.toks[p].kind == kWord; s++ {
		if mi := f.endAt[p]; mi >= 0 {
			if !f.ments[mi].prep {
				break
			}
			p = f.ments[mi].t0 - 1
			start = p + 1
			continue
		}
		n := f.toks[p].norm
		if titleHeads[n] {
			start = p
			break
		}
		if !strings.HasPrefix(n, "ال") {
			break
		}
		start = p
		p--
	}
	return start
}

// verbLike reports whether the word at token p may be a verb: it has no
// article, is not a preposition, does not end in ة, and is not a plural
// noun in ات of six letters or more besides و or ف (تصريحات المالكي is a
// genitive; وبدأت and أنشأت are verbs).
func (f *finder) verbLike(p int) bool {
	t := f.toks[p]
	if strings.HasPrefix(t.norm, "ال") || preps[t.norm] {
		return false
	}
	if strings.HasSuffix(t.norm, "ات") {
		w := t.norm
		if r, size := utf8.DecodeRuneInString(w); r == 'و' || r == 'ف' {
			w = w[size:]
		}
		if utf8.RuneCountInString(w) >= 6 {
			return false
		}
	}
	for b := int(t.be); b > int(t.bs); {
		r, size := utf8.DecodeLastRuneInString(f.text[t.bs:b])
		if !isDiacritic(r) {
			return r != 'ة'
		}
		b -= size
	}
	return true
}

// coordinated reports whether token k joins a second name to a subject
// (بوش وبلير، الرئيس ووزير خارجيته).
func (f *finder) coordinated(k int) bool {
	if k >= len(f.toks) || f.toks[k].kind != kWord {
		return false
	}
	if mi := f.startAt[k]; mi >= 0 {
		return strings.HasPrefix(f.toks[k].norm, "و") && f.isSpeaker(f.ments[mi].ent)
	}
	n := f.toks[k].norm
	if n == "و" {
		return true
	}
	rest, ok := strings.CutPrefix(n, "و")
	if !ok {
		return false
	}
	return titleHeads[rest] || titleHeads[strings.TrimPrefix(rest, "ال")] || strings.HasPrefix(rest, "نظير")
}

// personAt reports whether a person's name starts at token k.
func (f *finder) personAt(k int) bool {
	if k >= len(f.toks) {
		return false
	}
	mi := f.startAt[k]
	return mi >= 0 && f.ents[f.ments[mi].ent].Type == article.PER
}

// titleStart reports whether w may start a title before a name: a word
// with the article (also after ل), a head noun of titles or one of
// titleStarts.
func titleStart(w string) bool {
	if strings.HasPrefix(w, "لل") {
		return true
	}
	for range 2 {
		if strings.HasPrefix(w, "ال") || titleHeads[w] || titleStarts[w] || titleOK[w] {
			return true
		}
		rest, ok := strings.CutPrefix(w, "ل") // وفقاً لوزير الطاقة
		if !ok {
			return false
		}
		w = rest
	}
	return false
}

// titleAdj reports whether w, a time word, is an adjective of the title ws
// that comes before it (الأمين العام، المدير العام، النائب العام).
func titleAdj(ws []string, w string) bool {
	return w == "العام" && len(ws) > 0 && strings.HasPrefix(ws[len(ws)-1], "ال")
}

// maxTitleWords is the most words of a title between a reporting verb and
// its subject's name (مدير العلاقات العامة والإعلام بمطار الملك فهد الدولي
// بالدمام).
const maxTitleWords = 10

// titleWindow looks for the name of a person after a title that follows the
// verb at token i (قال المتحدث باسم الخارجية الروسية ماريا زاخاروفا).
// It returns the entity and the last token of its mention.
func (f *finder) titleWindow(i, j int) (int, int, bool) {
	if t := f.toks[j]; t.kind == kWord && f.startAt[j] < 0 && !titleStart(t.norm) && !f.personAt(j+1) {
		// وقال استطلاع قامت به كاسبرسكي: not a title; but a first name
		// the tagger left out may stand before a name (كفاح محمود).
		return -1, 0, false
	}
	ws := make([]string, 0, maxTitleWords+1)
	for k := j; k < len(f.toks) && k <= j+maxTitleWords+2; k++ {
		t := f.toks[k]
		switch t.kind {
		case kWord:
			if mi := f.startAt[k]; mi >= 0 {
				m := f.ments[mi]
				if f.ents[m.ent].Type == article.PER && m.gen && k > j {
					for ; k <= m.t1; k++ {
						ws = append(ws, f.toks[k].norm) // the name of an organization
					}
					k = m.t1
					continue
				}
				if f.ents[m.ent].Type == article.PER {
					if m.prep || len(ws) > maxTitleWords {
						return -1, 0, false
					}
					if h := m.t1 + 1; h+1 < len(f.toks) && f.toks[h].kind == kWord && titleBeforeName[f.toks[h].norm] &&
						f.personAt(h+1) && !f.ments[f.startAt[h+1]].prep && !f.joined(h+1) {
						// A name inside the title, then the title of
						// the subject's name (المعارض لبقاء سامي الجابر
						// الأمير نواف بن محمد): the last name is the subject.
						n := f.ments[f.startAt[h+1]]
						return n.ent, n.t1, true
					}
					if len(ws) >= 2 {
						f.bindRole(ws, m.ent, j, k-1)
					}
					return m.ent, m.t1, true
				}
			}
			if (preps[t.norm] && !titleOK[t.norm]) || f.startsComplement(k) || f.isTrigger(k) || timeWords[t.norm] && !titleAdj(ws, t.norm) || notTitle[t.norm] {
				return -1, 0, false
			}
			ws = append(ws, t.norm)
		case kQuote:
		case kPunct:
			if !isComma(t) {
				return -1, 0, false
			}
		default:
			return -1, 0, false
		}
	}
	return -1, 0, false
}

// np returns the normalized words of the noun phrase starting at token j
// (up to a comma, complement, time word or the end of the sentence) and its
// last token.
func (f *finder) np(j int) ([]string, int) {
	ws := make([]string, 0, 9)
	end := j - 1
	for k := j; k < len(f.toks) && len(ws) < 9; k++ {
		t := f.toks[k]
		if t.kind == kQuote {
			continue
		}
		if t.kind != kWord || f.startsComplement(k) || timeWords[t.norm] && !titleAdj(ws, t.norm) || f.isTrigger(k) {
			break
		}
		ws = append(ws, t.norm)
		end = k
	}
	if len(ws) > 8 {
		return nil, end
	}
	return ws, end
}

// subjectBefore finds the subject of a verb at token i that stands before
// it: بوتين ذكر أن، كان بوتين قد صرّح، جين ساكي، المتحدثة ...، قالت.
func (f *finder) subjectBefore(i int) int {
	k := i - 1
	if k >= 0 && f.toks[k].kind == kWord && f.toks[k].norm == "قد" {
		k--
	}
	if k < 0 {
		return -1
	}
	if isComma(f.toks[k]) {
		c := -1
		for p := k - 1; p >= 0 && p >= k-10; p-- {
			if f.toks[p].kind == kBreak || f.isSentEnd(p) {
				break
			}
			if isComma(f.toks[p]) {
				c = p
				break
			}
		}
		if c < 0 {
			return -1
		}
		k = c - 1
		if k < 0 {
			return -1
		}
	}
	mi := f.endAt[k]
	if mi < 0 {
		return -1
	}
	m := f.ments[mi]
	if m.prep || !f.isSpeaker(m.ent) {
		return -1
	}
	p := f.titleBefore(m.t0) - 1
	if p >= 0 && !f.clauseStart(p+1, 0) {
		return -1
	}
	return m.ent
}

// resolve returns the speaker of a reporting word of gender g with an
// elided subject: the most recent possible subject that agrees with it,
// when that is a speaker; -1 when it is not or when it is too far back.
func (f *finder) resolve(g gender, sent int32) int {
	for k := len(f.hist) - 1; k >= 0; k-- {
		h := f.hist[k]
		if sent-h.sent > 4 {
			return -1
		}
		if h.clause {
			continue
		}
		if h.ent < 0 {
			if g != gFem && h.g == gFem || g == gFem && h.g != gFem {
				continue
			}
			return -1
		}
		if !f.compatible(h.ent, g) {
			continue
		}
		if h.speaker {
			return h.ent
		}
		return -1
	}
	return -1
}

// issuer resolves البيان (the statement) as a subject: the organization
// that was the last speaker, when its sentence mentions a statement (بيان)
// and no other possible subject came since.
func (f *finder) issuer(sent int32) int {
	for k := len(f.hist) - 1; k >= 0; k-- {
		h := f.hist[k]
		if h.clause {
			continue
		}
		if sent-h.sent > 4 || h.ent < 0 {
			return -1
		}
		if !h.speaker || f.ents[h.ent].Type != article.ORG {
			if f.ents[h.ent].Type == article.ORG {
				return -1
			}
			continue
		}
		lo := sort.Search(len(f.sent), func(i int) bool { return f.sent[i] >= h.sent })
		for i := lo; i < len(f.toks) && f.sent[i] == h.sent; i++ {
			if n := f.toks[i].norm; strings.HasPrefix(n, "بيان") || strings.HasPrefix(n, "ببيان") || strings.HasPrefix(n, "البيان") {
				return h.ent
			}
		}
		return -1
	}
	return -1
}

// leadsSentence reports whether the word at token i starts its sentence,
// after at most a few clause words or time words (ومن جانبه أضاف، كما أشارت).
func (f *finder) leadsSentence(i int) bool {
	p := i
	for s := 0; s < 3 && p > 0 && f.toks[p-1].kind == kWord; s++ {
		n := f.toks[p-1].norm
		if !clauseWords[n] && !timeWords[n] && n != "ومن" && n != "من" {
			break
		}
		p--
	}
	return f.sentenceStart(p)
}

// clauseSubject returns the subject, within the sentence of token i, that a
// reporting word of gender g in the middle of that sentence continues
// with: the last subject or speaker before it, when it agrees; -1 when the
// sentence has none before it or a clause with an unnamed subject came since.
func (f *finder) clauseSubject(i int, g gender) int {
	sent := f.sent[i]
	for k := len(f.hist) - 1; k >= 0; k-- {
		h := f.hist[k]
		if h.sent != sent || h.clause {
			return -1
		}
		if !h.subj {
			continue
		}
		if h.ent >= 0 && f.compatible(h.ent, g) {
			return h.ent
		}
		return -1
	}
	return -1
}
