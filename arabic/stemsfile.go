package arabic

import (
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"strings"
)

//go:generate go test -run ^TestStemsFile$ -args -update-stems

// stemsFile holds the stem of every word of the embedded lexicon, as
// stemWord finds it, and the number of its folded stem, so that loading
// the lexicon need not stem its hundred thousand words and sort their
// stems (see appendStems for its format). It is derived
// from lexicon.gz: after a new lexicon.gz, go generate writes it anew, and
// TestStemsFile checks that it is what the stemmer makes of the lexicon.
//
//go:embed stems.bin
var stemsFile string

// stemsMagic starts a stems file.
const stemsMagic = "marsad-stems 1\n"

// appendStems appends to dst the stems file of the lexicon whose gzipped
// file is lexGz, and whose words, in the order of byFreq, have the stems
// ls: the magic, the SHA-256 of lexGz, the number of words as a uvarint,
// then for each word, as uvarints, the number of its folded stem, then 1 +
// the offset of its stem in the word and the stem's length when the word
// holds it, else 0, the stem's length and the stem.
func appendStems(dst, lexGz []byte, words []string, ls lexiconStems) []byte {
	sum := sha256.Sum256(lexGz)
	dst = append(dst, stemsMagic...)
	dst = append(dst, sum[:]...)
	dst = binary.AppendUvarint(dst, uint64(len(words)))
	for i, w := range words {
		s := ls.stems[i]
		dst = binary.AppendUvarint(dst, uint64(ls.ids[i]))
		if j := strings.Index(w, s); j >= 0 {
			dst = binary.AppendUvarint(dst, uint64(j+1))
			dst = binary.AppendUvarint(dst, uint64(len(s)))
			continue
		}
		dst = binary.AppendUvarint(dst, 0)
		dst = binary.AppendUvarint(dst, uint64(len(s)))
		dst = append(dst, s...)
	}
	return dst
}

// readStems returns the stems that the stems file f holds for words, the
// words of the lexicon whose gzipped file is lexGz, in the order of
// byFreq. The stems are slices of the words or of f. ok is false when f is
// not the stems file of that lexicon.
func readStems(f string, lexGz []byte, words []string) (ls lexiconStems, ok bool) {
	sum := sha256.Sum256(lexGz)
	if !strings.HasPrefix(f, stemsMagic) || !strings.HasPrefix(f[len(stemsMagic):], string(sum[:])) {
		return ls, false
	}
	p := len(stemsMagic) + len(sum)
	uvarint := func() (int, bool) {
		v, n := binary.Uvarint([]byte(f[p:min(p+binary.MaxVarintLen64, len(f))]))
		if n <= 0 || v > uint64(len(f)) {
			return 0, false
		}
		p += n
		return int(v), true
	}
	if n, ok := uvarint(); !ok || n != len(words) {
		return ls, false
	}
	ls = lexiconStems{stems: make([]string, len(words)), ids: make([]uint32, len(words))}
	for i, w := range words {
		id, ok0 := uvarint()
		at, ok1 := uvarint()
		n, ok2 := uvarint()
		switch {
		case !ok0 || !ok1 || !ok2 || id > len(words):
			return lexiconStems{}, false
		case at > 0:
			if at-1+n > len(w) {
				return lexiconStems{}, false
			}
			ls.stems[i] = w[at-1 : at-1+n]
		default:
			if p+n > len(f) {
				return lexiconStems{}, false
			}
			ls.stems[i] = f[p : p+n]
			p += n
		}
		ls.ids[i] = uint32(id)
	}
	if p != len(f) {
		return lexiconStems{}, false
	}
	return ls, true
}
