package entity

import "testing"

// taggedInput prepares text as Entities does, with the tagger's mentions
// of type typ on the tokens [i, j) of each span (i, j, typ).
func taggedInput(text string, spans ...[3]int) (ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool) {
	labels, toks, words, keys, breaks = untaggedInput(text)
	for _, s := range spans {
		i, j, typ := s[0], s[1], s[2]
		labels[i] = typ
		for k := i + 1; k < j; k++ {
			labels[k] = typ + 1
		}
		ms = append(ms, newMention(typ, i, j, toks, words, keys))
	}
	return ms, labels, toks, words, keys, breaks
}

// ruleCase is a sentence, the tagger's mentions on it (see taggedInput)
// and the mentions a rule should leave.
type ruleCase struct {
	text  string
	spans [][3]int
	want  string
}

// checkRule runs the rule r on each case.
func checkRule(t *testing.T, r rule, cases []ruleCase) {
	t.Helper()
	tg := defaultTagger(t)
	for _, c := range cases {
		ms, labels, toks, words, keys, breaks := taggedInput(c.text, c.spans...)
		if got := mentionTexts(r(tg, ms, labels, toks, words, keys, breaks)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

func TestLetterAcronyms(t *testing.T) {
	checkRule(t, func(_ *Tagger, ms []mention, _ []int, toks []Token, words, keys []string, breaks []bool) []mention {
		return letterAcronyms(ms, toks, words, keys, breaks)
	}, []ruleCase{
		// Full stops cut the run into sentences, the tagger tags its letters.
		{"وقالت شبكة بي . بي . سي إن الوفد وصل", [][3]int{{2, 3, 3}, {4, 5, 3}, {6, 7, 3}}, "ORG:بي . بي . سي"},
		// With full stops the run counts untagged, the article on its first letter too.
		{"عمل سنوات في الكي . جي . بي . قبل أن يستقيل", nil, "ORG:الكي . جي . بي"},
		// Untagged without full stops: only in quotation marks or brackets.
		{"وطرحت شركتا « إل جي » و « سامسونج » هواتف جديدة", [][3]int{{8, 9, 3}}, "ORG:إل جي|ORG:سامسونج"},
		{"وقالت وكالة الأمن القومي ( أن أس أيه ) إنها تراقب", nil, "ORG:أن أس أيه"},
		{"وكان صاروخ إف تي يحلق فوق المدينة", nil, ""},
		// The tagger's letter extends to the run; in, that: words at its edges.
		{"وقال مراسل سي إن إن في بغداد إن الوضع هادئ", [][3]int{{2, 3, 3}}, "ORG:سي إن إن"},
		{"وقال مصدر لـ بي بي سي إن الوفد وصل", [][3]int{{3, 5, 3}}, "ORG:بي بي سي"},
		// A word's organization after the run with full stops joins it.
		{"وشاركت شركة سي . أس . أم . ديداكتيك في المعرض", [][3]int{{2, 3, 3}, {8, 9, 3}}, "ORG:سي . أس . أم . ديداكتيك"},
		// A model's number after the run, a person's initials, a vitamin: no acronym.
		{"وطرحت الشركة « كي جي 320 » في الأسواق", nil, ""},
		{"وكتبت جي . كيه . رولينج روايتها الجديدة", [][3]int{{5, 6, 1}}, "PER:رولينج"},
		{"تناول فيتامين سي أو الحديد يوميا", [][3]int{{2, 3, 3}}, "ORG:سي"},
		// Letters that are words alone: في بي (in me).
		{"وقال إنه يثق بي في كل شيء", nil, ""},
	})
}

func TestCoordinatedBodies(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"البنك الدولي وصندوق النقد الدولي", "ORG:البنك الدولي|ORG:وصندوق النقد الدولي"},
		{"مجلس الأمن والمجلس الاقتصادي والاجتماعي", "ORG:مجلس الأمن|ORG:والمجلس الاقتصادي والاجتماعي"},
		// و before a word that is no body: one name.
		{"المجلس الاقتصادي والاجتماعي", "ORG:المجلس الاقتصادي والاجتماعي"},
		{"وزارة التربية والتعليم", "ORG:وزارة التربية والتعليم"},
	} {
		if got := mentionTexts(coordinatedBodies([]mention{mentionOf(3, 0, c.name)})); got != c.want {
			t.Errorf("coordinatedBodies(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	// Persons and places are left to splitCoordinated.
	if got := mentionTexts(coordinatedBodies([]mention{mentionOf(5, 0, "شارع المجلس ومجلس المدينة")})); got != "LOC:شارع المجلس ومجلس المدينة" {
		t.Errorf("a place split: %q", got)
	}
}

func TestScopeNames(t *testing.T) {
	checkRule(t, func(_ *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool) []mention {
		return scopeNames(ms, labels, toks, words, keys, breaks)
	}, []ruleCase{
		{"وصوت مجلس الأمن الدولي على القرار", [][3]int{{1, 3, 3}}, "ORG:مجلس الأمن الدولي"},
		{"وقالت منظمة الصحة العالمية إن الوباء انتشر", [][3]int{{1, 3, 3}}, "ORG:منظمة الصحة العالمية"},
		// A country's nisba is no part of the name; nor is a word the tagger tagged.
		{"وأعلن نادي ليون الفرنسي ضم اللاعب", [][3]int{{2, 3, 3}}, "ORG:ليون"},
		{"وقال البنك الدولي الأوروبي", [][3]int{{1, 2, 3}, {2, 4, 5}}, "ORG:البنك|LOC:الدولي الأوروبي"},
		// In a sports report الدولي after a club is a player's title.
		{"سجل مدافع مرسيليا الدولي هدفا في المباراة بعد ضربة جزاء في الدوري", [][3]int{{2, 3, 3}}, "ORG:مرسيليا"},
	})
}

func TestLatinGlosses(t *testing.T) {
	checkRule(t, func(_ *Tagger, ms []mention, _ []int, toks []Token, words, keys []string, _ []bool) []mention {
		return latinGlosses(ms, toks, words, keys)
	}, []ruleCase{
		{"وأعلنت جامعة زيتون ( Zaytoun University ) عن برنامج جديد", [][3]int{{1, 3, 3}}, "ORG:جامعة زيتون|ORG:Zaytoun University"},
		// After the closing quotation mark, the body's noun before the opening one.
		{"وقال مدير شركة « زيتونكو » ( ZaytounCo ) إن المبيعات ارتفعت", [][3]int{{4, 5, 3}}, "ORG:زيتونكو|ORG:ZaytounCo"},
		// Small words uncapitalized, marks between words; the tagger's mention inside gives way.
		{"ووقعت مؤسسة زيتون للبحوث ( Institute of Zaytoun & Co ) الاتفاق", [][3]int{{1, 4, 3}, {6, 7, 3}}, "ORG:مؤسسة زيتون للبحوث|ORG:Institute of Zaytoun & Co"},
		// No body's noun: a product in quotation marks.
		{"ويتيح تطبيق « زيتون شات » ( Zaytoun Chat ) الدردشة", [][3]int{{3, 5, 3}}, "ORG:زيتون شات"},
		// A common word in Latin letters, a person's mention: no gloss.
		{"وطرحت شركة زيتونكو ( smartwatch ) جديدة", [][3]int{{2, 3, 3}}, "ORG:زيتونكو"},
		{"وقال الباحث كريم زيتون ( Karim Zaytoun ) إن النتائج مهمة", [][3]int{{2, 4, 1}}, "PER:كريم زيتون"},
	})
}

func TestDefiniteBodies(t *testing.T) {
	checkRule(t, (*Tagger).definiteBodies, []ruleCase{
		{"وقالت المنظمة الدولية إن الوضع خطير", nil, "ORG:المنظمة الدولية"},
		{"وأعلن البنك التجاري عن أرباحه", nil, "ORG:البنك التجاري"},
		{"وطالب رئيس للجامعة العربية بالحل", nil, "ORG:للجامعة العربية"},
		// The adjective must agree: a feminine one after البنك qualifies the noun before it.
		{"وفق متطلبات البنك الرأسمالية الجديدة", nil, ""},
		// A country's nisba, a describing adjective, الأخرى: no body's name.
		{"وقرر الاتحاد الكويتي تعيين مدرب", nil, ""},
		{"وتنظم الجامعة الصيفية دورات", nil, ""},
		{"وأكدت الجامعة الأخرى موقفها", nil, ""},
		// A head the tagger tagged, or a common head: left alone.
		{"وقالت المنظمة الدولية إن الوضع خطير", [][3]int{{1, 3, 3}}, "ORG:المنظمة الدولية"},
		{"وانعقد المجلس البلدي أمس", nil, ""},
	})
}

func TestClubRepeats(t *testing.T) {
	// A sports report: three words of sportWords or more.
	const report = " . وانتهت المباراة بالتعادل في الدوري بعد هدف في الشوط الأول"
	checkRule(t, func(tg *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, _ []bool) []mention {
		return tg.clubRepeats(ms, labels, toks, words, keys)
	}, []ruleCase{
		// The club after فريق, again untagged: after a noun, not after a word with the article nor before one.
		{"وفاز فريق الزيتون على ضيفه . وأنقذ حارس الزيتون مرماه" + report, [][3]int{{2, 3, 3}}, "ORG:الزيتون|ORG:الزيتون"},
		{"وفاز فريق الزيتون على ضيفه . وزار الوفد الساحل الزيتون" + report, [][3]int{{2, 3, 3}}, "ORG:الزيتون"},
		{"وفاز فريق الزيتون على ضيفه . وزار الزيتون الأخضر المدينة" + report, [][3]int{{2, 3, 3}}, "ORG:الزيتون"},
		// A team of work is no club; nor is the word outside a sports report.
		{"وقال فريق العمل إن الخطة جاهزة . وأكمل العمل أمس" + report, [][3]int{{2, 3, 3}}, "ORG:العمل"},
		{"وفاز فريق الزيتون على ضيفه . وأنقذ حارس الزيتون مرماه", [][3]int{{2, 3, 3}}, "ORG:الزيتون"},
	})
}
