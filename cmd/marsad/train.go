package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/extract"
	"github.com/marsad/marsad/extract/entity"
)

func trainNERCommand() command {
	return command{
		name:    "train-ner",
		summary: "train the named-entity tagger on ANERcorp",
		run:     runTrainNER,
	}
}

// runTrainNER trains the entity tagger. With --dev-split F it trains on the
// first 1-F of the sentences and reports F1 on the rest; the model written
// to --out is then the one trained on the split.
//
// With --dev-split it also scores the whole extraction (the tagger, the
// entity rules, the names added from the prose and the organizations that
// speak in quotes) on the held-out sentences joined into articles, as the
// project's ANERcorp scorer does; --load scores a saved model that way
// instead of training one. --prune drops the weak features of the model
// (entity.Tagger.Pruned) before it is scored and written; with --load and
// --out it prunes a saved model without training.
func runTrainNER(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train-ner", "[--data DIR] [--out FILE] [--epochs N] [--bags N] [--prune THR] [--dev-split F [--dev-fold K] [--dev-out DIR]] [--load FILE]",
		`Train the named-entity tagger (averaged structured perceptron) on
ANERcorp (DIR/anercorp.dev.txt) with the ANERGazet lists
(DIR/gazetteer.{pers,org,loc}.txt), word clusters learned from the
SaudiNewsNet articles in --unlabelled and (--autotag) how a first tagger
labels their words, and write the gzip-compressed model.

--prune THR drops, before scoring and saving, every feature whose largest
weight in absolute value (over the labels of both stages) is under THR:
most features come from a few training updates and weigh little, and each
costs the tagger room in its feature index, whose lookups are cache misses.
At the default 1.0 the shipped model keeps 40,430 of 93,010 features (the
index 8 -> 4 MB, the file 2.5 -> 1.7 MB, the tagger's CPU about 0.93x)
for 0.0001 of five-fold e2e F1 (0.80398 -> 0.80385); up to 1.5 the loss
is within the folds' noise, 2 costs 0.0023 (MODEL.md).
--prune 0 keeps every feature.

With --dev-split F the last F of the sentences are held out: the tagger's
entities are scored on them ("dev"), and so is the whole extraction
("e2e": tagger, entity rules, names added from the prose, organizations
that speak in quotes) with the rules of ../shared/eval/score_facts.py aner:
the sentences joined into articles of 40 as make_inputs.py joins them, every
mention snapped to the tokens holding its start and end. --dev-out DIR
writes those inputs and predictions (tokens.txt, articles.jsonl, map.json,
pred.jsonl) for the Python scorer:
  python3 ../shared/eval/score_facts.py aner DIR/tokens.txt DIR/map.json DIR/pred.jsonl
--dev-fold K holds out the K-th block of F counted from the end instead
(1, the default, is the last; with F 0.2, K 5 is the first fifth), and
trains on the sentences before and after it: rules tuned on one block
can be checked on another, with a model trained without it.

--load FILE takes a saved model instead of training one: it is scored
(with --dev-split) and written again (with --out), pruned only when
--prune is given. So an existing model is pruned without retraining:
  marsad train-ner --load IN --prune 1.0 --out OUT
The shipped model (extract/entity/model.bin.gz) is made with:
  marsad train-ner --data ../shared/data/anercorp --out extract/entity/model.bin.gz`)
	data := fs.String("data", "../shared/data/anercorp", "folder holding anercorp.dev.txt and the gazetteers")
	out := fs.String("out", "", "file to write the model to (none: only evaluate)")
	epochs := fs.Int("epochs", entity.DefaultEpochs, "training passes")
	devSplit := fs.Float64("dev-split", 0, "fraction of sentences (at the end) held out for evaluation")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	bags := fs.Int("bags", entity.DefaultBags, "perceptrons (different data orders) whose weights are averaged")
	stages := fs.Int("stages", 2, "1: one tagger; 2: add a second stage with document features")
	unlabelled := fs.String("unlabelled", "../shared/data/saudinewsnet", "folder of SaudiNewsNet zips for word clusters (\"\": none)")
	statsCache := fs.String("stats-cache", "", "file caching the word statistics of --unlabelled for this --seed (read if it exists, else written)")
	autoTag := fs.Bool("autotag", true, "add auto-tag features: how a first tagger labels each word in --unlabelled")
	selfTrain := fs.Int("self-train", 0, "add this many sentences of --unlabelled, labelled by the trained tagger where it is most confident, and train again (0: none)")
	selfWeight := fs.Float64("self-weight", 0.5, "weight of the updates on the --self-train sentences")
	devOut := fs.String("dev-out", "", "with --dev-split: folder to write the held-out articles, their gold map and the predictions to")
	load := fs.String("load", "", "score (--dev-split) or write again (--out) this saved model instead of training one")
	fold := fs.Int("dev-fold", 1, "with --dev-split F: hold out the K-th block of F counted from the end")
	prune := fs.Float64("prune", entity.DefaultPrune, "drop the features whose largest |weight| is under this (0: none; with --load, only when given)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *devSplit < 0 || *devSplit >= 1 || *epochs <= 0 || *bags <= 0 || *prune < 0 ||
		(*devSplit == 0 && *devOut != "") || (*load != "" && *devSplit == 0 && *out == "") ||
		*fold < 1 || (*devSplit > 0 && float64(*fold)**devSplit > 1+1e-9) {
		fs.Usage()
		return errUsage
	}
	var train, dev []entity.Sentence
	var gaz map[string][]string
	if *load == "" || *devSplit > 0 {
		var sents []entity.Sentence
		sents, gaz, err = entity.ReadCorpus(*data)
		if err != nil {
			return err
		}
		train, dev = devFold(sents, *devSplit, *fold)
	}
	var tg *entity.Tagger
	if *load != "" {
		if tg, err = loadTagger(*load); err != nil {
			return err
		}
		given := false
		fs.Visit(func(f *flag.Flag) { given = given || f.Name == "prune" })
		if !given {
			*prune = 0
		}
	} else if tg, err = trainTagger(ctx, e, train, gaz, trainFlags{*epochs, *seed, *bags, *stages, *unlabelled, *statsCache, *autoTag, *selfTrain, *selfWeight}); err != nil {
		return err
	}
	if *prune > 0 {
		n := tg.Features()
		tg = tg.Pruned(float32(*prune))
		fmt.Fprintf(e.stdout, "pruned at %g: %d of %d features kept\n", *prune, tg.Features(), n)
	}
	if len(dev) > 0 {
		if err := evaluateDev(e, tg, dev, *devOut); err != nil {
			return err
		}
	}
	if *out == "" {
		return nil
	}
	return writeTagger(e, tg, *out)
}

// trainFlags are the flags of train-ner that set how the tagger is trained.
type trainFlags struct {
	epochs                 int
	seed                   uint64
	bags, stages           int
	unlabelled, statsCache string
	autoTag                bool
	selfTrain              int
	selfWeight             float64
}

// trainTagger trains a tagger on the sentences train with the gazetteers
// gaz, as f says.
func trainTagger(ctx context.Context, e *env, train []entity.Sentence, gaz map[string][]string, f trainFlags) (*entity.Tagger, error) {
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	var stats *entity.WordStats
	if f.unlabelled != "" {
		var err error
		stats, err = wordStats(ctx, log, f.unlabelled, f.statsCache, f.seed)
		if err != nil {
			return nil, err
		}
	}
	opt := entity.TrainOptions{Epochs: f.epochs, Seed: f.seed, Gazetteers: gaz, Stats: stats, Stages: f.stages, Bags: f.bags, Log: log}
	if f.unlabelled != "" {
		opt.AutoTag = f.autoTag
		opt.SelfTrain = f.selfTrain
		opt.SelfWeight = float32(f.selfWeight)
		opt.Unlabelled = func(fn func(string)) error { return entity.ReadSaudiNewsNet(ctx, f.unlabelled, fn) }
	}
	tg, err := entity.Train(ctx, train, opt)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return tg, nil
}

// writeTagger writes tg's model to the file out, whole or not at all.
func writeTagger(e *env, tg *entity.Tagger, out string) error {
	tmp, err := os.CreateTemp(filepath.Dir(out), ".ner-*")
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write model: %w", err)
	}
	if err := tg.Save(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := os.Rename(tmp.Name(), out); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	st, err := os.Stat(out)
	if err == nil {
		fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", out, st.Size())
	}
	return nil
}

// devFold splits sents into training and held-out sentences: the held-out
// ones are the k-th block of the fraction split counted from the end (k 1:
// the last), the training ones all the others, in their order.
func devFold(sents []entity.Sentence, split float64, k int) (train, dev []entity.Sentence) {
	size := int(float64(len(sents)) * split)
	end := len(sents) - (k-1)*size
	start := end - size
	if size == 0 || start < 0 {
		return sents, nil
	}
	train = make([]entity.Sentence, 0, len(sents)-size)
	train = append(append(train, sents[:start]...), sents[end:]...)
	return train, sents[start:end]
}

// wordStats builds the word statistics of the SaudiNewsNet zips in dir,
// or reads them from cache when that file exists (else writes them there).
func wordStats(ctx context.Context, log *slog.Logger, dir, cache string, seed uint64) (*entity.WordStats, error) {
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			log.Info("word statistics", "cache", cache)
			return entity.ReadWordStatsFrom(bufio.NewReader(f))
		}
	}
	log.Info("word statistics", "from", dir)
	stats, err := entity.ReadWordStats(ctx, dir, entity.StatsOptions{Seed: seed})
	if err != nil {
		return nil, fmt.Errorf("word statistics: %w", err)
	}
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			return nil, fmt.Errorf("word statistics cache: %w", err)
		}
		bw := bufio.NewWriter(f)
		_, err = stats.WriteTo(bw)
		if err == nil {
			err = bw.Flush()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("word statistics cache %s: %w", cache, err)
		}
	}
	return stats, nil
}

// devArticle is the number of sentences in one held-out article, as
// make_inputs.py joins them.
const devArticle = 40

// evaluateDev prints the scores of tg's entities on the held-out sentences
// dev ("dev") and of the whole extraction with tg ("e2e"), and writes the
// inputs and predictions of the latter to dir unless it is "".
func evaluateDev(e *env, tg *entity.Tagger, dev []entity.Sentence, dir string) error {
	fmt.Fprintf(e.stdout, "dev: %d sentences\n", len(dev))
	res := tg.EvaluateArticles(dev, devArticle)
	for _, k := range []string{"PER", "ORG", "LOC", "ALL"} {
		fmt.Fprintf(e.stdout, "%-4s %v\n", k, res[k])
	}
	arts := extract.DevArticles(dev, devArticle)
	x := extract.NewWithTagger(tg)
	ents := make([][]article.Entity, len(arts))
	for i, d := range arts {
		a := article.Article{ID: d.ID, Text: d.Text}
		ents[i] = x.Extract(&a, nil).Entities
	}
	res = extract.ScoreDev(arts, ents)
	fmt.Fprintln(e.stdout, "e2e: the whole extraction on the same articles")
	for _, k := range []string{"PER", "ORG", "LOC", "ALL"} {
		fmt.Fprintf(e.stdout, "%-4s %v\n", k, res[k])
	}
	if dir == "" {
		return nil
	}
	if err := writeDev(dir, dev, arts, ents); err != nil {
		return fmt.Errorf("dev-out: %w", err)
	}
	fmt.Fprintf(e.stdout, "wrote %s: score with python3 ../shared/eval/score_facts.py aner %[1]s/tokens.txt %[1]s/map.json %[1]s/pred.jsonl\n", dir)
	return nil
}

// writeDev writes the held-out sentences in the ANERcorp format
// (tokens.txt), the articles made of them (articles.jsonl) with their
// tokens' spans and tags (map.json), as make_inputs.py aner makes them from
// tokens.txt, and the entities extracted from them (pred.jsonl) in the
// shape of marsad extract --json.
func writeDev(dir string, dev []entity.Sentence, arts []extract.DevArticle, ents [][]article.Entity) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var toks bytes.Buffer
	for _, s := range dev {
		for i, w := range s.Words {
			fmt.Fprintf(&toks, "%s %s\n", w, s.Tags[i])
		}
	}
	var inputs, preds bytes.Buffer
	ienc, penc := json.NewEncoder(&inputs), json.NewEncoder(&preds)
	ienc.SetEscapeHTML(false)
	penc.SetEscapeHTML(false)
	spans := make(map[string][][3]any, len(arts))
	for i, a := range arts {
		if err := ienc.Encode(struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{a.ID, a.Text}); err != nil {
			return err
		}
		rec := extractRecord{ID: a.ID, Times: []article.Time{}, Entities: ents[i], Quotes: []article.Quote{}}
		if rec.Entities == nil {
			rec.Entities = []article.Entity{}
		}
		if err := penc.Encode(rec); err != nil {
			return err
		}
		ts := make([][3]any, len(a.Tokens))
		for j, t := range a.Tokens {
			ts[j] = [3]any{t.Start, t.End, t.Tag}
		}
		spans[a.ID] = ts
	}
	m, err := json.Marshal(spans)
	if err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		data []byte
	}{{"tokens.txt", toks.Bytes()}, {"articles.jsonl", inputs.Bytes()}, {"map.json", m}, {"pred.jsonl", preds.Bytes()}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// loadTagger reads a model written by train-ner --out.
func loadTagger(path string) (*entity.Tagger, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer f.Close()
	tg, err := entity.Load(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	return tg, nil
}
