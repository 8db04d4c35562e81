package entity

import (
	"strings"
	"testing"
)

func TestPersonParts(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		rule  string
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // type:words of the mentions after the rule
	}{
		// The second person of a list: و and a first name before the
		// surname, after the first person or a comma after it.
		{"coord", "التقى الوزير سمير الحلبي ومحمد الشامي أمس", [][3]int{{1, 2, 2}, {1, 5, 1}},
			[]string{"1:سمير الحلبي", "1:ومحمد الشامي"}},
		{"coord", "حضر سمير الحلبي ، ومحمد الشامي", [][3]int{{1, 1, 2}, {1, 5, 1}},
			[]string{"1:سمير الحلبي", "1:ومحمد الشامي"}},
		// A verb with و, a mention with و of its own (two persons), or no
		// person before: left alone.
		{"coord", "وصل سمير الحلبي وأشار الشامي إلى ذلك", [][3]int{{1, 1, 2}, {1, 4, 1}},
			[]string{"1:سمير الحلبي", "1:الشامي"}},
		{"coord", "حضر سمير الحلبي ومحمد وأحمد الشامي", [][3]int{{1, 1, 2}, {1, 4, 2}},
			[]string{"1:سمير الحلبي", "1:وأحمد الشامي"}},
		{"coord", "زار المدينة ومحمد الشامي", [][3]int{{1, 3, 1}}, []string{"1:الشامي"}},
		// A surname's initial; not د. (the next person's title).
		{"tail", "أوقفت الشرطة محمد ب. أمس", [][3]int{{1, 2, 1}}, []string{"1:محمد ب."}},
		{"tail", "أوقفت الشرطة محمد ب . أمس", [][3]int{{1, 2, 1}}, []string{"1:محمد ب"}},
		{"tail", "كتب هشام د. سمير علي", [][3]int{{1, 1, 1}, {1, 3, 2}}, []string{"1:هشام", "1:سمير علي"}},
		// ولد and the father's name, chained, with a mention after it.
		{"tail", "فاز محمد ولد عبد العزيز بالرئاسة", [][3]int{{1, 1, 1}, {1, 3, 2}},
			[]string{"1:محمد ولد عبد العزيز"}},
		{"tail", "حضر سيدي ولد المختار ولد الوالي أمس", [][3]int{{1, 1, 1}},
			[]string{"1:سيدي ولد المختار ولد الوالي"}},
		// ولد after a name, a verb: was born in.
		{"tail", "فرويد ولد في فيينا", [][3]int{{1, 0, 1}, {5, 3, 1}}, []string{"1:فرويد", "5:فيينا"}},
		// The nisba of a name with أبو or بن.
		{"nisba", "ألقى أبو حمزة المصري خطبة", [][3]int{{1, 1, 2}}, []string{"1:أبو حمزة المصري"}},
		{"nisba", "رحب سعد بن ناصر الحارثي بالضيوف", [][3]int{{1, 1, 3}}, []string{"1:سعد بن ناصر الحارثي"}},
		// An adjective of the next word, a name without a link, an
		// institution named after a person, a word with the article that
		// ends no name: left alone.
		{"nisba", "كان أبو حمزة البريطاني الجنسية هناك", [][3]int{{1, 1, 2}}, []string{"1:أبو حمزة"}},
		{"nisba", "قال سمير الحلبي المصري ذلك", [][3]int{{1, 1, 2}}, []string{"1:سمير الحلبي"}},
		{"nisba", "وصل إلى مطار الملك عبد العزيز الدولي", [][3]int{{1, 4, 2}}, []string{"1:عبد العزيز"}},
		{"nisba", "حاول آبي العام الماضي", [][3]int{{1, 1, 2}}, []string{"1:آبي العام"}},
	} {
		r := newRuleText(c.text, c.spans)
		var ms []mention
		switch c.rule {
		case "coord":
			ms = tg.coordFirstNames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks)
		case "tail":
			ms = tg.tailNames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks)
		case "nisba":
			ms = tg.nisbaSurnames(r.ms, r.labels, r.tokens, r.ws, r.keys, r.breaks)
		}
		if got := typedWords(ms); got != strings.Join(c.want, "|") {
			t.Errorf("%s(%q) = %q, want %q", c.rule, c.text, got, c.want)
		}
	}
}
