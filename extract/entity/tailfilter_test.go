package entity

import (
	"fmt"
	"testing"
)

// suffixSet is what tailFilter and suffixFilter do.
type suffixSet interface {
	add(s string)
	mayEnd(k string) bool
}

// newSuffixSet returns an empty tailFilter (kind "tail") or suffixFilter.
func newSuffixSet(kind string) suffixSet {
	if kind == "tail" {
		return &tailFilter{}
	}
	return &suffixFilter{}
}

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
		{"mid", []string{"حي", "abcde"}, []string{"حي", "بحي", "xabcde"}, []string{"حين", "abcd"}},
	}
	for _, tt := range tests {
		for _, kind := range []string{"tail", "suffix"} {
			t.Run(fmt.Sprintf("%s/%s", tt.name, kind), func(t *testing.T) {
				f := newSuffixSet(kind)
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
}

// FuzzTailFilter checks that a tailFilter has no false negatives: a word
// ending with a word of the set always may end with one.
func FuzzTailFilter(f *testing.F) {
	f.Add("فريق", "وال")
	f.Add("ab", "c")
	f.Fuzz(func(t *testing.T, w, prefix string) {
		for _, kind := range []string{"tail", "suffix"} {
			tf := newSuffixSet(kind)
			tf.add(w)
			if !tf.mayEnd(prefix + w) {
				t.Fatalf("%s filter: mayEnd(%q) = false after add(%q)", kind, prefix+w, w)
			}
		}
		cs := newCliticSet(map[string]bool{w: true})
		k := prefix + w
		if got, want := cs.has(k), inSetClitic(k, cs.words); got != want {
			t.Fatalf("cliticSet.has(%q) = %v, inSetClitic %v", k, got, want)
		}
	})
}
