package entity

import "slices"

// ruleScratch holds the buffers that the rules after sequence tagging
// reuse from one call of Entities to the next, in a tagState: what
// Entities returns refers to none of them. Each method hands out a buffer
// cleared, for the use of one rule until it returns.
type ruleScratch struct {
	breaks []bool          // sentenceBreaks
	held   []bool          // heldTokens
	seen   map[string]bool // mentionWords
	firsts map[string]int  // stripClitics: the first words of the mentions
	// repeatedNames: the names by their first word, and by that word
	// without the article
	byFirst, bareArt map[string]int
	names            []repeatName
}

// repeatName is a name of repeatedNames, chained to the next of the same
// first word, and of the same first word without the article (index+1,
// 0 for none).
type repeatName struct {
	keys          []string
	typ           int // -1: tagged with two types
	next, nextArt int
}

// heldTokens is heldTokens in s's buffer.
func (s *ruleScratch) heldTokens(ms []mention, n int) []bool {
	s.held = slices.Grow(s.held[:0], n)[:n]
	clear(s.held)
	markHeld(s.held, ms)
	return s.held
}

// mentionWords is mentionWords in s's map.
func (s *ruleScratch) mentionWords(ms []mention) map[string]bool {
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	clear(s.seen)
	addMentionWords(s.seen, ms)
	return s.seen
}

// clearedMap returns *m cleared, made when nil.
func clearedMap(m *map[string]int) map[string]int {
	if *m == nil {
		*m = map[string]int{}
	}
	clear(*m)
	return *m
}

// clear drops the words of the document that s's maps hold, so that the
// pool does not keep them.
func (s *ruleScratch) clear() {
	clear(s.seen)
	clear(s.firsts)
	clear(s.byFirst)
	clear(s.bareArt)
	clear(s.names[:cap(s.names)])
}
