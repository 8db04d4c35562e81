package timex

import (
	"slices"
	"testing"
	"time"
)

// dayCase is one phrase of a day family: the values Find must give, in
// order (nil: none). Spans are checked for consistency only; the families
// below are about naming the right day.
type dayCase struct {
	name string
	in   string
	want []string
}

// runDayCases checks the values Find gives for each case against ref.
func runDayCases(t *testing.T, ref time.Time, cases []dayCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in, ref)
			var g []string
			for _, x := range got {
				g = append(g, x.Value)
			}
			if !slices.Equal(g, tc.want) {
				var spans []want
				for _, x := range got {
					spans = append(spans, want{x.Text, x.Value})
				}
				t.Errorf("Find(%q) = %q, want values %q", tc.in, spans, tc.want)
			}
			checkOffsets(t, tc.in, got)
		})
	}
}

// TestDayFamilies checks the families of phrases that name a day, relative
// to Monday 7 November 2016 (mon), each with look-alikes that are not dates.
func TestDayFamilies(t *testing.T) {
	runDayCases(t, mon, []dayCase{
		// Tomorrow, yesterday and the days around them.
		{"after tomorrow", "سأعود بعد غد", []string{"2016-11-09"}},
		{"after tomorrow def", "سيصل الوفد بعد الغد", []string{"2016-11-09"}},
		{"day after tomorrow yawm", "يصل الوفد يوم بعد غد", []string{"2016-11-09"}},
		{"after bukra", "نلتقي بعد بكرة", []string{"2016-11-09"}},
		{"tomorrow tanween", "سيصل الوفد غداً", []string{"2016-11-08"}},
		{"day of tomorrow def", "سيصل الوفد يوم الغد", []string{"2016-11-08"}},
		{"morning of tomorrow", "تبدأ الامتحانات صباح الغد", []string{"2016-11-08"}},
		{"evening of tomorrow", "يصل الوفد مساء غد", []string{"2016-11-08"}},
		{"yesterday", "وصل الوفد أمس", []string{"2016-11-06"}},
		{"yesterday evening", "وصل الوفد مساء أمس", []string{"2016-11-06"}},
		{"last night", "وقع الانفجار ليلة أمس", []string{"2016-11-06"}},
		{"late last night", "وقع الانفجار في وقت متأخر من مساء أمس", []string{"2016-11-06"}},
		{"yesterday bariha", "وصل الوفد البارحة", []string{"2016-11-06"}},
		{"day before yesterday", "وصل الوفد أول أمس", []string{"2016-11-05"}},
		{"day before yesterday min", "وصل الوفد أول من أمس", []string{"2016-11-05"}},
		{"yesterday the first", "وصل الوفد أمس الأول", []string{"2016-11-05"}},
		{"today", "يصل الوفد اليوم", []string{"2016-11-07"}},
		{"today with weekday", "يصل الوفد اليوم الاثنين", []string{"2016-11-07"}},
		{"noon today", "يصل الوفد ظهر اليوم", []string{"2016-11-07"}},
		{"dawn today", "شنت الطائرات غارات فجر اليوم", []string{"2016-11-07"}},
		{"tonight", "يلتقي الفريقان الليلة", []string{"2016-11-07"}},
		{"this evening", "يلتقي الفريقان هذا المساء", []string{"2016-11-07"}},
		{"afternoon today", "يلتقي الفريقان بعد ظهر اليوم", []string{"2016-11-07"}},

		// Colloquial forms.
		{"bukra", "بكرة", []string{"2016-11-08"}},
		{"bukra with a cue", "نشوفك بكرة الصبح", []string{"2016-11-08"}},
		{"bukra levantine", "منلتقي بكرا", []string{"2016-11-08"}},
		{"embareh", "امبارح", []string{"2016-11-06"}},
		{"embareh sentence", "شفته إمبارح في السوق", []string{"2016-11-06"}},
		{"mbareh levantine", "شفته مبارح", []string{"2016-11-06"}},
		{"awwal embareh", "اول امبارح", []string{"2016-11-05"}},
		{"innaharda", "عندنا اجتماع النهاردة", []string{"2016-11-07"}},
		{"next friday gulf", "نسافر الجمعة الجاية", []string{"2016-11-11"}},
		{"next week gulf", "نسافر الأسبوع الجاي", []string{"2016-11-14"}},
		{"come back tomorrow idiom not", "زمن عبارة \"راجعنا بكرة\" انتهى", nil},
		{"bukra future verb preposition", "سأعود بكرة إلى البيت", []string{"2016-11-08"}},
		{"bukra egyptian future", "حنسافر بكرة على الرياض", []string{"2016-11-08"}},
		{"bukra a pulley not", "ركب العامل بكرة جديدة في الآلة", nil},
		{"bukra and asil not", "سبحوا الله بكرة وأصيلا", nil},

		// Counts of days and weeks from the reference date.
		{"in three days", "سيصل الوفد بعد ثلاثة أيام", []string{"2016-11-10"}},
		{"in three days digits", "سيصل الوفد بعد 3 أيام", []string{"2016-11-10"}},
		{"in ten days", "سيصل الوفد بعد عشرة أيام", []string{"2016-11-17"}},
		{"a week from now", "سيصل الوفد بعد أسبوع من الآن", []string{"2016-11-14"}},
		{"within two days", "سينتهي العمل في غضون يومين", []string{"2016-11-09"}},
		{"within a week", "سينتهي العمل في غضون أسبوع", []string{"2016-11-14"}},
		{"within three days", "سينتهي العمل خلال ثلاثة أيام", []string{"2016-11-10"}},
		{"in 48 hours", "سيصدر الحكم بعد 48 ساعة", []string{"2016-11-09"}},
		{"three weeks from now", "ينتهي المشروع ثلاثة أسابيع من الآن", []string{"2016-11-28"}},
		{"in two weeks", "سيصل الوفد بعد أسبوعين", []string{"2016-11-21"}},
		{"three days ago", "وصل الوفد منذ ثلاثة أيام", []string{"2016-11-04"}},
		{"five days ago", "وصل الوفد قبل خمسة أيام", []string{"2016-11-02"}},
		{"ten days ago", "وصل الوفد قبل عشرة أيام", []string{"2016-10-28"}},
		{"eleven days ago", "وصل الوفد قبل أحد عشر يوما", []string{"2016-10-27"}},
		{"fifteen days ago", "وصل الوفد منذ خمسة عشر يوما", []string{"2016-10-23"}},
		{"fifteen days ago digits", "وصل الوفد منذ 15 يوما", []string{"2016-10-23"}},
		{"two days ago", "وصل الوفد منذ يومين", []string{"2016-11-05"}},
		{"a week ago", "وصل الوفد قبل أسبوع", []string{"2016-10-31"}},
		{"two weeks ago", "وصل الوفد قبل أسبوعين", []string{"2016-10-24"}},
		{"three weeks ago", "وصل الوفد قبل ثلاثة أسابيع", []string{"2016-10-17"}},
		{"duration not", "استمر الإضراب خمسة أيام", nil},
		{"for three days not", "أغلق الطريق لمدة ثلاثة أيام", nil},
		{"after days of an event not", "وبعد ثلاثة أيام من الحادث أعلنت الشرطة النتائج", nil},

		// This, next and last weekday.
		{"next friday qadima", "الجمعة القادمة", []string{"2016-11-11"}},
		{"next friday muqbila", "تعقد الجلسة الجمعة المقبلة", []string{"2016-11-11"}},
		{"last friday", "عقدت الجلسة الجمعة الماضية", []string{"2016-11-04"}},
		{"this friday", "تعقد الجلسة هذه الجمعة", []string{"2016-11-11"}},
		{"friday of next week", "تعقد الجلسة يوم الجمعة من الأسبوع المقبل", []string{"2016-11-18"}},
		{"next week on tuesday", "تعقد الجلسة الأسبوع المقبل يوم الثلاثاء", []string{"2016-11-15"}},
		{"last week on sunday", "عقدت الجلسة الأسبوع الماضي يوم الأحد", []string{"2016-10-30"}},
		{"thursday of last week", "عقدت الجلسة الخميس من الأسبوع الماضي", []string{"2016-11-03"}},
		{"next monday on a monday", "تعقد الجلسة الاثنين المقبل", []string{"2016-11-14"}},
		{"last monday on a monday", "عقدت الجلسة الاثنين الماضي", []string{"2016-10-31"}},
		{"next tuesday", "تعقد الجلسة يوم الثلاثاء المقبل", []string{"2016-11-08"}},
		{"tuesday after next", "تعقد الجلسة الثلاثاء بعد المقبل", []string{"2016-11-15"}},
		{"next sunday", "تعقد الجلسة الأحد القادم", []string{"2016-11-13"}},
		{"future verb thursday", "سيصل الوفد الخميس", []string{"2016-11-10"}},
		{"past thursday", "وصل الوفد الخميس", []string{"2016-11-03"}},
		{"morning of friday", "وصل الوفد صباح يوم الجمعة", []string{"2016-11-04"}},
		{"dawn friday", "شنت الطائرات غارات فجر الجمعة", []string{"2016-11-04"}},
		{"evening of next thursday", "يصل الوفد مساء الخميس المقبل", []string{"2016-11-10"}},
		{"friday prayer not", "أدى المصلون صلاة الجمعة", nil},
		{"eve not a date", "تصاعد التوتر عشية الانتخابات", nil},

		// A day of this, next or last month.
		{"tenth of next month", "العاشر من الشهر المقبل", []string{"2016-12-10"}},
		{"10 of this month", "تعقد الجلسة في 10 من هذا الشهر", []string{"2016-11-10"}},
		{"fifteenth of last month", "عقدت الجلسة في الخامس عشر من الشهر الماضي", []string{"2016-10-15"}},
		{"twentieth of this month", "تعقد الجلسة في العشرين من هذا الشهر", []string{"2016-11-20"}},
		{"twenty-first of current", "تعقد الجلسة في الحادي والعشرين من الشهر الجاري", []string{"2016-11-21"}},
		{"20 of the current month", "تعقد الجلسة في 20 الشهر الجاري", []string{"2016-11-20"}},
		{"fifth of next month", "تعقد الجلسة في الخامس من الشهر القادم", []string{"2016-12-05"}},
		{"ninth of current", "تعقد الجلسة في التاسع من الشهر الجاري", []string{"2016-11-09"}},
		{"9 november current", "تعقد الجلسة في 9 نوفمبر الجاري", []string{"2016-11-09"}},

		// Ordinal day words.
		{"twenty-first of march", "في الحادي والعشرين من مارس", []string{"2016-03-21"}},
		{"twenty-third nominative", "يوافق الثالث والعشرون من ديسمبر", []string{"2016-12-23"}},
		{"thirtieth nominative", "يوافق الثلاثون من نوفمبر", []string{"2016-11-30"}},
		{"twenty-second of december", "تعقد الجلسة في الثاني والعشرين من ديسمبر", []string{"2016-12-22"}},
		{"eleventh of november yawm", "تعقد الجلسة يوم الحادي عشر من نوفمبر", []string{"2016-11-11"}},
		{"thirtieth of november", "تعقد الجلسة في الثلاثين من نوفمبر", []string{"2016-11-30"}},
		{"first of october", "الأول من أكتوبر", []string{"2016-10-01"}},
		{"second of tishreen", "في الثاني من تشرين الأول", []string{"2016-10-02"}},
		{"feminine compound not a day", "الليلة الثانية والعشرون من رمضان 1436هـ", []string{"2015-07"}},
		{"mosaic not a future verb", "ألحقتها ب (فسيفساء التمرد) بعد قرابة ثمانية عشر عاما.", nil},
		{"nineteenth nominative", "يوافق التاسع عشر من نوفمبر", []string{"2016-11-19"}},
		{"twelfth feminine not a date", "الحلقة الثانية عشرة من المسلسل", nil},

		// Month and day in either order, and numeric dates.
		{"month first", "أكتوبر 2", []string{"2016-10-02"}},
		{"month first with year", "أكتوبر 2، 2016", []string{"2016-10-02"}},
		{"day month year", "2 أكتوبر 2016", []string{"2016-10-02"}},
		{"ordinal month year", "الثاني من أكتوبر 2016", []string{"2016-10-02"}},
		{"fi day month", "وصل الوفد في 2 أكتوبر", []string{"2016-10-02"}},
		{"double month name", "وصل الوفد في 2 أكتوبر/تشرين الأول 2016", []string{"2016-10-02"}},
		{"year month day slashes", "2016/10/2", []string{"2016-10-02"}},
		{"day month year dashes", "2-10-2016", []string{"2016-10-02"}},
		{"day month year zero padded", "02/10/2016", []string{"2016-10-02"}},
		{"weekday muwafiq", "تعقد الجلسة الأحد الموافق 13 نوفمبر", []string{"2016-11-13"}},
		{"weekday full date", "الأربعاء 9 نوفمبر 2016", []string{"2016-11-09"}},
		{"chapter not", "راجع الفصل 2 من الكتاب", nil},
		{"month-first count not", "باع أكتوبر 2 مليون نسخة", nil},

		// Weekday and ordinal.
		{"friday the thirteenth", "سيصل الوفد الجمعة الثالث عشر", []string{"2017-01-13"}},
		{"monday the twenty-first", "وصل الوفد الاثنين الحادي والعشرين", []string{"2016-11-21"}},

		// Month-first ranges.
		{"month-first range", "يوليو 13-15", []string{"2016-07-13", "2016-07-15"}},
		{"month-first range words", "تموز 13 الى 15", []string{"2016-07-13", "2016-07-15"}},
		{"month-first range hatta", "من يوليو 13 حتى 15", []string{"2016-07-13", "2016-07-15"}},
	})
}

// TestDayFamiliesMore checks more day phrases against mon, and the guards
// found reading real news.
func TestDayFamiliesMore(t *testing.T) {
	runDayCases(t, mon, []dayCase{
		{"night before last", "وقع انفجار الليلة قبل الماضية", []string{"2016-11-05"}},
		{"last night lail", "وقع انفجار الليلة الماضية", []string{"2016-11-06"}},
		{"tonight before punctuation", "يحتفل الأهالي الليلة، في الساحة", []string{"2016-11-07"}},
		{"this night", "يحتفل الأهالي هذه الليلة", []string{"2016-11-07"}},
		{"this morning", "قال المتحدث هذا الصباح إن الوفد وصل", []string{"2016-11-07"}},
		{"this era not", "في هذا العصر تغيرت الأحوال", nil},
		{"proverb not", "ما أشبه الليلة بالبارحة", nil},
		{"day and night not", "يعمل الموظفون في اليوم والليلة", nil},
		{"nightly misspelt not", "أغلقت السلطات النوادي الليلة في المدينة", nil},
		{"that night not", "لم ينم أحد تلك الليلة", nil},
		{"first night not", "نجح العرض في الليلة الأولى", nil},
		{"spent the night not", "قضت الأسرة الليلة في المستشفى", nil},
		{"the whole night not", "بقي الجنود الليلة كلها في مواقعهم", nil},
		{"next month date this year", "يفتتح المشروع يوم 27 نوفمبر المقبل", []string{"2016-11-27"}},
		{"this thursday present tense", "يصل اللاعب هذا الخميس إلى النمسا", []string{"2016-11-10"}},
		{"tomorrow morning adverb", "يصل الوفد غدا صباحا", []string{"2016-11-08"}},
		{"yesterday yawm", "وصل الوفد يوم أمس", []string{"2016-11-06"}},
		{"morning of yesterday yawm", "وصل الوفد صباح يوم أمس", []string{"2016-11-06"}},
		{"tomorrow with weekday", "يصل الوفد غدا الثلاثاء", []string{"2016-11-08"}},
		{"after tomorrow with weekday", "يصل الوفد بعد غد الأربعاء", []string{"2016-11-09"}},
		{"a day ago one", "وصل الوفد قبل يوم واحد", []string{"2016-11-06"}},
		{"days ago from now", "وصل الوفد قبل ثلاثة أيام من الآن", []string{"2016-11-04"}},
		{"twenty days ago", "وصل الوفد قبل عشرين يوما", []string{"2016-10-18"}},
		{"thirty days ago", "وصل الوفد منذ ثلاثين يوما", []string{"2016-10-08"}},
		{"week ago from today", "وصل الوفد قبل أسبوع من اليوم", []string{"2016-10-31"}},
		{"first of next december", "تعقد الجلسة في الأول من ديسمبر المقبل", []string{"2016-12-01"}},
		{"2 november last", "عقدت الجلسة في 2 نوفمبر الماضي", []string{"2016-11-02"}},
		{"12 of the current month", "تعقد الجلسة في 12 من الشهر الجاري", []string{"2016-11-12"}},
		{"weekday muwafiq numeric", "تعقد الجلسة يوم الأحد الموافق 13/11/2016", []string{"2016-11-13"}},
		{"dotted date", "تعقد الجلسة في 13.11.2016", []string{"2016-11-13"}},
		{"iso date", "تعقد الجلسة في 2016-11-13", []string{"2016-11-13"}},
		{"thirty-first nominative", "يوافق الحادي والثلاثون من ديسمبر", []string{"2016-12-31"}},
		{"thirty-first colloquial", "في الواحد والثلاثين من ديسمبر", []string{"2016-12-31"}},
		{"levantine month day year", "في 10 تشرين الثاني 2016", []string{"2016-11-10"}},
		{"kanun", "في 10 كانون الثاني", []string{"2017-01-10"}},
		{"weekday ordinal month", "تعقد الجلسة الأحد الثالث عشر من نوفمبر", []string{"2016-11-13"}},
		{"friday 13 january", "تعقد الجلسة الجمعة 13 يناير", []string{"2017-01-13"}},
		{"last tuesday with date", "عقدت الجلسة الثلاثاء الماضي 1 نوفمبر", []string{"2016-11-01", "2016-11-01"}},
		{"last day of this month", "تنتهي المهلة في اليوم الأخير من هذا الشهر", []string{"2016-11-30"}},
		{"first day of the year", "بدأ العمل بالقرار في اليوم الأول من العام", []string{"2016-01-01"}},
		{"fifteenth day of the month", "تنتهي المهلة في اليوم الخامس عشر من الشهر", []string{"2016-11-15"}},
		{"day 10 november yawm", "تعقد الجلسة يوم 10 نوفمبر", []string{"2016-11-10"}},
		{"tenth of tishreen thani", "في العاشر من تشرين الثاني", []string{"2016-11-10"}},
		{"next friday egyptian", "هنسافر الجمعة اللي جاية", []string{"2016-11-11"}},
		{"last week egyptian", "سافرنا الأسبوع اللي فات", []string{"2016-10-31"}},
		{"in a day", "سيصدر الحكم بعد يوم واحد", []string{"2016-11-08"}},
		{"christmas", "تحتفل الكنائس بعيد الميلاد المجيد", []string{"2016-12-25"}},
		{"christmas with year", "في عيد الميلاد 2015", []string{"2015-12-25"}},
		{"valentine", "ترتفع أسعار الورود في عيد الحب", []string{"2016-02-14"}},
		{"mothers day", "يحتفل العالم العربي بعيد الأم", []string{"2016-03-21"}},
		{"labour day", "عطلة رسمية في عيد العمال", []string{"2016-05-01"}},
		{"feast as a subject not", "كيف سرق غرينش عيد الميلاد", nil},
		{"so-called feast not", "يمنع بيع الورود في ما يسمى بعيد الحب", nil},
		{"second day of eid", "تستأنف الدراسة ثاني أيام عيد الفطر", []string{"2016-07-07"}},
		{"arafa", "يصوم المسلمون يوم عرفة", []string{"2016-09-10"}},
		{"ashura", "أحيا الشيعة ذكرى عاشوراء", []string{"2016-10-11"}},
		{"and ashura", "في رمضان وعاشوراء", []string{"2017-06", "2016-10-11"}},
		{"ashura militia not", "استدعى المحافظ سرايا عاشوراء لحمايته", nil},
		{"hijri new year", "عطلة بمناسبة رأس السنة الهجرية", []string{"2016-10-02"}},
		{"gregorian new year", "عطلة بمناسبة رأس السنة الميلادية", []string{"2017-01-01"}},
		{"mawlid", "الاحتفال بالمولد النبوي الشريف", []string{"2016-12-11"}},
		{"ghurra hijri", "يبدأ الصيام غرة رمضان", []string{"2017-05-27"}},
		{"ghurra next month", "تبدأ الدراسة في غرة الشهر المقبل", []string{"2016-12-01"}},
		{"ghurra of a gregorian month", "تبدأ الدراسة غرة ديسمبر", []string{"2016-12-01"}},
		{"ghurra a noun not", "تزينت غرة الحصان", nil},
		{"birthday not", "احتفل بعيد ميلاده في المنزل", nil},
		{"birthday age not", "احتفل بعيد الميلاد الخمسين لزوجته", nil},
		{"birthday age digits not", "احتفل بعيد الميلاد الـ50 لزوجته", nil},
		{"month day year", "وصل في 11/13/2016", []string{"2016-11-13"}},
		{"fi day number future", "سأعود في 15", []string{"2016-11-15"}},
		{"fi day number past wraps", "سيعقد الاجتماع في 3.", []string{"2016-12-03"}},
		{"fi article day number future", "سأعود في الـ22", []string{"2016-11-22"}},
		{"fi al-ghad future", "سنلتقي في الغد", []string{"2016-11-08"}},
		{"hope in tomorrow not", "لدينا أمل في الغد المشرق", nil},
		{"sunday before last", "عقدت الجلسة الأحد الأسبق", []string{"2016-10-30"}},
		{"fi count not", "سيشارك في 15 دولة", nil},
		{"fi number past not", "شارك في 15.", nil},
		{"about a week ago", "وصل الوفد قبل نحو أسبوع", []string{"2016-10-31"}},
		{"about ten days ago", "وصل الوفد منذ حوالي عشرة أيام", []string{"2016-10-28"}},
		{"about three weeks ago", "وصل الوفد قبل قرابة ثلاثة أسابيع", []string{"2016-10-17"}},
		{"more than a week ago not", "وصل الوفد قبل أكثر من أسبوع", nil},
		{"in three days alone", "بعد ثلاثة أيام", []string{"2016-11-10"}},
		{"within two days alone", "خلال يومين", []string{"2016-11-09"}},
		{"within a week alone", "في غضون أسبوع.", []string{"2016-11-14"}},
		{"in 2 days alone", "بعد 2 يوم", []string{"2016-11-09"}},
		{"three days later in a story not", "وبعد ثلاثة أيام، أعلنت الشرطة النتائج.", nil},
		{"in ten days before a future verb", "بعد عشرة أيام سيعود الوفد", []string{"2016-11-17"}},
		{"in six weeks before the future", "وبعد ستة أسابيع ستبدأ المرحلة الثانية", []string{"2016-12-19"}},
		{"later in a story before a past verb not", "وبعد عشرة أيام عاد الوفد", nil},
		{"weekday and day of this month", "يصل الوفد السبت 19 الجاري", []string{"2016-11-19"}},
		{"a week of a month not a day", "في الأسبوع الثاني من ديسمبر", []string{"2016-12"}},
		{"a half of a month not a day", "خلال النصف الأول من ديسمبر", []string{"2016-12"}},
		{"the day of a month still", "في اليوم الثاني من ديسمبر", []string{"2016-12-02"}},
		{"a name like a future verb not", "ورحل بيتر شيك بعد 11 عاما في ستامفورد بريدج", nil},
		{"sawfa within three words", "فبعد 19 سنة قادمة سوف يشاهد قمر أزرق", []string{"2035"}},
		{"future verb in the next clause not", "وبعد عشرة أيام عاد الوفد، وسيغادر غدا", []string{"2016-11-08"}},
		{"within two days in a story not", "أنهى العمل خلال يومين.", nil},
		{"month-first ordinal only the month", "في أكتوبر الأول", []string{"2016-10"}},
		{"month-first range dash", "تقام البطولة في أغسطس 3-5", []string{"2016-08-03", "2016-08-05"}},
		{"month-first with muwafiq weekday", "في يوليو 13، وصل الوفد", []string{"2016-07-13"}},
		{"month-first list not a range", "يناير 5 و فبراير 7", []string{"2017-01-05", "2016-02-07"}},
	})
}
