package arabic

import "testing"

// TestMatches checks the spellings that must share one search term.
func TestMatches(t *testing.T) {
	a := New(DefaultOptions())
	groups := [][]string{
		{"الروسى", "الروسي"},
		{"الحُوَار", "الحوار"},
		{"وواشنطن", "بواشنطن", "واشنطن"},
		{"للكونغرس", "الكونغرس"},
		{"٢٠٢١", "2021"},
		{"مسـؤول", "مسؤول"},
		{"الطاقة", "الطاقه", "والطاقه"}, // a definite noun: final ه is an undotted ة
		{"المدرسة", "بالمدرسه"},
	}
	for _, g := range groups {
		want := a.Terms(g[0])
		if len(want) != 1 {
			t.Errorf("Terms(%q) = %q, want one term", g[0], want)
			continue
		}
		for _, w := range g[1:] {
			if got := a.Terms(w); len(got) != 1 || got[0] != want[0] {
				t.Errorf("Terms(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
}

// TestAnalyzerConcurrent uses one Analyzer from several goroutines, as the
// index does; run with -race.
func TestAnalyzerConcurrent(t *testing.T) {
	a := New(DefaultOptions())
	want := a.Terms("وقال المتحدث للصحفيين إن الحوار مع واشنطن ممكن")
	done := make(chan []string)
	for range 4 {
		go func() {
			done <- a.Terms("وقال المتحدث للصحفيين إن الحوار مع واشنطن ممكن")
		}()
	}
	for range 4 {
		if got := <-done; len(got) != len(want) {
			t.Errorf("concurrent Terms = %q, want %q", got, want)
		}
	}
}

func TestOptionsOff(t *testing.T) {
	opts := DefaultOptions()
	opts.Normalize.FoldTehMarbuta = false
	a := New(opts)
	toks := a.Analyze("المدرسة عدة")
	if len(toks) != 2 || toks[0].Norm != "المدرسة" || toks[0].Stem != "مدرسة" || !toks[1].Stop {
		t.Errorf("teh marbuta kept: %+v", toks)
	}
	opts = DefaultOptions()
	opts.Normalize.StripDiacritics = false
	if toks := New(opts).Analyze("الحُوَار"); len(toks) != 1 || toks[0].Norm != "الحُوَار" {
		t.Errorf("diacritics kept: %+v", toks)
	}
}

// TestMaqsuraStops checks that the preposition على is a stopword in every
// spelling with alef maqsura while the name علي, which normalizes the same,
// stays a search term.
func TestMaqsuraStops(t *testing.T) {
	a := New(DefaultOptions())
	for _, tc := range []struct {
		word string
		stop bool
	}{
		{"على", true},
		{"عَلَى", true},
		{"علىٰ", true},
		{"وعلى", true},
		{"فعلى", true},
		{"علي", false},
		{"وعلي", false},
		{"عليّ", false},
		{"مصطفى", false}, // alef maqsura, but no function word
		{"عليه", true},   // in the list as normalized
	} {
		toks := a.Analyze(tc.word)
		if len(toks) != 1 || toks[0].Stop != tc.stop {
			t.Errorf("Analyze(%q) = %+v, want one token with Stop %v", tc.word, toks, tc.stop)
		}
	}
	if got := a.Terms("قال علي إن الوفد وصل على متن طائرة"); len(got) != 6 || got[1] != a.Terms("علي")[0] {
		t.Errorf("Terms = %q, want the name kept and the preposition dropped", got)
	}
}

// TestStemID checks that StemID is a numbering of stems: one number per
// stem, whether the word's analysis came from the lexicon's table or from
// the stemmer (words with clitic stacks the lexicon never saw), and 0 for
// stems of no lexicon word and with other options.
func TestStemID(t *testing.T) {
	const text = `وقال المتحدث باسم الوزارة إن الوزراء وافقوا على الخطة. فبمفاوضاتهم
	وبمفاوضاتنا مع المفاوضين، ومفاوضات الطاقه الجديدة 2024 في واشنطن وبواشنطن
	وكالمدرسة والمدارس، ثم زيلينسكيوفيتشانو وفزيلينسكيوفيتشانو. Reuters`
	a := New(DefaultOptions())
	byStem := map[string]uint32{}
	byID := map[uint32]string{}
	withID, cold := 0, 0
	for _, tok := range a.Analyze(text) {
		if tok.Stem == "" {
			continue
		}
		if id, ok := byStem[tok.Stem]; ok && id != tok.StemID {
			t.Errorf("stem %q: StemID %d and %d", tok.Stem, id, tok.StemID)
		}
		byStem[tok.Stem] = tok.StemID
		if tok.StemID == 0 {
			continue
		}
		withID++
		if s, ok := byID[tok.StemID]; ok && s != tok.Stem {
			t.Errorf("StemID %d of %q and %q", tok.StemID, s, tok.Stem)
		}
		byID[tok.StemID] = tok.Stem
		if id := a.lex.StemID(tok.Stem); id != tok.StemID {
			t.Errorf("Lexicon.StemID(%q) = %d, want %d", tok.Stem, id, tok.StemID)
		}
		if _, ok := a.table.lookup(normalizedString(tok.Text, a.stemNorm)); !ok {
			cold++ // stemmed, not found in the table
		}
	}
	for id, s := range byID {
		for id2, s2 := range byID {
			if id < id2 != (s < s2) {
				t.Errorf("StemID %d of %q, %d of %q: not in byte order", id, s, id2, s2)
			}
		}
	}
	if withID < 10 || cold == 0 {
		t.Errorf("%d tokens with a StemID, %d of them stemmed: want at least 10 and 1", withID, cold)
	}
	for s, id := range byStem {
		if id != 0 && (s[0] < 0x80 || s == "زيلينسكيوفيتشانو") {
			t.Errorf("StemID of %q = %d, want 0: no lexicon word has that stem", s, id)
		}
	}
	if _, ok := byStem["زيلينسكيوفيتشانو"]; !ok {
		t.Errorf("no token of stem زيلينسكيوفيتشانو: %v", byStem)
	}
	opts := DefaultOptions()
	opts.Normalize.FoldTehMarbuta = false
	for _, tok := range New(opts).Analyze(text) {
		if tok.StemID != 0 {
			t.Errorf("teh marbuta kept: %q has StemID %d, want 0", tok.Text, tok.StemID)
		}
	}
}

// normalizedString returns s normalized with opts.
func normalizedString(s string, opts NormalizeOptions) string {
	return string(AppendNormalized(nil, s, opts))
}
