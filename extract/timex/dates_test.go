package timex

import (
	"testing"
	"time"
)

// mon is the reference date of the short-sentence families below: Monday
// 7 November 2016 (the week began on Sunday 6 November).
var mon = time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC)

// dateCase is one sentence of a family: the times it must give, in order
// (nil: none).
type dateCase struct {
	name string
	ref  time.Time
	in   string
	want []want
}

// runDateCases checks that Find gives each case's texts and values, in
// order, with exact offsets.
func runDateCases(t *testing.T, cases []dateCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in, tc.ref)
			var g []want
			for _, x := range got {
				g = append(g, want{x.Text, x.Value})
			}
			if len(g) != len(tc.want) {
				t.Fatalf("Find(%q) = %q, want %q", tc.in, g, tc.want)
			}
			for i := range g {
				if g[i] != tc.want[i] {
					t.Errorf("Find(%q)[%d] = %q, want %q", tc.in, i, g[i], tc.want[i])
				}
			}
			checkOffsets(t, tc.in, got)
		})
	}
}

func TestNumericDates(t *testing.T) {
	runDateCases(t, []dateCase{
		{"day month", mon, "سأعود في 1/10", []want{{"1/10", "2016-10-01"}}},
		{"day month year", mon, "سأعود في 1/10/2016", []want{{"1/10/2016", "2016-10-01"}}},
		{"year month day", mon, "سأعود في 2016/10/1", []want{{"2016/10/1", "2016-10-01"}}},
		{"dashes", mon, "سأعود في 1-10-2016", []want{{"1-10-2016", "2016-10-01"}}},
		{"dots", mon, "سأعود في 10.1.2016", []want{{"10.1.2016", "2016-01-10"}}},
		{"dots two-digit", mon, "وقع الحادث بتاريخ 25.12.2015 في المدينة", []want{{"25.12.2015", "2015-12-25"}}},
		{"arabic-indic", mon, "سأعود في ١/١٠/٢٠١٦", []want{{"١/١٠/٢٠١٦", "2016-10-01"}}},
		{"arabic-indic day month", mon, "سأعود يوم ٢٠/١٢", []want{{"٢٠/١٢", "2016-12-20"}}},
		{"after yawm", mon, "وصل الوفد يوم 3/11 إلى المدينة", []want{{"3/11", "2016-11-03"}}},
		{"weekday day month", mon, "تبدأ الدراسة الأحد 13/11 في المدارس", []want{{"الأحد 13/11", "2016-11-13"}}},
		{"dated", mon, "صدر القرار بتاريخ 15/8", []want{{"15/8", "2016-08-15"}}},
		{"nearest year", mon, "يبدأ الفصل في 10/1", []want{{"10/1", "2017-01-10"}}},
		{"two-digit year", mon, "سأعود في 1/10/16", []want{{"1/10/16", "2016-10-01"}}},
		{"two-digit year last century", mon, "ولد في 5/3/85 في القاهرة", []want{{"5/3/85", "1985-03-05"}}},
		{"future verb cue", mon, "سأعود 1/10", []want{{"1/10", "2016-10-01"}}},
		{"future verb cue 3rd person", mon, "ستنطلق البطولة 20/12", []want{{"20/12", "2016-12-20"}}},
		{"noun not a cue", mon, "سائق 1/10", nil},
		{"slashes around a month name", mon, "سأعود في 12/أكتوبر/2016", []want{{"12/أكتوبر/2016", "2016-10-12"}}},
		{"dashes around a month name", mon, "وصل في 3-مارس-2015", []want{{"3-مارس-2015", "2015-03-03"}}},
		{"slash before a month name", mon, "سأعود في 12/أكتوبر", []want{{"12/أكتوبر", "2016-10-12"}}},
		{"score not", mon, "فاز الفريق 3/1 على منافسه", nil},
		{"fraction not", mon, "يعاني 1/10 من السكان من المرض", nil},
		{"fraction after fi not", mon, "سجل في 2/3 المباريات", nil},
		{"bad day not", mon, "سأعود في 32/10", nil},
		{"decimal not", mon, "ارتفع المؤشر 10.1 نقطة", nil},
		{"version not", mon, "صدر الإصدار 2.10.3 من البرنامج", nil},
		{"three dots not", mon, "العنوان 10.1.20.16 في الشبكة", nil},
	})
}

func TestDayAlone(t *testing.T) {
	runDateCases(t, []dateCase{
		{"yawm number", mon, "سأعود يوم 15", []want{{"يوم 15", "2016-11-15"}}},
		{"yawm number past", mon, "وصل يوم 3 إلى العاصمة", []want{{"يوم 3", "2016-11-03"}}},
		{"fi ordinal", mon, "سأعود في الخامس عشر", []want{{"الخامس عشر", "2016-11-15"}}},
		{"yawm ordinal", mon, "سأعود يوم العشرين", []want{{"يوم العشرين", "2016-11-20"}}},
		{"ordinal of the month", mon, "سأعود في الخامس من الشهر", []want{{"الخامس من الشهر", "2016-11-05"}}},
		{"number of the month", mon, "ينتهي التسجيل في 25 من الشهر", []want{{"25 من الشهر", "2016-11-25"}}},
		{"day not in month", mon, "وصل يوم 31", []want{{"يوم 31", "2016-10-31"}}},
		{"day not in month future", mon, "سأعود يوم 31", []want{{"يوم 31", "2016-12-31"}}},
		{"past day future", mon, "سأعود يوم 5", []want{{"يوم 5", "2016-12-05"}}},
		{"fi unit ordinal future", mon, "سأعود في الخامس", []want{{"الخامس", "2016-12-05"}}},
		{"fi unit ordinal past not", mon, "فاز الفريق في الثاني.", nil},
		{"at first not", mon, "سأرفض في الأول، ثم أوافق", nil},
		{"fi compound ordinal past", mon, "وصل في الخامس عشر", []want{{"الخامس عشر", "2016-11-15"}}},
		{"number of a count not", mon, "رقم 10 الحالي", nil},
		{"day range after yawm", mon, "تغير الموعد من يوم 3 إلى 4 أغسطس", []want{{"3", "2016-08-03"}, {"4 أغسطس", "2016-08-04"}}},
		{"ordinal adjective before safar not", mon, "خسر في اللقاء الأول صفر/2", nil},
		{"article and digits of the month", mon, "ينتهي التسجيل في الـ25 من الشهر", []want{{"25 من الشهر", "2016-11-25"}}},
		{"article and digits current", mon, "تبدأ الدراسة في الـ20 الجاري", []want{{"20 الجاري", "2016-11-20"}}},
		{"rank not", mon, "حل الفريق في الخامس عشر من الترتيب", nil},
		{"position not", mon, "جاء في المركز الخامس", nil},
		{"count not", mon, "شارك في 15 دولة", nil},
		{"hours not", mon, "عمل يوم 15 ساعة متواصلة", nil},
		{"second day not", mon, "في اليوم الثاني من المؤتمر", nil},
	})
}

func TestOrdinalDays(t *testing.T) {
	runDateCases(t, []dateCase{
		{"first", mon, "سأعود في الأول من أكتوبر", []want{{"الأول من أكتوبر", "2016-10-01"}}},
		{"tenth", mon, "سأعود في العاشر من مارس", []want{{"العاشر من مارس", "2016-03-10"}}},
		{"twenty-first", mon, "سأعود في الحادي والعشرين من يونيو", []want{{"الحادي والعشرين من يونيو", "2016-06-21"}}},
		{"twenty-first colloquial", mon, "سأعود في الواحد والعشرين من يونيو", []want{{"الواحد والعشرين من يونيو", "2016-06-21"}}},
		{"twelfth", mon, "سأعود في الثاني عشر من ديسمبر", []want{{"الثاني عشر من ديسمبر", "2016-12-12"}}},
		{"thirtieth", mon, "وصل في الثلاثين من أبريل", []want{{"الثلاثين من أبريل", "2016-04-30"}}},
		{"with year", mon, "ولد في الثالث والعشرين من يوليو 1990", []want{{"الثالث والعشرين من يوليو 1990", "1990-07-23"}}},
		{"month word", mon, "سأعود في العاشر من شهر ديسمبر", []want{{"العاشر من شهر ديسمبر", "2016-12-10"}}},
		{"of next month", mon, "سأعود في العاشر من الشهر القادم", []want{{"العاشر من الشهر القادم", "2016-12-10"}}},
		{"yawm ordinal month", mon, "سأعود يوم الأول من ديسمبر", []want{{"الأول من ديسمبر", "2016-12-01"}}},
		{"thirty-first not in month", mon, "سأعود في الحادي والثلاثين من نوفمبر", nil},
	})
}

func TestRelativeDays(t *testing.T) {
	runDateCases(t, []dateCase{
		{"after tomorrow", mon, "سأعود بعد غد", []want{{"بعد غد", "2016-11-09"}}},
		{"after tomorrow def", mon, "سأعود بعد الغد", []want{{"بعد الغد", "2016-11-09"}}},
		{"day before yesterday", mon, "وصل أول أمس", []want{{"أول أمس", "2016-11-05"}}},
		{"before yesterday", mon, "وصل قبل أمس", []want{{"قبل أمس", "2016-11-05"}}},
		{"before yesterday def", mon, "وصل قبل الأمس", []want{{"قبل الأمس", "2016-11-05"}}},
		{"next day", mon, "سأعود في اليوم التالي", []want{{"اليوم التالي", "2016-11-08"}}},
		{"previous day", mon, "كان ذلك في اليوم السابق", []want{{"اليوم السابق", "2016-11-06"}}},
		{"next day after a date", mon, "وصل الوفد الخميس وغادر في اليوم التالي", []want{{"الخميس", "2016-11-03"}, {"اليوم التالي", "2016-11-04"}}},
		{"previous day of a date", mon, "وقع الحادث في 20 أكتوبر وكان قد وصل اليوم السابق", []want{{"20 أكتوبر", "2016-10-20"}, {"اليوم السابق", "2016-10-19"}}},
		{"next day after a month not", mon, "وصل في أكتوبر وغادر في اليوم التالي", []want{{"أكتوبر", "2016-10"}}},
		{"in two days", mon, "سأعود بعد يومين", []want{{"بعد يومين", "2016-11-09"}}},
		{"three days ago", mon, "وصل قبل ثلاثة أيام", []want{{"قبل ثلاثة أيام", "2016-11-04"}}},
		{"within two days", mon, "سأنهي العمل خلال يومين", []want{{"خلال يومين", "2016-11-09"}}},
		{"a day ago", mon, "وصل قبل يوم", []want{{"قبل يوم", "2016-11-06"}}},
		{"tomorrow", mon, "سأعود غدا", []want{{"غدا", "2016-11-08"}}},
		{"day of tomorrow", mon, "سأعود يوم غد", []want{{"يوم غد", "2016-11-08"}}},
		{"this day", mon, "سأعود في هذا اليوم", []want{{"هذا اليوم", "2016-11-07"}}},
		{"days from now", mon, "سأعود ثلاثة أيام من الآن", []want{{"ثلاثة أيام من الآن", "2016-11-10"}}},
		{"digits from now", mon, "سأعود 5 أيام من الآن", []want{{"5 أيام من الآن", "2016-11-12"}}},
	})
}

func TestRelativePeriods(t *testing.T) {
	runDateCases(t, []dateCase{
		{"next friday", mon, "سأعود الجمعة القادمة", []want{{"الجمعة القادمة", "2016-11-11"}}},
		{"next friday yawm", mon, "سأعود يوم الجمعة القادم", []want{{"الجمعة القادم", "2016-11-11"}}},
		{"last friday", mon, "وصل الجمعة الماضية", []want{{"الجمعة الماضية", "2016-11-04"}}},
		{"friday of last week", mon, "وصل يوم الجمعة من الأسبوع الماضي", []want{{"الجمعة من الأسبوع الماضي", "2016-11-04"}}},
		{"friday next week no min", mon, "سأعود الجمعة الأسبوع القادم", []want{{"الجمعة الأسبوع القادم", "2016-11-18"}}},
		{"friday this week", mon, "سأعود الجمعة من هذا الأسبوع", []want{{"الجمعة من هذا الأسبوع", "2016-11-11"}}},
		{"friday after next", mon, "سأعود الجمعة بعد القادمة", []want{{"الجمعة بعد القادمة", "2016-11-18"}}},
		{"week after next", mon, "سأعود الأسبوع بعد القادم", []want{{"الأسبوع بعد القادم", "2016-11-21"}}},
		{"week before last", mon, "وصل الأسبوع قبل الماضي", []want{{"الأسبوع قبل الماضي", "2016-10-24"}}},
		{"month before last", mon, "وصل الشهر قبل الماضي", []want{{"الشهر قبل الماضي", "2016-09"}}},
		{"month after next", mon, "سأعود الشهر بعد المقبل", []want{{"الشهر بعد المقبل", "2017-01"}}},
		{"year before last", mon, "وصل العام قبل الماضي", []want{{"العام قبل الماضي", "2014"}}},
		{"next year sana", mon, "سأعود السنة القادمة", []want{{"السنة القادمة", "2017"}}},
		{"next year am", mon, "سأعود العام المقبل", []want{{"العام المقبل", "2017"}}},
		{"end of next week", mon, "سأعود نهاية الأسبوع المقبل", []want{{"نهاية الأسبوع المقبل", "2016-11-18"}}},
		{"this friday", mon, "سأعود هذه الجمعة", []want{{"هذه الجمعة", "2016-11-11"}}},
		{"next week", mon, "سأعود الأسبوع القادم", []want{{"الأسبوع القادم", "2016-11-14"}}},
		{"next sunday future verb", mon, "سأعود يوم الأحد", []want{{"الأحد", "2016-11-13"}}},
		{"before the last not", mon, "قبل الماضي بكثير", nil},
	})
}

func TestPositions(t *testing.T) {
	runDateCases(t, []dateCase{
		{"last day of month", mon, "سأعود في اليوم الأخير من الشهر", []want{{"اليوم الأخير من الشهر", "2016-11-30"}}},
		{"last day of year", mon, "سأعود آخر يوم من السنة", []want{{"آخر يوم من السنة", "2016-12-31"}}},
		{"first day of next month", mon, "سأعود أول يوم من الشهر القادم", []want{{"أول يوم من الشهر القادم", "2016-12-01"}}},
		{"first day of the month def", mon, "سأعود في اليوم الأول من الشهر المقبل", []want{{"اليوم الأول من الشهر المقبل", "2016-12-01"}}},
		{"last day in month", mon, "ينتهي العقد في آخر يوم في الشهر", []want{{"آخر يوم في الشهر", "2016-11-30"}}},
		{"last day of february", mon, "سأعود في آخر يوم من فبراير", []want{{"آخر يوم من فبراير", "2016-02-29"}}},
		{"first day of next year", mon, "سأعود أول يوم من العام المقبل", []want{{"أول يوم من العام المقبل", "2017-01-01"}}},
		{"last day of last month", mon, "وصل في اليوم الأخير من الشهر الماضي", []want{{"اليوم الأخير من الشهر الماضي", "2016-10-31"}}},
		{"first friday of july", mon, "سأعود في الجمعة الأولى من يوليو", []want{{"الجمعة الأولى من يوليو", "2016-07-01"}}},
		{"second tuesday of january", mon, "سأعود الثلاثاء الثاني من يناير 2017", []want{{"الثلاثاء الثاني من يناير 2017", "2017-01-10"}}},
		{"monday the second of january", mon, "سأعود الاثنين الثاني من يناير 2017", []want{{"الاثنين الثاني من يناير 2017", "2017-01-02"}}},
		{"last friday of the month", mon, "سأعود آخر جمعة من الشهر", []want{{"آخر جمعة من الشهر", "2016-11-25"}}},
		{"last friday of march", mon, "وصل في الجمعة الأخيرة من مارس", []want{{"الجمعة الأخيرة من مارس", "2016-03-25"}}},
		{"first friday of next month", mon, "سأعود أول جمعة من الشهر القادم", []want{{"أول جمعة من الشهر القادم", "2016-12-02"}}},
		{"third tuesday of this month", mon, "سأعود يوم الثلاثاء الثالث من هذا الشهر", []want{{"الثلاثاء الثالث من هذا الشهر", "2016-11-15"}}},
		{"middle of the month", mon, "سأعود في منتصف الشهر", []want{{"منتصف الشهر", "2016-11"}}},
		{"end of the year", mon, "ينتهي المشروع نهاية العام", []want{{"نهاية العام", "2016"}}},
		{"middle of ramadan not", mon, "في منتصف الشهر الكريم", nil},
		{"first day of work not", mon, "كان أول يوم من العمل شاقا", nil},
		{"last friday of the year", mon, "سأعود آخر جمعة من العام", []want{{"آخر جمعة من العام", "2016-12-30"}}},
		{"last day of the war not", mon, "في اليوم الأخير من الحرب", nil},
	})
}

func TestDurationsFromRef(t *testing.T) {
	runDateCases(t, []dateCase{
		{"in three weeks", mon, "سأعود بعد 3 أسابيع", []want{{"بعد 3 أسابيع", "2016-11-28"}}},
		{"two months ago", mon, "وصل قبل شهرين", []want{{"قبل شهرين", "2016-09-07"}}},
		{"month ago", mon, "وصل قبل شهر", []want{{"قبل شهر", "2016-10-07"}}},
		{"in two months", mon, "سأعود بعد شهرين", []want{{"بعد شهرين", "2017-01-07"}}},
		{"since two months", mon, "وصل منذ شهرين", []want{{"منذ شهرين", "2016-09-07"}}},
		{"years stay years", mon, "وصل قبل عامين", []want{{"قبل عامين", "2014"}}},
		{"a week ago", mon, "وصل منذ أسبوع", []want{{"منذ أسبوع", "2016-10-31"}}},
		{"two weeks ago", mon, "وصل قبل أسبوعين", []want{{"قبل أسبوعين", "2016-10-24"}}},
		{"weekday and day", mon, "وصل الأحد 5 مارس", []want{{"الأحد 5 مارس", "2017-03-05"}}},
		{"month and year", mon, "سأعود في مارس 2017", []want{{"مارس 2017", "2017-03"}}},
	})
}

// TestDatesInContext checks the new rules inside longer news sentences,
// where the guards matter.
func TestDatesInContext(t *testing.T) {
	runDateCases(t, []dateCase{
		{"same month", mon, "يلعب الفريق في 27 يوليو المقبل، ثم في 31 من الشهر ذاته", []want{{"27 يوليو المقبل", "2017-07-27"}, {"31 من الشهر ذاته", "2017-07-31"}}},
		{"same month ordinal", mon, "وصل في 3 أغسطس وغادر في الثاني عشر من الشهر نفسه", []want{{"3 أغسطس", "2016-08-03"}, {"الثاني عشر من الشهر نفسه", "2016-08-12"}}},
		{"same month without a date not", mon, "ينتهي في الخامس من الشهر ذاته", nil},
		{"this day with weekday", mon, "بلغ العدد مساء هذا اليوم (الاثنين) ألف شخص", []want{{"هذا اليوم (الاثنين)", "2016-11-07"}}},
		{"on this day of a year", mon, "وفي مثل هذا اليوم من عام 1990 وقعت الحرب", []want{{"هذا اليوم من عام 1990", "1990-11-07"}}},
		{"on this day not", mon, "وقعت الحرب في مثل هذا اليوم", nil},
		{"on this day last year", mon, "في مثل هذا اليوم من العام الماضي فاز الفريق", []want{{"هذا اليوم من العام الماضي", "2015-11-07"}}},
		{"same day next week", mon, "سأعود نفس اليوم من الأسبوع القادم", []want{{"نفس اليوم من الأسبوع القادم", "2016-11-14"}}},
		{"same day next month", mon, "سأعود في نفس اليوم من الشهر المقبل", []want{{"نفس اليوم من الشهر المقبل", "2016-12-07"}}},
		{"the same day", mon, "وصل الوفد الخميس وغادر في اليوم نفسه", []want{{"الخميس", "2016-11-03"}, {"اليوم نفسه", "2016-11-03"}}},
		{"the same day without a date not", mon, "وغادر في اليوم نفسه", nil},
		{"next week on friday", mon, "سأعود الأسبوع المقبل يوم الجمعة", []want{{"الأسبوع المقبل يوم الجمعة", "2016-11-18"}}},
		{"friday the 13th", mon, "سأعود الجمعة 13", []want{{"الجمعة 13", "2017-01-13"}}},
		{"sunday the 13th", mon, "وصل الأحد 13 إلى المدينة", []want{{"الأحد 13", "2016-11-13"}}},
		{"weekday list of days", mon, "تستقبل الطلبات أيام الأحد والاثنين والثلاثاء 10 و11 و12 شوال", []want{{"الأحد", "2016-11-06"}, {"الاثنين", "2016-11-07"}, {"الثلاثاء", "2016-11-01"}, {"11", "2016-07-11"}, {"12 شوال", "2016-07-17"}}},
		{"friday the twenty-first", mon, "سأعود الجمعة الحادي والعشرين", []want{{"الجمعة الحادي والعشرين", "2016-10-21"}}},
		{"of this year", mon, "سأعود في 2 أكتوبر من هذا العام", []want{{"2 أكتوبر من هذا العام", "2016-10-02"}}},
		{"first day of next week", mon, "سأعود في أول يوم من الأسبوع القادم", []want{{"أول يوم من الأسبوع القادم", "2016-11-13"}}},
		{"last day of the week", mon, "سأعود في آخر يوم من الأسبوع", []want{{"آخر يوم من الأسبوع", "2016-11-12"}}},
		{"third day of the week", mon, "سأعود في اليوم الثالث من الأسبوع المقبل", []want{{"اليوم الثالث من الأسبوع المقبل", "2016-11-15"}}},
		{"friday in next week", mon, "سأعود يوم الجمعة في الأسبوع القادم", []want{{"الجمعة في الأسبوع القادم", "2016-11-18"}}},
		{"second friday of the month", mon, "سأعود في ثاني جمعة من الشهر", []want{{"ثاني جمعة من الشهر", "2016-11-11"}}},
		{"third day of the month", mon, "سأعود في ثالث يوم من الشهر", []want{{"ثالث يوم من الشهر", "2016-11-03"}}},
		{"second a noun not", mon, "حل ثاني فريق من الشهر", nil},
		{"day of the current month", mon, "تبدأ الامتحانات في 15 الجاري", []want{{"15 الجاري", "2016-11-15"}}},
		{"ordinal of the current month", mon, "وصل في الخامس من الجاري", []want{{"الخامس من الجاري", "2016-11-05"}}},
		{"day of last month", mon, "وصل يوم 12 الماضي", []want{{"12 الماضي", "2016-10-12"}}},
		{"adjective of a plural", mon, "خلال الأيام 3 الماضية", []want{{"الأيام 3 الماضية", pastRef}}},
		{"dual past", mon, "تراجعت الأسعار خلال الأسبوعين الماضيين", []want{{"الأسبوعين الماضيين", pastRef}}},
		{"dual future", mon, "يصل الوفد في اليومين المقبلين", []want{{"اليومين المقبلين", futureRef}}},
		{"dual last", mon, "نما القطاع في العامين الأخيرين", []want{{"العامين الأخيرين", pastRef}}},
		{"dual without adjective not", mon, "قضى اليومين في المستشفى", nil},
		{"counted hours", mon, "قتل عشرة خلال الـ24 ساعة الماضية", []want{{"الـ24 ساعة الماضية", pastRef}}},
		{"counted years", mon, "يتوقع نمو الطلب في 20 عاما المقبلة", []want{{"20 عاما المقبلة", futureRef}}},
		{"counted hours without adjective not", mon, "استمر الاجتماع 24 ساعة متواصلة", nil},
		{"ordinal adjective not", mon, "في الفصل الثاني الحالي", nil},
		{"ordinal without min not", mon, "فاز بالمركز الثاني الحالي", nil},
		{"day of the month after next", mon, "سأعود في العاشر من الشهر بعد القادم", []want{{"العاشر من الشهر بعد القادم", "2017-01-10"}}},
		{"first days of next month", mon, "سأعود في أول أيام الشهر المقبل", []want{{"أول أيام الشهر المقبل", "2016-12-01"}}},
		{"last days of the year", mon, "وصل في آخر أيام العام الماضي", []want{{"آخر أيام العام الماضي", "2015-12-31"}}},
		{"first days of eid", mon, "صلى في أول أيام عيد الفطر", []want{{"أول أيام عيد الفطر", "2016-07-06"}}},
		{"weekday count not", mon, "قتل يوم الخميس 5 أشخاص", []want{{"الخميس", "2016-11-03"}}},
		{"days from today", mon, "سأعود بعد 3 أيام من اليوم", []want{{"بعد 3 أيام من اليوم", "2016-11-10"}}},
		{"week from today", mon, "سأعود أسبوع من اليوم", []want{{"أسبوع من اليوم", "2016-11-14"}}},
		{"month/day by weekday", time.Date(2015, 7, 25, 0, 0, 0, 0, time.UTC), "حددت الكلية أيام الثلاثاء 10/12 والأربعاء 10/13", []want{{"الثلاثاء 10/12", "2015-07-28"}, {"الأربعاء 10/13", "2015-07-29"}}},
		{"no reading on the weekday", mon, "وصل يوم الخميس 5/9 إلى المدينة", []want{{"الخميس", "2016-11-03"}}},
		{"hijri by weekday", time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC), "اندلع الحريق مساء يوم الأربعاء 28/9 على الطريق", []want{{"الأربعاء 28/9", "2015-07-15"}}},
		{"about a year ago from now", mon, "قال ذلك قبل قرابة عام من الآن", []want{{"قبل قرابة عام من الآن", "2015"}}},
		{"fifth or sixth", mon, "يختتم مبارياته في الخامس أو السادس من أغسطس", []want{{"السادس من أغسطس", "2016-08-06"}}},
		{"age not", mon, "منفذ الهجوم رجل في العشرين.", nil},
		{"next day in a past story not", mon, "عاد إلى منزله وفي اليوم التالي ذهب إلى العمل", nil},
		{"previous day of the report", mon, "ارتفع عدد القتلى إلى ضعف عددهم في اليوم السابق.", []want{{"اليوم السابق", "2016-11-06"}}},
		{"last day of last ramadan", mon, "سجلت الحالة في اليوم الأخير من رمضان الماضي", []want{{"اليوم الأخير من رمضان الماضي", "2016-07-05"}}},
		{"first day of ramadan", mon, "يبدأ البرنامج في أول أيام رمضان", []want{{"أول أيام رمضان", "2017-05-27"}}},
		{"last friday of ramadan 1436", mon, "صلى آخر جمعة من شهر رمضان 1436 هـ", []want{{"آخر جمعة من شهر رمضان 1436 هـ", "2015-07-10"}}},
		{"hijri year after a relative word", mon, "حتى اليوم الثامن من شهر رمضان المقبل 1436هـ", []want{{"اليوم الثامن من شهر رمضان المقبل 1436هـ", "2015-06-25"}}},
		{"first day of february month word", mon, "سأعود أول يوم من شهر فبراير", []want{{"أول يوم من شهر فبراير", "2016-02-01"}}},
		{"the year before last", mon, "فر من المدينة العام قبل الماضي", []want{{"العام قبل الماضي", "2014"}}},
		{"monday before last", mon, "في اجتماع عقد الاثنين قبل الماضي", []want{{"الاثنين قبل الماضي", "2016-10-24"}}},
		{"since start of year", mon, "ارتفعت الأسعار منذ بداية العام", []want{{"بداية العام", "2016"}}},
	})
}

// TestDateBoundaries resolves the new forms across month and year ends and
// short months, with other reference dates.
func TestDateBoundaries(t *testing.T) {
	dec30 := time.Date(2016, 12, 30, 0, 0, 0, 0, time.UTC) // a Friday
	mar31 := time.Date(2016, 3, 31, 0, 0, 0, 0, time.UTC)  // a Thursday, in a leap year
	jan2 := time.Date(2017, 1, 2, 0, 0, 0, 0, time.UTC)    // a Monday
	runDateCases(t, []dateCase{
		{"next friday over new year", dec30, "سأعود الجمعة القادمة", []want{{"الجمعة القادمة", "2017-01-06"}}},
		{"first day of next month over new year", dec30, "سأعود أول يوم من الشهر القادم", []want{{"أول يوم من الشهر القادم", "2017-01-01"}}},
		{"week after next over new year", dec30, "سأعود الأسبوع بعد القادم", []want{{"الأسبوع بعد القادم", "2017-01-13"}}},
		{"day alone future wraps", dec30, "سأعود يوم 3", []want{{"يوم 3", "2017-01-03"}}},
		{"month ago clamps", mar31, "وصل قبل شهر", []want{{"قبل شهر", "2016-02-29"}}},
		{"in a month clamps", mar31, "سأعود بعد شهر", []want{{"بعد شهر", "2016-04-30"}}},
		{"same day next month clamps", mar31, "سأعود نفس اليوم من الشهر القادم", []want{{"نفس اليوم من الشهر القادم", "2016-04-30"}}},
		{"last day of last month over new year", jan2, "وصل في اليوم الأخير من الشهر الماضي", []want{{"اليوم الأخير من الشهر الماضي", "2016-12-31"}}},
		{"day before yesterday over new year", jan2, "وصل قبل أمس", []want{{"قبل أمس", "2016-12-31"}}},
		{"month before last over new year", jan2, "وصل الشهر قبل الماضي", []want{{"الشهر قبل الماضي", "2016-11"}}},
		{"numeric day month of last year", jan2, "وصل يوم 28/12", []want{{"28/12", "2016-12-28"}}},
		{"last friday of february leap", mar31, "وصل آخر جمعة من فبراير", []want{{"آخر جمعة من فبراير", "2016-02-26"}}},
		{"fifth monday of a leap february", mar31, "سأعود الاثنين الخامس من فبراير", []want{{"الاثنين الخامس من فبراير", "2016-02-29"}}},
		{"no reference", time.Time{}, "سأعود يوم 15 وبعد غد وفي 1/10 واليوم التالي", nil},
		{"no reference absolute", time.Time{}, "سأعود الجمعة الأولى من يوليو 2017", []want{{"الجمعة الأولى من يوليو 2017", "2017-07-07"}}},
	})
}
