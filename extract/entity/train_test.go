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

func TestTrainDev(t *testing.T) {
	data, gaz := loadShared(t)
	cut := len(data) * 8 / 10
	tg, err := Train(context.Background(), data[:cut], TrainOptions{Epochs: 8, Seed: 1, Gazetteers: gaz})
	if err != nil {
		t.Fatal(err)
	}
	res := tg.Evaluate(data[cut:])
	for _, k := range []string{"PER", "ORG", "LOC", "ALL"} {
		t.Logf("%s %v", k, res[k])
	}
}

func TestTrainDevArticles(t *testing.T) {
	data, gaz := loadShared(t)
	var stats *WordStats
	if os.Getenv("MARSAD_NER_STATS") != "" {
		var err error
		stats, err = ReadWordStats(context.Background(), "../../../shared/data/saudinewsnet", StatsOptions{Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
	}
	cut := len(data) * 8 / 10
	tg, err := Train(context.Background(), data[:cut], TrainOptions{Epochs: 8, Seed: 1, Gazetteers: gaz, Stats: stats})
	if err != nil {
		t.Fatal(err)
	}
	res := tg.EvaluateArticles(data[cut:], 40)
	for _, k := range []string{"PER", "ORG", "LOC", "ALL"} {
		t.Logf("%s %v", k, res[k])
	}
}
