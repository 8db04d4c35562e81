package entity

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/marsad/marsad/article"
)

var (
	defaultOnce sync.Once
	defaultTg   *Tagger
	defaultErr  error
)

func defaultTagger(t testing.TB) *Tagger {
	t.Helper()
	defaultOnce.Do(func() { defaultTg, defaultErr = Default() })
	if defaultErr != nil {
		t.Fatal(defaultErr)
	}
	return defaultTg
}

func words(s string) []string {
	var out []string
	for _, tk := range Tokenize(s) {
		out = append(out, tk.Text)
	}
	return out
}

func TestDefaultTag(t *testing.T) {
	tg := defaultTagger(t)
	ws := words("قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيعقد قمة طارئة الأسبوع المقبل .")
	tags := tg.Tag(ws)
	if len(tags) != len(ws) {
		t.Fatalf("got %d tags for %d words", len(tags), len(ws))
	}
	got := map[string]string{}
	for _, s := range spans(tags) {
		got[strings.Join(ws[s.start:s.end], " ")] = s.typ
	}
	t.Logf("%v", got)
	if got["باريس"] != "LOC" {
		t.Errorf("باريس: got %q, want LOC", got["باريس"])
	}
	var per bool
	for name, typ := range got {
		if typ == "PER" && strings.Contains(name, "ماكرون") {
			per = true
		}
	}
	if !per {
		t.Errorf("no PER mention containing ماكرون in %v", got)
	}
	if got["الاتحاد الأوروبي"] != "ORG" {
		t.Errorf("الاتحاد الأوروبي: got %q, want ORG", got["الاتحاد الأوروبي"])
	}
}

func TestTagEdgeCases(t *testing.T) {
	tg := defaultTagger(t)
	for _, in := range [][]string{nil, {}, {""}, {"\xff\xfe"}, {".", ".", "."}, {strings.Repeat("ب", 10000)}} {
		if got := tg.Tag(in); len(got) != len(in) {
			t.Errorf("Tag(%q): %d tags", in, len(got))
		}
	}
	for _, text := range []string{"", "\xff\xfe\x00", strings.Repeat("محمد ", 3000)} {
		tg.Entities(text, Tokenize(text))
	}
	// Offsets that do not fit the text must not panic.
	tg.Entities("قصير", []Token{{Text: "باريس", Start: 5, End: 100}, {Text: "لندن", Start: -3, End: 1}})
}

func TestEntitiesGrouping(t *testing.T) {
	tg := defaultTagger(t)
	text := "قال الرئيس الأمريكي جورج بوش إن بوش سيزور لندن .\nوقال المتحدث إن لبوش موقفا واضحا من باريس ."
	ents := tg.Entities(text, Tokenize(text))
	t.Logf("%+v", ents)
	runes := []rune(text)
	var bush *article.Entity
	for i := range ents {
		e := &ents[i]
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(runes) || m.Start >= m.End {
				t.Fatalf("%s: bad span %+v", e.Text, m)
			}
		}
		if strings.Contains(e.Text, "بوش") {
			if bush != nil {
				t.Errorf("two entities for بوش: %q and %q", bush.Text, e.Text)
			}
			bush = e
		}
	}
	if bush == nil {
		t.Fatal("no entity for بوش")
	}
	if bush.Text != "جورج بوش" || bush.Type != article.PER {
		t.Errorf("got %q %s, want جورج بوش PER", bush.Text, bush.Type)
	}
	for _, m := range bush.Mentions {
		s := string(runes[m.Start:m.End])
		if !strings.HasSuffix(s, "بوش") || strings.HasPrefix(s, "ل") {
			t.Errorf("mention %q", s)
		}
	}
}

func TestRefine(t *testing.T) {
	mk := func(ws ...string) mention {
		m := mention{typ: 1}
		for i, w := range ws {
			m.words = append(m.words, w)
			m.keys = append(m.keys, normalize(w))
			m.starts = append(m.starts, 10*i)
			m.ends = append(m.ends, 10*i+len([]rune(w)))
		}
		m.start, m.end = m.starts[0], m.ends[len(ws)-1]
		return m
	}
	got := refine(nil, []mention{mk("الخميس"), mk("بوتين", "الخميس"), mk("بوتين", "وبايدن"), mk("بايدن"), mk("الجمعة", "جو", "بايدن")})
	var names []string
	for _, m := range got {
		names = append(names, strings.Join(m.words, " "))
		if m.start != m.starts[0] || m.end != m.ends[len(m.ends)-1] {
			t.Errorf("%q: span %d-%d", m.words, m.start, m.end)
		}
	}
	want := "بوتين|بوتين|وبايدن|بايدن|جو بايدن"
	if g := strings.Join(names, "|"); g != want {
		t.Errorf("got %s, want %s", g, want)
	}
}

func TestSplitClitic(t *testing.T) {
	for _, c := range []struct{ in, prefix, base string }{
		{"للكونغرس", "ل", "الكونغرس"},
		{"والولايات", "و", "الولايات"},
		{"وبوتين", "وب", "وتين"},
		{"بالكرملين", "ب", "الكرملين"},
		{"لبايدن", "ل", "بايدن"},
		{"الكرملين", "", "الكرملين"},
		{"وا", "", "وا"},
	} {
		p, b := splitClitic(c.in)
		if p != c.prefix || b != c.base {
			t.Errorf("splitClitic(%q) = %q, %q; want %q, %q", c.in, p, b, c.prefix, c.base)
		}
	}
}

func TestNormalize(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"دميترى", "دميتري"},
		{"أَحْمَد", "احمد"},
		{"إيمانويل", "ايمانويل"},
		{"مدرسـة", "مدرسه"},
		{"ABC", "abc"},
		{"\u200fالأمن", "الامن"},
	} {
		if got := normalize(c.in); got != c.want {
			t.Errorf("normalize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestReadData(t *testing.T) {
	in := "أعلن O\nاتحاد B-ORG\nالسيارات I-ORG\nفي O\nألمانيا B-LOC\n. O\n O\nقال O\nبرند B-PERS\n\nجوتشولك I-PERS\n"
	got, err := ReadData(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || len(got[0].Words) != 6 || got[1].Tags[1] != "B-PER" || got[2].Tags[0] != "I-PER" {
		t.Errorf("got %+v", got)
	}
	for _, bad := range []string{"word\n", "word X-PER\n", "word B-FOO\n"} {
		if _, err := ReadData(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadData(%q): no error", bad)
		}
	}
}

func FuzzReadData(f *testing.F) {
	f.Add("أعلن O\nاتحاد B-ORG\n. O\n")
	f.Add(" O\n\n\nx\tI-MISC\r\n")
	f.Add("\xff B-PERS\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ReadData(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
				t.Fatalf("bad sentence %+v", s)
			}
			for _, tag := range s.Tags {
				if _, ok := canonicalTag(tag); !ok {
					t.Fatalf("bad tag %q", tag)
				}
			}
		}
	})
}

func FuzzLoad(f *testing.F) {
	f.Add(embeddedModel[:200])
	f.Add([]byte("garbage"))
	f.Fuzz(func(t *testing.T, in []byte) {
		Load(bytes.NewReader(in))
	})
}

// reload returns tg saved and loaded again.
func reload(t *testing.T, tg *Tagger) *Tagger {
	t.Helper()
	var buf bytes.Buffer
	if err := tg.Save(&buf); err != nil {
		t.Fatal(err)
	}
	tg2, err := Load(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return tg2
}

func TestSaveLoad(t *testing.T) {
	tg := defaultTagger(t)
	tg2 := reload(t, tg)
	ws := words("وقال وزير الخارجية الروسي سيرغي لافروف في موسكو .")
	if a, b := strings.Join(tg.Tag(ws), " "), strings.Join(tg2.Tag(ws), " "); a != b {
		t.Errorf("reloaded model tags differently:\n%s\n%s", a, b)
	}
}

func BenchmarkEntities(b *testing.B) {
	tg := defaultTagger(b)
	para := "أعلن الكرملين يوم الجمعة أن عرض الرئيس الروسي فلاديمير بوتين بشأن إجراء محادثات مباشرة مع الرئيس الأمريكي جو بايدن لا يزال قائما ، " +
		"وقال دميتري بيسكوف المتحدث باسم الكرملين إن روسيا تستخدم القنوات الدبلوماسية بين موسكو وواشنطن .\n" +
		"وأضاف أن وزارة الخارجية الروسية ستبحث الأمر مع الاتحاد الأوروبي في بروكسل الأسبوع المقبل ، فيما قالت وكالة الأنباء إن الاجتماع سيعقد في جنيف .\n"
	var text strings.Builder
	for text.Len() < 4096 {
		text.WriteString(para)
	}
	s := text.String()
	toks := Tokenize(s)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		tg.Entities(s, toks)
	}
}

func TestFastEmissions(t *testing.T) {
	tg := defaultTagger(t)
	if tg.first == nil {
		t.Fatal("the default tagger has no first stage")
	}
	for _, s := range []string{
		"قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيعقد قمة .",
		"زارت كلوديت فيرنانديز-أوبراين مدينة تل أبيب ثم الولايات المتحدة الأمريكية",
		"x",
	} {
		ws := words(s)
		doc := make([]uint16, len(ws))
		for i := range doc {
			doc[i] = uint16(i * 37 % 256)
		}
		infos := tg.gaz.analyze(ws, nil)
		ents := make([]*vocabEntry, len(ws))
		for i, w := range ws {
			ents[i], _ = tg.lookup(w)
			infos[i].doc = doc[i]
		}
		for slot, m := range []*Tagger{tg, tg.first} {
			var st tagState
			st.sc = make([]float32, len(ws)*nLabels)
			m.emissions(infos, ents, slot, &st)
			slow := m.slowEmissions(ws, doc)
			for i := range slow {
				if d := slow[i] - st.sc[i]; d > 1e-3 || d < -1e-3 {
					t.Fatalf("%q stage %d: score %d: fast %v, slow %v", s, 2-slot, i, st.sc[i], slow[i])
				}
			}
		}
	}
}

func TestConcurrentEntities(t *testing.T) {
	tg := defaultTagger(t)
	texts := []string{
		"قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيعقد قمة .",
		"وقال وزير الخارجية الروسي سيرغي لافروف في موسكو إن روسيا مستعدة للحوار مع واشنطن .",
		"أعلنت شركة مايكروسوفت الأمريكية عن منتج جديد في مدينة سياتل .",
	}
	want := make([]string, len(texts))
	for i, s := range texts {
		want[i] = fmt.Sprint(tg.Entities(s, Tokenize(s)))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 50 {
				i := (g + k) % len(texts)
				if got := fmt.Sprint(tg.Entities(texts[i], Tokenize(texts[i]))); got != want[i] {
					t.Errorf("concurrent result differs: %s vs %s", got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

// FuzzHasTanween checks hasTanween against strings.ContainsAny.
func FuzzHasTanween(f *testing.F) {
	f.Add("زيفاً")
	f.Add("محمد")
	f.Add("\xd9\x8c")
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := hasTanween(w), strings.ContainsAny(w, "\u064b\u064c\u064d"); got != want {
			t.Errorf("hasTanween(%q) = %v, want %v", w, got, want)
		}
	})
}

// FuzzProcliticLead checks that a word procliticLead rejects starts with
// no proclitic, so that nextSplit may skip them all.
func FuzzProcliticLead(f *testing.F) {
	for _, w := range []string{"والبيت", "فلسطين", "بيروت", "لبنان", "كتاب", "الكتاب", "محمد", "و", ""} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if procliticLead(w) {
			return
		}
		for _, p := range proclitics {
			if strings.HasPrefix(w, p) {
				t.Errorf("procliticLead(%q) = false, but it starts with %q", w, p)
			}
		}
	})
}

// TestUnknownBlock checks that the entries tagDoc gives the words outside
// the vocabulary (unknownBlock, over blocks of lookupBlock words, some
// repeated) are those unknownHash computes one word at a time: the same
// role scores and token information, on the first sight of the words,
// the second (which caches them) and the third (which finds them cached).
func TestUnknownBlock(t *testing.T) {
	tg := defaultTagger(t)
	var sent []string
	for i := range 3 * lookupBlock {
		// Made-up words, outside any vocabulary, and some known ones.
		switch i % 4 {
		case 0:
			sent = append(sent, "في")
		case 1:
			sent = append(sent, fmt.Sprintf("زقلطون%c", 'ا'+rune(i%7)))
		case 2:
			sent = append(sent, fmt.Sprintf("وبرشتانيز%d", i%5))
		default:
			sent = append(sent, "الرياض")
		}
	}
	for pass := range 3 {
		st := &tagState{}
		r := tg.tagDoc([][]string{sent, sent[:lookupBlock+3]}, st)
		unknown := 0
		for k, w := range append(sent, sent[:lookupBlock+3]...) {
			if e, _ := tg.lookup(w); e != nil {
				continue
			}
			unknown++
			want := &tagState{}
			e, info := tg.unknownHash(w, tg.vocab.hash(w), want)
			if st.ents[k].roles != e.roles {
				t.Errorf("pass %d: %q: role scores differ from unknownHash's", pass, w)
			}
			got := r.infos[k]
			got.spanB, got.spanI, got.doc = 0, 0, 0
			if got != info {
				t.Errorf("pass %d: %q: token information %+v, unknownHash's %+v", pass, w, got, info)
			}
		}
		if unknown == 0 {
			t.Fatal("no word outside the vocabulary")
		}
	}
}
