package entity

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/article"
)

// mentionOf builds a mention of type typ (a B- label index) over the
// space-separated words of name, as the i-th token onward of a text whose
// words are one rune apart.
func mentionOf(typ, tok int, name string) mention {
	ws := strings.Fields(name)
	m := mention{typ: typ, tok: tok, words: ws}
	pos := tok * 10
	for _, w := range ws {
		m.keys = append(m.keys, normalize(w))
		m.starts = append(m.starts, pos)
		pos += len([]rune(w))
		m.ends = append(m.ends, pos)
		pos++
	}
	m.start, m.end = m.starts[0], m.ends[len(m.ends)-1]
	return m
}

func TestStripCliticsMultiWord(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		typ        int
		name, want string
		start      int // the span starts after the clitic's letters
	}{
		{3, "لجامعة الدول العربية", "جامعة الدول العربية", 1},
		{3, "لوزارة المالية", "وزارة المالية", 1},
		{3, "بمجلس الأمن", "مجلس الأمن", 1},
		{3, "للكونغرس الأمريكي", "الكونغرس الأمريكي", 1}, // ل + (ا)ل
		{5, "والولايات المتحدة", "الولايات المتحدة", 1},
		// A word more frequent with its first letter is a word of its own.
		{3, "لجنة الانتخابات المركزية", "لجنة الانتخابات المركزية", 0},
		{3, "بلدية الرياض", "بلدية الرياض", 0},
		// One word: only toward other evidence, not by frequency alone.
		{5, "لبنان", "لبنان", 0},
	} {
		ms := []mention{mentionOf(c.typ, 0, c.name)}
		tg.stripClitics(ms, &ruleScratch{})
		if got := strings.Join(ms[0].words, " "); got != c.want {
			t.Errorf("stripClitics(%q) = %q, want %q", c.name, got, c.want)
		}
		if ms[0].start != c.start {
			t.Errorf("stripClitics(%q): start %d, want %d", c.name, ms[0].start, c.start)
		}
	}
}

func TestSplitPersons(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		name string
		want []string // TYPE:name of the parts
	}{
		{"جامعة الدول العربية أحمد أبو الغيط", []string{"ORG:جامعة الدول العربية", "PER:أحمد أبو الغيط"}},
		// One word before the name describes the person.
		{"الزائر فيصل الحرقان", []string{"PER:فيصل الحرقان"}},
		// Named after a person: the honorific keeps it whole.
		{"جامعة الملك سعود", []string{"ORG:جامعة الملك سعود"}},
		{"مطار الملك فهد الدولي", []string{"ORG:مطار الملك فهد الدولي"}},
		{"مؤسسة الأمير محمد بن فهد", []string{"ORG:مؤسسة الأمير محمد بن فهد"}},
	} {
		ms := tg.splitPersons([]mention{mentionOf(3, 0, c.name)})
		var got []string
		for _, m := range ms {
			got = append(got, labelNames[m.typ][2:]+":"+strings.Join(m.words, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("splitPersons(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestPersonCues checks that a person's title or a masculine reporting
// verb before a name the tagger typed a place or organization makes it a
// person, and that places and organizations keep their type.
func TestPersonCues(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text string // the mention is the last word(s) after "|"
		typ  int
		want string
	}{
		{"وقال | كارلسون", 5, article.PER},
		{"الرئيس | كارلسون", 3, article.PER},
		{"الرئيس الفنلندي | كارلسون", 5, article.PER},
		// An elative in ى after the title is no nisba: the title is not
		// the name's (الرئيس الأعلى لطيران كارلسون).
		{"الرئيس الأعلى | كارلسون", 5, article.LOC},
		{"وأضاف | كارلسون", 5, article.PER},
		// Feminine verb: a place or organization speaks (قالت موسكو).
		{"وقالت | كارلسون", 5, article.LOC},
		// A gazetteer place stays a place.
		{"وقال | لبنان", 5, article.LOC},
		// A name with the article is no person's.
		{"وقال | البرلمان", 3, article.ORG},
		// No cue.
		{"في | كارلسون", 5, article.LOC},
	} {
		before, name, _ := strings.Cut(c.text, " | ")
		var words, keys []string
		for _, w := range strings.Fields(before) {
			words = append(words, w)
			keys = append(keys, normalize(w))
		}
		m := mentionOf(c.typ, len(keys), name)
		words = append(words, m.words...)
		keys = append(keys, m.keys...)
		ms := []mention{m}
		tg.personCues(ms, words, keys, make([]bool, len(keys)))
		es := tg.group(ms, &groupBufs{})
		if len(es) != 1 || es[0].Type != c.want {
			t.Errorf("%q: got %+v, want type %s", c.text, es, c.want)
		}
	}
}

// TestGroupOneWordJoins checks that a one-word mention typed a place once
// joins the person whose name ends with it, and the votes decide the type.
func TestGroupOneWordJoins(t *testing.T) {
	tg := defaultTagger(t)
	ms := []mention{mentionOf(1, 0, "مارك كارلسون"), mentionOf(5, 5, "كارلسون"), mentionOf(1, 9, "كارلسون")}
	es := tg.group(ms, &groupBufs{})
	if len(es) != 1 || es[0].Text != "مارك كارلسون" || es[0].Type != article.PER || len(es[0].Mentions) != 3 {
		t.Errorf("group = %+v, want one PER مارك كارلسون with 3 mentions", es)
	}
	// A gazetteer place keeps its own entity (جورج واشنطن and واشنطن).
	ms = []mention{mentionOf(1, 0, "جورج لبنان"), mentionOf(5, 5, "لبنان")}
	if es := tg.group(ms, &groupBufs{}); len(es) != 2 {
		t.Errorf("group = %+v, want the person and the place apart", es)
	}
}

func TestNotName(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		name, typ string
		want      bool
	}{
		{"زيفاً", "PER", true},
		{"معقبا", "PER", true},
		{"موضحا", "PER", true},
		{"مراقبون", "PER", true},
		{"ناشطون", "PER", true},
		{"كارلسون", "PER", false}, // a surname in -son
		{"ويلسون", "PER", false},
		{"خلدون", "PER", false},
		{"ماريا", "PER", false},
		{"عضو", "PER", true},
		{"مسؤول", "PER", true},
		{"كريم", "PER", false}, // a word too, but a gazetteer name
		{"بوتين", "PER", false},
		{"محمداً", "PER", false}, // the accusative of a gazetteer name
		{"ميلفا", "PER", false},
		{"فرعون", "PER", false},
		{"مؤيدو", "PER", true},
		{"منتجو", "PER", true},
		{"ريكاردو", "PER", false},
		{"ماركو", "PER", false},
		{"بيدرو", "PER", false},
		{"ميرا", "PER", false},
		{"محمد", "PER", false},
		{"معقبا", "ORG", false},
		{"سامي الخطيب", "PER", false},
	} {
		words := strings.Fields(c.name)
		var keys []string
		for _, w := range words {
			keys = append(keys, normalize(w))
		}
		if got := tg.notName(words, keys, c.typ); got != c.want {
			t.Errorf("notName(%q, %s) = %v, want %v", c.name, c.typ, got, c.want)
		}
	}
}
