package entity

import (
	"encoding/binary"
	"sync"
)

// phraseCache caches the labels that the tagger gives short phrases read
// alone (see Tagger.tagPhrase), safe for concurrent use. cliticNames tags
// the same few phrases over and over (a whole ingest of SaudiNewsNet tags
// 77 thousand phrases, 9 thousand of them distinct: التي، التعاون،
// المنطقة), and tagging one costs microseconds. Labels depend on the
// phrase only, so the cache changes what tagging costs, never what it
// returns.
type phraseCache struct {
	mu     sync.Mutex
	labels map[string][]uint8 // phraseKey of the words -> their labels
}

// maxPhrases bounds the entries of a phraseCache: when it is full it
// starts afresh.
const maxPhrases = 1 << 13

// get returns the cached labels of the phrase of key, which the caller
// must not change.
func (c *phraseCache) get(key []byte) ([]uint8, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ls, ok := c.labels[string(key)]
	return ls, ok
}

// put caches the labels of the phrase of key.
func (c *phraseCache) put(key []byte, ls []uint8) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.labels == nil || len(c.labels) >= maxPhrases {
		c.labels = make(map[string][]uint8, maxPhrases)
	}
	c.labels[string(key)] = ls
}

// reset empties the cache.
func (c *phraseCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.labels = nil
}

// phraseKey appends the key of the phrase of words to key[:0]: each word
// after its length, so that no two phrases share one.
func phraseKey(key []byte, words []string) []byte {
	key = key[:0]
	for _, w := range words {
		key = binary.AppendUvarint(key, uint64(len(w)))
		key = append(key, w...)
	}
	return key
}

// tagPhrase returns the labels that Tag gives the words of one phrase
// read alone, MISC as O, from t's cache when it holds them; the caller
// must not change them. key is scratch space for the cache's key, returned
// grown.
func (t *Tagger) tagPhrase(words []string, key []byte) ([]uint8, []byte) {
	key = phraseKey(key, words)
	if ls, ok := t.phrases.get(key); ok {
		return ls, key
	}
	st := t.getState()
	labels := t.tagDoc([][]string{words}, st).labels
	ls := make([]uint8, len(labels))
	for i, l := range labels {
		if l < 7 {
			ls[i] = uint8(l)
		}
	}
	t.states.Put(st)
	t.phrases.put(key, ls)
	return ls, key
}
