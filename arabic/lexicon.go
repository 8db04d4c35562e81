package arabic

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/marsad/marsad/internal/iocount"
)

// Lexicon is a table of normalized Arabic words with their frequency in a
// corpus. The stemmer consults it to decide whether a candidate stem is an
// attested word: a proclitic is stripped from "بواشنطن" because "واشنطن" is
// far more frequent than "بواشنطن", not from "بطاطس" because "طاطس" is not a
// word. A Lexicon is immutable once built and safe for concurrent use.
type Lexicon struct {
	freq map[string]uint32
	// stems holds the stem of every word of the lexicon, computed on
	// first use: the analyzer looks most words up instead of stemming them.
	stems func() *stemTable
}

// newLexicon returns a lexicon of the given frequencies.
func newLexicon(freq map[string]uint32) *Lexicon {
	l := &Lexicon{freq: freq}
	l.stems = sync.OnceValue(func() *stemTable { return newStemTable(l) })
	return l
}

// byFreq returns the words of the lexicon, most frequent first, ties in
// byte order.
func (l *Lexicon) byFreq() []string {
	type wc struct {
		w string
		n uint32
	}
	all := make([]wc, 0, len(l.freq))
	for w, n := range l.freq {
		all = append(all, wc{w, n})
	}
	slices.SortFunc(all, func(a, b wc) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return strings.Compare(a.w, b.w)
	})
	words := make([]string, len(all))
	for i, e := range all {
		words[i] = e.w
	}
	return words
}

//go:embed lexicon.gz
var lexiconGz []byte

// defaultLexicon parses the embedded lexicon once, on first use.
var defaultLexicon = sync.OnceValue(func() *Lexicon {
	l, err := ReadLexicon(bytes.NewReader(lexiconGz))
	if err != nil {
		panic("arabic: embedded lexicon: " + err.Error()) // the embedded file is part of the build
	}
	return l
})

// DefaultLexicon returns the lexicon embedded in the package: the
// normalized words of the SaudiNewsNet corpus seen at least three times, teh marbuta kept (see
// the package documentation for its provenance). It is parsed on first use.
func DefaultLexicon() *Lexicon { return defaultLexicon() }

// Freq returns the number of times the normalized word w was seen, 0 when the
// lexicon does not hold it. A nil Lexicon holds nothing.
func (l *Lexicon) Freq(w string) int {
	if l == nil {
		return 0
	}
	return int(l.freq[w])
}

// Len returns the number of words in the lexicon.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return len(l.freq)
}

// LexiconCounter counts the words of a corpus to build a Lexicon. It is not
// safe for concurrent use.
type LexiconCounter struct {
	counts map[string]uint32
	toks   []Token
	buf    []byte
	opts   NormalizeOptions
}

// NewLexiconCounter returns an empty counter that normalizes words with the
// default options but for teh marbuta, which it keeps.
func NewLexiconCounter() *LexiconCounter {
	o := DefaultNormalizeOptions()
	o.FoldTehMarbuta = false // ة tells the feminine from the pronoun ه
	return &LexiconCounter{counts: make(map[string]uint32), opts: o}
}

// Add counts the Arabic words of text.
func (c *LexiconCounter) Add(text string) {
	c.toks = AppendTokens(c.toks[:0], text)
	for i := range c.toks {
		t := &c.toks[i]
		if t.Kind != Word || t.Text[0] < 0x80 {
			continue
		}
		c.buf = AppendNormalized(c.buf[:0], t.Text, c.opts)
		if len(c.buf) < 4 || c.buf[0] < 0xD8 || c.buf[0] > 0xDB { // not two letters of the Arabic block
			continue
		}
		c.counts[string(c.buf)]++
	}
}

// Lexicon returns the lexicon of the words counted at least min times.
func (c *LexiconCounter) Lexicon(min int) *Lexicon {
	freq := make(map[string]uint32)
	for w, n := range c.counts {
		if int(n) >= min {
			freq[w] = n
		}
	}
	return newLexicon(freq)
}

// WriteTo writes the lexicon gzip-compressed, one "word<TAB>count" line per
// word, most frequent first (ties in byte order), so that the output is
// the same for the same corpus.
func (l *Lexicon) WriteTo(w io.Writer) (int64, error) {
	cw := &iocount.Writer{W: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	for _, w := range l.byFreq() {
		bw.WriteString(w)
		bw.WriteByte('\t')
		bw.WriteString(strconv.FormatUint(uint64(l.freq[w]), 10))
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return cw.N, err
	}
	err = zw.Close()
	return cw.N, err
}

// ReadLexicon reads a lexicon written by WriteTo.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	defer zr.Close()
	freq := make(map[string]uint32, 1<<17)
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		w, n, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			return nil, fmt.Errorf("read lexicon: line %d: no tab", line)
		}
		v, err := strconv.ParseUint(n, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: line %d: %w", line, err)
		}
		freq[w] = uint32(v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	return newLexicon(freq), nil
}

// f returns the frequency of the word a+b without allocating for short
// words. A nil Lexicon holds nothing.
func (l *Lexicon) f(a, b string) int {
	if l == nil {
		return 0
	}
	var arr [64]byte
	k := append(append(arr[:0], a...), b...)
	return int(l.freq[string(k)])
}
