package quote

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// ents builds the entities of text from specs "TYPE:canonical name"; the
// mentions are the name and, for a person, the last name, found in the text
// with or without a proclitic.
func ents(text string, specs ...string) []article.Entity {
	var out []article.Entity
	for _, s := range specs {
		typ, name, _ := strings.Cut(s, ":")
		out = append(out, article.Entity{Text: name, Type: typ, Mentions: mentionsOf(text, name, typ)})
	}
	return out
}

type wantQuote struct {
	speaker, verb, text string
	direct              bool
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		ents []string
		want []wantQuote
	}{
		{
			name: "verb-subject with apposition",
			text: "قال دميتري بيسكوف، المتحدث باسم الكرملين، إن روسيا مستعدة للحوار.",
			ents: []string{"PER:دميتري بيسكوف", "ORG:الكرملين", "LOC:روسيا"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "روسيا مستعدة للحوار", false}},
		},
		{
			name: "feminine verb, organization",
			text: "أكدت وزارة الصحة أن عدد الإصابات ارتفع إلى مئة حالة.",
			ents: []string{"ORG:وزارة الصحة"},
			want: []wantQuote{{"وزارة الصحة", "أكدت", "عدد الإصابات ارتفع إلى مئة حالة", false}},
		},
		{
			name: "subject-verb order",
			text: "ماريا زاخاروفا أوضحت أن موسكو لن ترد على الاستفزازات.",
			ents: []string{"PER:ماريا زاخاروفا", "LOC:موسكو"},
			want: []wantQuote{{"ماريا زاخاروفا", "أوضحت", "موسكو لن ترد على الاستفزازات", false}},
		},
		{
			name: "title before the name, colon and guillemets",
			text: "وقال وزير الخارجية أحمد ياسين: «لن نقبل بأي تدخل في شؤوننا».",
			ents: []string{"PER:أحمد ياسين"},
			want: []wantQuote{{"أحمد ياسين", "قال", "لن نقبل بأي تدخل في شؤوننا", true}},
		},
		{
			name: "elided subject with a direct quote",
			text: "قال سامح شكري إن المفاوضات مستمرة.\nوأضاف \"نحن متفائلون بالنتائج\".",
			ents: []string{"PER:سامح شكري"},
			want: []wantQuote{
				{"سامح شكري", "قال", "المفاوضات مستمرة", false},
				{"سامح شكري", "أضاف", "نحن متفائلون بالنتائج", true},
			},
		},
		{
			name: "participle after a non-reporting verb",
			text: "انتقد رجب طيب أردوغان السياسات الأوروبية، قائلاً: \"أوروبا تكيل بمكيالين\".",
			ents: []string{"PER:رجب طيب أردوغان"},
			want: []wantQuote{{"رجب طيب أردوغان", "قائلا", "أوروبا تكيل بمكيالين", true}},
		},
		{
			name: "participle continuation starts a new quote",
			text: "أعلن الجيش الإسرائيلي أنه قصف مواقع في جنوب لبنان، مشيراً إلى أن العملية انتهت.",
			ents: []string{"ORG:الجيش الإسرائيلي", "LOC:لبنان"},
			want: []wantQuote{
				{"الجيش الإسرائيلي", "أعلن", "أنه قصف مواقع في جنوب لبنان", false},
				{"الجيش الإسرائيلي", "مشيرا", "العملية انتهت", false},
			},
		},
		{
			name: "feminine elided verb skips a masculine name",
			text: "قالت هيلاري كلينتون إن الانتخابات كانت نزيهة. ورد دونالد ترامب على تصريحاتها. وأضافت أن الديمقراطية أقوى من الجميع.",
			ents: []string{"PER:هيلاري كلينتون", "PER:دونالد ترامب"},
			want: []wantQuote{
				{"هيلاري كلينتون", "قالت", "الانتخابات كانت نزيهة", false},
				{"هيلاري كلينتون", "أضافت", "الديمقراطية أقوى من الجميع", false},
			},
		},
		{
			name: "no elided speaker after another name",
			text: "قال بيسكوف إن الحوار ممكن. والتقى بوتين نظيره الصيني شي جين بينغ في بكين. وأضاف أن العلاقات ممتازة.",
			ents: []string{"PER:دميتري بيسكوف", "PER:فلاديمير بوتين", "PER:شي جين بينغ", "LOC:بكين"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "الحوار ممكن", false}},
		},
		{
			name: "unnamed official",
			text: "قال مسؤول أمريكي رفيع لوكالة رويترز إن جو بايدن سيزور القاهرة.",
			ents: []string{"PER:جو بايدن", "ORG:رويترز", "LOC:القاهرة"},
			want: nil,
		},
		{
			name: "source citation is not a quote",
			text: "وصل الرئيس إيمانويل ماكرون إلى بيروت، حسبما ذكرت وكالة رويترز.",
			ents: []string{"PER:إيمانويل ماكرون", "ORG:وكالة رويترز", "LOC:بيروت"},
			want: nil,
		},
		{
			name: "scare quotes are not a quote",
			text: "وصف بايدن بوتين بـ\"القاتل\" في مقابلة تلفزيونية.",
			ents: []string{"PER:جو بايدن", "PER:فلاديمير بوتين"},
			want: nil,
		},
		{
			name: "according to at the start of a sentence",
			text: "وبحسب منظمة الصحة العالمية، فإن الوباء لم ينته بعد.",
			ents: []string{"ORG:منظمة الصحة العالمية"},
			want: []wantQuote{{"منظمة الصحة العالمية", "بحسب", "الوباء لم ينته بعد", false}},
		},
		{
			name: "according to with a direct quote",
			text: "ووفقاً لغوتيريش، \"العالم يقف على حافة الهاوية\".",
			ents: []string{"PER:أنطونيو غوتيريش"},
			want: []wantQuote{{"أنطونيو غوتيريش", "وفقا", "العالم يقف على حافة الهاوية", true}},
		},
		{
			name: "reported through an agency",
			text: "نقلت وكالة الأنباء الفرنسية عن مارين لوبان قولها إن فرنسا بحاجة إلى التغيير.",
			ents: []string{"ORG:وكالة الأنباء الفرنسية", "PER:مارين لوبان", "LOC:فرنسا"},
			want: []wantQuote{{"مارين لوبان", "نقلت", "فرنسا بحاجة إلى التغيير", false}},
		},
		{
			name: "attribution after the quotation",
			text: "\"لن نتراجع عن مطالبنا\"، قال نبيه بري.",
			ents: []string{"PER:نبيه بري"},
			want: []wantQuote{{"نبيه بري", "قال", "لن نتراجع عن مطالبنا", true}},
		},
		{
			name: "name inside an adjunct is not the subject",
			text: "وقال خلال لقائه فلاديمير بوتين إن التعاون سيستمر.",
			ents: []string{"PER:فلاديمير بوتين"},
			want: nil,
		},
		{
			name: "name after a preposition is not the subject",
			text: "قال مصدر مقرب من بوتين إن الكرملين لن يعلق.",
			ents: []string{"PER:فلاديمير بوتين", "ORG:الكرملين"},
			want: nil,
		},
		{
			name: "كان ... قد with a subject before the verb",
			text: "كان بوتين قد صرّح أمس بأنه مستعد للقاء.",
			ents: []string{"PER:فلاديمير بوتين"},
			want: []wantQuote{{"فلاديمير بوتين", "صرح", "بأنه مستعد للقاء", false}},
		},
		{
			name: "subject with apposition before the verb",
			text: "جين ساكي، المتحدثة باسم البيت الأبيض، قالت إن الرئيس لن يعتذر.",
			ents: []string{"PER:جين ساكي", "ORG:البيت الأبيض"},
			want: []wantQuote{{"جين ساكي", "قالت", "الرئيس لن يعتذر", false}},
		},
		{
			name: "title bound by an earlier apposition",
			text: "قالت جين ساكي، المتحدثة باسم البيت الأبيض، إن الإدارة تدرس الخيارات. كما أضافت المتحدثة باسم البيت الأبيض أن القرار لم يتخذ بعد.",
			ents: []string{"PER:جين ساكي", "ORG:البيت الأبيض"},
			want: []wantQuote{
				{"جين ساكي", "قالت", "الإدارة تدرس الخيارات", false},
				{"جين ساكي", "أضافت", "القرار لم يتخذ بعد", false},
			},
		},
		{
			name: "the statement of an organization",
			text: "أكدت وزارة الخارجية في بيان أن السفير استُدعي للتشاور.\nوأضاف البيان: «الوزارة ترفض هذه الاتهامات».",
			ents: []string{"ORG:وزارة الخارجية"},
			want: []wantQuote{
				{"وزارة الخارجية", "أكدت", "السفير استُدعي للتشاور", false},
				{"وزارة الخارجية", "أضاف", "الوزارة ترفض هذه الاتهامات", true},
			},
		},
		{
			name: "unclosed quotation runs to the paragraph end",
			text: "وقال بيسكوف: \"سنواصل العمل مع الجميع\nوفي سياق آخر",
			ents: []string{"PER:دميتري بيسكوف"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "سنواصل العمل مع الجميع", true}},
		},
		{
			name: "feminine verb without a female speaker",
			text: "قال بايدن إن الاقتصاد قوي. وأضافت أن البطالة انخفضت.",
			ents: []string{"PER:جو بايدن"},
			want: []wantQuote{{"جو بايدن", "قال", "الاقتصاد قوي", false}},
		},
		{
			name: "أن after قبل is not a complement",
			text: "قال بايدن قبل أن يغادر إلى أوروبا.",
			ents: []string{"PER:جو بايدن", "LOC:أوروبا"},
			want: nil,
		},
		{
			name: "place is not a speaker",
			text: "قالت موسكو إن العقوبات غير قانونية.",
			ents: []string{"LOC:موسكو"},
			want: nil,
		},
		{
			name: "new clause with its own subject ends the statement",
			text: "قال بايدن إن بوتين قاتل، وردّ بوتين بالقول إن المرء يرى نفسه في الآخرين.",
			ents: []string{"PER:جو بايدن", "PER:فلاديمير بوتين"},
			want: []wantQuote{
				{"جو بايدن", "قال", "بوتين قاتل", false},
				{"فلاديمير بوتين", "بالقول", "المرء يرى نفسه في الآخرين", false},
			},
		},
		{
			name: "verb with ف and a time adverb before the subject",
			text: "فقال أمس الأربعاء وزير الخارجية سيرغي لافروف إن موسكو لن تقبل بالشروط.",
			ents: []string{"PER:سيرغي لافروف", "LOC:موسكو"},
			want: []wantQuote{{"سيرغي لافروف", "قال", "موسكو لن تقبل بالشروط", false}},
		},
		{
			name: "present tense verb",
			text: "ويقول محمد البرادعي إن الحل السياسي ما زال ممكناً.",
			ents: []string{"PER:محمد البرادعي"},
			want: []wantQuote{{"محمد البرادعي", "يقول", "الحل السياسي ما زال ممكناً", false}},
		},
		{
			name: "feminine organization with a feminine participle",
			text: "أعلنت منظمة الصحة العالمية أن الوباء تراجع، مشيرةً إلى أن الخطر لم يزل.",
			ents: []string{"ORG:منظمة الصحة العالمية"},
			want: []wantQuote{
				{"منظمة الصحة العالمية", "أعلنت", "الوباء تراجع", false},
				{"منظمة الصحة العالمية", "مشيرة", "الخطر لم يزل", false},
			},
		},
		{
			name: "participle that does not agree with the subject",
			text: "قال بيسكوف إن الحوار ممكن، مشيرةً إلى أن الموعد لم يحدد.",
			ents: []string{"PER:دميتري بيسكوف"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "الحوار ممكن", false}},
		},
		{
			name: "a reporting verb inside a quotation belongs to the quotation",
			text: "وقال بيسكوف: \"قال بوتين إن الحوار ممكن\".",
			ents: []string{"PER:دميتري بيسكوف", "PER:فلاديمير بوتين"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "قال بوتين إن الحوار ممكن", true}},
		},
		{
			name: "reported speech inside reported speech",
			text: "قال بيسكوف إن بوتين أكد أن الحوار ممكن.",
			ents: []string{"PER:دميتري بيسكوف", "PER:فلاديمير بوتين"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "بوتين أكد أن الحوار ممكن", false}},
		},
		{
			name: "coordinated subjects",
			text: "وقال بوش وبلير إن العراق يشكل خطراً.",
			ents: []string{"PER:جورج بوش", "PER:توني بلير", "LOC:العراق"},
			want: nil,
		},
		{
			name: "diacritics and tatweel on the verb",
			text: "وأشـــارَ عمرو موسى إلى أنّ الجامعة ستجتمع غداً.",
			ents: []string{"PER:عمرو موسى", "ORG:الجامعة العربية"},
			want: []wantQuote{{"عمرو موسى", "أشار", "الجامعة ستجتمع غداً", false}},
		},
		{
			name: "shortened title refers back to the named person",
			text: "وقال المبعوث الخاص للأمم المتحدة إلى سوريا غير بيدرسن إن المحادثات ستستأنف.\nوبحسب مبعوث الأمم المتحدة، فإن الأطراف وافقت على جدول الأعمال.",
			ents: []string{"PER:غير بيدرسن", "ORG:الأمم المتحدة", "LOC:سوريا"},
			want: []wantQuote{
				{"غير بيدرسن", "قال", "المحادثات ستستأنف", false},
				{"غير بيدرسن", "بحسب", "الأطراف وافقت على جدول الأعمال", false},
			},
		},
		{
			name: "unbound title is not resolved",
			text: "وقال بيسكوف إن الحوار ممكن.\nوبحسب المتحدث باسم الخارجية، فإن الموعد لم يحدد.",
			ents: []string{"PER:دميتري بيسكوف"},
			want: []wantQuote{{"دميتري بيسكوف", "قال", "الحوار ممكن", false}},
		},
		{
			name: "kind of organization before its name",
			text: "وقالت حركة حماس في بيان إن الاحتلال يتحمل المسؤولية.",
			ents: []string{"ORG:حماس"},
			want: []wantQuote{{"حماس", "قالت", "الاحتلال يتحمل المسؤولية", false}},
		},
		{
			name: "head of an organization is not the organization",
			text: "وقال رئيس حركة حماس إن المفاوضات متعثرة.",
			ents: []string{"ORG:حماس"},
			want: nil,
		},
		{
			name: "contrasting clause of the narrator ends the statement",
			text: "قال بيسكوف إن موسكو مستعدة للحوار في حين أكد جيك سوليفان أن واشنطن تدرس العرض.",
			ents: []string{"PER:دميتري بيسكوف", "PER:جيك سوليفان", "LOC:موسكو", "LOC:واشنطن"},
			want: []wantQuote{
				{"دميتري بيسكوف", "قال", "موسكو مستعدة للحوار", false},
				{"جيك سوليفان", "أكد", "واشنطن تدرس العرض", false},
			},
		},
		{
			name: "reported through an agency, speaker after a title",
			text: "ونقلت وكالة تاس عن المتحدث باسم الكرملين دميتري بيسكوف قوله إن القمة ممكنة.",
			ents: []string{"PER:دميتري بيسكوف", "ORG:وكالة تاس", "ORG:الكرملين"},
			want: []wantQuote{{"دميتري بيسكوف", "نقلت", "القمة ممكنة", false}},
		},
		{
			name: "according to without a comma",
			text: "وبحسب لافروف فإن العقوبات لن تغير موقف موسكو.",
			ents: []string{"PER:سيرغي لافروف", "LOC:موسكو"},
			want: []wantQuote{{"سيرغي لافروف", "بحسب", "العقوبات لن تغير موقف موسكو", false}},
		},
		{
			name: "according to at the end of a sentence cites a source",
			text: "ارتفع عدد القتلى إلى عشرة، بحسب وزارة الصحة.",
			ents: []string{"ORG:وزارة الصحة"},
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Find(tt.text, ents(tt.text, tt.ents...))
			checkQuotes(t, tt.text, got)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d quotes, want %d:\n%s", len(got), len(tt.want), dump(got))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Speaker != w.speaker || g.Verb != w.verb || g.Text != w.text || g.Direct != w.direct {
					t.Errorf("quote %d = {%s | %s | %s | %v}, want {%s | %s | %s | %v}",
						i, g.Speaker, g.Verb, g.Text, g.Direct, w.speaker, w.verb, w.text, w.direct)
				}
			}
		})
	}
}

func dump(qs []article.Quote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.Speaker + " | " + q.Verb + " | " + q.Text + "\n")
	}
	return b.String()
}

// checkQuotes checks the invariants of Find's output.
func checkQuotes(t *testing.T, text string, qs []article.Quote) {
	t.Helper()
	rs := []rune(text)
	for _, q := range qs {
		if q.Start < 0 || q.End > len(rs) || q.Start >= q.End {
			t.Fatalf("quote span [%d,%d) out of range (len %d)", q.Start, q.End, len(rs))
		}
		if s := string(rs[q.Start:q.End]); s != q.Text {
			t.Fatalf("quote text %q != text[%d:%d] %q", q.Text, q.Start, q.End, s)
		}
		if q.Speaker == "" || q.Verb == "" {
			t.Fatalf("quote without speaker or verb: %+v", q)
		}
	}
}

func TestFindNoEntities(t *testing.T) {
	if qs := Find("قال بيسكوف إن الحوار ممكن.", nil); len(qs) != 0 {
		t.Errorf("Find without entities = %v, want none", qs)
	}
	if qs := Find("", ents("", "PER:دميتري بيسكوف")); len(qs) != 0 {
		t.Errorf("Find on empty text = %v, want none", qs)
	}
}

func TestFindBadMentions(t *testing.T) {
	text := "قال بيسكوف إن الحوار ممكن."
	bad := []article.Entity{{Text: "دميتري بيسكوف", Type: article.PER, Mentions: []article.Span{
		{Start: -3, End: 2}, {Start: 5, End: 1000}, {Start: 4, End: 4}, {Start: 20, End: 10}, {Start: 4, End: 10, In: article.InTitle},
	}}}
	checkQuotes(t, text, Find(text, bad))
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"قال دميتري بيسكوف، المتحدث باسم الكرملين، إن روسيا مستعدة للحوار.",
		"وأضاف بيسكوف \" أكد بوتين مرارا\"، وفقا لوكالة تاس.",
		"كما أضافت المتحدثة، قائلة: «لن نعتمد» و\"غير\"",
		"\"\"\"«»“”\n:،",
		"وقال بيسكوف: \"",
		"\xff\xfeقال بيسكوف إن \xc3",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		es := ents(text, "PER:دميتري بيسكوف", "ORG:الكرملين", "PER:جين ساكي", "LOC:موسكو")
		// Mentions of an arbitrary word, as a noisy tagger would give.
		if n := utf8.RuneCountInString(text); n > 4 {
			es = append(es, article.Entity{Text: "س", Type: article.PER, Mentions: []article.Span{{Start: 1, End: 3}, {Start: n / 2, End: n}}})
		}
		checkQuotes(t, text, Find(text, es))
	})
}

func TestMerge(t *testing.T) {
	text := "قال بيسكوف إن الحوار ممكن، مؤكداً أن موسكو مستعدة. وقال بايدن إن الرد سيأتي، وأضاف أن واشنطن لن تتراجع."
	qs := Find(text, ents(text, "PER:دميتري بيسكوف", "PER:جو بايدن"))
	if len(qs) != 4 {
		t.Fatalf("Find gave %d quotes, want 4:\n%s", len(qs), dump(qs))
	}
	m := Merge(text, qs)
	checkQuotes(t, text, m)
	want := []string{"الحوار ممكن، مؤكداً أن موسكو مستعدة", "الرد سيأتي، وأضاف أن واشنطن لن تتراجع"}
	if len(m) != len(want) {
		t.Fatalf("Merge gave %d quotes, want %d:\n%s", len(m), len(want), dump(m))
	}
	for i, w := range want {
		if m[i].Text != w || m[i].Verb != "قال" {
			t.Errorf("merged %d = %q (%s), want %q (قال)", i, m[i].Text, m[i].Verb, w)
		}
	}
}

func TestDecodeRune(t *testing.T) {
	for b0 := 0; b0 < 256; b0++ {
		for b1 := 0; b1 < 256; b1++ {
			s := string([]byte{byte(b0), byte(b1), 0x80})
			r, n := decodeRune(s, 0)
			wr, wn := utf8.DecodeRuneInString(s)
			if r != wr || n != wn {
				t.Fatalf("decodeRune(% x) = %U,%d, want %U,%d", s, r, n, wr, wn)
			}
		}
	}
}

func TestTokenizeOffsets(t *testing.T) {
	text := "وقَالَ «بيسكوف»: إنّ\xffالحوارَ ممكنٌ\n٢٠٢١ ABC."
	toks, n := tokenize(text)
	if n != utf8.RuneCountInString(text) {
		t.Fatalf("rune count %d, want %d", n, utf8.RuneCountInString(text))
	}
	rs := []rune(text)
	for _, tk := range toks {
		if string(rs[tk.s:tk.e]) != string([]rune(text[tk.bs:tk.be])) {
			t.Errorf("token %q: rune span %q != byte span %q", tk.norm, string(rs[tk.s:tk.e]), text[tk.bs:tk.be])
		}
	}
	var words []string
	for _, tk := range toks {
		if tk.kind == kWord {
			words = append(words, tk.norm)
		}
	}
	want := []string{"وقال", "بيسكوف", "ان", "الحوار", "ممكن", "٢٠٢١", "ABC"}
	if strings.Join(words, " ") != strings.Join(want, " ") {
		t.Errorf("words = %v, want %v", words, want)
	}
}

func TestFindIn(t *testing.T) {
	title := "بيسكوف: قال بوتين إن الحوار ممكن"
	es := ents(title, "PER:فلاديمير بوتين")
	for i := range es[0].Mentions {
		es[0].Mentions[i].In = article.InTitle
	}
	if qs := Find(title, es); len(qs) != 0 {
		t.Errorf("Find used title mentions: %v", qs)
	}
	qs := FindIn(title, es, article.InTitle)
	checkQuotes(t, title, qs)
	if len(qs) != 1 || qs[0].In != article.InTitle || qs[0].Text != "الحوار ممكن" {
		t.Errorf("FindIn = %+v, want one quote in the title: الحوار ممكن", qs)
	}
}

func TestFindEmptyName(t *testing.T) {
	text := "قال بيسكوف إن الحوار ممكن."
	es := ents(text, "PER:دميتري بيسكوف")
	es[0].Text = " "
	if qs := Find(text, es); len(qs) != 0 {
		t.Errorf("Find with an empty name = %v, want none", qs)
	}
}

// TestInvalidUTF8 checks that tokenizeValid reports validity as
// utf8.ValidString does, and that a text with invalid bytes is analyzed as
// its repair (each invalid byte a U+FFFD) is.
func TestInvalidUTF8(t *testing.T) {
	for _, text := range []string{
		"قال بيسكوف إن الحوار ممكن.",
		"\xff\xfeقال بيسكوف إن \xc3",
		"وقال بيسكوف: «الحوار\xed\xa0\x80 ممكن» \xc0\xaf.",
		"قال \ufffdبيسكوف إن الحوار ممكن\xe2\x80",
		"\xf4\x90\x80\x80قالت وزارة الخارجية إن الحوار ممكن",
	} {
		if _, _, ok := tokenizeValid(text); ok != utf8.ValidString(text) {
			t.Errorf("tokenizeValid(%q) valid = %v, want %v", text, ok, !ok)
		}
		es := ents(text, "PER:دميتري بيسكوف")
		got := Analyze(text, es, "")
		fixed := string([]rune(text))
		want := Analyze(fixed, ents(fixed, "PER:دميتري بيسكوف"), "")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Analyze(%q) = %+v, want %+v as for its repair", text, got, want)
		}
	}
}
