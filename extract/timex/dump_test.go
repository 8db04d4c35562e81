package timex

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad/ingest"
)

// TestDumpSaudiNewsNet writes every time found in the SaudiNewsNet articles,
// one per line (article id, rune offset, text, value), to the file named by
// TIMEX_DUMP, for comparing two versions of the rules on real news:
//
//	TIMEX_DUMP=/tmp/new.tsv go test -run DumpSaudiNewsNet ./extract/timex
//
// TIMEX_CORPUS names the corpus folder when ../shared is not beside the
// repository. It is skipped without TIMEX_DUMP or without the corpus.
func TestDumpSaudiNewsNet(t *testing.T) {
	out := os.Getenv("TIMEX_DUMP")
	if out == "" {
		t.Skip("set TIMEX_DUMP to a file to dump the times of SaudiNewsNet")
	}
	dir := filepath.Join("..", "..", "..", "shared", "data", "saudinewsnet")
	if d := os.Getenv("TIMEX_CORPUS"); d != "" { // from a worktree elsewhere
		dir = d
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("SaudiNewsNet not available (%v): it lives in ../shared/data/saudinewsnet", err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	opts := ingest.Options{IDField: "url", TextField: "content", DateField: "date_extracted",
		Logger: slog.New(slog.DiscardHandler)}
	n, times := 0, 0
	for it := range ingest.Read(context.Background(), dir, opts) {
		if it.Err != nil {
			continue
		}
		a := it.Article
		n++
		for _, x := range Find(a.Text, a.Published) {
			times++
			fmt.Fprintf(w, "%s\t%d\t%s\t%s\n", a.ID, x.Start, strings.ReplaceAll(x.Text, "\n", " "), x.Value)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles, %d times", n, times)
}
