package entity

import (
	"strings"
	"testing"
)

// mentionsIn returns the mentions of the words of text (space-separated)
// given as type:first:count, and the normalized words of text.
func mentionsIn(text string, spans ...[3]int) ([]mention, []string) {
	ws := strings.Fields(text)
	keys := make([]string, len(ws))
	for i, w := range ws {
		keys[i] = normalize(w)
	}
	ms := make([]mention, 0, len(spans))
	for _, s := range spans {
		ms = append(ms, mentionOf(s[0], s[1], strings.Join(ws[s[1]:s[1]+s[2]], " ")))
	}
	return ms, keys
}

// ruleText is what a rule after the tagger reads of a text of
// space-separated words, given the tagger's mentions as spans (type of
// the B- label, first word, words): the mentions (with the words'
// offsets), the words, their keys, their labels, tokens and breaks.
type ruleText struct {
	ms       []mention
	ws, keys []string
	labels   []int
	tokens   []Token
	breaks   []bool
}

func newRuleText(text string, spans [][3]int) ruleText {
	ms, keys := mentionsIn(text, spans...)
	r := ruleText{ms: ms, keys: keys, ws: strings.Fields(text)}
	n := len(r.ws)
	r.labels, r.tokens, r.breaks = make([]int, n), make([]Token, n), make([]bool, n)
	for _, s := range spans {
		r.labels[s[1]] = s[0]
		for d := 1; d < s[2]; d++ {
			r.labels[s[1]+d] = s[0] + 1
		}
	}
	for i, w := range r.ws {
		r.tokens[i] = Token{Text: w, Start: i * 10, End: i*10 + len([]rune(w))}
		if i > 0 {
			r.breaks[i] = isStop(r.ws[i-1])
		}
	}
	for k := range r.ms { // offsets as the tokens' (mentionOf spaces them otherwise)
		r.ms[k] = newMention(r.ms[k].typ, r.ms[k].tok, r.ms[k].tok+len(r.ms[k].keys), r.tokens, r.ws, keys)
	}
	return r
}

// joinedWords returns the words of each mention, joined by "|".
// typedWords returns the mentions of ms as "type:words", the type the
// index of the B- label, with * after a mention kept apart, joined by |.
func typedWords(ms []mention) string {
	var got []string
	for _, m := range ms {
		s := string(rune('0'+m.typ)) + ":" + strings.Join(m.words, " ")
		if m.apart {
			s += "*"
		}
		got = append(got, s)
	}
	return strings.Join(got, "|")
}

func joinedWords(ms []mention) string {
	var got []string
	for _, m := range ms {
		got = append(got, strings.Join(m.words, " "))
	}
	return strings.Join(got, "|")
}

func TestCommonNouns(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // type (B- label), first token, words
		want  []string // the words of the mentions kept
	}{
		// An article about the animal: أسد with and without the article,
		// never after a first name; every mention of it goes, a place stays.
		{"الأسد حيوان ضخم . يعيش 300 أسد في كينيا . أسد الكهوف انقرض . ويصطاد الأسد فرائسه و أسد الجبال",
			[][3]int{{1, 0, 1}, {5, 8, 1}, {1, 10, 2}, {1, 15, 1}, {5, 18, 1}},
			[]string{"كينيا"}},
		// The surname after a first name: a person, although أسد stands
		// alone twice too.
		{"قال بشار الأسد إن الأسد لن يتنحى . أسد و أسد",
			[][3]int{{1, 1, 2}, {1, 4, 1}},
			[]string{"بشار الأسد", "الأسد"}},
		// With the article only: the surname alone.
		{"قال الأسد إن الحرب طويلة . وأكد الأسد أن أسد",
			[][3]int{{1, 1, 1}, {1, 7, 1}},
			[]string{"الأسد", "الأسد"}},
		// A person's name whatever its first word: عيد الفطر and العيد make
		// عيد a common noun, but بن makes عيد بن نايف a name; so does a
		// gazetteer first name after it; a first name in a longer name is no
		// use of the common noun.
		{"جائزة عيد الفطر . هنأ عيد بن نايف الموظفين بالعيد . وفي العيد عيد آخر و عيد",
			[][3]int{{1, 5, 3}},
			[]string{"عيد بن نايف"}},
		{"يبلغ من العمر عشرين عاما . وقال عمر المهنا إن العمر لا يهم . وأضاف عمر المهنا",
			[][3]int{{1, 7, 2}, {1, 15, 2}}, []string{"عمر المهنا", "عمر المهنا"}},
		// A first name is rare with the article: not tested.
		{"وصل سمير إلى سمير و سمير ثم السمير و السمير",
			[][3]int{{1, 1, 1}},
			[]string{"سمير"}},
	} {
		ms, keys := mentionsIn(c.text, c.spans...)
		got := joinedWords(tg.commonNouns(ms, keys))
		if got != strings.Join(c.want, "|") {
			t.Errorf("commonNouns(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestNounStem(t *testing.T) {
	for k, want := range map[string]string{
		"الاسد": "اسد", "والاسد": "اسد", "للاسد": "اسد", "اسد": "اسد", "ال": "", "الام": "",
	} {
		if got := nounStem(k); got != want {
			t.Errorf("nounStem(%q) = %q, want %q", k, got, want)
		}
	}
}
