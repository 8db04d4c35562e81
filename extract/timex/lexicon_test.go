package timex

import "testing"

// TestIsStart checks that isStart agrees with startWords on every start
// word, on each with a letter dropped or added, and on words of our own.
func TestIsStart(t *testing.T) {
	words := []string{"", "و", "قال", "الرئيس", "المدينة", "والحكومة", "اجتماعاتهم"}
	for w := range startWords {
		words = append(words, w, w[:len(w)-1], w+"ه", "ال"+w)
	}
	for _, w := range words {
		if got, want := isStart(w), startWords[w]; got != want {
			t.Errorf("isStart(%q) = %v, want %v", w, got, want)
		}
	}
}
