package entity

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

const sharedData = "../../../shared/data/anercorp"

func loadShared(t testing.TB) ([]Sentence, map[string][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedData, "anercorp.dev.txt"))
	if err != nil {
		t.Skipf("ANERcorp not available (%v); skipping", err)
	}
	defer f.Close()
	data, err := ReadData(f)
	if err != nil {
		t.Fatal(err)
	}
	gaz := map[string][]string{}
	for typ, file := range map[string]string{"PER": "gazetteer.pers.txt", "ORG": "gazetteer.org.txt", "LOC": "gazetteer.loc.txt"} {
		g, err := os.Open(filepath.Join(sharedData, file))
		if err != nil {
			t.Fatal(err)
		}
		names, err := ReadGazetteer(g)
		g.Close()
		if err != nil {
			t.Fatal(err)
		}
		gaz[typ] = names
	}
	return data, gaz
}

// TestTrainDev trains on the first 80% of the ANERcorp sentences (without
// the unlabelled-text statistics, to stay fast) and checks entity F1 on the
// rest, scored like the project's ANERcorp scorer.
func TestTrainDev(t *testing.T) {
	data, gaz := loadShared(t)
	cut := len(data) * 8 / 10
	tg, err := Train(context.Background(), data[:cut], TrainOptions{Epochs: 5, Seed: 1, Gazetteers: gaz, Stages: 2, Folds: 4})
	if err != nil {
		t.Fatal(err)
	}
	res := tg.EvaluateArticles(data[cut:], 40)
	floors := map[string]float64{"PER": 0.58, "ORG": 0.38, "LOC": 0.75, "ALL": 0.62}
	for _, k := range []string{"PER", "ORG", "LOC", "ALL"} {
		t.Logf("%s %v", k, res[k])
		if f := res[k].F1(); f < floors[k] {
			t.Errorf("%s F1 %.3f below %.2f", k, f, floors[k])
		}
	}
}
