package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/marsad/marsad/arabic"
)

func analyzeCommand() command {
	return command{
		name:    "analyze",
		summary: "show how text is tokenized, normalized and stemmed",
		run:     runAnalyze,
	}
}

// analyzeJSON is the shape printed by "marsad analyze --json".
type analyzeJSON struct {
	Tokens []analyzeToken `json:"tokens"`
}

type analyzeToken struct {
	Text  string `json:"text"`
	Norm  string `json:"norm"`
	Stem  string `json:"stem"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Stop  bool   `json:"stop"`
	Kind  string `json:"kind"`
}

func runAnalyze(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "analyze", "[options] TEXT...  |  marsad analyze --lines < FILE",
		`Shows what the search analysis chain does to TEXT: each token with its
normalized form, its stem (the term search matches on), its rune offsets and
whether it is a stopword. With --lines, reads standard input and prints for
each input line the stems of its non-stopword tokens separated by spaces.`)
	asJSON := fs.Bool("json", false, "print JSON: {\"tokens\":[{text,norm,stem,start,end,stop,kind}]}")
	lines := fs.Bool("lines", false, "read lines on standard input; print the search terms of each line")
	noStem := fs.Bool("no-stem", false, "do not stem: the term is the normalized word")
	noStop := fs.Bool("no-stopwords", false, "do not mark stopwords")
	noLex := fs.Bool("no-lexicon", false, "stem by rules only, without the corpus lexicon")
	foldHamza := fs.Bool("fold-hamza", false, "fold hamza on carriers: ؤ → و, ئ → ي")
	keepDiac := fs.Bool("keep-diacritics", false, "keep diacritics and tatweel")
	noNFKC := fs.Bool("no-nfkc", false, "skip Unicode NFKC normalization")
	noDigits := fs.Bool("no-fold-digits", false, "keep Arabic-Indic digits as written")
	noLetters := fs.Bool("no-fold-letters", false, "keep alef, yeh, teh marbuta and Persian letter variants")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	opts := arabic.DefaultOptions()
	opts.Stem = !*noStem
	opts.Stopwords = !*noStop
	opts.NoLexicon = *noLex
	n := &opts.Normalize
	n.FoldHamza = *foldHamza
	n.StripDiacritics = !*keepDiac
	n.NFKC = !*noNFKC
	n.FoldDigits = !*noDigits
	if *noLetters {
		n.FoldAlef, n.FoldYeh, n.FoldTehMarbuta, n.FoldPersian = false, false, false, false
	}
	a := arabic.New(opts)

	if *lines {
		if len(pos) > 0 {
			fmt.Fprintln(e.stderr, "marsad analyze: --lines reads standard input and takes no TEXT")
			fs.Usage()
			return errUsage
		}
		return analyzeLines(ctx, a, e.stdin, e.stdout, isTerminal(e.stdin))
	}
	if len(pos) == 0 {
		fmt.Fprintln(e.stderr, "marsad analyze: no TEXT given")
		fs.Usage()
		return errUsage
	}
	text := strings.Join(pos, " ")
	toks := a.Analyze(text)
	if *asJSON {
		out := analyzeJSON{Tokens: make([]analyzeToken, 0, len(toks))}
		for _, t := range toks {
			if t.Kind == arabic.Punct {
				continue
			}
			out.Tokens = append(out.Tokens, analyzeToken{Text: t.Text, Norm: t.Norm, Stem: t.Stem,
				Start: t.Start, End: t.End, Stop: t.Stop, Kind: t.Kind.String()})
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "TEXT\tNORM\tSTEM\tSTART\tEND\tKIND\tSTOP")
	for _, t := range toks {
		if t.Kind == arabic.Punct {
			continue
		}
		stop := ""
		if t.Stop {
			stop = "stop"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\n", t.Text, t.Norm, t.Stem, t.Start, t.End, t.Kind, stop)
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// analyzeLines prints the search terms of each line of r, one output line
// per input line. Lines may be of any length. Output is flushed after every
// line when flush is set (an interactive terminal), else only when the
// buffer fills, so that a corpus goes through fast.
func analyzeLines(ctx context.Context, a *arabic.Analyzer, r io.Reader, w io.Writer, flush bool) error {
	br := bufio.NewReaderSize(r, 256<<10)
	bw := bufio.NewWriterSize(w, 256<<10)
	var (
		toks   []arabic.Token
		long   []byte // a line longer than the reader's buffer
		inLong bool
	)
	for n := 0; ; n++ {
		if n&1023 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		chunk, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			long = append(long, chunk...)
			inLong = true
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fmt.Errorf("read: %w", err)
		}
		line := chunk
		if inLong {
			long = append(long, chunk...)
			line = long
		}
		eof := err != nil
		if eof && len(line) == 0 {
			break
		}
		line = trimEOL(line)
		toks = a.AppendAnalyzed(toks[:0], string(line))
		first := true
		for i := range toks {
			t := &toks[i]
			if t.Stop || t.Stem == "" {
				continue
			}
			if !first {
				bw.WriteByte(' ')
			}
			bw.WriteString(t.Stem)
			first = false
		}
		if err := bw.WriteByte('\n'); err != nil { // a write error sticks: stop reading
			return fmt.Errorf("write: %w", err)
		}
		long, inLong = long[:0], false
		if flush {
			if err := bw.Flush(); err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		if eof {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

func trimEOL(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// isTerminal reports whether r is a character device such as a terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
