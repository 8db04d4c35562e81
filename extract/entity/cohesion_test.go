package entity

import (
	"context"
	"slices"
	"strings"
	"testing"
)

func TestCohByte(t *testing.T) {
	for _, tc := range []struct {
		n    int32
		pmi  float64
		want uint8
	}{
		{3, 1.5, 1<<3 | 1},
		{7, 2.5, 1<<3 | 2},
		{8, 4.2, 2<<3 | 4},
		{40, 9, 3<<3 | 6},
	} {
		if got := cohByte(tc.n, tc.pmi); got != tc.want {
			t.Errorf("cohByte(%d, %g) = %08b, want %08b", tc.n, tc.pmi, got, tc.want)
		}
	}
}

// cohTexts are texts in which عبد الله and وزارة الخارجية always go
// together, while the words around them vary.
func cohTexts() []string {
	var texts []string
	others := []string{"زار", "قال", "أكد", "أعلن", "رأى", "نفى"}
	places := []string{"الرياض", "جدة", "مكة", "دبي", "القاهرة", "عمان"}
	for i := range 12 {
		a, b := others[i%len(others)], places[(i/2)%len(places)]
		texts = append(texts, a+" عبد الله "+b+" .\n"+b+" "+a+" وزارة الخارجية "+places[(i+3)%len(places)]+" .")
	}
	return texts
}

func TestCohesionStats(t *testing.T) {
	texts := cohTexts()
	each := func(fn func(string)) error {
		for _, s := range texts {
			fn(s)
		}
		return nil
	}
	coh, err := cohesionStats(context.Background(), each)
	if err != nil {
		t.Fatal(err)
	}
	g := newGazetteer()
	g.coh = coh
	pair := func(l, r string) uint8 {
		infos := g.analyze([]string{l, r}, nil)
		if infos[0].cohR != infos[1].cohL {
			t.Fatalf("%s %s: right cohesion %08b of the first, left %08b of the second", l, r, infos[0].cohR, infos[1].cohL)
		}
		return infos[0].cohR
	}
	for _, p := range [][2]string{{"عبد", "الله"}, {"وزارة", "الخارجية"}, {"وعبد", "الله"}} {
		if b := pair(p[0], p[1]); b&7 == 0 || b&1<<7 == 0 {
			t.Errorf("%s %s: cohesion %08b, want a kept pair", p[0], p[1], b)
		}
	}
	// Seen once or twice, or across a sentence end: not kept.
	for _, p := range [][2]string{{"زار", "عبد"}, {"الله", "الرياض"}, {"الخارجية", "."}, {"عبد", "وزارة"}} {
		if b := pair(p[0], p[1]); b != 1<<7 {
			t.Errorf("%s %s: cohesion %08b, want none", p[0], p[1], b)
		}
	}
	// Without statistics the tokens have no cohesion information and no
	// cohesion features.
	g.coh = nil
	infos := g.analyze([]string{"عبد", "الله"}, nil)
	if infos[0].cohR != 0 || infos[1].cohL != 0 {
		t.Errorf("without statistics: %08b %08b, want 0", infos[0].cohR, infos[1].cohL)
	}
	if f := cohFeatures(&infos[0], nil); len(f) != 0 {
		t.Errorf("without statistics: %d features", len(f))
	}
}

// TestCohesionTrainSaveLoad checks that the cohesion statistics are
// stored in the model file and that the reloaded tagger tags the same.
func TestCohesionTrainSaveLoad(t *testing.T) {
	var data []Sentence
	for _, s := range []string{
		"قال B-PER عبد I-PER الله B-LOC الرياض O .",
		"أكد B-ORG وزارة I-ORG الخارجية O في B-LOC جدة O .",
	} {
		f := strings.Fields(s)
		var sent Sentence
		sent.Words, sent.Tags = append(sent.Words, f[0]), append(sent.Tags, "O")
		for i := 1; i+1 < len(f); i += 2 {
			sent.Tags = append(sent.Tags, f[i])
			sent.Words = append(sent.Words, f[i+1])
		}
		for range 5 {
			data = append(data, sent)
		}
	}
	texts := cohTexts()
	each := func(fn func(string)) error {
		for _, s := range texts {
			fn(s)
		}
		return nil
	}
	tg, err := Train(context.Background(), data, TrainOptions{Epochs: 3, Seed: 1, Stages: 2, Folds: 2, Cohesion: true, Unlabelled: each})
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.gaz.coh) == 0 {
		t.Fatal("no cohesion statistics")
	}
	tg2 := reload(t, tg)
	if len(tg2.gaz.coh) != len(tg.gaz.coh) {
		t.Fatalf("reloaded: %d pairs, want %d", len(tg2.gaz.coh), len(tg.gaz.coh))
	}
	for k, b := range tg.gaz.coh {
		if tg2.gaz.coh[k] != b {
			t.Errorf("%x: reloaded %08b, want %08b", k, tg2.gaz.coh[k], b)
		}
	}
	for _, s := range texts {
		ws := words(s)
		if a, b := tg.Tag(ws), tg2.Tag(ws); !slices.Equal(a, b) {
			t.Errorf("reloaded model tags %q differently:\n%v\n%v", s, a, b)
		}
	}
}

func TestNameCounter(t *testing.T) {
	g := newGazetteer()
	ws := []string{"قال", "عبد", "الله", "في", "الرياض", "."}
	infos := g.analyze(ws, nil)
	var c nameCounter
	// عبد الله is one name three times out of four; قال عبد never.
	for _, labels := range [][]int{
		{0, 1, 2, 0, 5, 0},
		{0, 1, 2, 0, 5, 0},
		{0, 1, 2, 0, 0, 0},
		{0, 0, 0, 0, 5, 0},
	} {
		c.add([][]string{ws[:3], ws[3:]}, infos, labels)
	}
	coh := map[uint32]uint8{}
	if n := c.addTo(coh); n != 1 {
		t.Errorf("addTo marked %d pairs, want 1", n)
	}
	if b := coh[cohKey(infos[1].bh, infos[2].wh)]; b != 3<<5 {
		t.Errorf("عبد الله: %08b, want %08b", b, 3<<5)
	}
	if b, ok := coh[cohKey(infos[2].bh, infos[3].wh)]; ok {
		t.Errorf("pair across sentences counted: %08b", b)
	}
}
