package quote

import (
	"bufio"
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/ingest"
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

// TestAuditSaudiNewsNet prints the quotes Find gives on SaudiNewsNet
// articles, with crude entities from the ANERcorp gazetteers (a person is a
// gazetteer first name and the next word; later mentions of that last word
// are the same person; organizations are gazetteer entries). For reading by
// hand: it runs only with MARSAD_QUOTE_AUDIT_SNN=FILE.
func TestAuditSaudiNewsNet(t *testing.T) {
	out := os.Getenv("MARSAD_QUOTE_AUDIT_SNN")
	if out == "" {
		t.Skip("set MARSAD_QUOTE_AUDIT_SNN=FILE to audit quotes on SaudiNewsNet")
	}
	day := filepath.Join(sharedDir, "data", "saudinewsnet", "2015-07-21.zip")
	if _, err := os.Stat(day); err != nil {
		t.Skipf("SaudiNewsNet not available: %v", err)
	}
	readList := func(name string) map[string]bool {
		b, err := os.ReadFile(filepath.Join(sharedDir, "data", "anercorp", name))
		if err != nil {
			t.Skipf("gazetteer not available: %v", err)
		}
		m := map[string]bool{}
		for _, l := range strings.Split(string(b), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				m[normalize(l)] = true
			}
		}
		return m
	}
	pers, orgs := readList("gazetteer.pers.txt"), readList("gazetteer.org.txt")
	var arts []article.Article
	opts := ingest.Options{TextField: "content", DateField: "date_extracted", Logger: slog.New(slog.DiscardHandler)}
	for it := range ingest.Read(context.Background(), day, opts) {
		if it.Err == nil {
			arts = append(arts, it.Article)
		}
	}
	w, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	nq := 0
	for a, art := range arts {
		if a >= 600 {
			break
		}
		text := art.Text
		toks, _ := tokenize(text)
		var words []int
		for i, tk := range toks {
			if tk.kind == kWord {
				words = append(words, i)
			}
		}
		names := map[string]string{} // canonical -> type
		for k := 0; k+1 < len(words); k++ {
			w0, w1 := toks[words[k]], toks[words[k+1]]
			if words[k+1] != words[k]+1 {
				continue
			}
			if pers[w0.norm] && !strings.HasPrefix(w1.norm, "ال") && len([]rune(w1.norm)) > 2 && !cueWordAt(w1.norm) {
				names[text[w0.bs:w1.be]] = article.PER
			}
		}
		for k := 0; k < len(words); k++ {
			for n := 4; n >= 1; n-- {
				if k+n > len(words) {
					continue
				}
				var parts []string
				for _, wi := range words[k : k+n] {
					parts = append(parts, toks[wi].norm)
				}
				if orgs[strings.Join(parts, " ")] && (n > 1 || strings.HasPrefix(parts[0], "ال")) {
					names[text[toks[words[k]].bs:toks[words[k+n-1]].be]] = article.ORG
					break
				}
			}
		}
		var es []article.Entity
		for name, typ := range names {
			es = append(es, article.Entity{Text: name, Type: typ, Mentions: mentionsOf(text, name, typ)})
		}
		for _, q := range Find(text, es) {
			nq++
			ctx := []rune(text)
			lo, hi := max(q.Start-150, 0), min(q.End+10, len(ctx))
			fmt.Fprintf(w, "#%d %s | %s | direct=%v\n  Q: %s\n  C: %s\n\n", nq, q.Speaker, q.Verb, q.Direct, q.Text, strings.ReplaceAll(string(ctx[lo:hi]), "\n", " / "))
		}
	}
	t.Logf("%d quotes", nq)
}

func cueWordAt(norm string) bool {
	_, ok := cues[norm]
	return ok
}
