package quote

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// TestAuditANER prints the quotes Find gives on ANERcorp text with its gold
// entities, for reading by hand (there is no gold for quotes there). It runs
// only with MARSAD_QUOTE_AUDIT=FILE, and writes to FILE.
func TestAuditANER(t *testing.T) {
	out := os.Getenv("MARSAD_QUOTE_AUDIT")
	if out == "" {
		t.Skip("set MARSAD_QUOTE_AUDIT=FILE to audit quotes on ANERcorp")
	}
	in, err := os.Open(filepath.Join(sharedDir, "data", "anercorp", "anercorp.dev.txt"))
	if err != nil {
		t.Skipf("ANERcorp not available: %v", err)
	}
	defer in.Close()
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	types := map[string]string{"PERS": article.PER, "PER": article.PER, "ORG": article.ORG, "LOC": article.LOC}
	var text strings.Builder
	byName := map[string]int{}
	var es []article.Entity
	var cur *article.Span
	var curType, curName string
	n, nq := 0, 0
	closeEnt := func() {
		if cur == nil {
			return
		}
		key := curType + ":" + curName
		k, ok := byName[key]
		if !ok {
			k = len(es)
			byName[key] = k
			es = append(es, article.Entity{Text: curName, Type: curType})
		}
		es[k].Mentions = append(es[k].Mentions, *cur)
		cur = nil
	}
	flush := func() {
		closeEnt()
		doc := text.String()
		for _, q := range Find(doc, es) {
			nq++
			ctx := []rune(doc)
			lo, hi := max(q.Start-120, 0), min(q.End+20, len(ctx))
			fmt.Fprintf(w, "#%d %s | %s | direct=%v\n  Q: %s\n  C: %s\n\n", nq, q.Speaker, q.Verb, q.Direct, q.Text, string(ctx[lo:hi]))
		}
		text.Reset()
		es = es[:0]
		clear(byName)
	}
	sc := bufio.NewScanner(in)
	sents := 0
	for sc.Scan() {
		word, tag, ok := strings.Cut(strings.TrimSpace(sc.Text()), " ")
		if !ok {
			continue
		}
		if text.Len() > 0 && !strings.HasSuffix(text.String(), "\n") {
			text.WriteByte(' ')
		}
		start := utf8.RuneCountInString(text.String())
		text.WriteString(word)
		end := start + utf8.RuneCountInString(word)
		typ := types[strings.TrimLeft(tag[min(2, len(tag)):], "")]
		switch {
		case strings.HasPrefix(tag, "B-") && typ != "":
			closeEnt()
			cur, curType, curName = &article.Span{Start: start, End: end}, typ, word
		case strings.HasPrefix(tag, "I-") && cur != nil && typ == curType:
			cur.End = end
			curName += " " + word
		default:
			closeEnt()
		}
		if word == "." {
			closeEnt()
			text.WriteByte('\n')
			sents++
			if sents%40 == 0 {
				flush()
				n++
			}
		}
	}
	flush()
	t.Logf("%d quotes in %d documents", nq, n+1)
}
