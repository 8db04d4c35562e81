package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad/marsad/arabic"
	"github.com/marsad/marsad/article"
)

func TestAddNames(t *testing.T) {
	for _, c := range []struct {
		name, text string
		given      []article.Entity
		want       []string // canonical name: mention texts joined by |
	}{
		{
			name: "spokesperson's organization and its other mentions",
			text: "وقالت المتحدثة باسم المفوضية الأوروبية، إن الاتفاق قريب. ورحبت المفوضية الأوروبية بالخطوة.",
			want: []string{"المفوضية الأوروبية: المفوضية الأوروبية|المفوضية الأوروبية"},
		},
		{
			name: "clitic on a later mention, head noun before the name",
			text: "وأكد المتحدث باسم البيت الأبيض أن الزيارة تأجلت. وفي بيان للبيت الأبيض، وصفها بالمهمة. وقال موظفو البيت الأبيض إن الأمر مؤسف.",
			want: []string{"البيت الأبيض: البيت الأبيض|لبيت الأبيض|البيت الأبيض"},
		},
		{
			name: "a longer name is another name",
			text: "وقال المتحدث باسم الخارجية الأمريكية إن الوفد وصل. وأعلنت وزارة الخارجية الأمريكية أمس أن الوفد وصل.",
			want: []string{"الخارجية الأمريكية: الخارجية الأمريكية"},
		},
		{
			name: "one word after باسم is a common noun",
			text: "وقال المتحدث باسم الجيش إن الهجوم صد. وأعلن الجيش مقتل عشرة.",
		},
		{
			name: "a description before the name in quotes",
			text: "وقال المتحدث باسم الرئاسة الفرنسية \"الإليزيه\" إن القمة ستعقد.",
		},
		{
			name: "a person's title after باسم",
			text: "وقال المتحدث باسم الرئيس الفرنسي إن القمة ستعقد.",
		},
		{
			name: "an army and its country's nisba is no organization",
			text: "وقال متحدث باسم الجيش الإسرائيلي إن الهجوم صد. وقال المتحدث باسم القوات المسلحة السودانية إن الهجوم صد.",
		},
		{
			name: "a person's title after باسم without the article",
			text: "وقالت الناطقة باسم رئيس الوزراء الإسرائيلي إن القمة ستعقد.",
		},
		{
			name: "a military rank ends the organization's name",
			text: "وقال المتحدث باسم الجيش العقيد جون باراديس إن الهجوم صد.",
		},
		{
			name: "a rank after a name of two words",
			text: "وقال المتحدث باسم القيادة المركزية النقيب جون باراديس إن الهجوم صد.",
			want: []string{"القيادة المركزية: القيادة المركزية"},
		},
		{
			name: "news agency, plain and quoted",
			text: "وفقا لوكالة أنباء رامتا الحكومية، فإن الوفد وصل. وذكرت وكالة أنباء \"رامتا\" أن المحادثات بدأت.",
			want: []string{"وكالة أنباء رامتا: وكالة أنباء رامتا|وكالة أنباء \"رامتا\""},
		},
		{
			name: "outlet in quotes or Latin letters after its description",
			text: "ونقلت صحيفة «الميزان» اليومية عن مصادر أن الوفد وصل، بحسب قناة \"Tele Norte\" وشبكة الأخبار المحلية «نبض».",
			want: []string{"الميزان: الميزان", "Tele Norte: Tele Norte", "نبض: نبض"},
		},
		{
			name: "the tagger found an agency's name without its head noun",
			text: "وفقا لوكالة أنباء رامتا الحكومية، فإن الوفد وصل. وقالت رامتا إن المحادثات بدأت.",
			given: []article.Entity{{Text: "رامتا", Type: article.ORG,
				Mentions: []article.Span{{Start: 18, End: 23}, {Start: 55, End: 60}}}},
			want: []string{"وكالة أنباء رامتا: وكالة أنباء رامتا|رامتا"},
		},
		{
			name: "the same, quoted",
			text: "وذكرت وكالة أنباء \"رامتا\" أن المحادثات بدأت.",
			given: []article.Entity{{Text: "رامتا", Type: article.ORG,
				Mentions: []article.Span{{Start: 19, End: 24}}}},
			want: []string{"وكالة أنباء رامتا: وكالة أنباء \"رامتا\""},
		},
		{
			name: "a place after أنباء stays a place",
			text: "وفقا لوكالة أنباء رامتا الحكومية، فإن الوفد وصل.",
			given: []article.Entity{{Text: "رامتا", Type: article.LOC,
				Mentions: []article.Span{{Start: 18, End: 23}}}},
			want: []string{"رامتا: رامتا"},
		},
		{
			name: "a name the tagger found is left alone",
			text: "وقال المتحدث باسم البيت الأبيض إن الزيارة تأجلت.",
			given: []article.Entity{{Text: "البيت الأبيض", Type: article.ORG,
				Mentions: []article.Span{{Start: 18, End: 30}}}},
			want: []string{"البيت الأبيض: البيت الأبيض"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			es := addNames(c.text, arabic.Tokenize(c.text), c.given)
			rs := []rune(c.text)
			var got []string
			for _, e := range es {
				if e.Type != article.ORG && !slices.ContainsFunc(c.given, func(g article.Entity) bool { return g.Text == e.Text && g.Type == e.Type }) {
					t.Errorf("%s: type %s, want ORG", e.Text, e.Type)
				}
				var ms []string
				for _, m := range e.Mentions {
					ms = append(ms, string(rs[m.Start:m.End]))
				}
				got = append(got, e.Text+": "+strings.Join(ms, "|"))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestAddNamesBadInput(t *testing.T) {
	for _, s := range []string{"", "\xff\xfe", "المتحدث باسم", "وكالة أنباء", "قناة \"", "قناة «» ال", "المتحدث باسم ال\xffبيت الأبيض"} {
		es := addNames(s, arabic.Tokenize(s), nil)
		n := len([]rune(s))
		for _, e := range es {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Errorf("%q: bad span %+v", s, m)
				}
			}
		}
	}
}

func FuzzAddNames(f *testing.F) {
	for _, s := range []string{
		"وقالت المتحدثة باسم المفوضية الأوروبية، إن الاتفاق قريب. ورحبت المفوضية الأوروبية بالخطوة.",
		"وذكرت وكالة أنباء \"رامتا\" أن المحادثات بدأت، بحسب قناة \"Tele Norte\".",
		"المتحدث باسم ال\xffبيت", "قناة «", "وكالة أنباء",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		toks := arabic.Tokenize(s)
		checkAnchors(t, s, toks)
		for _, e := range addNames(s, toks, nil) {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > n || m.Start >= m.End {
					t.Fatalf("%q: bad span %+v of %q", s, m, e.Text)
				}
			}
		}
	})
}

func TestJoinShortForms(t *testing.T) {
	ent := func(typ, text string, starts ...int) article.Entity {
		e := article.Entity{Text: text, Type: typ}
		for _, s := range starts {
			e.Mentions = append(e.Mentions, article.Span{Start: s, End: s + 3})
		}
		return e
	}
	for _, c := range []struct {
		name  string
		given []article.Entity
		want  []string // TYPE name: mention starts
	}{
		{
			name:  "an outlet without its head noun",
			given: []article.Entity{ent("ORG", "وكالة أنباء رويترز", 10), ent("PER", "جان دوبون", 30), ent("ORG", "رويترز", 50, 5)},
			want:  []string{"ORG وكالة أنباء رويترز: 5 10 50", "PER جان دوبون: 30"},
		},
		{
			name:  "a movement without its head noun, named first",
			given: []article.Entity{ent("ORG", "حماس", 3), ent("ORG", "حركة حماس", 20)},
			want:  []string{"ORG حركة حماس: 3 20"},
		},
		{
			name:  "another type is another entity",
			given: []article.Entity{ent("ORG", "صحيفة الرياض", 3), ent("LOC", "الرياض", 20)},
			want:  []string{"ORG صحيفة الرياض: 3", "LOC الرياض: 20"},
		},
		{
			name:  "a ministry's short form is not its name",
			given: []article.Entity{ent("ORG", "وزارة الخارجية", 3), ent("ORG", "الخارجية", 20)},
			want:  []string{"ORG وزارة الخارجية: 3", "ORG الخارجية: 20"},
		},
	} {
		var got []string
		for _, e := range joinShortForms(c.given) {
			s := e.Type + " " + e.Text + ":"
			for _, m := range e.Mentions {
				s += " " + strconv.Itoa(m.Start)
			}
			got = append(got, s)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// The definitions that anchorsIn and anchoredIn compute faster.

func anchored(toks []arabic.Token, i int) bool {
	return i+1 < len(toks) && containsAny(toks[i+1].Text, spokesAnchors[:]) || containsAny(toks[i].Text, mediaAnchors[:])
}

func containsAny(s string, subs []string) bool {
	for _, a := range subs {
		if strings.Contains(s, a) {
			return true
		}
	}
	return false
}

func mayName(text string) bool {
	return containsAny(text, spokesAnchors[:]) || containsAny(text, mediaAnchors[:])
}

func TestMarkAnchors(t *testing.T) {
	for _, text := range []string{
		"",
		"قال المتحدث باسم الحكومة إن الوزير وصل",
		"ذكرت وكالة الأنباء وصحيفة الرياض أن",
		"نقلت قناة العربية عن مصادر لقناةٍ وللقناة",
		"لا شيء هنا سوى كلام عادي",
		"بإسم الشعب، وشبكة سي إن إن وإذاعة لندن وتلفزيون دبي باسم",
		"مجلةمجلة صحيفة.صحيفة",
		"\xd8باسم \xd9\xd8قناة جريدةٌ تلفزيون", // a lone lead byte before an anchor
		"قناة",
	} {
		checkAnchors(t, text, arabic.Tokenize(text))
	}
}

// checkAnchors checks nameFinder's markAnchors and anchored on text, whose
// tokens are toks, against their definitions (mayName, anchored).
func checkAnchors(t *testing.T, text string, toks []arabic.Token) {
	t.Helper()
	var f nameFinder
	if got, want := f.markAnchors(text, toks), mayName(text); got != want {
		t.Errorf("markAnchors(%q) = %v, mayName %v", text, got, want)
	}
	for i := range toks {
		if got, want := f.anchored(i), anchored(toks, i); got != want {
			t.Errorf("%q token %d %q: nameFinder.anchored %v, anchored %v", text, i, toks[i].Text, got, want)
		}
	}
}

func TestTaMarbutaLast(t *testing.T) {
	if ta := "ة"; ta[len(ta)-1] != taMarbutaLast {
		t.Errorf("taMarbutaLast = %#x, the last byte of ة is %#x", taMarbutaLast, ta[len(ta)-1])
	}
}

// TestEntityHead checks entityHead against entityWords's definition: the
// fields of the normalized name, the first without a proclitic before ال.
func TestEntityHead(t *testing.T) {
	for _, name := range []string{
		"", " ", "حماس", "حركة حماس", "  وكالة   أنباء تاس ", "والحكومة السودانية",
		"للجزيرة", "بالأمم المتحدة", "قناة\tالجزيرة\nمباشر", "وزارة الخارجيّة", "\xff حزب",
	} {
		ws := strings.Fields(arabic.Normalize(name, arabic.DefaultNormalizeOptions()))
		want := ""
		if len(ws) > 0 {
			want = ws[0]
			if p, b, art := splitProclitic(ws[0]); p != "" && art {
				want = b
			}
		}
		head, rest := entityHead(name)
		if rest := strings.Fields(rest); head != want || len(ws) > 0 && !slices.Equal(rest, ws[1:]) {
			t.Errorf("entityHead(%q) = %q, %q; want %q and the fields %q", name, head, rest, want, ws)
		}
		wantWords := slices.Clone(ws)
		if len(ws) > 0 {
			wantWords[0] = want
		}
		if got := entityWords(name); !slices.Equal(got, wantWords) {
			t.Errorf("entityWords(%q) = %q, want %q", name, got, wantWords)
		}
	}
}
