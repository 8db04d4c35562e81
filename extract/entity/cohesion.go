package entity

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"math"
	"slices"
)

// Bigram cohesion: how strongly two adjacent words go together in
// unlabelled text. The words of a multi-word name (وزارة الخارجية, عبد
// الله, الأمم المتحدة) occur together far more often than their own
// frequencies predict, while the word after a name usually does not
// belong with it: whether a word is glued to its left and to its right
// neighbour hints at where names start and end.
//
// A pair is the left word without its proclitic and the right word
// normalized (a proclitic such as و on the right word usually starts
// something new). Its statistics are one byte: bits 0-2 a bucket of its
// pointwise mutual information, bits 3-4 a bucket of its count, bits 5-6
// (optional, see nameCounter) a bucket of how often it stands within
// one name in auto-tagged text. Only
// pairs seen at least cohMinCount times with a PMI of at least cohMinPMI
// (or, for the name bits, often enough within names) are kept, by a
// 32-bit hash of the pair.

const (
	cohMinCount = 3   // least count of a kept pair
	cohMinPMI   = 1.0 // least PMI (natural log) of a kept pair
)

// cohKey is the key of the pair of a left word whose base hashes to lb and
// a right word whose normalized form hashes to rn.
func cohKey(lb, rn uint64) uint32 { return uint32(mix(lb, rn)) }

// cohByte packs the statistics of a pair seen n times with PMI pmi.
func cohByte(n int32, pmi float64) uint8 {
	var p uint8
	switch {
	case pmi < 2:
		p = 1
	case pmi < 3:
		p = 2
	case pmi < 4:
		p = 3
	case pmi < 5:
		p = 4
	case pmi < 6.5:
		p = 5
	default:
		p = 6
	}
	var c uint8
	switch {
	case n < 8:
		c = 1
	case n < 32:
		c = 2
	default:
		c = 3
	}
	return c<<3 | p
}

// cohesionStats counts the adjacent pairs of words of the sentences of the
// texts given by each and returns the statistics of the pairs kept.
func cohesionStats(ctx context.Context, each func(fn func(text string)) error) (map[uint32]uint8, error) {
	type pair struct{ l, r uint64 }
	pairs := map[pair]int32{}
	left := map[uint64]int32{}  // base hash -> count as a left word
	right := map[uint64]int32{} // norm hash -> count as a right word
	var total int64
	var sents [][]string
	var words []string
	var lb, rn []uint64
	err := each(func(text string) {
		if ctx.Err() != nil {
			return
		}
		toks := Tokenize(text)
		if len(toks) == 0 {
			return
		}
		words, sents = sentences(toks, sentenceBreaks(text, toks), words, sents)
		for _, s := range sents {
			lb, rn = lb[:0], rn[:0]
			for _, w := range s {
				n := normalize(w)
				if isPunct(n) {
					lb, rn = append(lb, 0), append(rn, 0)
					continue
				}
				_, b := splitClitic(n)
				lb, rn = append(lb, hashS(fnvOffset, b)), append(rn, hashS(fnvOffset, n))
			}
			for i := 0; i+1 < len(s); i++ {
				if lb[i] == 0 || rn[i+1] == 0 {
					continue
				}
				pairs[pair{lb[i], rn[i+1]}]++
				left[lb[i]]++
				right[rn[i+1]]++
				total++
			}
		}
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	out := map[uint32]uint8{}
	for p, n := range pairs {
		if n < cohMinCount {
			continue
		}
		pmi := math.Log(float64(n) * float64(total) / (float64(left[p.l]) * float64(right[p.r])))
		if pmi < cohMinPMI {
			continue
		}
		k := cohKey(p.l, p.r)
		out[k] = max(out[k], cohByte(n, pmi)) // the same on a collision, in any order
	}
	return out, nil
}

// markCohesion sets the cohesion of each token of one sentence with its
// left and right neighbour (tokInfo.cohL, cohR): 0 when the tagger has no
// cohesion statistics, else 1<<7 | the pair's byte (0 for a pair not
// kept).
func (g *gazetteer) markCohesion(infos []tokInfo) {
	if g.coh == nil {
		return
	}
	for i := range infos {
		infos[i].cohL, infos[i].cohR = 1<<7, 1<<7
	}
	for i := 0; i+1 < len(infos); i++ {
		b := g.coh[cohKey(infos[i].bh, infos[i+1].wh)]
		infos[i].cohR |= b
		infos[i+1].cohL |= b
	}
}

// Feature templates of the cohesion statistics (part of the model format).
const (
	fCohL    byte = 202 // the byte of the pair with the word before
	fCohR    byte = 203 // the byte of the pair with the word after
	fCohLR   byte = 204 // the PMI buckets of both pairs
	fCohName byte = 205 // the name shares of both pairs
)

// cohFeatures appends the cohesion features of position i to f: the PMI
// bucket of each kept pair with a neighbour, and the name share of each
// pair that has one.
func cohFeatures(w *tokInfo, f []uint64) []uint64 {
	if w.cohL == 0 {
		return f
	}
	if b := w.cohL & 7; b != 0 {
		f = append(f, hashB(hashT(fCohL), b))
	}
	if b := w.cohR & 7; b != 0 {
		f = append(f, hashB(hashT(fCohR), b))
	}
	if b := (w.cohL>>5&3)<<2 | w.cohR>>5&3; b != 0 {
		f = append(f, hashB(hashT(fCohName), b))
	}
	return f
}

// sectionCohesion tags the cohesion section of the model file.
const sectionCohesion = 'C'

// writeCohesion writes the cohesion section of the model file, if any:
// uvarint count, then count entries sorted by key: uvarint difference
// from the key before, byte statistics.
func (g *gazetteer) writeCohesion(bw *bufio.Writer) {
	if g.coh == nil {
		return
	}
	var tmp [binary.MaxVarintLen64]byte
	uvar := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	keys := make([]uint32, 0, len(g.coh))
	for k := range g.coh {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	bw.WriteByte(sectionCohesion)
	uvar(uint64(len(keys)))
	var prev uint32
	for _, k := range keys {
		uvar(uint64(k - prev))
		bw.WriteByte(g.coh[k])
		prev = k
	}
}

// readCohesion reads the cohesion section after its tag.
func (g *gazetteer) readCohesion(br *bufio.Reader) error {
	fail := func(err error) error {
		return fmt.Errorf("%w: cohesion: %v", errBadModel, err)
	}
	n, err := binary.ReadUvarint(br)
	if err != nil || n > 1<<24 {
		return fail(err)
	}
	g.coh = make(map[uint32]uint8, min(n, 1<<20))
	var k uint64
	for range n {
		d, err := binary.ReadUvarint(br)
		if err != nil || d > math.MaxUint32 {
			return fail(err)
		}
		b, err := br.ReadByte()
		if err != nil {
			return fail(err)
		}
		k += d
		g.coh[uint32(k)] = b
	}
	return nil
}

// nameCounter counts, for pairs of adjacent words of tagged sentences,
// how often they occur and how often both stand in one name (the right
// word continues the left word's name).
type nameCounter struct {
	counts map[uint32][2]int32 // cohKey -> occurrences, within a name
}

// add counts the pairs of the sentences of one tagged document.
func (c *nameCounter) add(sents [][]string, infos []tokInfo, labels []int) {
	if c.counts == nil {
		c.counts = map[uint32][2]int32{}
	}
	off := 0
	for _, s := range sents {
		for i := off; i+1 < off+len(s); i++ {
			if isPunct(infos[i].norm) || isPunct(infos[i+1].norm) {
				continue
			}
			k := cohKey(infos[i].bh, infos[i+1].wh)
			x := c.counts[k]
			x[0]++
			if l := labels[i+1]; l < 7 && isInside(l) {
				x[1]++
			}
			c.counts[k] = x
		}
		off += len(s)
	}
}

// addTo adds the name share of the pairs seen at least cohMinCount times
// to the cohesion statistics coh (bits 5-6: the share of occurrences
// within a name under 10% (0, not marked), under 40%, under 75%, at least
// 75%) and returns how many pairs it marked.
func (c *nameCounter) addTo(coh map[uint32]uint8) int {
	n := 0
	for k, x := range c.counts {
		if x[0] < cohMinCount {
			continue
		}
		s := float64(x[1]) / float64(x[0])
		var b uint8
		switch {
		case s < 0.1:
			continue
		case s < 0.4:
			b = 1
		case s < 0.75:
			b = 2
		default:
			b = 3
		}
		coh[k] |= b << 5
		n++
	}
	return n
}
