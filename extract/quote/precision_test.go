package quote

import (
	"strings"
	"testing"
)

// TestNotComplementizer checks that أن after إلا and إن before شاء open no
// statement of a reporting verb.
func TestNotComplementizer(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string // statements, in order
	}{
		{
			name: "إلا أن after an object",
			text: "وأعلن حاتم الزين ترشحه للرئاسة في مارس الماضي، إلا أن تصريحاته أثارت جدلا.",
		},
		{
			name: "إن شاء الله after a colon is said whole",
			text: "وقال حاتم الزين: إن شاء الله سنفتتح المعرض قريبا.",
			want: []string{"إن شاء الله سنفتتح المعرض قريبا"},
		},
		{
			name: "إن شاء الله is no complementizer",
			text: "وقال حاتم الزين في حفل الافتتاح إن شاء الله سنلتقي العام المقبل.",
		},
		{
			// (the reported statement may go on with إلا أن: it is his)
			name: "a true complementizer still works",
			text: "وقال حاتم الزين إن المعرض سيفتتح قريبا، إلا أن الموعد لم يحدد.",
			want: []string{"المعرض سيفتتح قريبا، إلا أن الموعد لم يحدد"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Find(c.text, ents(c.text, "PER:حاتم الزين"))
			checkQuotes(t, c.text, qs)
			var got []string
			for _, q := range qs {
				got = append(got, q.Text)
			}
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("statements %q, want %q", got, c.want)
			}
		})
	}
}

// TestCircumstantialObject checks that a name after a circumstantial
// participle right after the verb is its object, not its subject.
func TestCircumstantialObject(t *testing.T) {
	for _, c := range []struct {
		name, text, speaker string // speaker "" for no quote
	}{
		{
			name:    "addressing the defendant",
			text:    "وقال القاضي مراد البكري إن الجلسة علنية. وأضاف مخاطباً حاتم الزين: «صمتك لن يفيدك».",
			speaker: "مراد البكري",
		},
		{
			name:    "without tanween",
			text:    "وقال القاضي مراد البكري إن الجلسة علنية. وأضاف مخاطبا حاتم الزين: «صمتك لن يفيدك».",
			speaker: "مراد البكري",
		},
		{
			name:    "the name right after the verb is its subject",
			text:    "وقال القاضي مراد البكري إن الجلسة علنية. وأضاف حاتم الزين: «لن أتكلم».",
			speaker: "حاتم الزين",
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Find(c.text, ents(c.text, "PER:مراد البكري", "PER:حاتم الزين"))
			checkQuotes(t, c.text, qs)
			if len(qs) == 0 {
				t.Fatalf("no quote")
			}
			last := qs[len(qs)-1]
			if last.Speaker != c.speaker {
				t.Errorf("speaker of %q is %q, want %q", last.Text, last.Speaker, c.speaker)
			}
		})
	}
}
