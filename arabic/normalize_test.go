package arabic

import "testing"

func TestNormalizeOptions(t *testing.T) {
	var none NormalizeOptions
	tests := []struct {
		name string
		set  func(*NormalizeOptions)
		in   string
		want string
	}{
		{"NFKC lam-alef ligature", func(o *NormalizeOptions) { o.NFKC = true }, "\ufefb", "لا"},
		{"NFKC presentation forms", func(o *NormalizeOptions) { o.NFKC = true }, "\ufe8d\ufedf\ufeb4\ufefc\ufee1", "السلام"},
		{"NFKC off", func(o *NormalizeOptions) {}, "\ufefb", "\ufefb"},
		{"digits arabic-indic", func(o *NormalizeOptions) { o.FoldDigits = true }, "٢٠٢١", "2021"},
		{"digits persian", func(o *NormalizeOptions) { o.FoldDigits = true }, "۱۹۹۸", "1998"},
		{"digits decimal separator", func(o *NormalizeOptions) { o.FoldDigits = true }, "١٩٫٥", "19.5"},
		{"digits off", func(o *NormalizeOptions) {}, "٢٠٢١", "٢٠٢١"},
		{"harakat", func(o *NormalizeOptions) { o.StripDiacritics = true }, "الحُوَار", "الحوار"},
		{"tanwin and shadda", func(o *NormalizeOptions) { o.StripDiacritics = true }, "مُهِمٌّ", "مهم"},
		{"tatweel", func(o *NormalizeOptions) { o.StripDiacritics = true }, "مسـؤول", "مسؤول"},
		{"dagger alef", func(o *NormalizeOptions) { o.StripDiacritics = true }, "هٰذا", "هذا"},
		{"diacritics off", func(o *NormalizeOptions) {}, "الحُوَار", "الحُوَار"},
		{"alef variants", func(o *NormalizeOptions) { o.FoldAlef = true }, "أإآٱ", "اااا"},
		{"alef off", func(o *NormalizeOptions) {}, "أحمد", "أحمد"},
		{"alef maksura", func(o *NormalizeOptions) { o.FoldYeh = true }, "الروسى", "الروسي"},
		{"teh marbuta", func(o *NormalizeOptions) { o.FoldTehMarbuta = true }, "مدرسة", "مدرسه"},
		{"persian yeh and kaf", func(o *NormalizeOptions) { o.FoldPersian = true }, "یکی", "يكي"},
		{"persian heh", func(o *NormalizeOptions) { o.FoldPersian = true }, "ۀہ", "هه"},
		{"hamza on waw", func(o *NormalizeOptions) { o.FoldHamza = true }, "مسؤول", "مسوول"},
		{"hamza on yeh", func(o *NormalizeOptions) { o.FoldHamza = true }, "رئيس", "رييس"},
		{"hamza off", func(o *NormalizeOptions) {}, "رئيس", "رئيس"},
		{"lower case", func(o *NormalizeOptions) { o.LowerCase = true }, "ABC News", "abc news"},
		{"invalid bytes dropped", func(o *NormalizeOptions) {}, "a\xffb", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := none
			tt.set(&o)
			if got := Normalize(tt.in, o); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got, want := unchanged(tt.in, o), Normalize(tt.in, o) == tt.in; got != want {
				t.Errorf("unchanged(%q) = %v, want %v", tt.in, got, want)
			}
		})
	}
}

func TestDefaultNormalize(t *testing.T) {
	o := DefaultNormalizeOptions()
	if o.FoldHamza {
		t.Error("FoldHamza is on by default")
	}
	for in, want := range map[string]string{
		"الرُّوسِىّ":    "الروسي",
		"إسْتِراتيجيّة": "استراتيجيه",
		"مسؤول":         "مسؤول",
		"ABC ٢٠٢١":      "abc 2021",
	} {
		if got := Normalize(in, o); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStopwordsAfterNormalization(t *testing.T) {
	a := New(DefaultOptions())
	for _, w := range []string{"في", "فِي", "فى", "وفي", "إلى", "الى", "إلَى", "هذه", "الذي"} {
		if toks := a.Analyze(w); len(toks) != 1 || !toks[0].Stop {
			t.Errorf("%q is not marked as a stopword: %+v", w, toks)
		}
		if terms := a.Terms(w); len(terms) != 0 {
			t.Errorf("Terms(%q) = %q, want none", w, terms)
		}
	}
	for _, w := range []string{"الحوار", "واشنطن", "فيلم", "منطقة"} {
		if toks := a.Analyze(w); len(toks) != 1 || toks[0].Stop {
			t.Errorf("%q is marked as a stopword", w)
		}
	}
	opts := DefaultOptions()
	opts.Stopwords = false
	if toks := New(opts).Analyze("فِي"); len(toks) != 1 || toks[0].Stop || toks[0].Stem != "في" {
		t.Errorf("with Stopwords off, فِي = %+v, want a term في", toks)
	}
	if !a.IsStopword("في") || a.IsStopword("حوار") {
		t.Error("IsStopword is wrong")
	}
}
