package entity

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/article"
)

// TestSurnameWholeName checks that where a person's whole name stands
// again untagged it is one mention, not its surname alone, and that a
// surname after another untagged word of a person's name is left alone.
func TestSurnameWholeName(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct{ text, want string }{
		{"وقال ماتيو رينزي إن الحكومة ستعمل . وأضاف ماتيو رينزي أن الخطة جاهزة", "PER:ماتيو رينزي|PER:ماتيو رينزي"},
		{"وقال ماتيو رينزي إن الحكومة ستعمل . وأضاف رينزي أن الخطة جاهزة", "PER:ماتيو رينزي|PER:رينزي"},
		// A sentence break inside: the surname alone.
		{"وقال ماتيو رينزي إن الحكومة ستعمل وزار ماتيو . رينزي المدينة", "PER:ماتيو رينزي|PER:رينزي"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		labels[1], labels[2] = 1, 2 // the tagger found the first ماتيو رينزي
		ms := []mention{newMention(1, 1, 3, toks, words, keys)}
		if got := mentionTexts(tg.untaggedPersons(ms, labels, toks, words, keys, breaks)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
	// Another word of a person's name before the surname: not read.
	text := "وقال ماركو فان رينزي إن الحكومة ستعمل . وأضاف فان رينزي أن الخطة جاهزة"
	labels, toks, words, keys, breaks := untaggedInput(text)
	labels[1], labels[2], labels[3] = 1, 2, 2
	ms := []mention{newMention(1, 1, 4, toks, words, keys)}
	if got, want := mentionTexts(tg.untaggedPersons(ms, labels, toks, words, keys, breaks)), "PER:ماركو فان رينزي"; got != want {
		t.Errorf("%q: got %q, want %q", text, got, want)
	}
}

// TestNameLikeAccusative checks that the indefinite accusative of a
// common noun, written without tanween, has no name's form.
func TestNameLikeAccusative(t *testing.T) {
	tg := defaultTagger(t)
	if tg.gaz.stats == nil {
		t.Skip("model without word statistics")
	}
	for _, w := range []string{"برنامجا", "مسؤولا"} {
		if k := normalize(w); tg.nameLike(k) {
			t.Errorf("nameLike(%q) = true, want false: البرنامج is a common noun", w)
		}
	}
}

// TestRefineGenitiveNoun checks that a noun whose genitive is a person
// is cut from the start of a person's mention.
func TestRefineGenitiveNoun(t *testing.T) {
	for _, c := range []struct {
		typ        int
		name, want string
	}{
		{1, "لصالح شوماخر", "PER:شوماخر"},
		{1, "برئاسة ماتيو رينزي", "PER:ماتيو رينزي"},
		{1, "لصالح", "PER:لصالح"},                             // one word: left to the other rules
		{3, "إدارة الدفاع المدني", "ORG:إدارة الدفاع المدني"}, // an organization's head noun
		// A tomb's noun, with a proclitic too: where the person lies.
		{1, "ضريح عمر الخيام", "PER:عمر الخيام"},
		{1, "وبمرقد موسى الكاظم", "PER:موسى الكاظم"},
		{3, "قبر الجندي المجهول", "ORG:قبر الجندي المجهول"}, // not a person's mention
	} {
		if got := mentionTexts(refine(nil, []mention{mentionOf(c.typ, 0, c.name)})); got != c.want {
			t.Errorf("refine(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestGroupKeepsPerson checks that the one-word mentions of a person's
// surname tagged another type join the person without making it another
// type, and that a one-word name with the article keeps its type.
func TestGroupKeepsPerson(t *testing.T) {
	tg := defaultTagger(t)
	ms := []mention{mentionOf(1, 0, "توني سنو"), mentionOf(3, 5, "سنو"), mentionOf(3, 9, "سنو")}
	es := tg.group(ms, &groupBufs{})
	if len(es) != 1 || es[0].Type != article.PER || len(es[0].Mentions) != 3 {
		t.Errorf("got %+v, want one person with 3 mentions", es)
	}
	ms = []mention{mentionOf(1, 0, "لمدافعي العنابي"), mentionOf(3, 5, "العنابي"), mentionOf(3, 9, "العنابي")}
	es = tg.group(ms, &groupBufs{})
	if len(es) != 2 || es[1].Type != article.ORG || len(es[1].Mentions) != 2 {
		t.Errorf("got %+v, want العنابي an organization of its own", es)
	}
}

// TestNotNameCurrency checks that a currency alone is no entity, with a
// proclitic too, and that a name with a currency's word in it stays one.
func TestNotNameCurrency(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		name string
		want bool
	}{
		{"اليورو", true}, {"والدولار", true}, {"الليرة", true}, {"يورو", true},
		{"ريال مدريد", false}, {"منطقة اليورو", false}, {"دبي", false},
	} {
		var keys []string
		ws := strings.Fields(c.name)
		for _, w := range ws {
			keys = append(keys, normalize(w))
		}
		if got := tg.notName(ws, keys, article.LOC); got != c.want {
			t.Errorf("notName(%q) = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestSplitCoordinated checks that a mention is split at و before a name
// the gazetteers know, and only there.
func TestSplitCoordinated(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		typ        int
		name, want string
	}{
		{5, "الإمارات العربية وقطر", "LOC:الإمارات العربية|LOC:وقطر"},
		{5, "الصين وفرنسا وروسيا", "LOC:الصين|LOC:وفرنسا|LOC:وروسيا"},
		// و that belongs to the word, not a name after it.
		{1, "محمد وليد", "PER:محمد وليد"},
		{5, "كارلسون وزيتونستان", "LOC:كارلسون وزيتونستان"},
	} {
		if got := mentionTexts(tg.splitCoordinated([]mention{mentionOf(c.typ, 0, c.name)})); got != c.want {
			t.Errorf("splitCoordinated(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSplitCoordinatedByArticle checks that a word named alone elsewhere
// in the article marks a coordinated name too, and that a name whose
// second word never stands alone stays whole.
func TestSplitCoordinatedByArticle(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		others []string // the other mentions of the article
		name   string
		want   string
	}{
		{[]string{"زيتونستان"}, "كارلسون وزيتونستان", "PER:كارلسون|PER:وزيتونستان"},
		{[]string{"جو زيتونستان"}, "كارلسون وزيتونستان", "PER:كارلسون|PER:وزيتونستان"},
		{[]string{"وزيتونستان"}, "كارلسون وزيتونستان", "PER:كارلسون وزيتونستان"},
		{nil, "كارلسون وزيتونستان", "PER:كارلسون وزيتونستان"},
	} {
		ms := []mention{mentionOf(1, 0, c.name)}
		for i, o := range c.others {
			ms = append(ms, mentionOf(1, 10+i, o))
		}
		got := tg.splitCoordinated(ms)
		if s := mentionTexts(got[:len(got)-len(c.others)]); s != c.want {
			t.Errorf("splitCoordinated(%q beside %q) = %q, want %q", c.name, c.others, s, c.want)
		}
	}
}
