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

// TestAuditRules checks the rules drawn from a hand-judged sample of
// quotes in newspaper text: a one-word name after a region's noun is a
// place, a name right after an organization's is the subject, نقل ... عن X
// reaches its speaker past a quoted outlet name, a complementizer after
// ، فيما or ، لكن belongs to the narrator's clause, the last of two names
// in a title is the subject, the names of a list are no subjects, a name
// after a plural noun is its genitive, رأى after كلما is seeing, and a verb
// inside parentheses does not take the speaker of the text around them.
func TestAuditRules(t *testing.T) {
	for _, c := range []struct {
		name, text string
		ents       []string
		want       []string // "speaker|statement", in order
	}{
		{
			name: "a region's name is no speaker",
			text: "وأوضح المتحدث الرسمي بشرطة منطقة تبوك العقيد سامر الحمدان أن الدوريات ضبطت المخالفين.",
			ents: []string{"PER:تبوك", "PER:سامر الحمدان"},
			want: []string{"سامر الحمدان|الدوريات ضبطت المخالفين"},
		},
		{
			name: "a region's name alone after the title",
			text: "وأكد أمين محافظة ينبع أن المشروع سيكتمل هذا العام.",
			ents: []string{"PER:ينبع"},
		},
		{
			name: "a name the tagger ran into the region's is kept",
			text: "وأكد أمين منطقة تبوك سامر الحمدان أن المشروع سيكتمل هذا العام.",
			ents: []string{"PER:تبوك سامر الحمدان"},
			want: []string{"تبوك سامر الحمدان|المشروع سيكتمل هذا العام"},
		},
		{
			name: "a rank taken for an organization",
			text: "وقالت الكابتن ليلى مراد إن الرحلة تأخرت ساعتين.",
			ents: []string{"ORG:الكابتن", "PER:ليلى مراد"},
			want: []string{"ليلى مراد|الرحلة تأخرت ساعتين"},
		},
		{
			name: "an organization as subject stays",
			text: "وقالت وزارة النقل إن الرحلة تأخرت ساعتين.",
			ents: []string{"ORG:وزارة النقل", "PER:ليلى مراد"},
			want: []string{"وزارة النقل|الرحلة تأخرت ساعتين"},
		},
		{
			name: "a quoted outlet before عن",
			text: "أعلنت هيئة الموانئ أن الميناء مغلق.\nونقل موقع \"أخبار الساحل\" عن سامر الحمدان المتحدث باسم هيئة الموانئ قوله إن الإغلاق مؤقت.\nوأشار إلى أن السفن ستنتظر في المرسى.",
			ents: []string{"ORG:هيئة الموانئ", "PER:سامر الحمدان"},
			want: []string{
				"هيئة الموانئ|الميناء مغلق",
				"سامر الحمدان|الإغلاق مؤقت",
				"سامر الحمدان|السفن ستنتظر في المرسى",
			},
		},
		{
			name: "a name inside the title, then the subject's",
			text: "وكشف عضو مجلس النادي المعارض لبقاء سامر الحمدان الأمير خالد بن فهد أن الإدارة ستجتمع غدا.",
			ents: []string{"PER:سامر الحمدان", "PER:خالد بن فهد"},
			want: []string{"خالد بن فهد|الإدارة ستجتمع غدا"},
		},
		{
			// (the tagger ran the complementizer into the name)
			name: "a name joined by و after the title is no subject",
			text: "وأفاد المتحدث باسم الرئاسة سامر الحمدان بأن الرئيس وخالد بن فهد اتفقا على اللقاء.\nوأضاف أن اللقاء سيكون في الرياض.",
			ents: []string{"PER:سامر الحمدان بأن", "PER:خالد بن فهد"},
		},
		{
			name: "the names of a list are no subjects",
			text: "وكانت الوزارة قد عاقبت ثلاثة مسؤولين، وهم سامر الحمدان، خالد بن فهد، ومراد البكري؛ لدورهم في الصفقة، مشيرا إلى أن التحقيق مستمر.",
			ents: []string{"PER:سامر الحمدان", "PER:خالد بن فهد", "PER:مراد البكري"},
		},
		{
			name: "an apposition after a place keeps its subject",
			text: "طالب نائب الحزب عن مدينة جدة، سامر الحمدان، بفتح التحقيق، معتبرا أن الأدلة جديدة.",
			ents: []string{"LOC:جدة", "PER:سامر الحمدان"},
			want: []string{"سامر الحمدان|الأدلة جديدة"},
		},
		{
			name: "two subjects joined by و: the first still speaks",
			text: "وتزوج سامر الحمدان وليلى مراد في العام الماضي، وكتب على صفحته أنهما ينتظران مولودا.",
			ents: []string{"PER:سامر الحمدان", "PER:ليلى مراد"},
			want: []string{"سامر الحمدان|أنهما ينتظران مولودا"},
		},
		{
			name: "a name after a plural noun is its genitive",
			text: "من جانبه رفض السفير سامر الحمدان، مساعد الوزير، تصريحات مراد البكري، السلبية، مؤكدا أنها غير مقبولة.",
			ents: []string{"PER:سامر الحمدان", "PER:مراد البكري"},
			want: []string{"سامر الحمدان|أنها غير مقبولة"},
		},
		{
			name: "a verb in ات keeps its subject",
			text: "وبدأت ليلى مراد، بتعريف الإلقاء، وذكرت أنه فن قديم.",
			ents: []string{"PER:ليلى مراد"},
			want: []string{"ليلى مراد|أنه فن قديم"},
		},
		{
			name: "رأى after كلما is seeing",
			text: "وروى الملك أنه كلما رأى الشيخ سامر الحمدان: «تصبب العرق من جبيني».",
			ents: []string{"PER:سامر الحمدان"},
		},
		{
			name: "رأى after في حين is deeming",
			text: "يقول البنك إن الهبوط فرصة، في حين يرى سامر الحمدان أن الأسعار ستنهار.",
			ents: []string{"PER:سامر الحمدان"},
			want: []string{"سامر الحمدان|الأسعار ستنهار"},
		},
		{
			name: "a name after سواء is no subject",
			text: "وأكد سامر الحمدان أهمية التدريب في المصارف، سواء بنك الرياض أو غيره، مشددا على أن الشباب يبدعون.",
			ents: []string{"PER:سامر الحمدان", "ORG:بنك الرياض"},
			want: []string{"سامر الحمدان|الشباب يبدعون"},
		},
		{
			name: "an elided subject inside parentheses has a speaker of its own",
			text: "قال سامر الحمدان: جاء رجل إلى الشيخ فقال: (إن فلاناً يسهر، فقال: إنه سيتوب).",
			ents: []string{"PER:سامر الحمدان"},
			want: []string{"سامر الحمدان|جاء رجل إلى الشيخ"},
		},
		{
			name: "فيما opens the narrator's clause",
			text: "كشف المخرج سامر الحمدان بدء تصوير فيلمه الجديد في الرياض، فيما تقرر أن يعرض الفيلم في الشتاء.",
			ents: []string{"PER:سامر الحمدان"},
		},
		{
			name: "لكن opens the narrator's clause",
			text: "واعترف سامر الحمدان بالخطأ، لكن المؤسف أن القرار جاء متأخرا.",
			ents: []string{"PER:سامر الحمدان"},
		},
		{
			name: "causal حيث keeps the speaker's reasons",
			text: "ولفت سامر الحمدان إلى ضرورة إنشاء معهد للمسرح، حيث إن الممثلين يتعلمون وحدهم.",
			ents: []string{"PER:سامر الحمدان"},
			want: []string{"سامر الحمدان|الممثلين يتعلمون وحدهم"},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs := Find(c.text, ents(c.text, c.ents...))
			checkQuotes(t, c.text, qs)
			var got []string
			for _, q := range qs {
				got = append(got, q.Speaker+"|"+q.Text)
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("quotes\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
