package entity

import "testing"

// TestCountryNames checks that an untagged country's name of one word
// becomes a place's mention, with a proclitic too, and that a country's
// name that is also a common word, a word inside another mention and a
// word the tagger labelled are left alone.
func TestCountryNames(t *testing.T) {
	tg := defaultTagger(t)
	if tg.gaz.stats == nil {
		t.Skip("model without word statistics")
	}
	for _, c := range []struct {
		text   string
		held   []int // tokens of a person's mention, or nil
		tagged bool  // the tagger's mention, else another rule's
		want   string
	}{
		{"وصل الوفد إلى الفلبين أمس بعد زيارة لنيبال", nil, false, "LOC:الفلبين|LOC:لنيبال"},
		{"وتقدمت السويد والدانمرك على المكسيك", nil, false, "LOC:السويد|LOC:والدانمرك|LOC:المكسيك"},
		// The older spelling with ة; a nisba in ية is no country.
		{"وعقد المؤتمر في هولندة بحضور خبراء", nil, false, "LOC:هولندة"},
		{"وحلقت طائرة روسية فوق البحر", nil, false, ""},
		// مالي and بنين are words too (المالي: financial; البنين: sons).
		{"وقدم الصندوق دعما مالي للأسر من بنين وبنات", nil, false, ""},
		// Inside another rule's mention: left to it.
		{"وقال هايتي جونسون إن الخطة جاهزة", []int{1, 2}, false, "PER:هايتي جونسون"},
		// A word the tagger labelled: left to it.
		{"وفاز مولدوفا على ضيفه", []int{1, 1}, true, "PER:مولدوفا"},
	} {
		labels, toks, words, keys, _, ms := personInput(c.text, c.held, c.tagged)
		if got := mentionTexts(tg.countryNames(ms, labels, toks, words, keys, newTokenLists(keys))); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestTitleFirstNames checks that the untagged word between a title and a
// person's mention is taken in as the first name, and that a rank's
// complement, a verb, an adjective with the article and a word after no
// title are not.
func TestTitleFirstNames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text    string
		surname int // the token of the surname the tagger found
		want    string
	}{
		{"وحضر الحفل الفنان سمير بركات أمس", 4, "PER:سمير بركات"},
		{"وألقت الشاعرة ليلى بركات قصيدة", 3, "PER:ليلى بركات"},
		{"وصرح للفنان سمير بركات بذلك", 3, "PER:سمير بركات"},
		// Adjectives between the title and the first name.
		{"وقدمت المذيعة الأميركية الشهيرة سميرة بركات البرنامج", 5, "PER:سميرة بركات"},
		{"وقدمت المذيعة في الشهيرة سميرة بركات البرنامج", 5, "PER:بركات"},
		{"وأعلن العقيد ركن بركات الخطة", 3, "PER:بركات"},
		{"وأوضح اللواء دكتور بركات الخطة", 3, "PER:بركات"},
		{"وقال الرئيس يستقبل بركات غدا", 3, "PER:بركات"},
		{"وقال الرئيس قال بركات غدا", 3, "PER:بركات"},
		{"وقال المتحدث باسم بركات إن الخطة جاهزة", 3, "PER:بركات"},
		{"وحضر الرئيس السوري بركات الحفل", 3, "PER:بركات"},
		{"وحضر الحفل صديقه سمير بركات أمس", 4, "PER:بركات"},
		// A sentence break between the title and the word.
		{"وحضر الفنان . سمير بركات أمس", 4, "PER:بركات"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		labels[c.surname] = 1
		ms := []mention{newMention(1, c.surname, c.surname+1, toks, words, keys)}
		if got := mentionTexts(tg.titleFirstNames(ms, labels, toks, words, keys, breaks, newTokenLists(keys))); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// TestPlaceNames checks that the untagged name right after a noun of a
// town, quarter or street becomes a place's mention, and that nisbas,
// titles, common nouns, adjectives and verbs there do not.
func TestPlaceNames(t *testing.T) {
	if defaultTagger(t).gaz.stats == nil {
		t.Skip("model without word statistics")
	}
	checkRule(t, listed((*Tagger).placeNames), []ruleCase{
		{"وقصفت الطائرات منزلا بحي الزرقاوية أمس", nil, "LOC:الزرقاوية"},
		{"ووصل الوفد إلى محافظة قوانبوري في الشمال", nil, "LOC:قوانبوري"},
		{"وسقطت قذيفة على بلدة كفر شمسين الحدودية", nil, "LOC:كفر شمسين"},
		// بلده without its ة is "his country".
		{"وعاد اللاعب إلى بلده الزرقاوية أمس", nil, ""},
		// A nisba, a title, a common noun, an adjective, a verb.
		{"وزار الوفد مدينة المصرية القديمة", nil, ""},
		{"ويقع المتجر في شارع الملك فهد", nil, ""},
		{"وافتتحت قرية الطفل أبوابها للزوار", nil, ""},
		{"وهي مدينة تاريخية كبيرة", nil, ""},
		{"في مدينة يقطنها مليون نسمة", nil, ""},
		// A sentence break after the noun.
		{"ووصل الوفد إلى مدينة . قوانبوري بعيدة", nil, ""},
	})
}

// TestTitleNames checks that a person's name standing alone after a title
// becomes a person's mention when the gazetteer knows it or the article
// names the person in full elsewhere, and not when another word may
// follow as its surname, when it is على, or after عبد.
func TestTitleNames(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text  string
		whole []int // tokens of a person's mention the tagger found, or nil
		want  string
	}{
		{"وأكد الرئيس نبيه كوردوني الخطة . وقال الرئيس كوردوني إن الخطة جاهزة", []int{2, 3}, "PER:نبيه كوردوني|PER:كوردوني"},
		// A gazetteer person's name.
		{"وقالت السيدة خديجة إن الخطة جاهزة", nil, "PER:خديجة"},
		// Neither known nor named elsewhere.
		{"واجتمع الوزير كوردوني مع الوفد", nil, ""},
		// Another word after it: maybe its surname.
		{"وقال الرئيس نبيه كوردوني إن الخطة جاهزة . واجتمع الوزير كوردوني حسين مع الوفد", []int{2, 3}, "PER:نبيه كوردوني"},
		// الرقيب of the name عبد الرقيب.
		{"وقال الرئيس نبيه كوردوني إن الخطة جاهزة . واجتمع عبد الرقيب كوردوني مع الوفد", []int{2, 3}, "PER:نبيه كوردوني"},
		{"واتفق الملك على الحاجة إلى السلام", nil, ""},
	} {
		labels, toks, words, keys, breaks, ms := personInput(c.text, c.whole, true)
		if got := mentionTexts(tg.titleNames(ms, labels, toks, words, keys, breaks, newTokenLists(keys))); got != c.want {
			t.Errorf("%q: got %q, want %q", c.text, got, c.want)
		}
	}
}

// personInput is untaggedInput with a person's mention on the tokens
// span[0] to span[1] when span is given, labelled so when tagged is true
// (else a mention another rule added).
func personInput(text string, span []int, tagged bool) (labels []int, toks []Token, words, keys []string, breaks []bool, ms []mention) {
	labels, toks, words, keys, breaks = untaggedInput(text)
	if span == nil {
		return labels, toks, words, keys, breaks, nil
	}
	i, j := span[0], span[1]+1
	if tagged {
		labels[i] = 1
		for k := i + 1; k < j; k++ {
			labels[k] = 2
		}
	}
	return labels, toks, words, keys, breaks, []mention{newMention(1, i, j, toks, words, keys)}
}
