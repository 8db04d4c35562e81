package main

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

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
func runTrainNER(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "train-ner", "[--data DIR] [--out FILE] [--epochs N] [--bags N] [--dev-split F]",
		`Train the named-entity tagger (averaged structured perceptron) on
ANERcorp (DIR/anercorp.dev.txt) with the ANERGazet lists
(DIR/gazetteer.{pers,org,loc}.txt), word clusters learned from the
SaudiNewsNet articles in --unlabelled and (--autotag) how a first tagger
labels their words, and write the gzip-compressed model.
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
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 || *devSplit < 0 || *devSplit >= 1 || *epochs <= 0 || *bags <= 0 {
		fs.Usage()
		return errUsage
	}
	sents, gaz, err := entity.ReadCorpus(*data)
	if err != nil {
		return err
	}
	cut := len(sents) - int(float64(len(sents))**devSplit)
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	var stats *entity.WordStats
	if *unlabelled != "" {
		stats, err = wordStats(ctx, log, *unlabelled, *statsCache, *seed)
		if err != nil {
			return err
		}
	}
	opt := entity.TrainOptions{Epochs: *epochs, Seed: *seed, Gazetteers: gaz, Prune: entity.DefaultPrune, Stats: stats, Stages: *stages, Bags: *bags, Log: log}
	if *unlabelled != "" {
		opt.AutoTag = *autoTag
		opt.SelfTrain = *selfTrain
		opt.SelfWeight = float32(*selfWeight)
		opt.Unlabelled = func(fn func(string)) error { return entity.ReadSaudiNewsNet(ctx, *unlabelled, fn) }
	}
	tg, err := entity.Train(ctx, sents[:cut], opt)
	if err != nil {
		return fmt.Errorf("train: %w", err)
	}
	if cut < len(sents) {
		res := tg.EvaluateArticles(sents[cut:], 40)
		fmt.Fprintf(e.stdout, "dev: %d sentences\n", len(sents)-cut)
		for _, k := range []string{"PER", "ORG", "LOC", "ALL"} {
			fmt.Fprintf(e.stdout, "%-4s %v\n", k, res[k])
		}
	}
	if *out == "" {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(*out), ".ner-*")
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
	if err := os.Rename(tmp.Name(), *out); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	st, err := os.Stat(*out)
	if err == nil {
		fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", *out, st.Size())
	}
	return nil
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
