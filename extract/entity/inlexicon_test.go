package entity

import "testing"

// TestInLexiconIndex checks that inLexicon, which asks the feature index,
// answers as the model's map of features does, for words seen in training
// and words that are not.
func TestInLexiconIndex(t *testing.T) {
	tg := defaultTagger(t)
	index := indexedTagger(t).index
	words := []string{"", "x", "القاهره", "محمد", "وزير", "كلمةليستفيالمعجم", "zzzz", "بوتين"}
	for i, w := range tg.words {
		if i%50 == 0 {
			words = append(words, w, normalize(w), "ال"+w, w+"ه")
		}
	}
	in := 0
	for _, w := range words {
		_, want := index[hashS(hashB(hashT(fNorm), window), w)]
		if got := tg.inLexicon(w); got != want {
			t.Errorf("inLexicon(%q) = %v, the map says %v", w, got, want)
		}
		if want {
			in++
		}
	}
	if in == 0 || in == len(words) {
		t.Errorf("%d of %d words in the lexicon: the test tells nothing", in, len(words))
	}
}
