package arabic

import (
	"cmp"
	"slices"
	"strings"
	"sync"
)

// stemEntry is what the analyzer needs of a word of the lexicon: the word
// (teh marbuta kept) and its stem, each also with teh marbuta folded, and
// whether it is a stopword. The strings are shared by every token of the
// word, so that analyzing a known word allocates nothing.
type stemEntry struct {
	norm, normFolded string
	stem, stemFolded string
	stop             bool
}

// stemTable maps the words of a lexicon to their entries. The most frequent
// words, which make most of any text, sit in a small map of their own whose
// strings are packed in one block of memory, so that their lookups mostly
// stay in the processor's cache.
type stemTable struct {
	hot  map[string]uint16 // index in ents of the most frequent words: a small map
	cold map[string]uint32 // index in ents of the others
	ents []stemEntry
}

// hotWords is the number of most frequent words in the hot map: 8192 words
// make about three quarters of the Arabic words of news text.
const hotWords = 8192 // at most 1<<16

// defaultStopwords is the stopword set, built once.
var defaultStopwords = sync.OnceValue(newStopwords)

func newStemTable(l *Lexicon) *stemTable {
	words := make([]string, 0, len(l.freq))
	for w := range l.freq {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if c := cmp.Compare(l.freq[b], l.freq[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	stop := defaultStopwords()
	entry := func(w string) stemEntry {
		raw := stemWord(l, w)
		nf := foldTehMarbuta(w)
		return stemEntry{norm: w, normFolded: nf, stem: raw, stemFolded: foldTehMarbuta(raw), stop: stop.contains(nf)}
	}
	t := &stemTable{hot: make(map[string]uint16, hotWords), cold: make(map[string]uint32, len(words))}
	hot := words[:min(hotWords, len(words))]
	// Pack the strings of the hot entries in one string: a span [i, j)
	// per string, reusing the word's bytes for a stem inside it.
	type span [2]int
	var (
		arena strings.Builder
		spans = make([][4]span, len(hot))
		ents  = make([]stemEntry, len(hot))
	)
	for i, w := range hot {
		e := entry(w)
		ents[i] = e
		ws := span{arena.Len(), arena.Len() + len(w)}
		arena.WriteString(w)
		for k, s := range []string{e.norm, e.normFolded, e.stem, e.stemFolded} {
			if j := strings.Index(w, s); j >= 0 {
				spans[i][k] = span{ws[0] + j, ws[0] + j + len(s)}
				continue
			}
			spans[i][k] = span{arena.Len(), arena.Len() + len(s)}
			arena.WriteString(s)
		}
	}
	packed := arena.String()
	for i, sp := range spans {
		e := &ents[i]
		e.norm = packed[sp[0][0]:sp[0][1]]
		e.normFolded = packed[sp[1][0]:sp[1][1]]
		e.stem = packed[sp[2][0]:sp[2][1]]
		e.stemFolded = packed[sp[3][0]:sp[3][1]]
		t.hot[e.norm] = uint16(i)
	}
	for _, w := range words[len(hot):] {
		t.cold[w] = uint32(len(ents))
		ents = append(ents, entry(w))
	}
	t.ents = ents
	return t
}

// lookup returns the entry of the normalized word w.
func (t *stemTable) lookup(w string) (*stemEntry, bool) {
	if i, ok := t.hot[w]; ok {
		return &t.ents[i], true
	}
	if i, ok := t.cold[w]; ok {
		return &t.ents[i], true
	}
	return nil, false
}
