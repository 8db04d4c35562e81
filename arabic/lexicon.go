package arabic

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/maphash"
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
	freq freqTable
	// stems holds the stem of every word of the lexicon, computed on
	// first use: the analyzer looks most words up instead of stemming them.
	stems func() *stemTable
}

// newLexicon returns a lexicon of the given frequencies.
func newLexicon(freq map[string]uint32) *Lexicon {
	all := make([]wordCount, 0, len(freq))
	for w, n := range freq {
		all = append(all, wordCount{w, n})
	}
	slices.SortFunc(all, func(a, b wordCount) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return strings.Compare(a.w, b.w)
	})
	t, _ := newFreqTable(all) // the words of a map are distinct
	return lexiconOf(t)
}

// lexiconOf returns the lexicon of the table t, whose stems are computed
// on first use.
func lexiconOf(t freqTable) *Lexicon {
	l := &Lexicon{freq: t}
	l.stems = sync.OnceValue(func() *stemTable { return newStemTable(l, stemLexicon(l)) })
	return l
}

// byFreq returns the words of the lexicon, most frequent first, ties in
// byte order.
func (l *Lexicon) byFreq() []string {
	words := make([]string, 0, l.freq.n)
	l.freq.all(func(w string, _ uint32) { words = append(words, w) })
	return words
}

//go:embed lexicon.gz
var lexiconGz []byte

// defaultLexicon parses the embedded lexicon once, on first use.
var defaultLexicon = sync.OnceValue(loadDefaultLexicon)

// loadDefaultLexicon parses the embedded lexicon. Its stems are those of
// the embedded stems file, unless that file is of another lexicon
// (TestStemsFile fails then): then they are computed.
func loadDefaultLexicon() *Lexicon {
	// A gzip file ends with the size of its text (modulo 1<<32).
	size := int(binary.LittleEndian.Uint32(lexiconGz[len(lexiconGz)-4:]))
	l, err := readLexicon(bytes.NewReader(lexiconGz), size)
	if err != nil {
		panic("arabic: embedded lexicon: " + err.Error()) // the embedded file is part of the build
	}
	if ls, ok := readStems(stemsFile, lexiconGz, l.byFreq()); ok {
		l.stems = sync.OnceValue(func() *stemTable { return newStemTable(l, ls) })
	}
	return l
}

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
	return int(l.freq.get(w))
}

// StemID returns the Token.StemID of the stem s (teh marbuta folded), 0
// when it is the stem of no word of the lexicon. A nil Lexicon holds
// nothing.
func (l *Lexicon) StemID(s string) uint32 {
	if l == nil || l.stems == nil {
		return 0
	}
	return l.stems().stemID(s)
}

// Len returns the number of words in the lexicon.
func (l *Lexicon) Len() int {
	if l == nil {
		return 0
	}
	return l.freq.n
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
	l.freq.all(func(w string, n uint32) {
		bw.WriteString(w)
		bw.WriteByte('\t')
		bw.WriteString(strconv.FormatUint(uint64(n), 10))
		bw.WriteByte('\n')
	})
	if err := bw.Flush(); err != nil {
		return cw.N, err
	}
	err = zw.Close()
	return cw.N, err
}

// ReadLexicon reads a lexicon written by WriteTo.
func ReadLexicon(r io.Reader) (*Lexicon, error) { return readLexicon(r, 0) }

// readLexicon is ReadLexicon given the size of the uncompressed text, to
// make room for at once, when known (else 0).
func readLexicon(r io.Reader, size int) (*Lexicon, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	defer zr.Close()
	var b strings.Builder
	b.Grow(size)
	if _, err := io.Copy(&b, zr); err != nil {
		return nil, fmt.Errorf("read lexicon: %w", err)
	}
	// The words are slices of the text, which newFreqTable copies.
	text := b.String()
	counts := make([]wordCount, 0, strings.Count(text, "\n")+1)
	sorted := true // in newLexicon's order, as WriteTo writes them
	for line := 1; text != ""; line++ {
		var l string
		l, text, _ = strings.Cut(text, "\n")
		l = strings.TrimSuffix(l, "\r")
		w, n, ok := strings.Cut(l, "\t")
		if !ok {
			return nil, fmt.Errorf("read lexicon: line %d: no tab", line)
		}
		v, err := strconv.ParseUint(n, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("read lexicon: line %d: %w", line, err)
		}
		if k := len(counts); k > 0 && sorted {
			prev := counts[k-1]
			sorted = uint32(v) < prev.n || uint32(v) == prev.n && prev.w < w
		}
		counts = append(counts, wordCount{w, uint32(v)})
	}
	if sorted {
		// Then only a repeated word keeps the table from taking them as
		// they are.
		if t, ok := newFreqTable(counts); ok {
			return lexiconOf(t), nil
		}
	}
	freq := make(map[string]uint32, len(counts))
	for _, wc := range counts {
		freq[wc.w] = wc.n // the last count of a repeated word
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
	return int(l.freq.get(string(k))) // no allocation: the lookup keeps no reference
}

// wordCount is a word and its count.
type wordCount struct {
	w string
	n uint32
}

// freqTable is an immutable open addressing hash table (see newSlots)
// from words to their counts, smaller than a map of strings and with the
// words in one string, most frequent first, so that the frequent words,
// which most lookups ask for, share few cache lines. A record is the length of the word (one byte, or 255
// and 4 bytes), the word and its count in 4 bytes, little endian.
type freqTable struct {
	seed  maphash.Seed
	slots []uint64
	mask  uint64
	data  string
	n     int
}

// newFreqTable returns the table of words, in their order; ok is false
// when a word repeats.
func newFreqTable(words []wordCount) (t freqTable, ok bool) {
	t = freqTable{seed: maphash.MakeSeed(), n: len(words)}
	t.slots, t.mask = newSlots(len(words))
	size := 0
	for _, wc := range words {
		size += 5 + len(wc.w)
		if len(wc.w) >= 255 {
			size += 4
		}
	}
	var data strings.Builder
	data.Grow(size)
	var rec [9]byte
	for _, wc := range words {
		off := data.Len()
		if len(wc.w) < 255 {
			data.WriteByte(byte(len(wc.w)))
		} else {
			data.Write(binary.LittleEndian.AppendUint32(append(rec[:0], 255), uint32(len(wc.w))))
		}
		data.WriteString(wc.w)
		data.Write(binary.LittleEndian.AppendUint32(rec[:0], wc.n))
		if !t.put(data.String(), wc.w, off) {
			return t, false
		}
	}
	t.data = data.String()
	return t, true
}

// put records in the slots the word w, whose record is at off of data,
// unless data holds w already: then it returns false.
func (t *freqTable) put(data, w string, off int) bool {
	h := maphash.String(t.seed, w)
	tag := h &^ 0xFFFFFFFF
	i := h & t.mask
	for ; t.slots[i] != 0; i = (i + 1) & t.mask {
		if s := t.slots[i]; s&^0xFFFFFFFF == tag {
			if rw, _ := recordWord(data[int(uint32(s))-1:]); rw == w {
				return false
			}
		}
	}
	t.slots[i] = tag | uint64(off+1)
	return true
}

// recordWord returns the word of the record that d starts with, and
// where it ends.
func recordWord(d string) (w string, end int) {
	k, p := int(d[0]), 1
	if k == 255 {
		k, p = int(binary.LittleEndian.Uint32([]byte(d[1:5]))), 5
	}
	return d[p : p+k], p + k
}

// record returns the word and count of the record at off, and the offset
// of the next record.
func (t *freqTable) record(off int) (w string, n uint32, next int) {
	d := t.data[off:]
	w, p := recordWord(d)
	c := d[p : p+4]
	return w, uint32(c[0]) | uint32(c[1])<<8 | uint32(c[2])<<16 | uint32(c[3])<<24, off + p + 4
}

// get returns the count of w, 0 if the table does not hold it.
func (t *freqTable) get(w string) uint32 {
	if len(t.slots) == 0 {
		return 0
	}
	h := maphash.String(t.seed, w)
	tag := h &^ 0xFFFFFFFF
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s == 0 {
			return 0
		}
		if s&^0xFFFFFFFF != tag {
			continue
		}
		off := int(uint32(s)) - 1
		if d := t.data[off:]; len(w) < 255 && (int(d[0]) != len(w) || d[1:1+len(w)] != w) {
			continue // the common case, decided without decoding the record
		}
		if rw, n, _ := t.record(off); rw == w {
			return n
		}
	}
}

// all calls f with every word and its count, in the order newFreqTable was
// given them.
func (t *freqTable) all(f func(w string, n uint32)) {
	for off := 0; off < len(t.data); {
		var w string
		var n uint32
		w, n, off = t.record(off)
		f(w, n)
	}
}
