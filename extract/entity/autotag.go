package entity

import (
	"bufio"
	"context"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"slices"

	"github.com/marsad/marsad/internal/iocount"
)

// Auto-tag statistics: how a first-stage tagger, trained on the labelled
// data only, labelled the occurrences of each frequent word in unlabelled
// text. They help with names never seen in the labelled data: a company
// name that the tagger labels ORG in most of its contexts in 20,000
// articles is likely an ORG in the one sentence being tagged.
//
// A word's statistics are one byte: for PER (bits 0-1), ORG (bits 2-3) and
// LOC (bits 4-5) a bucket of the share of its occurrences labelled with
// that type (0: under 10%, 1: under 40%, 2: under 75%, 3: at least 75%),
// and (bits 6-7) when any of them is labelled, whether they are mostly
// first words of names (1), mixed (2) or mostly inner words (3). Only
// words that occur at least autoMinCount times and have a non-zero byte
// are kept.

// autoMinCount is the least number of occurrences of a word in the
// unlabelled text for its auto-tag statistics to be kept.
const autoMinCount = 2

// autoCount counts the labels of one word's occurrences.
type autoCount struct {
	n      int32    // occurrences
	typ    [3]int32 // occurrences labelled PER, ORG, LOC
	inside int32    // of those, occurrences labelled I-
}

// byte returns the packed statistics of c (see above).
func (c autoCount) byte() uint8 {
	if c.n == 0 {
		return 0
	}
	var v uint8
	var ent int32
	for k, x := range c.typ {
		ent += x
		s := float64(x) / float64(c.n)
		var b uint8
		switch {
		case s < 0.1:
			b = 0
		case s < 0.4:
			b = 1
		case s < 0.75:
			b = 2
		default:
			b = 3
		}
		v |= b << (2 * k)
	}
	if v == 0 || ent == 0 {
		return 0
	}
	s := float64(c.inside) / float64(ent)
	switch {
	case s < 1.0/3:
		v |= 1 << 6
	case s <= 2.0/3:
		v |= 2 << 6
	default:
		v |= 3 << 6
	}
	return v
}

// autoCounter accumulates auto-tag counts over documents.
type autoCounter struct {
	counts map[string]*autoCount
}

// add counts the labels of one tagged document: each token counts for its
// normalized form and, when it has a proclitic, for its form without it.
func (a *autoCounter) add(infos []tokInfo, labels []int) {
	if a.counts == nil {
		a.counts = map[string]*autoCount{}
	}
	bump := func(k string, l int) {
		c := a.counts[k]
		if c == nil {
			c = &autoCount{}
			a.counts[k] = c
		}
		c.n++
		if l > 0 && l < 7 {
			c.typ[(l-1)/2]++
			if isInside(l) {
				c.inside++
			}
		}
	}
	for i := range infos {
		if isPunct(infos[i].norm) {
			continue
		}
		bump(infos[i].norm, labels[i])
		if infos[i].base != infos[i].norm {
			bump(infos[i].base, labels[i])
		}
	}
}

// table returns the packed statistics of the words counted at least
// autoMinCount times whose byte is not zero.
func (a *autoCounter) table() map[string]uint8 {
	out := map[string]uint8{}
	for k, c := range a.counts {
		if c.n < autoMinCount {
			continue
		}
		if b := c.byte(); b != 0 {
			out[k] = b
		}
	}
	return out
}

// autoTag tags the texts given by each with t and returns the counts of
// their labels.
func (t *Tagger) autoTag(ctx context.Context, each func(fn func(text string)) error) (*autoCounter, error) {
	var a autoCounter
	err := t.tagTexts(ctx, each, true, func(_ [][]string, r docResult, _ *tagState) {
		a.add(r.infos, r.labels)
	})
	if err != nil {
		return nil, err
	}
	return &a, nil
}

// tagTexts tags the texts given by each with t, as Entities does (tokens
// of Tokenize split into sentences), and passes each text's sentences and
// result to fn, with the tagging state that made them. With reuse, the
// words of the sentences are overwritten by the next text; without it
// they are fresh for each. It stops early, with ctx's error, when ctx is
// done.
func (t *Tagger) tagTexts(ctx context.Context, each func(fn func(text string)) error, reuse bool,
	fn func(sents [][]string, r docResult, st *tagState)) error {
	st := &tagState{}
	var sents [][]string
	var words []string
	err := each(func(text string) {
		if ctx.Err() != nil {
			return
		}
		toks := Tokenize(text)
		if len(toks) == 0 {
			return
		}
		if !reuse {
			words = nil
		}
		words, sents = sentences(toks, sentenceBreaks(text, toks), words, sents)
		fn(sents, t.tagDoc(sents, st), st)
	})
	if err != nil {
		return err
	}
	return ctx.Err()
}

// autoOf returns the auto-tag information of a token for its features,
// from the facts of its normalized form and of its base: 0 when the tagger
// has no auto-tag statistics, else 1<<8 | the byte of norm (or of base
// when norm has none). Words without statistics get 1<<8 alone.
func (g *gazetteer) autoOf(norm, base wordFacts) uint16 {
	if g.auto == nil {
		return 0
	}
	b := norm.auto
	if !norm.hasAuto {
		b = base.auto
	}
	return 1<<8 | uint16(b)
}

// statsCache is the encoded form of WordStats.
type statsCache struct {
	Packed map[string]uint32
	Words  []string
}

// WriteTo writes ws (for a cache of the statistics between training runs).
func (ws *WordStats) WriteTo(w io.Writer) (int64, error) {
	cw := &iocount.Writer{W: w}
	if err := gob.NewEncoder(cw).Encode(statsCache{ws.packed, ws.words}); err != nil {
		return cw.N, fmt.Errorf("write word statistics: %w", err)
	}
	return cw.N, nil
}

// ReadWordStatsFrom reads word statistics written by WordStats.WriteTo.
func ReadWordStatsFrom(r io.Reader) (*WordStats, error) {
	var c statsCache
	if err := gob.NewDecoder(r).Decode(&c); err != nil {
		return nil, fmt.Errorf("read word statistics: %w", err)
	}
	if c.Packed == nil {
		c.Packed = map[string]uint32{}
	}
	return &WordStats{packed: c.Packed, words: c.Words}, nil
}

// Feature templates of the auto-tag statistics, numbered apart from the
// others (part of the model format).
const (
	fAuto     byte = 200 // the statistics byte of the word, roles -1..+1
	fAutoType byte = 201 // the bucket of one type, role 0
)

// autoFeatures appends the auto-tag features of token w in role to f.
func autoFeatures(w *tokInfo, role int, f []uint64) []uint64 {
	if w.auto == 0 || role < window-1 || role > window+1 {
		return f
	}
	b := uint8(w.auto)
	f = append(f, hashB(hashB(hashT(fAuto), byte(role)), b))
	if role == window {
		for k := range 3 {
			if x := b >> (2 * k) & 3; x != 0 {
				f = append(f, hashB(hashB(hashT(fAutoType), byte(k)), x))
			}
		}
	}
	return f
}

// sectionAuto tags the auto-tag section of the model file.
const sectionAuto = 'A'

// writeAuto writes the auto-tag section of the model file, if any.
func (g *gazetteer) writeAuto(bw *bufio.Writer) {
	if g.auto == nil {
		return
	}
	var tmp [binary.MaxVarintLen64]byte
	uvar := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	words := make([]string, 0, len(g.auto))
	for w := range g.auto {
		words = append(words, w)
	}
	slices.Sort(words)
	bw.WriteByte(sectionAuto)
	uvar(uint64(len(words)))
	for _, w := range words {
		uvar(uint64(len(w)))
		bw.WriteString(w)
		bw.WriteByte(g.auto[w])
	}
}

// readSections reads the optional sections at the end of a model file
// (models written before them end without any).
func (g *gazetteer) readSections(br *bufio.Reader) error {
	fail := func(what string, err error) error {
		return fmt.Errorf("%w: %s: %v", errBadModel, what, err)
	}
	for {
		tag, err := br.ReadByte()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fail("section", err)
		}
		if tag != sectionAuto {
			return fail("section", fmt.Errorf("unknown section %q", tag))
		}
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1<<24 {
			return fail("auto-tag size", err)
		}
		g.auto = make(map[string]uint8, min(n, 1<<16))
		for range n {
			ln, err := binary.ReadUvarint(br)
			if err != nil || ln > 1<<16 {
				return fail("auto-tag", err)
			}
			w := make([]byte, ln+1)
			if _, err := io.ReadFull(br, w); err != nil {
				return fail("auto-tag", err)
			}
			g.auto[string(w[:ln])] = w[ln]
		}
	}
}
