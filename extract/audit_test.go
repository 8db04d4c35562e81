package extract

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestAuditSaudiNewsNet writes the quotes Extract finds in SaudiNewsNet
// articles (every 37th article, the first 50 that have quotes), each with
// the text before it, for reading by hand: there is no gold for them. It
// runs only with MARSAD_EXTRACT_AUDIT=FILE and writes to FILE.
//
//	MARSAD_EXTRACT_AUDIT=/tmp/quotes.txt go test -run AuditSaudiNewsNet ./extract
func TestAuditSaudiNewsNet(t *testing.T) {
	out := os.Getenv("MARSAD_EXTRACT_AUDIT")
	if out == "" {
		t.Skip("set MARSAD_EXTRACT_AUDIT=FILE to audit quotes on SaudiNewsNet")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	articles := corpus(t, ctx)
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	n, na, nq := 0, 0, 0
	for a := range articles {
		if n++; n%37 != 0 {
			continue
		}
		f := x.Extract(&a, nil)
		if len(f.Quotes) == 0 {
			continue
		}
		if na++; na > 50 {
			break
		}
		rs := []rune(a.Text)
		fmt.Fprintf(w, "=== A%d %s\n", na, a.ID)
		for _, q := range f.Quotes {
			if q.In != "" || q.Start < 0 || q.End > len(rs) {
				continue
			}
			nq++
			before := strings.ReplaceAll(string(rs[max(0, q.Start-110):q.Start]), "\n", " / ")
			fmt.Fprintf(w, "Q [%s] (%s) ...%s <<%s>>\n", q.Speaker, q.Verb, before, q.Text)
		}
	}
	t.Logf("%d quotes in %d articles", nq, min(na, 50))
}
