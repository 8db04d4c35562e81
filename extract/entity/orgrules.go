package entity

import (
	"slices"
	"strings"
)

// letterNames are the Arabic spellings of the names of Latin letters,
// normalized (بي B, سي C, إف F, آي I, إس S, إيه A): a run of them writes a
// foreign acronym (بي بي سي، إف . بي . آي، سي إن إن). The value is true
// for the letters whose spelling is no common Arabic word; those false are
// also a preposition, particle or pronoun (في، أن، أو، أم، بي، إي، دي)
// and cannot make a run an acronym alone.
var letterNames = map[string]bool{
	"ايه": true, "سي": true, "اف": true, "جي": true, "اتش": true, "ايتش": true, "جيه": true,
	"كي": true, "كيه": true, "كيو": true, "ار": true, "اس": true, "تي": true, "يو": true,
	"دبليو": true, "اكس": true, "واي": true, "زد": true,
	"بي": false, "دي": false, "اي": false, "ال": false, "ام": false, "ان": false, "او": false, "في": false,
}

// letterTails is the tailFilter of letterNames: most words end with none
// of them.
var letterTails = newTailFilter(letterNames)

// letterParticles are the letters of letterNames that are also a
// preposition or particle standing before or after a name (في، أن، إن،
// أو): at the edge of a run, joined to it by a space only and outside its
// quotation marks or brackets, the word rather than a letter (مراسل سي
// إن إن في بغداد: in; وقال لـ بي بي سي إن: that).
var letterParticles = map[string]bool{"في": true, "ان": true, "او": true}

// letterAcronyms makes one organization's mention of each run of two
// names of Latin letters or more (letterNames), one of them no common
// Arabic word: a foreign body's acronym as Arabic news spells it (in all
// of ANERcorp such a run is an organization 23 times of 31, all 8 with
// full stops; the others are phone and weapon models, a person's
// initials, بي في: "in me in"). The tokenizer cuts the run at every full
// stop (بي. بي. سي), and the tagger tags its letters one by one or not at
// all. A run counts when its letters are separated by full stops, when the
// tagger tagged one of its letters an organization, or when it stands
// alone in quotation marks or brackets (« إل جي »، ( أن أس أيه )). The
// article may be on the first letter of a run with full stops (الكي. جي.
// بي.); a particle at its edge is left out (letterParticles). The run
// takes in the organization's mentions it overlaps and, after a run with
// full stops, a one-word mention after the next one (سي . أس . أم .
// ديداكتيك). Not a run followed by a number (a model: كي جي 320), nor one
// a person's or place's mention overlaps or a person's follows (initials
// of a name). It returns ms in text order.
func letterAcronyms(ms []mention, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var added []mention
	var drop []bool // per mention: taken into a run
	var buf [8]int
	run := buf[:0] // the run's letters: token indices
	for i := 0; i < n; i++ {
		if k := keys[i]; len(k) < len("اس") || len(k) > len("الدبليو") || !letterTails.mayEnd(k) {
			continue
		}
		_, ok := letterNames[keys[i]]
		art := false
		if !ok {
			var b string
			b, art = strings.CutPrefix(keys[i], "ال")
			if _, ok = letterNames[b]; !art || !ok {
				continue
			}
		}
		// The run: letters, a full stop between two of them.
		run = append(run[:0], i)
		dots := false
		for j := i + 1; j < n; j++ {
			if _, ok := letterNames[keys[j]]; ok && (!breaks[j] || keys[j-1] == ".") {
				run = append(run, j)
				continue
			}
			if j+1 < n && keys[j] == "." && keys[j-1] != "." {
				if _, ok := letterNames[keys[j+1]]; ok {
					dots = true
					continue
				}
			}
			break
		}
		next := run[len(run)-1] + 1
		if len(run) < 2 {
			continue
		}
		// Particles at the edges, joined by a space.
		joined := func(a, b int) bool { return b == a+2 }
		delimited := func(a, b int) bool {
			return a >= 0 && b < n && (isQuoteMark(keys[a]) && isQuoteMark(keys[b]) || keys[a] == "(" && keys[b] == ")")
		}
		for len(run) > 1 && letterParticles[keys[run[0]]] && !joined(run[0], run[1]) && !delimited(run[0]-1, next) {
			run = run[1:]
		}
		for len(run) > 1 && letterParticles[keys[run[len(run)-1]]] && !joined(run[len(run)-2], run[len(run)-1]) &&
			!delimited(run[0]-1, run[len(run)-1]+1) && keys[run[len(run)-1]] != keys[run[len(run)-2]] {
			run = run[:len(run)-1]
		}
		core := false
		for _, k := range run {
			b, _ := strings.CutPrefix(keys[k], "ال")
			core = core || letterNames[b]
		}
		lo, hi := run[0], run[len(run)-1]+1
		if len(run) < 2 || !core || art && (!dots || lo != i) || hi < n && isDigits(keys[hi]) {
			i = next - 1
			continue
		}
		// The organizations' mentions the run overlaps, and after a run
		// with full stops a word's mention after the next one.
		s, e, tagged, other := lo, hi, false, false
		var parts []int
		for k, m := range ms {
			a, b := m.tok, m.tok+len(m.keys)
			switch {
			case b <= lo || a > hi+1 || a < lo && slices.ContainsFunc(keys[a:lo], isQuoteMark):
				continue
			case m.typ == 1 && (a == hi || a == hi+1 && keys[hi] == "."):
				other = true // a person's name after initials
			case a < hi && m.typ != 3:
				other = true
			case a < hi:
				tagged = true
			case dots && m.typ == 3 && a == hi+1 && keys[hi] == "." && b == a+1:
			default:
				continue
			}
			parts = append(parts, k)
			s, e = min(s, a), max(e, b)
		}
		if other || !dots && !tagged && !delimited(lo-1, hi) {
			i = next - 1
			continue
		}
		for _, k := range parts {
			if drop == nil {
				drop = make([]bool, len(ms))
			}
			drop[k] = true
		}
		added = append(added, newMention(3, s, e, tokens, words, keys))
		i = max(e, next) - 1
	}
	return replaceMentions(ms, drop, added)
}

// replaceMentions returns ms without the mentions that drop marks (drop
// is nil when none is) and with added, in text order.
func replaceMentions(ms []mention, drop []bool, added []mention) []mention {
	if len(added) == 0 && drop == nil {
		return ms
	}
	out := ms[:0]
	for k, m := range ms {
		if drop == nil || !drop[k] {
			out = append(out, m)
		}
	}
	return addMentions(out, added)
}

// isDigits reports whether k is a number written in digits, Western or
// Arabic-Indic.
func isDigits(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r >= '0' && r <= '9' || r >= '٠' && r <= '٩') {
			return false
		}
	}
	return true
}

// bodyHeads are the nouns of kinds of body that start an organization's
// name (صندوق النقد الدولي، جامعة الدول العربية), normalized, without the
// article.
var bodyHeads = map[string]bool{
	"صندوق": true, "جامعه": true, "منظمه": true, "مجلس": true, "حزب": true, "حركه": true, "شركه": true,
	"بنك": true, "مصرف": true, "وكاله": true, "اتحاد": true, "هيئه": true, "جمعيه": true, "جبهه": true,
	"رابطه": true, "نقابه": true, "معهد": true, "مؤسسه": true, "منتدي": true, "وزاره": true, "لجنه": true,
}

// coordinatedBodies splits an organization's mention at a word of و and a
// noun of bodyHeads, bare or with the article (البنك الدولي وصندوق النقد
// الدولي، مجلس الأمن والمجلس الاقتصادي): two bodies coordinated, not one
// (in all of ANERcorp و and such a noun right after an organization's
// word starts another organization 6 times of 8, is untagged once, and
// continues the first once). It returns ms.
func coordinatedBodies(ms []mention) []mention {
	return splitMentions(ms, func(m mention) int {
		if m.typ != 3 {
			return -1
		}
		for j := 1; j < len(m.keys); j++ {
			if w, ok := strings.CutPrefix(m.keys[j], "و"); ok && bodyHeads[stripAl(w)] {
				return j
			}
		}
		return -1
	})
}

// scopeAdjectives are the adjectives of a body's reach (الدولي، العالمي،
// الأوروبي), normalized, masculine and feminine: after an organization's
// name they are part of it (مجلس الأمن الدولي; in all of ANERcorp الدولي
// right after an organization's name is in it 17 times of 18, الأوروبي 13
// of 13), unlike a nisba of a country (ليون الفرنسي: the club and its
// country).
var scopeAdjectives = map[string]bool{
	"الدولي": true, "الدوليه": true, "العالمي": true, "العالميه": true, "الاوروبي": true, "الاوروبيه": true,
}

// scopeNames extends an organization's mention over an untagged word of
// scopeAdjectives right after it in its sentence, but in a sports report,
// where الدولي after a club is its player's title (مدافع مرسيليا الدولي:
// an international). It returns ms.
func scopeNames(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var sports lazySports
	for k := range ms {
		m := &ms[k]
		j := m.tok + len(m.keys)
		if m.typ != 3 || j >= n || breaks[j] || labels[j] != 0 || !scopeAdjectives[keys[j]] || covered(ms, j, j+1) || sports.of(keys) {
			continue
		}
		*m = extendMention(*m, m.tok, j+1, tokens, words, keys)
		m.typ = 3
	}
	return ms
}

// latinGlosses adds the name in Latin letters that stands in brackets
// right after an organization's mention, maybe after its closing
// quotation mark (جامعة آستون ( Aston University )، شركة « آلمو » (
// AlMoe )): Arabic news glosses a foreign body's name with its own
// spelling, which names the same body (over ANERcorp's five blocks such a
// gloss after an organization's mention is an organization 7 times of 8;
// the other after للأمم المتحدة, a gloss of the body before it). The
// mention must be named as a body: a noun of a kind of organization
// (cueORG: شركة، مؤسسة، جامعة، قناة) stands before it, maybe before its
// opening quotation mark, or starts it; the tagger's ORG for a product in
// quotation marks (تطبيق « يو ميسنجر » ( U Messenger )) is not enough.
// The gloss is every token between the brackets: words of Latin letters
// and digits, each capitalized but a few small words (Free University of
// Berlin), and the marks . & ' - between two of them (AT & T); the
// tagger's mentions inside it give way to it, one that crosses a bracket
// keeps it from being read. It returns ms in text order.
func latinGlosses(ms []mention, tokens []Token, words, keys []string) []mention {
	n := len(keys)
	var added []mention
	var drop []bool
	for _, m := range ms {
		i := m.tok + len(m.keys)
		if i < n && isQuoteMark(keys[i]) {
			i++
		}
		if m.typ != 3 || i+2 >= n || keys[i] != "(" || !latinWord(words[i+1]) {
			continue
		}
		j := i + 2
		for j < n && (latinWord(words[j]) || latinMarks[keys[j]] && j+1 < n && latinWord(words[j+1])) {
			j++
		}
		if j >= n || keys[j] != ")" || !bodyNamed(m, keys) {
			continue
		}
		var inside []int
		crossed := false
		for k, o := range ms {
			lo, hi := o.tok, o.tok+len(o.keys)
			switch {
			case hi <= i+1 || lo >= j:
			case lo > i && hi <= j:
				inside = append(inside, k)
			default:
				crossed = true
			}
		}
		if crossed {
			continue
		}
		for _, k := range inside {
			if drop == nil {
				drop = make([]bool, len(ms))
			}
			drop[k] = true
		}
		added = append(added, newMention(3, i+1, j, tokens, words, keys))
	}
	return replaceMentions(ms, drop, added)
}

// bodyNamed reports whether the mention m, in the article of the
// normalized words keys, starts with a noun of a kind of organization
// (cueORG) or follows one, maybe across an opening quotation mark, with
// a proclitic or the article too (لشركة، بجامعة، المؤسسة).
func bodyNamed(m mention, keys []string) bool {
	org := func(k string) bool {
		_, b := splitClitic(k)
		return cueWords[stripAl(k)]&cueORG != 0 || cueWords[stripAl(b)]&cueORG != 0
	}
	i := m.tok - 1
	if i >= 0 && isQuoteMark(keys[i]) {
		i--
	}
	return org(m.keys[0]) || i >= 0 && org(keys[i])
}

// latinMarks are the marks that join the words of a name in Latin
// letters (AT & T، Coca-Cola).
var latinMarks = map[string]bool{".": true, "&": true, "'": true, "-": true}

// smallLatin are the small words that stand uncapitalized in a name in
// Latin letters (Free University of Berlin، Banque de France).
var smallLatin = map[string]bool{"of": true, "and": true, "the": true, "for": true, "de": true, "du": true,
	"des": true, "la": true, "le": true, "et": true, "von": true, "van": true, "al": true, "el": true}

// latinWord reports whether the token w is a word of a name in Latin
// letters: letters and digits, at least one letter, capitalized or a
// word of smallLatin (ScorePlus، G8، of).
func latinWord(w string) bool {
	letter := false
	for i, r := range w {
		switch {
		case r >= 'a' && r <= 'z':
			if i == 0 && !smallLatin[w] {
				return false
			}
			letter = true
		case r >= 'A' && r <= 'Z':
			letter = true
		case r >= '0' && r <= '9':
		default:
			return false
		}
	}
	return letter
}

// definiteBodyHeads are the nouns of kinds of body that, with the article
// and a nisba adjective, name one body (المنظمة الدولية، البنك التجاري،
// الجامعة العربية، الاتحاد الأفريقي), normalized without the article, and
// whether they are feminine. In all of ANERcorp such a phrase is an
// organization 13 times of 14 with المنظمة, 25 of 31 with البنك, 7 of 10
// with الجامعة, 5 of 7 with الوكالة, 2 of 2 with المعهد; 25 of 43 with
// الاتحاد, 8 of the others الاتحاد السوفيتي, a place. Other heads are
// mostly common nouns there (المجلس البلدي، المؤسسة الأمنية، الحزب
// الحاكم: 4 of 31 with المجلس).
var definiteBodyHeads = map[string]bool{"منظمه": true, "وكاله": true, "جامعه": true, "بنك": false, "معهد": false, "اتحاد": false}

// definiteBodyTails is the tailFilter of definiteBodyHeads: most words
// end with none of them.
var definiteBodyTails = newTailFilter(definiteBodyHeads)

// definiteBodies adds an organization's mention for each untagged noun of
// definiteBodyHeads with the article (after a proclitic too: للمنظمة)
// followed in its sentence by untagged nisba adjectives with the article
// that agree with it and name rather than describe (agreeingNisba): the
// noun and its adjectives (البنك الدولي; not متطلبات البنك الرأسمالية,
// the adjective of the noun before, nor الجامعة الأخرى). Not when the
// first adjective is the nisba of a place the gazetteers know (الاتحاد
// الكويتي، الجامعة السورية، الاتحاد الروسي): a country's body, which
// ANERcorp leaves untagged, or the country itself. orgComplements later
// takes in the body's field (المنظمة العالمية للملكية الفكرية). It
// returns ms in text order.
func (t *Tagger) definiteBodies(ms []mention, labels []int, tokens []Token, words, keys []string, breaks []bool) []mention {
	n := len(keys)
	var marks tokenMarks
	var added []mention
	for i := 0; i+1 < n; i++ {
		if labels[i] != 0 || labels[i+1] != 0 || !definiteBodyTails.mayEnd(keys[i]) {
			continue
		}
		_, b := splitClitic(keys[i])
		h, ok := strings.CutPrefix(b, "ال")
		fem, head := definiteBodyHeads[h]
		if !ok || !head {
			continue
		}
		if marks.ms == nil {
			marks = tokenMarks{ms: ms, n: n}
		}
		j := i + 1
		for j < n && !breaks[j] && labels[j] == 0 && !marks.held(j) && agreeingNisba(words[j], keys[j], fem) {
			j++
		}
		if j == i+1 || marks.held(i) || t.placeNisba(strings.TrimSuffix(keys[i+1], "ه")) {
			continue
		}
		added = append(added, newMention(3, i, j, tokens, words, keys))
		i = j - 1
	}
	return addMentions(ms, added)
}

// describingNisbas are nisba adjectives, normalized, masculine, that
// describe a body rather than name it: its time, rank, place or kind
// (الجامعة الصيفية، الاتحاد المحلي، الوكالة الرسمية، المنظمة الإرهابية).
var describingNisbas = map[string]bool{
	"الحالي": true, "السنوي": true, "الصيفي": true, "الشتوي": true, "الاصلي": true, "الفرعي": true, "المحلي": true,
	"الرسمي": true, "التقليدي": true, "الانتاجي": true, "الارهابي": true, "الحقوقي": true, "الجمركي": true,
}

// agreeingNisba reports whether the word w, normalized k, is a nisba
// adjective with the article of the gender fem (الدولي، الدولية) that
// names (not describingNisbas).
func agreeingNisba(w, k string, fem bool) bool {
	if !strings.HasPrefix(k, "ال") || strings.HasSuffix(w, "ى") {
		return false
	}
	if fem {
		k, fem = strings.CutSuffix(k, "ه")
		if !fem || !strings.HasSuffix(k, "ي") {
			return false
		}
	}
	return isNisba(k) && !describingNisbas[k]
}

// workTeams are the nouns, normalized, after which فريق is a team of
// work or of a school, not a club (فريق العمل، فريق البحث، فريق
// الإنقاذ، فريق الفيلم، فريق المدرسة): clubNames
// reads the word after فريق in a sports report as a club, and such a
// word is none.
var workTeams = map[string]bool{
	"العمل": true, "البحث": true, "التمثيل": true, "الانقاذ": true, "الطوارئ": true, "التحقيق": true,
	"الاسعاف": true, "التفاوض": true, "الخبراء": true, "التاهيل": true, "الاقتحام": true, "الفيلم": true,
	"المدرسه": true, "الطلاب": true,
}

// clubRepeats spreads the clubs of a sports report (sportsReport): a
// club's mention of one word with the article right after a noun of
// clubWords (فريق العربي، نادي الوحدة; not a team of work, workTeams, nor
// a gazetteer place) names the club wherever its word stands untagged in
// the article (حارس العربي، مرمى الوحدة), unless a word with the article
// stands before it, which it may qualify as an adjective (الخليج العربي),
// or في (في الكوفة: a town), or after it, its adjective or the rest of a
// longer name (الجيش الإسرائيلي، الرجاء البيضاوي). It returns ms in text
// order.
func (t *Tagger) clubRepeats(ms []mention, labels []int, tokens []Token, words, keys []string) []mention {
	var clubs map[string]bool
	for _, m := range ms {
		if m.typ != 3 || len(m.keys) != 1 || m.tok == 0 || !clubWord(keys[m.tok-1]) || workTeams[m.keys[0]] ||
			!strings.HasPrefix(m.keys[0], "ال") || t.gaz.words[m.keys[0]]&gLOC != 0 {
			continue
		}
		if clubs == nil {
			clubs = map[string]bool{}
		}
		clubs[m.keys[0]] = true
	}
	if clubs == nil || !sportsReport(keys) {
		return ms
	}
	marks := tokenMarks{ms: ms, n: len(keys)}
	var added []mention
	for i, k := range keys {
		if !clubs[k] || labels[i] != 0 || marks.held(i) || i > 0 && (strings.HasPrefix(keys[i-1], "ال") || keys[i-1] == "في") ||
			i+1 < len(keys) && strings.HasPrefix(keys[i+1], "ال") {
			continue
		}
		added = append(added, newMention(3, i, i+1, tokens, words, keys))
	}
	return addMentions(ms, added)
}
