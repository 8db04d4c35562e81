package entity

import (
	"bytes"
	"testing"
)

// TestTagPhrase checks that tagPhrase gives the labels of Tag, MISC as O,
// when it tags a phrase and when its cache answers.
func TestTagPhrase(t *testing.T) {
	tg := defaultTagger(t)
	for _, words := range [][]string{
		{"الكرملين"},
		{"الكونغرس", "الأمريكي"},
		{"الحكومة", "الجديدة"},
		{"التي"},
	} {
		for round := range 2 { // tagged, then cached
			ls, _ := tg.tagPhrase(words, nil)
			tags := tg.Tag(words)
			if len(ls) != len(tags) {
				t.Fatalf("%q round %d: %d labels, want %d", words, round, len(ls), len(tags))
			}
			for i, tag := range tags {
				if got := labelNames[ls[i]]; got != tag {
					t.Errorf("%q round %d: label %d is %s, want %s", words, round, i, got, tag)
				}
			}
		}
	}
}

// TestPhraseKey checks that phrases of different words have different
// keys, however their bytes run together.
func TestPhraseKey(t *testing.T) {
	phrases := [][]string{{"ab", "c"}, {"a", "bc"}, {"abc"}, {"abc", ""}, {}}
	for i, a := range phrases {
		for j, b := range phrases {
			if same := bytes.Equal(phraseKey(nil, a), phraseKey(nil, b)); same != (i == j) {
				t.Errorf("phraseKey(%q) == phraseKey(%q) is %v", a, b, same)
			}
		}
	}
}
