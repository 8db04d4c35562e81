package main

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/marsad/marsad/eval"
)

func runEval(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "eval", "GOLD.jsonl PRED.jsonl",
		`Scores the output of "marsad extract --json" (PRED) against gold facts in the
shape of ../shared/eval/seeds.gold.jsonl, and prints precision, recall and F1
per fact type: times by resolved value, entities by canonical name and type,
quotes by speaker and a gold cue contained in the quote.

Example:
  marsad extract --json ../shared/seeds/000_5ce41c4fb526e732.txt > pred.jsonl
  marsad extract --json --date 2024-11-06 ../shared/seeds/002_09126407ee8fe01d.txt >> pred.jsonl
  marsad eval ../shared/eval/seeds.gold.jsonl pred.jsonl`)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fmt.Fprintln(e.stderr, "marsad eval: want GOLD.jsonl and PRED.jsonl (see marsad help eval)")
		return errUsage
	}
	gf, err := os.Open(pos[0])
	if err != nil {
		return err
	}
	defer gf.Close()
	gold, err := eval.ReadGold(gf)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	pf, err := os.Open(pos[1])
	if err != nil {
		return err
	}
	defer pf.Close()
	pred, err := eval.ReadPred(pf)
	if err != nil {
		return fmt.Errorf("%s: %w", pos[1], err)
	}
	scores := eval.Facts(gold, pred)
	kinds := make([]string, 0, len(scores))
	for k := range scores {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		fmt.Fprintf(e.stdout, "%-9s %v\n", k+":", scores[k])
	}
	return nil
}

func evalCommand() command {
	return command{"eval", "score extract --json output against gold facts (P/R/F1 per fact type)", runEval}
}
