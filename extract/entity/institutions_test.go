package entity

import (
	"strings"
	"testing"
)

func TestInstitutionNames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		spans [][3]int // the tagger's mentions: type, first token, words
		want  []string // type:words of the mentions after the rule
	}{
		// A foreign name after a mosque's noun: the institution.
		{"صلينا في مسجد زانغجيا القديم", [][3]int{{1, 3, 1}}, []string{"3:زانغجيا"}},
		// سجن is also the verbal noun: a person sentenced to prison.
		{"قضت المحكمة بسجن كوروفاني", [][3]int{{1, 3, 1}}, []string{"1:كوروفاني"}},
		{"زرنا لمسجد زانغجيا", [][3]int{{1, 2, 1}}, []string{"3:زانغجيا"}},
		// A laboratory's takes a place's name too, a mosque's does not.
		{"عمل في معمل بلومسبري سنوات", [][3]int{{5, 3, 1}}, []string{"3:بلومسبري"}},
		{"صلى في مسجد بلومسبري", [][3]int{{5, 3, 1}}, []string{"5:بلومسبري"}},
		// A person's name the gazetteer knows: the person the mosque is
		// named after.
		{"صلى في مسجد محمد", [][3]int{{1, 3, 1}}, []string{"1:محمد"}},
		// Not after another noun, nor across a sentence.
		{"قال وزير زانغجيا", [][3]int{{1, 2, 1}}, []string{"1:زانغجيا"}},
		{"بنوا المسجد . زانغجيا", [][3]int{{1, 3, 1}}, []string{"1:زانغجيا"}},
	} {
		r := newRuleText(c.text, c.spans)
		if got := typedWords(tg.institutionNames(r.ms, r.keys, r.breaks)); got != strings.Join(c.want, "|") {
			t.Errorf("institutionNames(%q) = %q, want %q", c.text, got, c.want)
		}
	}
}
