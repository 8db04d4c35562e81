package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are texts we wrote that exercise the tokenizer's corners.
var fuzzSeeds = []string{
	"",
	"وقال المتحدث باسم الكرملين دميتري بيسكوف، أمس الخميس، إن «الحوار» مع واشنطن ممكن.",
	"ABC News ٢٠٢١ 2021 19.5% ١٩٫٥ 2,000 F-16",
	"الحُوَار مسـؤول الروسى ﻻ ﷲ",
	"\u064e\u064f lone marks \u0670",
	"invalid \xff\xfe utf-8 \xc3",
	"\u200c\u200dزwj",
	"2021.",
	"١٢٣٬٤٥٦",
	"وبالمدينة فللمدينة كتابهما",
}

// checkTokens checks the invariants every token list must hold.
func checkTokens(t *testing.T, text string, toks []Token) {
	t.Helper()
	rs := []rune(text)
	lastEnd, lastByte := 0, 0
	for i, k := range toks {
		if k.Text == "" {
			t.Fatalf("token %d is empty", i)
		}
		if k.Byte < lastByte || k.Byte+len(k.Text) > len(text) || text[k.Byte:k.Byte+len(k.Text)] != k.Text {
			t.Fatalf("token %d %q: Byte %d does not slice the text", i, k.Text, k.Byte)
		}
		if k.Start < lastEnd || k.End <= k.Start || k.End > len(rs) {
			t.Fatalf("token %d %q: runes [%d:%d] out of order or range (previous end %d, text %d runes)", i, k.Text, k.Start, k.End, lastEnd, len(rs))
		}
		if got := string(rs[k.Start:k.End]); got != k.Text {
			t.Fatalf("token %d: runes [%d:%d] = %q, want %q", i, k.Start, k.End, got, k.Text)
		}
		if !utf8.ValidString(k.Text) {
			t.Fatalf("token %d %q holds invalid UTF-8", i, k.Text)
		}
		lastEnd, lastByte = k.End, k.Byte+len(k.Text)
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkTokens(t, text, Tokenize(text))
	})
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	analyzers := []*Analyzer{New(DefaultOptions())}
	rules := DefaultOptions()
	rules.NoLexicon = true
	rules.Normalize.FoldHamza = true
	analyzers = append(analyzers, New(rules))
	plain := DefaultOptions()
	plain.Stem, plain.Stopwords = false, false
	plain.Normalize.FoldTehMarbuta = false
	analyzers = append(analyzers, New(plain))
	f.Fuzz(func(t *testing.T, text string) {
		for _, a := range analyzers {
			toks := a.Analyze(text)
			checkTokens(t, text, toks)
			if got, want := a.unchanged(text), unchanged(text, a.stemNorm); got != want {
				t.Fatalf("Analyzer.unchanged = %v, unchanged = %v", got, want)
			}
			for _, k := range toks {
				if k.Kind != Word {
					continue
				}
				// The normalized form is what Normalize gives, whether
				// it came from the lexicon's table or not.
				if want := Normalize(k.Text, a.opts.Normalize); k.Norm != want {
					t.Fatalf("token %q: Norm %q, want Normalize = %q", k.Text, k.Norm, want)
				}
				if !k.Stop && k.Norm != "" && k.Stem == "" {
					t.Fatalf("token %q: empty stem", k.Text)
				}
				if !a.opts.Stem && k.Stem != k.Norm {
					t.Fatalf("token %q: stemming off, Stem %q != Norm %q", k.Text, k.Stem, k.Norm)
				}
			}
			if terms := a.Terms(text); len(terms) > len(toks) {
				t.Fatalf("%d terms from %d tokens", len(terms), len(toks))
			}
		}
	})
}

// TestAnalyzeSeeds runs the fuzz checks on texts we wrote, as part of the
// ordinary tests, including a 1 MB single token.
func TestAnalyzeSeeds(t *testing.T) {
	a := New(DefaultOptions())
	texts := append([]string{strings.Repeat("وال", 1<<18), strings.Repeat("\u0651", 1<<19)}, fuzzSeeds...)
	for _, text := range texts {
		checkTokens(t, text, a.Analyze(text))
	}
}

// FuzzStem feeds any string to the word functions, which the package
// exports for callers that tokenize on their own.
func FuzzStem(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, s := range []string{"س", "سي", "ستa", "بa\xffة", "الله", "ال", "تان", "ية", "وا"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Stem(s)
		StemRules(s)
		NameKey(s)
		Normalize(s, DefaultNormalizeOptions())
	})
}
