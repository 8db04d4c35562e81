package entity

import (
	"strings"
	"testing"
)

// tagSpan marks tokens [i, j) of labels as one mention of type typ and
// returns that mention.
func tagSpan(labels []int, typ, i, j int, toks []Token, words, keys []string) mention {
	labels[i] = typ
	for k := i + 1; k < j; k++ {
		labels[k] = typ + 1
	}
	return newMention(typ, i, j, toks, words, keys)
}

// TestRepeatedNames checks that an untagged repeat of a name the article
// tags elsewhere becomes a mention of its type, and that common words,
// names of two types and repeats inside longer phrases do not.
func TestRepeatedNames(t *testing.T) {
	tg := defaultTagger(t)
	type span struct{ typ, i, j int }
	for _, c := range []struct {
		text   string
		tagged []span
		want   string // the mentions added, in order
	}{
		// One word, without and with a proclitic.
		{"أعلنت شركة نوكيا أرباحا كبيرة . وقالت نوكيا إن الهواتف تباع", []span{{3, 2, 3}}, "ORG:نوكيا"},
		{"أعلنت شركة نوكيا أرباحا كبيرة . وزادت مبيعات الهواتف بنوكيا", []span{{3, 2, 3}}, "ORG:نوكيا"},
		{"وصل الوفد إلى صنعاء أمس . وتبدأ في صنعاء المحادثات", []span{{5, 3, 4}}, "LOC:صنعاء"},
		// Several words, all of them.
		{"دعا مجلس الأمن إلى الهدوء . واجتمع مجلس الأمن أمس", []span{{3, 1, 3}}, "ORG:مجلس الأمن"},
		// A place with the article that the gazetteers know.
		{"زار الوفد العراق أمس . وقال إن العراق شريك", []span{{5, 2, 3}}, "LOC:العراق"},
		// Common words are no names wherever they stand.
		{"قال البنك إن الأرباح زادت . ورفع البنك أسعار الفائدة", []span{{3, 1, 2}}, ""},
		{"قال دين إن الفريق جاهز . ويعد الدين عبئا", []span{{1, 1, 2}}, ""},
		// A name tagged with two types is left alone.
		{"زار جدة أمس . وقالت جدة إن البيت نظيف . وتحدث عن جدة", []span{{5, 1, 2}, {1, 5, 6}}, ""},
		// Next to another mention or before an adjective: a longer phrase.
		{"قال البنك الأهلي إن الأرباح زادت . وزار البنك الأهلي الجديد", []span{{3, 1, 3}}, ""},
		{"زار الوفد العراق أمس . وشارك في العراق الجديد", []span{{5, 2, 3}}, ""},
		{"أعلنت نوكيا أرباحا كبيرة . وقالت سامسونغ نوكيا إن", []span{{3, 1, 2}, {3, 6, 7}}, ""},
		// A sentence break inside a name of two words.
		{"دعا مجلس الأمن إلى الهدوء . واجتمع مجلس . الأمن أمس", []span{{3, 1, 3}}, ""},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.tagged {
			ms = append(ms, tagSpan(labels, s.typ, s.i, s.j, toks, words, keys))
		}
		n := len(ms)
		var added []mention
		for _, m := range tg.repeatedNames(ms, labels, toks, words, keys, breaks, &ruleScratch{}) {
			if labels[m.tok] == 0 {
				added = append(added, m)
			}
		}
		if got := mentionTexts(added); got != c.want || len(ms) != n {
			t.Errorf("%q: added %q, want %q", c.text, got, c.want)
		}
	}
}

// TestClubNames checks that the name after فريق or نادي in a sports report
// is a club's: an organization, with a town's rare nisba or a place after
// it, a second one after و, and a place the tagger found there retyped.
func TestClubNames(t *testing.T) {
	tg := defaultTagger(t)
	const sport = " وانتهت المباراة بالتعادل في الدوري . "
	type span struct{ typ, i, j int }
	for _, c := range []struct {
		text   string
		tagged []span
		want   string // all mentions after the rule
	}{
		{"فاز فريق الحسنية على ضيفه" + sport, nil, "ORG:الحسنية"},
		{"فاز فريق الوداد البيضاوي على ضيفه" + sport, nil, "ORG:الوداد البيضاوي"},
		{"وتعادل فريقي الكوكب والحسنية أمس" + sport, nil, "ORG:الكوكب|ORG:الحسنية"},
		{"وتعادل لفريق كورينثيانز أمس" + sport, nil, "ORG:كورينثيانز"},
		// A country's nisba is no part of the name.
		{"فاز فريق الحسنية السعودي على ضيفه" + sport, nil, "ORG:الحسنية"},
		// A place the tagger found after the noun is the club.
		{"فاز فريق ليون على ضيفه" + sport, []span{{5, 2, 3}}, "ORG:ليون"},
		// A title after the noun is no club; nor a common word.
		{"قال فريق المدرب إن الخطة جاهزة" + sport, nil, ""},
		{"قال فريق من الخبراء إن الخطة جاهزة" + sport, nil, ""},
		// Nor a team of work, in a sports report too.
		{"وقال فريق العمل في النادي إن الملعب جاهز" + sport, nil, ""},
		{"وصل فريق الإنقاذ إلى الملعب بعد المباراة" + sport, nil, ""},
		// The team a team plays: its guest or host (ضيفه، مضيفه), a
		// foreign name untagged or read as a place or person; not a
		// country's nisba (the national team, untagged).
		{"فاز الهلال على ضيفه بلاكستون أمس" + sport, nil, "ORG:بلاكستون"},
		{"خسر الهلال أمام مضيفه ليون أمس" + sport, []span{{5, 4, 5}}, "ORG:ليون"},
		{"تعادل الهلال مع ضيفه بلاكستون أمس" + sport, []span{{1, 4, 5}}, "ORG:بلاكستون"},
		{"فاز المنتخب على ضيفه البوروندي أمس" + sport, nil, ""},
		{"استقبل الوزير ضيفه بلاكستون أمس", nil, ""},
		// Outside sports reports the noun names any team.
		{"وصل فريق التحقيق إلى المدينة أمس", nil, ""},
		{"وصل فريق الحسنية إلى المدينة أمس", nil, ""},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.tagged {
			ms = append(ms, tagSpan(labels, s.typ, s.i, s.j, toks, words, keys))
		}
		if got := mentionTexts(tg.clubNames(ms, labels, toks, words, keys, breaks, newTokenLists(keys))); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestFirstNames checks that a person's mention grows to the untagged word
// before it when the two are a longer name the article tags elsewhere.
func TestFirstNames(t *testing.T) {
	tg := defaultTagger(t)
	type span struct{ typ, i, j int }
	for _, c := range []struct {
		text   string
		tagged []span
		want   string
	}{
		{"وقال طلعت زكريا إن الفيلم جاهز . وأضاف طلعت زكريا أن", []span{{1, 1, 3}, {1, 9, 10}}, "PER:طلعت زكريا|PER:طلعت زكريا"},
		// Not named so elsewhere: the word before is left alone.
		{"وقال طلعت زكريا إن الفيلم جاهز . وأضاف عودة زكريا أن", []span{{1, 1, 3}, {1, 9, 10}}, "PER:طلعت زكريا|PER:زكريا"},
		// A sentence break between them.
		{"وقال طلعت زكريا إن الفيلم جاهز وزار طلعت . زكريا المدينة", []span{{1, 1, 3}, {1, 9, 10}}, "PER:طلعت زكريا|PER:زكريا"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.tagged {
			ms = append(ms, tagSpan(labels, s.typ, s.i, s.j, toks, words, keys))
		}
		if got := mentionTexts(tg.firstNames(ms, labels, toks, words, keys, breaks, &ruleScratch{})); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestTrimNisba checks that the nisba after a foreign organization's name
// is cut, and kept in names built of common words.
func TestTrimNisba(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		typ        int
		name, want string
	}{
		{3, "نوكيا الفنلندية", "نوكيا"},
		{3, "سكاي نيوز البريطانية", "سكاي نيوز"},
		{3, "جامعة الدول العربية", "جامعة الدول العربية"},
		{3, "البنك الأهلي", "البنك الأهلي"},
		{3, "مصرف قطر المركزي", "مصرف قطر المركزي"},
		{3, "للاتحاد الأوروبي", "للاتحاد الأوروبي"},
		// A word the corpus never has is part of a foreign name.
		{3, "غريميو دي بورتو اليغري", "غريميو دي بورتو اليغري"},
		// Places and persons keep theirs.
		{5, "كوريا الشمالية", "كوريا الشمالية"},
	} {
		ms := []mention{mentionOf(c.typ, 0, c.name)}
		tg.trimNisba(ms)
		if got := strings.Join(ms[0].words, " "); got != c.want {
			t.Errorf("trimNisba(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestRefineLeadTitle checks that a title before a person's name, and a
// noun in apposition after it, are cut from the person's mention, and only
// from a person's.
func TestRefineLeadTitle(t *testing.T) {
	for _, c := range []struct {
		typ        int
		name, want string
	}{
		{1, "النقيب فرانك باسكوال", "فرانك باسكوال"},
		{1, "والرئيس جو بايدن", "جو بايدن"},
		{1, "الشيخ الدكتور يوسف", "يوسف"},
		{1, "الرئيس", "الرئيس"}, // one word: left to the other rules
		// Kin and title heads after a name are no part of it.
		{1, "رشيد شقيق", "رشيد"},
		{1, "سوزان مبارك قرينة", "سوزان مبارك"},
		{1, "علي موسى مدير", "علي موسى"},
		{1, "محمد أمين", "محمد أمين"},
		{1, "شقيق", "شقيق"},
		{3, "الرئيس التنفيذي للشركة", "الرئيس التنفيذي للشركة"},
	} {
		ms := refine(nil, []mention{mentionOf(c.typ, 0, c.name)})
		if got := strings.Join(ms[0].words, " "); len(ms) != 1 || got != c.want {
			t.Errorf("refine(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestLinkedNames checks that a person's mention ending with آل, بن or أبو
// takes in the word after it, and a mention starting there.
func TestLinkedNames(t *testing.T) {
	type span struct{ typ, i, j int }
	for _, c := range []struct {
		text   string
		tagged []span
		want   string
	}{
		{"استقبل الشيخ تميم بن حمد آل ثاني الوفد", []span{{1, 2, 6}}, "PER:تميم بن حمد آل ثاني"},
		{"استقبل الشيخ تميم بن حمد آل ثاني الوفد", []span{{1, 2, 6}, {5, 6, 7}}, "PER:تميم بن حمد آل ثاني"},
		{"وقال محمد بن راشد إن", []span{{1, 1, 3}}, "PER:محمد بن راشد"},
		// Not across a sentence break or punctuation.
		{"وقال محمد بن . راشد إن", []span{{1, 1, 3}}, "PER:محمد بن"},
		{"التقى محمد أبو ، ثم", []span{{1, 1, 3}}, "PER:محمد أبو"},
		// Other types are left alone.
		{"زار آل سعود الوفد", []span{{3, 1, 2}}, "ORG:آل"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.tagged {
			ms = append(ms, tagSpan(labels, s.typ, s.i, s.j, toks, words, keys))
		}
		if got := mentionTexts(linkedNames(ms, toks, words, keys, breaks)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestCompanyNames checks that a foreign name after شركة, حركة or صحيفة is
// an organization's, the noun left out, and that common words are not.
func TestCompanyNames(t *testing.T) {
	checkRule(t, listed(func(t *Tagger, ms []mention, labels []int, toks []Token, words, keys []string, breaks []bool, tl *tokenLists) []mention {
		return t.companyNames(ms, labels, toks, words, keys, breaks, tl, &ruleScratch{})
	}), []ruleCase{
		{"وقعت شركة سياكوتا عقدا جديدا", nil, "ORG:سياكوتا"},
		{"وقعت بشركة سياكوتا عقدا جديدا", nil, "ORG:سياكوتا"},
		{"وزادت شركتا سياكوتا وبرامولكس من إنتاجهما", nil, "ORG:سياكوتا|ORG:برامولكس"},
		{"وقالت صحيفة كوريري ديلتو إن", nil, "ORG:كوريري ديلتو"},
		// Common words after the noun: no name.
		{"وقعت شركة نفط عقدا جديدا", nil, ""},
		{"وقعت شركة في المدينة عقدا", nil, ""},
		{"وقعت الشركة الوطنية عقدا", nil, ""},
	})
}

// TestTrimHeads checks that شركة or حركة before a foreign name is cut from
// an organization's mention, and kept before common words and in وكالة.
func TestTrimHeads(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		typ        int
		name, want string
	}{
		{3, "شركة فولكسكار", "فولكسكار"},
		{3, "لشركة فولكسكار موتورز", "فولكسكار موتورز"},
		{3, "شركة قطر للغاز", "شركة قطر للغاز"},
		{3, "حركة المقاومة الإسلامية", "حركة المقاومة الإسلامية"},
		{3, "وكالة فرانسكار", "وكالة فرانسكار"},
		{5, "شركة فولكسكار", "شركة فولكسكار"},
	} {
		ms := []mention{mentionOf(c.typ, 0, c.name)}
		tg.trimHeads(ms)
		if got := strings.Join(ms[0].words, " "); got != c.want {
			t.Errorf("trimHeads(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

// TestInSetClitic checks inSetClitic against the proclitics splitClitic
// reads, and isProclitic against the list.
func TestInSetClitic(t *testing.T) {
	for _, p := range proclitics {
		if !isProclitic(p) {
			t.Errorf("isProclitic(%q) = false", p)
		}
	}
	for _, p := range []string{"", "ال", "وف", "م"} {
		if isProclitic(p) {
			t.Errorf("isProclitic(%q) = true", p)
		}
	}
	set := map[string]bool{"فريق": true, "الدوري": true}
	for _, c := range []struct {
		k    string
		want bool
	}{
		{"فريق", true}, {"وفريق", true}, {"لفريق", true}, {"وبفريق", true},
		{"الدوري", true}, {"بالدوري", true}, {"للدوري", true}, {"وللدوري", true},
		{"مفريق", false}, {"دوري", false}, {"فر", false}, {"", false},
	} {
		if got := inSetClitic(normalize(c.k), set); got != c.want {
			t.Errorf("inSetClitic(%q) = %v, want %v", c.k, got, c.want)
		}
	}
}

// TestNotNamePlaceNouns checks that a common noun of places alone is no
// entity, and that names with it are.
func TestNotNamePlaceNouns(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text string
		typ  string
		want bool
	}{
		{"المدينة", "LOC", true},
		{"بالمدينة", "LOC", true},
		{"العاصمة", "ORG", true},
		// Events are no entity either.
		{"رالي", "LOC", true},
		{"برالي", "LOC", true},
		{"المونديال", "ORG", true},
		{"المدينة المنورة", "LOC", false},
		{"الرياض", "LOC", false},
	} {
		ws := strings.Fields(c.text)
		var ks []string
		for _, w := range ws {
			ks = append(ks, normalize(w))
		}
		if got := tg.notName(ws, ks, c.typ); got != c.want {
			t.Errorf("notName(%q, %s) = %v, want %v", c.text, c.typ, got, c.want)
		}
	}
}

// TestNisbaAdjectives checks that a feminine nisba after a feminine
// definite noun is the noun's adjective, not a place.
func TestNisbaAdjectives(t *testing.T) {
	type span struct{ typ, i, j int }
	for _, c := range []struct {
		text   string
		tagged []span
		want   string
	}{
		{"وقالت العائلة المالكة السعودية إن", []span{{5, 3, 4}}, ""},
		{"وسافر الوفد إلى السعودية أمس", []span{{5, 3, 4}}, "LOC:السعودية"},
		{"ووقعت المملكة العربية السعودية الاتفاق", []span{{5, 1, 4}}, "LOC:المملكة العربية السعودية"},
		// A sentence break before it.
		{"انتهت الزيارة . السعودية ترحب", []span{{5, 3, 4}}, "LOC:السعودية"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.tagged {
			ms = append(ms, tagSpan(labels, s.typ, s.i, s.j, toks, words, keys))
		}
		if got := mentionTexts(nisbaAdjectives(ms, labels, keys, breaks)); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}
