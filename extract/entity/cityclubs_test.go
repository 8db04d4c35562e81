package entity

import (
	"strings"
	"testing"
)

func TestCityClubs(t *testing.T) {
	tg := defaultTagger(t)
	const sports = " في المباراة بعد هدف الحارس ."
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // type:words of the mentions after the rule, * marks a club
	}{
		// A town with its country's masculine nisba in a sports report: the
		// club; قطر alone stays the country.
		{"فاز قطر القطري على ضيفه في قطر" + sports, [][3]int{{5, 1, 1}, {5, 6, 1}}, []string{"3:قطر*", "5:قطر"}},
		{"تعادل هامبورغ الألماني" + sports, [][3]int{{5, 1, 1}}, []string{"3:هامبورغ*"}},
		// The country in parentheses (a list of results).
		{"فاز بوردو ( فرنسا )" + sports, [][3]int{{5, 1, 1}, {5, 3, 1}}, []string{"3:بوردو*", "5:فرنسا"}},
		// Not a sports report: the adjective may be anything's.
		{"زار قطر القطري أمس", [][3]int{{5, 1, 1}}, []string{"5:قطر"}},
		// An adjective no place's name gives (finance, faith).
		{"ارتفع سوق دبي المالي" + sports, [][3]int{{5, 2, 1}}, []string{"5:دبي"}},
		// A side of a town, and a town with its country after في.
		{"في ريف دمشق الغربي" + sports, [][3]int{{5, 2, 1}}, []string{"5:دمشق"}},
		{"قتل 14 في نجامينا ( تشاد )" + sports, [][3]int{{5, 3, 1}, {5, 5, 1}}, []string{"5:نجامينا", "5:تشاد"}},
		// The adjective is the stadium's.
		{"في استاد القاهرة الدولي" + sports, [][3]int{{5, 2, 1}}, []string{"5:القاهرة"}},
	} {
		r := newRuleText(c.text, c.spans)
		if got := typedWords(tg.cityClubs(r.ms, r.tokens, r.ws, r.keys, r.breaks)); got != strings.Join(c.want, "|") {
			t.Errorf("cityClubs(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestPlaceNisba(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		word string
		want bool
	}{
		{"القطري", true}, {"الفرنسي", true}, {"الألماني", true}, {"المغربي", true}, {"الإسباني", true},
		{"المالي", false}, {"الإسلامي", false}, {"الدولي", false}, {"الغربي", false}, {"الشمالي", false}, {"الرياضي", false}, {"قطري", false},
	} {
		if got := tg.placeNisba(normalize(c.word)); got != c.want {
			t.Errorf("placeNisba(%s) = %v, want %v", c.word, got, c.want)
		}
	}
}

// TestCityClubsGroup: the club's mention is an entity of its own, apart
// from the town's other mentions.
func TestCityClubsGroup(t *testing.T) {
	tg := defaultTagger(t)
	ms, _ := mentionsIn("قطر القطري قطر", [3]int{3, 0, 1}, [3]int{5, 2, 1})
	ms[0].apart = true
	ents := tg.group(ms, &groupBufs{})
	if len(ents) != 2 || ents[0].Type != "ORG" || ents[1].Type != "LOC" {
		t.Errorf("group = %+v, want the club ORG and the town LOC apart", ents)
	}
}

func TestForeignClubs(t *testing.T) {
	tg := defaultTagger(t)
	const sports = " في المباراة بعد هدف الحارس ."
	for _, c := range []struct {
		text string
		want []string // the words of the mentions added
	}{
		// A foreign name after a preposition of matches, and a second one
		// with و after another nisba.
		{"تعادل مع كوزيماتا الروماني وفلوريتانو التركي" + sports, []string{"كوزيماتا", "فلوريتانو"}},
		// No preposition: a player after his title.
		{"سجل المهاجم كوزيماتا الروماني" + sports, nil},
		// A common noun in the construct state, or with a pronoun.
		{"على غرار البرازيلي" + sports, nil},
		{"مباحثات مع نظيرها الروماني" + sports, nil},
		// Not a sports report.
		{"تعادل مع كوزيماتا الروماني أمس", nil},
	} {
		ws := strings.Fields(c.text)
		keys := make([]string, len(ws))
		tokens := make([]Token, len(ws))
		for i, w := range ws {
			keys[i] = normalize(w)
			tokens[i] = Token{Text: w, Start: i * 10, End: i*10 + len([]rune(w))}
		}
		var got []string
		for _, m := range tg.foreignClubs(nil, make([]int, len(ws)), tokens, ws, keys, make([]bool, len(ws))) {
			if m.typ != 3 || !m.apart {
				t.Errorf("foreignClubs(%q): %q typ %d apart %v", c.text, m.words, m.typ, m.apart)
			}
			got = append(got, strings.Join(m.words, " "))
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("foreignClubs(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
