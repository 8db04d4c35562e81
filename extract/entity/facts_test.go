package entity

import "testing"

// TestGazetteerFacts checks the one-lookup view of the gazetteer that Load
// builds against the maps it comes from: for every word of those maps, and
// for words they lack, lookup and named answer what the maps say.
func TestGazetteerFacts(t *testing.T) {
	g := defaultTagger(t).gaz
	if g.facts == nil {
		t.Fatal("Load built no facts")
	}
	// The same gazetteer without facts answers from its maps.
	plain := *g
	plain.facts = nil
	words := []string{"", "كلمةلاتوجد", "zzz", "والرياض", "الرياض", "محمد"}
	for _, m := range []map[string]uint8{g.words, g.auto} {
		for w := range m {
			words = append(words, w)
		}
	}
	for w := range g.stats {
		words = append(words, w)
	}
	for w := range g.maxLen {
		words = append(words, w)
	}
	for _, w := range words {
		want := plain.lookup(w)
		if a, ok := g.auto[w]; want.auto != a || want.hasAuto != ok || want.gaz != g.words[w] ||
			want.st != g.stats[w] || want.phrase != (g.maxLen[w] != 0) {
			t.Fatalf("lookup(%q) without facts = %+v, not what the maps say", w, want)
		}
		if got := g.lookup(w); got != want {
			t.Errorf("lookup(%q) = %+v, want %+v", w, got, want)
		}
		if got, want := g.named(w), g.words[w] != 0 || g.maxLen[w] != 0; got != want {
			t.Errorf("named(%q) = %v, want %v", w, got, want)
		}
	}
}
