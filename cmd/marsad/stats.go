package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/engine"
)

func statsCommand() command {
	return command{name: "stats", summary: "what the store holds", run: runStats}
}

func runStats(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "stats", "[--db DIR] [--json]",
		"Report the articles stored, duplicates, sources with counts, the range of\npublication dates and the size of the store and index.")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, `print {"articles","duplicates","sources","first","last"}`)
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	eng, err := openEngine(ctx, e, dataDir(e, *db), engine.Options{})
	if err != nil {
		return err
	}
	defer eng.Close()
	st, err := eng.Stats(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printStatsJSON(e, st)
	}
	printStats(e, st)
	return nil
}

func dateOrNil(s engine.Stats, first bool) *string {
	t := s.Last
	if first {
		t = s.First
	}
	if t.IsZero() {
		return nil
	}
	d := t.Format(article.DateLayout)
	return &d
}

func printStatsJSON(e *env, st engine.Stats) error {
	out := map[string]any{
		"articles":    st.Articles,
		"duplicates":  st.Duplicates,
		"sources":     st.Sources,
		"first":       dateOrNil(st, true),
		"last":        dateOrNil(st, false),
		"indexed":     st.Indexed,
		"store_bytes": st.Size,
		"index_bytes": st.IndexSize,
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func printStats(e *env, st engine.Stats) {
	fmt.Fprintf(e.stdout, "articles    %d (indexed %d)\nduplicates  %d\n", st.Articles, st.Indexed, st.Duplicates)
	if f, l := dateOrNil(st, true), dateOrNil(st, false); f != nil {
		fmt.Fprintf(e.stdout, "published   %s … %s\n", *f, *l)
	}
	fmt.Fprintf(e.stdout, "store       %.1f MB\nindex       %.1f MB\n", float64(st.Size)/1e6, float64(st.IndexSize)/1e6)
	names := make([]string, 0, len(st.Sources))
	for s := range st.Sources {
		names = append(names, s)
	}
	sort.Slice(names, func(i, j int) bool {
		if st.Sources[names[i]] != st.Sources[names[j]] {
			return st.Sources[names[i]] > st.Sources[names[j]]
		}
		return names[i] < names[j]
	})
	fmt.Fprintln(e.stdout, "sources:")
	for _, s := range names {
		name := s
		if name == "" {
			name = "(none)"
		}
		fmt.Fprintf(e.stdout, "  %-20s %d\n", name, st.Sources[s])
	}
}
