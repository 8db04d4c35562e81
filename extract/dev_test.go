package extract

import (
	"testing"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract/entity"
)

// devSents are two tagged sentences; joined, their text is
//
//	قال محمد علي في القاهرة .\nوزارة الخارجية المصرية .\n
//
// with the words at runes 0-3, 4-8, 9-12, 13-15, 16-23, 24-25 and 26-31,
// 32-40, 41-48, 49-50.
var devSents = []entity.Sentence{
	{Words: []string{"قال", "محمد", "علي", "في", "القاهرة", "."}, Tags: []string{"O", "B-PER", "I-PER", "O", "B-LOC", "O"}},
	{Words: []string{"وزارة", "الخارجية", "المصرية", "."}, Tags: []string{"B-ORG", "I-ORG", "I-ORG", "O"}},
}

func TestDevArticles(t *testing.T) {
	arts := DevArticles(append(devSents, devSents[0]), 2)
	if len(arts) != 2 || arts[0].ID != "aner0000" || arts[1].ID != "aner0001" {
		t.Fatalf("got %d articles %+v, want aner0000 and aner0001", len(arts), arts)
	}
	if want := "قال محمد علي في القاهرة .\nوزارة الخارجية المصرية .\n"; arts[0].Text != want {
		t.Errorf("text %q, want %q", arts[0].Text, want)
	}
	want := []DevToken{{Start: 0, End: 3, Tag: "O"}, {Start: 4, End: 8, Tag: "B-PER"}, {Start: 9, End: 12, Tag: "I-PER"}, {Start: 13, End: 15, Tag: "O"}, {Start: 16, End: 23, Tag: "B-LOC"}, {Start: 24, End: 25, Tag: "O"},
		{Start: 26, End: 31, Tag: "B-ORG"}, {Start: 32, End: 40, Tag: "I-ORG"}, {Start: 41, End: 48, Tag: "I-ORG"}, {Start: 49, End: 50, Tag: "O"}}
	if len(arts[0].Tokens) != len(want) {
		t.Fatalf("tokens %v, want %v", arts[0].Tokens, want)
	}
	for i, tk := range arts[0].Tokens {
		if tk != want[i] {
			t.Errorf("token %d: %v, want %v", i, tk, want[i])
		}
	}
}

func TestGoldSpans(t *testing.T) {
	toks := func(tags ...string) []DevToken {
		out := make([]DevToken, len(tags))
		for i, tg := range tags {
			out[i] = DevToken{Start: 2 * i, End: 2*i + 1, Tag: tg}
		}
		return out
	}
	for _, c := range []struct {
		tags []string
		want []DevSpan
	}{
		{[]string{"B-PERS", "I-PERS", "O"}, []DevSpan{{0, 1, "PER"}}},
		{[]string{"I-LOC", "B-LOC"}, []DevSpan{{1, 1, "LOC"}}},          // an I- that continues nothing
		{[]string{"B-PER", "I-ORG", "I-PER"}, []DevSpan{{0, 0, "PER"}}}, // another type ends the span
		{[]string{"B-MISC", "I-MISC", "B-ORG", "B-ORG"}, []DevSpan{{2, 2, "ORG"}, {3, 3, "ORG"}}},
	} {
		got := GoldSpans(toks(c.tags...))
		if len(got) != len(c.want) {
			t.Errorf("%v: got %v, want %v", c.tags, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%v: got %v, want %v", c.tags, got, c.want)
				break
			}
		}
	}
}

func TestScoreDev(t *testing.T) {
	arts := DevArticles(devSents, 40)
	ent := func(typ string, spans ...[2]int) article.Entity {
		e := article.Entity{Type: typ}
		for _, s := range spans {
			e.Mentions = append(e.Mentions, article.Span{Start: s[0], End: s[1]})
		}
		return e
	}
	type want struct{ correct, predicted int }
	for _, c := range []struct {
		name string
		ents []article.Entity
		all  want
		per  want
	}{
		{"exact", []article.Entity{ent("PER", [2]int{4, 12}), ent("LOC", [2]int{16, 23}), ent("ORG", [2]int{26, 48})},
			want{3, 3}, want{1, 1}},
		{"clitic dropped from the start snaps to its token", []article.Entity{ent("LOC", [2]int{17, 23})},
			want{1, 1}, want{0, 0}},
		{"one word of two", []article.Entity{ent("PER", [2]int{4, 8})}, want{0, 1}, want{0, 1}},
		{"wrong type", []article.Entity{ent("PER", [2]int{16, 23})}, want{0, 1}, want{0, 1}},
		{"one span twice counts once", []article.Entity{ent("PER", [2]int{4, 12}, [2]int{4, 12}), ent("PER", [2]int{5, 12})},
			want{1, 1}, want{1, 1}},
		{"start on a space is dropped", []article.Entity{ent("PER", [2]int{3, 12})}, want{0, 0}, want{0, 0}},
		{"end past the text is dropped", []article.Entity{ent("ORG", [2]int{26, 60})}, want{0, 0}, want{0, 0}},
		{"organization cut short", []article.Entity{ent("ORG", [2]int{26, 40})}, want{0, 1}, want{0, 0}},
		{"other types count in ALL only", []article.Entity{ent("MISC", [2]int{4, 12})}, want{0, 1}, want{0, 0}},
	} {
		res := ScoreDev(arts, [][]article.Entity{c.ents})
		if g := res["ALL"].Gold; g != 3 {
			t.Errorf("%s: %d gold spans, want 3", c.name, g)
		}
		if got := (want{res["ALL"].Correct, res["ALL"].Predicted}); got != c.all {
			t.Errorf("%s: ALL correct, predicted %v, want %v", c.name, got, c.all)
		}
		if got := (want{res["PER"].Correct, res["PER"].Predicted}); got != c.per {
			t.Errorf("%s: PER correct, predicted %v, want %v", c.name, got, c.per)
		}
	}
}
