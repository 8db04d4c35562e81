package arabic

import "testing"

// TestStemConflates checks groups of spellings that must share one term.
func TestStemConflates(t *testing.T) {
	a := New(DefaultOptions())
	groups := []struct {
		name  string
		words []string
	}{
		{"prefix stacks", []string{"المدينة", "بالمدينة", "وبالمدينة", "فبالمدينة", "فالمدينة", "للمدينة", "وللمدينة", "فللمدينة", "وكالمدينة"}},
		{"conjunction and preposition", []string{"لندن", "بلندن", "وبلندن", "فبلندن", "ولندن"}},
		{"pronoun suffixes", []string{"كتاب", "كتابه", "كتابها", "كتابهم", "كتابكم", "كتابهما", "كتابنا", "كتابكما", "كتابهن"}},
		{"verb forms", []string{"استخدم", "يستخدم", "تستخدم", "يستخدمون", "سيستخدم", "استخدموا"}},
		{"verb person", []string{"قال", "قالت", "قالوا", "وقال", "يقول", "تقول"}},
		{"conjunction before a verb", []string{"اضاف", "واضاف", "واضافت", "اضافت"}},
		{"feminine before a pronoun, broken plural", []string{"منطقة", "منطقتهم", "المناطق", "مناطق"}},
		{"nisba adjective", []string{"الدولي", "الدولية", "الدوليين", "الدوليون"}},
		{"sound plurals", []string{"لاعب", "لاعبون", "اللاعبين", "لاعبة"}},
		{"feminine plural", []string{"الشركة", "الشركات", "شركتهم"}},
		{"plural of the pattern fu'ala'", []string{"وزير", "الوزراء", "وزراء"}},
		{"accusative alef", []string{"كبير", "كبيرا"}},
		{"accusative alef, not a proclitic", []string{"فرد", "فردا"}},
		{"feminine plural of a masculine noun", []string{"منتخب", "منتخبات"}},
		{"construct plural", []string{"مواطن", "مواطنو"}},
		{"accusative alef, not the pronoun نا", []string{"بيان", "بيانا", "بيانًا"}},
		{"rare word with a conjunction", []string{"حزن", "وحزننا", "حزننا"}},
	}
	for _, g := range groups {
		want := a.Terms(g.words[0])
		if len(want) != 1 {
			t.Errorf("%s: Terms(%q) = %q, want one term", g.name, g.words[0], want)
			continue
		}
		for _, w := range g.words[1:] {
			if got := a.Terms(w); len(got) != 1 || got[0] != want[0] {
				t.Errorf("%s: Terms(%q) = %q, want %q as for %q", g.name, w, got, want, g.words[0])
			}
		}
	}
}

func TestStemKeeps(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"بطاطس", "بطاطس"},   // ب is not a preposition here
		{"وزير", "وزير"},     // nor و a conjunction
		{"واشنطن", "واشنطن"}, // nor here
		{"وافق", "وافق"},
		{"وحدة", "وحده"},       // الوحدة: the و belongs to the word
		{"البانيا", "البانيا"}, // a name: not باني, "builder"
		{"يمين", "يمين"},       // not an imperfect verb
		{"تقرير", "تقرير"},
		{"ولاية", "ولايه"}, // not a nisba
		{"قضية", "قضيه"},   // nor this
		{"يدعو", "يدعو"},   // not a construct plural
		{"abc", "abc"},
		{"", ""},
		{"في", "في"},
	} {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestStemSeparates checks words of different lemmas that a careless
// stemmer merges.
func TestStemSeparates(t *testing.T) {
	an := New(DefaultOptions())
	for _, p := range [][2]string{
		{"الدولية", "الدول"},   // international, countries
		{"كتاب", "مكتب"},       // book, office
		{"لجنة", "جنة"},        // committee, paradise
		{"البانيا", "باني"},    // Albania, builder
		{"الاسلام", "السلام"},  // Islam, peace
		{"الحكومة", "الحكومي"}, // government, governmental
		{"الدولة", "الدول"},    // state, countries
		{"الخلافة", "الخلاف"},  // caliphate, disagreement
		{"يلحظ", "الحظ"},       // notices, the luck
		{"إيمان", "اليمن"},     // faith, Yemen
		{"إعلان", "علن"},       // announcement, publicly
	} {
		if a, b := an.Terms(p[0]), an.Terms(p[1]); len(a) != 1 || len(b) != 1 || a[0] == b[0] {
			t.Errorf("Terms(%q) = %q, Terms(%q) = %q, want one term each, different", p[0], a, p[1], b)
		}
	}
}

// TestStemRules checks the stemmer without a lexicon.
func TestStemRules(t *testing.T) {
	opts := DefaultOptions()
	opts.NoLexicon = true
	a := New(opts)
	for _, g := range [][]string{
		{"المدينة", "وبالمدينة", "فللمدينة", "وكالمدينة", "فبالمدينة", "والمدينة"},
		{"كتاب", "كتابهم", "كتابهما", "كتابكما"},
		{"الدولي", "الدولية", "الدوليين"},
		{"الروسى", "الروسي"},
		{"٢٠٢١", "2021"},
		{"الحُوَار", "الحوار"},
		{"للكونغرس", "الكونغرس"},
		{"مسـؤول", "مسؤول"},
		{"وواشنطن", "وبواشنطن"}, // but واشنطن loses its و: without a lexicon, و+ا is ambiguous
	} {
		want := a.Terms(g[0])
		for _, w := range g[1:] {
			if got := a.Terms(w); len(got) != 1 || len(want) != 1 || got[0] != want[0] {
				t.Errorf("rules only: Terms(%q) = %q, want %q as for %q", w, got, want, g[0])
			}
		}
	}
	if got := StemRules("بطاطس"); got != "بطاطس" {
		t.Errorf("StemRules(بطاطس) = %q", got)
	}
}

func TestNameKey(t *testing.T) {
	key := func(s string) string { return NameKey(Stem(Normalize(s, DefaultNormalizeOptions()))) }
	for _, p := range [][2]string{{"ترامب", "ترمب"}, {"بيسكوف", "بيسكوڤ"}, {"كونغرس", "كونجرس"}, {"بوتين", "بوتن"}} {
		if a, b := key(p[0]), key(p[1]); a != b {
			t.Errorf("NameKey: %q → %q, %q → %q, want one key", p[0], a, p[1], b)
		}
	}
	for _, p := range [][2]string{{"محمد", "احمد"}, {"بوتين", "بايدن"}, {"سامي", "سمير"}, {"ترامب", "ترومان"}} {
		if a, b := key(p[0]), key(p[1]); a == b {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q, want different keys", p[0], p[1], a)
		}
	}
}
