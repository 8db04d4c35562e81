package entity

import (
	"testing"
)

func TestTailFilter(t *testing.T) {
	tests := []struct {
		name  string
		set   []string
		in    []string // words that end with a word of set: mayEnd must hold
		notIn []string // words that end with none: mayEnd should not hold for most
	}{
		{"arabic", []string{"فريق", "نادي"}, []string{"فريق", "والفريق", "للنادي", "بنادي"}, []string{"مباراة", "اللاعب", "هدف"}},
		{"short", []string{"بن", "ال", "x"}, []string{"بن", "وبن", "ال", "ax", "x"}, []string{"عمر", "y", ""}},
		{"empty word", []string{""}, []string{"", "a", "كلمة"}, nil},
		{"latin", []string{"nokia"}, []string{"nokia", "bnokia"}, []string{"nokib", "apple"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f tailFilter
			for _, w := range tt.set {
				f.add(w)
			}
			for _, w := range tt.in {
				if !f.mayEnd(w) {
					t.Errorf("mayEnd(%q) = false, want true", w)
				}
			}
			rejected := 0
			for _, w := range tt.notIn {
				if !f.mayEnd(w) {
					rejected++
				}
			}
			if len(tt.notIn) > 0 && rejected == 0 {
				t.Errorf("mayEnd rejected none of %q", tt.notIn)
			}
		})
	}
}

// FuzzTailFilter checks that a tailFilter has no false negatives: a word
// ending with a word of the set always may end with one.
func FuzzTailFilter(f *testing.F) {
	f.Add("فريق", "وال")
	f.Add("ab", "c")
	f.Fuzz(func(t *testing.T, w, prefix string) {
		var tf tailFilter
		tf.add(w)
		if !tf.mayEnd(prefix + w) {
			t.Fatalf("mayEnd(%q) = false after add(%q)", prefix+w, w)
		}
		cs := newCliticSet(map[string]bool{w: true})
		k := prefix + w
		if got, want := cs.has(k), inSetClitic(k, cs.words); got != want {
			t.Fatalf("cliticSet.has(%q) = %v, inSetClitic %v", k, got, want)
		}
	})
}
