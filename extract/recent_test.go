package extract

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"github.com/marsad/marsad/article"
)

// TestExtractRemembers extracts a text, then others until it is forgotten,
// then the text again under other dates, and checks that what a remembered
// text gives equals what extracting it anew gives, with its temporal
// expressions resolved against its own date; and that a caller changing
// the facts it got changes nothing a later copy gets.
func TestExtractRemembers(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	x.recent = newRecent(2)
	text := "قال وزير الخارجية الأردني أيمن الصفدي أمس إن المحادثات ستستأنف الأسبوع المقبل في عمّان. وأضاف الصفدي أن «الحل ممكن»."
	others := []string{
		"أعلنت وزارة الصحة السعودية اليوم تسجيل حالات جديدة في الرياض.",
		"ذكرت وكالة الأنباء القطرية أن الأمير سيزور باريس يوم الخميس.",
	}
	day := func(d int) time.Time { return time.Date(2024, 3, d, 0, 0, 0, 0, time.UTC) }
	extract := func(s string, d time.Time) article.Facts {
		a := article.Article{Text: s, Published: d}
		return x.Extract(&a, nil)
	}
	first := extract(text, day(5))
	if len(first.Entities) == 0 || len(first.Quotes) == 0 || len(first.Times) == 0 {
		t.Fatalf("want entities, quotes and times in the test text, got %+v", first)
	}
	remembered := func() bool {
		_, _, ok := x.recent.get(text, x.recent.hash(text))
		return ok
	}
	if !remembered() {
		t.Fatal("the text extracted last is not remembered")
	}
	copied := extract(text, day(20))
	for _, s := range others { // the cache holds two
		extract(s, day(5))
	}
	if remembered() {
		t.Fatal("the text is remembered after two others")
	}
	fresh := extract(text, day(20))
	if !reflect.DeepEqual(copied, fresh) {
		t.Errorf("a remembered text gives other facts than extracting it anew:\n got %+v\nwant %+v", copied, fresh)
	}
	if reflect.DeepEqual(first.Times, copied.Times) {
		t.Errorf("times of a copy published 15 days later are those of the first: %+v", copied.Times)
	}
	want, err := json.Marshal(fresh)
	if err != nil {
		t.Fatal(err)
	}
	got := extract(text, day(20)) // remembered again
	got.Entities[0].Text = "تغيير"
	got.Entities[0].Mentions = append(got.Entities[0].Mentions, article.Span{Start: 1, End: 2})
	got.Entities[0].Mentions[0].Start++
	got.Quotes[0].Speaker = "تغيير"
	again, err := json.Marshal(extract(text, day(20)))
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != string(want) {
		t.Errorf("changing the facts of a copy changed the next copy's:\n got %s\nwant %s", again, want)
	}
}

// TestRecentText checks that two texts of the same key are told apart.
func TestRecentText(t *testing.T) {
	r := newRecent(4)
	es := []article.Entity{{Text: "عمان", Type: article.LOC, Mentions: []article.Span{{Start: 0, End: 8}}}}
	r.add("نص أول", 7, es, nil)
	if _, _, ok := r.get("نص ثان", 7); ok {
		t.Error("another text of the same key is taken for the one remembered")
	}
	got, _, ok := r.get("نص أول", 7)
	if !ok || !reflect.DeepEqual(got, es) {
		t.Errorf("get = %+v, %v; want %+v, true", got, ok, es)
	}
	var none *recent
	none.add("نص", none.hash("نص"), es, nil)
	if _, _, ok := none.get("نص", none.hash("نص")); ok {
		t.Error("a nil recent remembers")
	}
}

// TestCloneEntities checks that a copy keeps nil and empty slices apart (JSON
// shows them differently) and that appending to one of its slices changes
// neither the original nor the copy's other slices.
func TestCloneEntities(t *testing.T) {
	es := []article.Entity{
		{Text: "أ", Mentions: []article.Span{{Start: 0, End: 2}, {Start: 5, End: 7}}, Titles: []article.Span{}},
		{Text: "ب", Mentions: []article.Span{{Start: 9, End: 11}}},
	}
	c := cloneEntities(es)
	if !reflect.DeepEqual(c, es) {
		t.Fatalf("copy %+v differs from %+v", c, es)
	}
	if c[0].Titles == nil || c[1].Titles != nil {
		t.Errorf("nil and empty titles not kept apart: %#v, %#v", c[0].Titles, c[1].Titles)
	}
	c[0].Mentions = append(c[0].Mentions, article.Span{Start: 20, End: 22})
	c[0].Titles = append(c[0].Titles, article.Span{Start: 30, End: 32})
	c[0].Mentions[0].Start = 1
	if c[1].Mentions[0] != (article.Span{Start: 9, End: 11}) || es[0].Mentions[0].Start != 0 {
		t.Errorf("appending to the copy changed other spans: copy %+v, original %+v", c, es)
	}
	if cloneEntities(nil) != nil {
		t.Error("copy of nil entities is not nil")
	}
}
