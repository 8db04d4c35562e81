package entity

import (
	"strings"
	"testing"
)

func TestPlaceKind(t *testing.T) {
	for _, c := range []struct {
		word string
		want bool
	}{
		{"جزيرة", true},
		{"بمدينة", true},
		{"ولمحافظة", true},
		{"قرية", true},
		// Kinds of place with another sense before a person's name, and
		// places often named after a person.
		{"ولاية", false},
		{"دولة", false},
		{"مطار", false},
		{"بمطار", false},
		{"وسط", false},
		// Not a kind of place.
		{"وزارة", false},
		{"الرئيس", false},
		{"", false},
		{"ب", false},
	} {
		if got := placeKind(normalize(c.word)); got != c.want {
			t.Errorf("placeKind(%q) = %v, want %v", c.word, got, c.want)
		}
	}
}

// TestPlaceCues checks that a name the tagger read as a person everywhere
// becomes a place when one of its mentions follows a kind of place and
// none follows a person's title or a reporting verb.
func TestPlaceCues(t *testing.T) {
	tg := defaultTagger(t)
	type span struct{ typ, i, j int } // label, tokens [i, j)
	for _, c := range []struct {
		text  string
		spans []span
		want  string
	}{
		// One mention after جزيرة, two elsewhere: a place.
		{"وصلنا إلى جزيرة كاولونغ تاي أمس ويعيش سكان كاولونغ تاي في سلام ويزور السياح كاولونغ تاي",
			[]span{{1, 3, 5}, {1, 8, 10}, {1, 14, 16}}, "LOC:كاولونغ تاي"},
		{"وتقع بمدينة كاولونغ تاي مصانع كثيرة", []span{{1, 2, 4}}, "LOC:كاولونغ تاي"},
		// A person's title before another mention keeps it a person.
		{"وصلنا إلى جزيرة كاولونغ تاي أمس وقال الرئيس كاولونغ تاي إن الوضع جيد",
			[]span{{1, 3, 5}, {1, 8, 10}}, "PER:كاولونغ تاي"},
		// ولاية is also a term of office.
		{"وبدأت ولاية كاولونغ تاي الثانية", []span{{1, 2, 4}}, "PER:كاولونغ تاي"},
		// A name quoted after صحيفة is the newspaper's, here and later.
		{"ونشرت صحيفة « كاولونغ تاي » تقريرا وكتبت كاولونغ تاي أمس", []span{{5, 3, 5}, {5, 8, 10}}, "ORG:كاولونغ تاي"},
		// No kind of place before it: the tagger's type stands.
		{"وقابل الوفد كاولونغ تاي أمس", []span{{1, 2, 4}}, "PER:كاولونغ تاي"},
	} {
		_, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.spans {
			ms = append(ms, mention{typ: s.typ, tok: s.i, start: toks[s.i].Start, end: toks[s.j-1].End,
				words: words[s.i:s.j:s.j], keys: keys[s.i:s.j:s.j]})
		}
		tg.personCues(ms, words, keys, breaks)
		tg.placeCues(ms, words, keys, breaks)
		var got []string
		for _, e := range tg.group(ms, &groupBufs{}) {
			got = append(got, e.Type+":"+e.Text)
		}
		if g := strings.Join(got, "|"); g != c.want {
			t.Errorf("%s: got %q, want %q", c.text, g, c.want)
		}
	}
}

func TestMediaName(t *testing.T) {
	for _, c := range []struct {
		text string
		i, j int // the name's tokens [i, j)
		want bool
	}{
		{"ونشرت صحيفة « الأفق الجديد » تقريرا", 3, 5, true},
		{"وقال لصحيفة « الأفق » أمس", 3, 4, true},
		{"وقال لـ « الأفق الجديد » أمس", 3, 5, true},
		// Without quotation marks, or after another noun, no medium.
		{"ونشرت صحيفة الأفق الجديد تقريرا", 2, 4, false},
		{"وزار « الأفق » أمس", 2, 3, false},
		{"« الأفق »", 1, 2, false},
	} {
		keys := words(c.text)
		for i, w := range keys {
			keys[i] = normalize(w)
		}
		if got := mediaName(keys, c.i, c.j); got != c.want {
			t.Errorf("mediaName(%s, %d, %d) = %v, want %v", c.text, c.i, c.j, got, c.want)
		}
	}
}

func TestTrimCliticTails(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text string
		typ  int
		want string
	}{
		// A word with a proclitic and the article read on into the name.
		{"عمرو زكي للزمالك", 1, "PER:عمرو زكي"},
		{"سيدي بيه للاختبار", 1, "PER:سيدي بيه"},
		// God's name in a person's name stays, and so does a name
		// without the article after the clitic (كشك، فورد are surnames).
		{"المعتز بالله", 1, "PER:المعتز بالله"},
		{"هاريسون فورد", 1, "PER:هاريسون فورد"},
		// Only persons; one word is left alone.
		{"شركة زكي للاستثمار", 3, "ORG:شركة زكي للاستثمار"},
		{"للزمالك", 1, "PER:للزمالك"},
	} {
		_, toks, words, keys, _ := untaggedInput(c.text)
		ms := []mention{{typ: c.typ, tok: 0, start: toks[0].Start, end: toks[len(toks)-1].End,
			words: words, keys: keys, starts: make([]int, len(toks)), ends: make([]int, len(toks))}}
		for i, tk := range toks {
			ms[0].starts[i], ms[0].ends[i] = tk.Start, tk.End
		}
		tg.trimCliticTails(ms)
		if got := mentionTexts(ms); got != c.want {
			t.Errorf("trimCliticTails(%s) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestOrgHeads(t *testing.T) {
	type span struct{ typ, i, j int }
	for _, c := range []struct {
		text  string
		spans []span
		want  string
	}{
		// The head noun untagged, or tagged alone, joins the name.
		{"وقالت منظمة الأمم المتحدة أمس", []span{{3, 2, 4}}, "ORG:منظمة الأمم المتحدة"},
		{"وقالت منظمة الأمم المتحدة أمس", []span{{3, 1, 2}, {3, 2, 4}}, "ORG:منظمة الأمم المتحدة"},
		{"ودرس في جامعة القاهرة", []span{{5, 3, 4}}, "ORG:جامعة القاهرة"},
		{"وفاز حزب العمال", []span{{3, 2, 3}}, "ORG:حزب العمال"},
		// A place after another head stays a place; a person is left alone.
		{"وقال مجلس القاهرة", []span{{5, 2, 3}}, "LOC:القاهرة"},
		{"وقالت منظمة كاولونغ", []span{{1, 2, 3}}, "PER:كاولونغ"},
		// Not across a sentence break, nor another noun.
		{"وقالت منظمة . الأمم المتحدة", []span{{3, 3, 5}}, "ORG:الأمم المتحدة"},
		{"وقالت وزارة الأمم المتحدة", []span{{3, 2, 4}}, "ORG:الأمم المتحدة"},
		// A mention that has its head already.
		{"التابع جامعة لجامعة برينستون", []span{{3, 2, 4}}, "ORG:لجامعة برينستون"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		var ms []mention
		for _, s := range c.spans {
			ms = append(ms, newMention(s.typ, s.i, s.j, toks, words, keys))
			for k := s.i; k < s.j; k++ {
				labels[k] = s.typ
			}
		}
		if got := mentionTexts(orgHeads(ms, labels, toks, words, keys, breaks)); got != c.want {
			t.Errorf("orgHeads(%s) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestTrimDefiniteHeads(t *testing.T) {
	tg := defaultTagger(t)
	for _, c := range []struct {
		text, want string
	}{
		// An adjective with the article before a first name.
		{"الصاعد محمد كاولونغ", "PER:محمد كاولونغ"},
		// Two words only, or no first name after it: left alone.
		{"الصاعد محمد", "PER:الصاعد محمد"},
		{"الصاعد كاولونغ تاي", "PER:الصاعد كاولونغ تاي"},
		// No article.
		{"صاعد محمد كاولونغ", "PER:صاعد محمد كاولونغ"},
	} {
		_, toks, words, keys, _ := untaggedInput(c.text)
		ms := []mention{newMention(1, 0, len(toks), toks, words, keys)}
		tg.trimDefiniteHeads(ms)
		if got := mentionTexts(ms); got != c.want {
			t.Errorf("trimDefiniteHeads(%s) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestAliNames(t *testing.T) {
	type span struct{ i, j int }
	for _, c := range []struct {
		text string
		name span
		want string
	}{
		// علي after a title or a nisba, before a person's name.
		{"وقال الرئيس علي كاولونغ", span{3, 4}, "PER:علي كاولونغ"},
		{"وزراء الحكومة الصومالية علي محمد كاولونغ", span{4, 6}, "PER:علي محمد كاولونغ"},
		{"المسؤول عن الملف النووي علي كاولونغ", span{5, 6}, "PER:علي كاولونغ"},
		// The preposition على, or علي after another word, stays out.
		{"وقال الرئيس على كاولونغ", span{3, 4}, "PER:كاولونغ"},
		{"ووافق علي كاولونغ", span{2, 3}, "PER:كاولونغ"},
		// An elative in ى is no nisba.
		{"المجلس الأعلى علي كاولونغ", span{3, 4}, "PER:كاولونغ"},
	} {
		labels, toks, words, keys, breaks := untaggedInput(c.text)
		ms := []mention{newMention(1, c.name.i, c.name.j, toks, words, keys)}
		for k := c.name.i; k < c.name.j; k++ {
			labels[k] = 1
		}
		aliNames(ms, labels, toks, words, keys, breaks)
		if got := mentionTexts(ms); got != c.want {
			t.Errorf("aliNames(%s) = %q, want %q", c.text, got, c.want)
		}
	}
}
