package entity

import (
	"strings"
	"testing"
)

// untaggedInput prepares text as Entities does, with every token labelled
// O, as if the tagger had found nothing.
func untaggedInput(text string) (labels []int, toks []Token, words, keys []string, breaks []bool) {
	toks = Tokenize(text)
	labels = make([]int, len(toks))
	for _, tk := range toks {
		words = append(words, tk.Text)
		keys = append(keys, normalize(tk.Text))
	}
	return labels, toks, words, keys, sentenceBreaks(text, toks)
}

func mentionTexts(ms []mention) string {
	var out []string
	for _, m := range ms {
		out = append(out, labelNames[m.typ][2:]+":"+strings.Join(m.words, " "))
	}
	return strings.Join(out, "|")
}

// rule is one of the rules that add mentions the tagger missed.
type rule func(t *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool) []mention

// listed is the rule r, which reads the word lists of the keys too.
func listed(r func(t *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention) rule {
	return func(t *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool) []mention {
		return r(t, ms, labels, toks, words, keys, breaks, newTokenLists(keys))
	}
}

func TestUntaggedRules(t *testing.T) {
	tg := defaultTagger(t)
	persons := rule((*Tagger).untaggedPersons)
	clitics := func(t *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool) []mention {
		return t.cliticNames(ms, labels, t.gaz.analyze(words, nil), toks, words, keys, breaks, &ruleScratch{})
	}
	for _, c := range []struct {
		rule       rule
		text, want string
	}{
		// A name of two words after a noun whose genitive is a person, and
		// its surname alone later, with a proclitic too.
		{persons, "وصل الوفد برئاسة ماتيو رينزي إلى المدينة . وقال رينزي إن الزيارة مهمة . ونقل عن لرينزي قوله", "PER:ماتيو رينزي|PER:رينزي|PER:لرينزي"},
		{persons, "وجرت الانتخابات في عهد ماتيو رينزي", "PER:ماتيو رينزي"},
		// Common words after such a noun are no name.
		{persons, "وصل الوفد برئاسة وزير الخارجية إلى المدينة", ""},
		{persons, "وصوت النواب لصالح تلك القرارات", ""},
		{persons, "وصوت النواب لصالح القرار الجديد", ""},
		// A word joined by و is another noun; a proclitic before a known
		// word is no name's.
		{persons, "وصوت النواب لصالح رينزي وتوبيخ الحكومة", ""},
		{persons, "وصوت النواب لصالح رينزي ببنوده كلها", ""},
		// One word is not enough evidence alone.
		{persons, "وصل الوفد برئاسة رينزي إلى المدينة", ""},
		// A sentence break ends the name.
		{persons, "وصل الوفد برئاسة ماتيو . رينزي", ""},
		// Names after a proclitic before the article.
		{clitics, "وأرسل الرئيس رسالة للكرملين أمس", "ORG:الكرملين"},
		{clitics, "ووافق مجلس الشيوخ والبنتاغون على الخطة", "ORG:البنتاغون"},
		// Common nouns after a proclitic stay what they are.
		{clitics, "وأرسل الرئيس رسالة للحكومة أمس", ""},
		{clitics, "وتجول الزوار بالمدينة القديمة", ""},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		if got := mentionTexts(c.rule(tg, nil, labels, toks, words, keys, breaks)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestUntaggedSurnameOfTaggedPerson(t *testing.T) {
	tg := defaultTagger(t)
	text := "وقال ماتيو رينزي إن الحكومة ستعمل . وأضاف رينزي أن الخطة جاهزة"
	labels, toks, words, keys, breaks := untaggedInput(text)
	labels[1], labels[2] = 1, 2 // the tagger found ماتيو رينزي
	ms := []mention{{typ: 1, tok: 1, words: words[1:3:3], keys: keys[1:3:3], start: toks[1].Start, end: toks[2].End}}
	if got, want := mentionTexts(tg.untaggedPersons(ms, labels, toks, words, keys, breaks)), "PER:ماتيو رينزي|PER:رينزي"; got != want {
		t.Errorf("untaggedPersons = %q, want %q", got, want)
	}
}

func TestEntitiesAfterClitic(t *testing.T) {
	tg := defaultTagger(t)
	text := "وأرسل الرئيس رسالة للكرملين أمس"
	tok := strings.Index(text, "للكرملين")
	tok = len([]rune(text[:tok]))
	for _, e := range tg.Entities(text, Tokenize(text)) {
		if e.Text == "الكرملين" && e.Type == "ORG" {
			// The span starts after the clitic ل (the ل of ال stays).
			if m := e.Mentions[0]; m.Start != tok+1 {
				t.Errorf("mention at %d, want %d", m.Start, tok+1)
			}
			return
		}
	}
	t.Errorf("Entities(%q): no ORG الكرملين", text)
}

// FuzzEntities checks that Entities, with the rules that add what the
// tagger missed, never panics and returns mentions inside the text.
func FuzzEntities(f *testing.F) {
	for _, s := range []string{
		"وصل الوفد برئاسة ماتيو رينزي إلى المدينة . وقال رينزي إن الزيارة مهمة . ونقل عن لرينزي قوله",
		"وأرسل الرئيس رسالة للكرملين أمس", "لل", "برئاسة", "برئاسة ماتيو", "\xff\xfeلل ال", "",
	} {
		f.Add(s)
	}
	tg := defaultTagger(f)
	f.Fuzz(func(t *testing.T, text string) {
		n := len([]rune(text))
		for _, e := range tg.Entities(text, Tokenize(text)) {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.Start >= m.End || m.End > n {
					t.Fatalf("mention %d..%d of %q in a text of %d runes", m.Start, m.End, e.Text, n)
				}
			}
		}
	})
}
