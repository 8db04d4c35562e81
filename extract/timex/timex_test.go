package timex

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/marsad/marsad/article"
)

// Reference dates: a Friday and a Wednesday.
var (
	fri = time.Date(2021, 3, 19, 0, 0, 0, 0, time.UTC)
	wed = time.Date(2024, 11, 6, 0, 0, 0, 0, time.UTC)
)

type want struct{ text, value string }

func TestFind(t *testing.T) {
	tests := []dateCase{
		// Full and partial dates.
		{"date with weekday", fri, "أعلن الكرملين، الجمعة 19 مارس/آذار 2021، أن العرض قائم", []want{{"الجمعة 19 مارس/آذار 2021", "2021-03-19"}}},
		{"date without year", fri, "قال الرئيس، الأربعاء 17 مارس، إن بلاده مستعدة", []want{{"الأربعاء 17 مارس", "2021-03-17"}}},
		{"month in parentheses", fri, "وُقّع الاتفاق في 2 مارس (آذار) 2020 بالدوحة", []want{{"2 مارس (آذار) 2020", "2020-03-02"}}},
		{"levantine two words", fri, "جرت الانتخابات في 15 كانون الثاني 2020 وسط إقبال ضعيف", []want{{"15 كانون الثاني 2020", "2020-01-15"}}},
		{"levantine first", fri, "بدأت المفاوضات في تشرين الأول/أكتوبر 2023", []want{{"تشرين الأول/أكتوبر 2023", "2023-10"}}},
		{"month and year", fri, "ارتفعت الأسعار في شباط 2022 بنسبة كبيرة", []want{{"شباط 2022", "2022-02"}}},
		{"farsi yeh variant", fri, "منذ فبرایر 2022 والحرب مستمرة", []want{{"فبرایر 2022", "2022-02"}}},
		{"maghrebi variant", fri, "تأسس الحزب في يوليوز 2019", []want{{"يوليوز 2019", "2019-07"}}},
		{"arabic-indic digits", fri, "صدر القرار في ١٩ مارس ٢٠٢١ عن المجلس", []want{{"١٩ مارس ٢٠٢١", "2021-03-19"}}},
		{"numeric date", fri, "تاريخ النشر 19/3/2021 في الموقع", []want{{"19/3/2021", "2021-03-19"}}},
		{"iso date", fri, "نُشر في 2021-03-19 على الموقع", []want{{"2021-03-19", "2021-03-19"}}},
		{"ordinal day", fri, "تنتهي المهلة في الثالث من أكتوبر 2020", []want{{"الثالث من أكتوبر 2020", "2020-10-03"}}},
		{"ordinal compound", fri, "يبدأ الربيع في الحادي والعشرين من مارس", []want{{"الحادي والعشرين من مارس", "2021-03-21"}}},
		{"day and month nearest year", time.Date(2021, 1, 10, 0, 0, 0, 0, time.UTC), "وقع الانفجار في 28 ديسمبر وأسفر عن ضحايا", []want{{"28 ديسمبر", "2020-12-28"}}},
		{"day range", fri, "يعقد المؤتمر من 13 إلى 15 يوليو 2021 في جنيف", []want{{"13", "2021-07-13"}, {"15 يوليو 2021", "2021-07-15"}}},
		{"day range dash", fri, "المعرض مفتوح 13-15 يوليو 2021", []want{{"13", "2021-07-13"}, {"15 يوليو 2021", "2021-07-15"}}},
		{"month slash year", fri, "تقرير صادر في 2/2013 عن البنك", []want{{"2/2013", "2013-02"}}},
		{"fraction date not", fri, "النسبة 1/2 من المجموع", nil},
		{"weekday fixes the year", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "يصل الوفد الثلاثاء 12 يناير إلى العاصمة", []want{{"الثلاثاء 12 يناير", "2016-01-12"}}},
		{"weekday and written year kept", fri, "وقع الاتفاق الثلاثاء 12 يناير 2017 في جنيف", []want{{"الثلاثاء 12 يناير 2017", "2017-01-12"}}},
		{"weekday and relative month kept", fri, "يعقد الاجتماع الأحد 5 أبريل المقبل", []want{{"الأحد 5 أبريل المقبل", "2021-04-05"}}},
		{"weekday of next week", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "يعقد المجلس جلسته الثلاثاء من الأسبوع المقبل", []want{{"الثلاثاء من الأسبوع المقبل", "2016-11-15"}}},
		{"sunday of last week", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "وصل الوفد الأحد من الأسبوع الماضي", []want{{"الأحد من الأسبوع الماضي", "2016-10-30"}}},
		{"weekday of this week", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "تبدأ الدراسة الخميس من هذا الأسبوع", []want{{"الخميس من هذا الأسبوع", "2016-11-10"}}},
		{"day of this month", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "ينتهي التسجيل في التاسع من هذا الشهر", []want{{"التاسع من هذا الشهر", "2016-11-09"}}},
		// Spans counted from now.
		{"span from now", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "قال إن القرار يصدر بعد 3 أيام من الآن", []want{{"بعد 3 أيام من الآن", "2016-11-10"}}},
		{"weeks from now", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "ينتهي العمل بعد أسبوعين من الآن", []want{{"بعد أسبوعين من الآن", "2016-11-21"}}},
		{"within", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "ستعلن النتائج في غضون أسبوع", []want{{"غضون أسبوع", "2016-11-14"}}},
		{"within past clause not", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "انهار المبنى في غضون ثلاثة أيام", nil},
		{"span from event not", time.Date(2016, 11, 7, 0, 0, 0, 0, time.UTC), "سيعود بعد أسبوع من الهجوم", nil},
		// Weekdays.
		{"yesterday weekday", fri, "كان بوتين قد صرح أمس الخميس بأنه مستعد", []want{{"أمس الخميس", "2021-03-18"}}},
		{"bare weekday", fri, "ورد بوتين، الخميس، على التصريحات", []want{{"الخميس", "2021-03-18"}}},
		{"weekday clitic", fri, "والثلاثاء، أصدر المكتب تقريرا", []want{{"الثلاثاء", "2021-03-16"}}},
		{"weekday is ref", fri, "يصل الوفد الجمعة إلى العاصمة", []want{{"الجمعة", "2021-03-19"}}},
		{"today weekday", wed, "أعلن المتحدث اليوم الأربعاء أن الرئيس مستعد", []want{{"اليوم الأربعاء", "2024-11-06"}}},
		{"next weekday", wed, "تبدأ الجولة الأحد المقبل في الرياض", []want{{"الأحد المقبل", "2024-11-10"}}},
		{"last weekday", wed, "التقى الوزيران الاثنين الماضي", []want{{"الاثنين الماضي", "2024-11-04"}}},
		{"future verb weekday", wed, "سيلتقي الرئيسان الأحد في القاهرة", []want{{"الأحد", "2024-11-10"}}},
		{"friday prayer", fri, "أدى المصلون صلاة الجمعة في المسجد", nil},
		{"both", wed, "لا فرق بين الاثنين في الموقف", nil},
		// Relative days.
		{"today", wed, "قالت الوزارة اليوم إن المفاوضات مستمرة", []want{{"اليوم", "2024-11-06"}}},
		{"today in a name", wed, "نشرت صحيفة اليوم تقريرا مطولا", nil},
		{"byline", wed, "سلوى المدني – عين اليوم\nعين اليوم – الرياض\nتحاورت “عين اليوم” مع الطبيبة", nil},
		{"the day of", wed, "يحتفل العالم باليوم العالمي للمرأة", nil},
		{"yesterday", wed, "وصل الوفد أمس إلى بغداد", []want{{"أمس", "2024-11-05"}}},
		{"yesterday clitic", wed, "وقع الحادث بالأمس قرب الحدود", []want{{"الأمس", "2024-11-05"}}},
		{"yesterday synonym", wed, "اجتمع المجلس البارحة لبحث الأزمة", []want{{"البارحة", "2024-11-05"}}},
		{"day before yesterday", wed, "غادر أول أمس متوجها إلى باريس", []want{{"أول أمس", "2024-11-04"}}},
		{"day before yesterday min", wed, "غادر أول من أمس متوجها إلى باريس", []want{{"أول من أمس", "2024-11-04"}}},
		{"tomorrow tanween", wed, "تنطلق القمة غداً في الرياض", []want{{"غداً", "2024-11-07"}}},
		{"became", wed, "غدا الوضع أكثر تعقيدا", nil},
		{"after tomorrow", wed, "يصل الوزير بعد غد إلى عمان", []want{{"بعد غد", "2024-11-08"}}},
		{"evening yesterday", wed, "قصفت الطائرات مساء أمس مواقع عدة", []want{{"مساء أمس", "2024-11-05"}}},
		// Periods.
		{"last week", wed, "زار الرئيس موسكو الأسبوع الماضي", []want{{"الأسبوع الماضي", "2024-10-30"}}},
		{"next week", wed, "تستأنف المحادثات الأسبوع المقبل", []want{{"الأسبوع المقبل", "2024-11-13"}}},
		{"last month", wed, "ارتفع التضخم الشهر الماضي", []want{{"الشهر الماضي", "2024-10"}}},
		{"next month", wed, "تبدأ الدراسة الشهر المقبل", []want{{"الشهر المقبل", "2024-12"}}},
		{"current month", wed, "في منتصف الشهر الجاري", []want{{"منتصف الشهر الجاري", "2024-11"}}},
		{"last year", wed, "نما الاقتصاد العام الماضي بنسبة ضئيلة", []want{{"العام الماضي", "2023"}}},
		{"last year fem", wed, "وفي السنة الماضية تراجعت الصادرات", []want{{"السنة الماضية", "2023"}}},
		{"next year clitic", wed, "خطة طموحة للعام المقبل", []want{{"لعام المقبل", "2025"}}},
		{"this year", wed, "تعافت السياحة هذا العام", []want{{"هذا العام", "2024"}}},
		// Months.
		{"month next", wed, "سيتضح الموقف في يناير المقبل مع بدء الولاية", []want{{"يناير المقبل", "2025-01"}}},
		{"month last", wed, "اندلعت الاحتجاجات في مارس الماضي", []want{{"مارس الماضي", "2024-03"}}},
		{"same month next", wed, "تجري الانتخابات في نوفمبر المقبل", []want{{"نوفمبر المقبل", "2025-11"}}},
		{"month alone", wed, "أجريت الانتخابات في مارس وسط توتر", []want{{"مارس", "2024-03"}}},
		{"month verb", wed, "مارس الضغوط على الحكومة", nil},
		{"month after shahr", wed, "خلال شهر أغسطس شهدت البلاد موجة حر", []want{{"أغسطس", "2024-08"}}},
		{"father", wed, "قال الأب إن ابنه بخير", nil},
		// Years.
		{"year cue", fri, "فاز في انتخابات عام 2020 بفارق كبير", []want{{"عام 2020", "2020"}}},
		{"year after noun", fri, "التدخل في انتخابات 2020، وفق التقرير", []want{{"2020", "2020"}}},
		{"two years", fri, "نما الاقتصاد عامي 2019 و2020", []want{{"عامي 2019", "2019"}, {"2020", "2020"}}},
		{"year range between", fri, "حكم البلاد ما بين 1982 و1990 بقبضة حديدية", []want{{"1982", "1982"}, {"1990", "1990"}}},
		{"year range parens", fri, "إبان حكمه (1982 - 1990) وقعت تجاوزات", []want{{"1982", "1982"}, {"1990", "1990"}}},
		{"year range min", fri, "عمل هناك في الفترة من 1987 حتى 1990 ثم عاد", []want{{"1987", "1987"}, {"1990", "1990"}}},
		{"year apposition", fri, "ارتفعت الأرباح العام الماضي 2020 بنسبة كبيرة", []want{{"العام الماضي", "2020"}, {"2020", "2020"}}},
		{"glued clitic year", fri, "زادت الصادرات مقارنة ب2013.", []want{{"2013", "2013"}}},
		{"money not year", fri, "اشترى السيارة ب2500 ريال", nil},
		{"year range", fri, "خلال الفترة 2015-2019 تراجع الإنتاج", []want{{"2015", "2015"}, {"2019", "2019"}}},
		{"count not year", fri, "بلغ عدد المشاركين 2019 شخصا", nil},
		{"round count", fri, "قتل نحو 2000.", nil},
		{"decimal", fri, "ارتفع المؤشر 19.5 نقطة", nil},
		{"gregorian era", fri, "تأسست المدينة سنة 1950م", []want{{"سنة 1950م", "1950"}}},
		{"hijri year", fri, "في عام 1436هـ صدر النظام", []want{{"عام 1436هـ", "2015"}}},
		{"hijri date", fri, "وذلك في 15 رمضان 1436هـ الموافق", []want{{"15 رمضان 1436هـ", "2015-07-02"}}},
		{"hijri two words", fri, "صدر في 1 ذو الحجة 1440 هـ", []want{{"1 ذو الحجة 1440 هـ", "2019-08-02"}}},
		{"decade", wed, "عاشت البلاد أزمة في التسعينيات", []want{{"التسعينيات", "199X"}}},
		{"decade century", wed, "منذ ثمانينيات القرن الماضي", []want{{"ثمانينيات القرن الماضي", "198X"}}},
		{"month of last year", wed, "اعتقلت في أغسطس من العام الماضي", []want{{"أغسطس من العام الماضي", "2023-08"}}},
		{"date of next year", wed, "تنتهي الولاية في 20 يناير من العام المقبل", []want{{"20 يناير من العام المقبل", "2025-01-20"}}},
		{"since month name", wed, "أدنى مستوى منذ شهر فبراير عام 2010", []want{{"فبراير عام 2010", "2010-02"}}},
		{"month range dual", wed, "وقعت المعارك من سبتمبر إلى يناير الماضيين", []want{{"سبتمبر", "2023-09"}, {"يناير الماضيين", "2024-01"}}},
		{"month range year", wed, "بين مارس ومايو 2021 تراجعت الأسعار", []want{{"مارس", "2021-03"}, {"مايو 2021", "2021-05"}}},
		{"unmarked hijri year", wed, "خطة العام 1436 للوزارة", []want{{"العام 1436", "2015"}}},
		{"month day year", wed, "ولد في يناير 15، 1990 في القاهرة", []want{{"يناير 15، 1990", "1990-01-15"}}},
		{"this friday", wed, "سأعود هذه الجمعة إن شاء الله", []want{{"هذه الجمعة", "2024-11-08"}}},
		{"after days first person", wed, "سأعود بعد 3 أيام", []want{{"بعد 3 أيام", "2024-11-09"}}},
		{"touched", wed, "لامس الذهب أعلى مستوى له ولامس النفط القاع", nil},
		{"dire need", wed, "البلاد في أمس الحاجة إلى الدعم وهي بأمس الحاجة", nil},
		{"and yesterday", wed, "وأمس أعلنت الشركة نتائجها", []want{{"أمس", "2024-11-05"}}},
		{"season", wed, "توج بطلا لدوري 2014/2015 بجدارة", []want{{"2014", "2014"}, {"2015", "2015"}}},
		{"quarter of year", wed, "خلال الربع الأخير من 2015 ارتفعت الأرباح", []want{{"الربع الأخير من 2015", "2015"}}},
		{"last ramadan", wed, "شهدت المنطقة خلال شهر رمضان الماضي إقبالا", []want{{"رمضان الماضي", "2024-03"}}},
		{"day of this month", wed, "تبدأ الامتحانات في 20 من الشهر الجاري", []want{{"20 من الشهر الجاري", "2024-11-20"}}},
		{"ordinal of last month", wed, "وقع الهجوم في الخامس من الشهر الماضي", []want{{"الخامس من الشهر الماضي", "2024-10-05"}}},
		// Durations.
		{"two days ago", wed, "انتهت المعارك قبل يومين", []want{{"قبل يومين", "2024-11-04"}}},
		{"years ago", wed, "بدأت الحرب منذ ثلاث سنوات", []want{{"منذ ثلاث سنوات", "2021"}}},
		{"in two weeks", wed, "ستصدر النتائج بعد أسبوعين", []want{{"بعد أسبوعين", "2024-11-20"}}},
		{"after in a story", wed, "وعاد إلى الملاعب بعد عامين", nil},
		{"day after day", wed, "يتفاقم الوضع يوما بعد يوم", nil},
		// Vague.
		{"days ago", wed, "التقى الوفدان قبل أيام في الدوحة", []want{{"قبل أيام", pastRef}}},
		{"years ago", wed, "يعمل في المهنة منذ سنوات", []want{{"منذ سنوات", pastRef}}},
		{"soon", wed, "سيعود الوفد قريباً", []want{{"قريباً", futureRef}}},
		{"recently", wed, "أعلنت الشركة مؤخرا عن خطة", []want{{"مؤخرا", pastRef}}},
		{"previously", wed, "كما حدث في السابق", []want{{"في السابق", pastRef}}},
		{"currently", wed, "تدرس الحكومة في الوقت الحالي عدة خيارات", []want{{"الوقت الحالي", presentRef}}},
		{"now", wed, "الأسعار الآن مرتفعة", []want{{"الآن", presentRef}}},
		{"coming days", wed, "يجري محادثات في الأيام المقبلة", []want{{"الأيام المقبلة", futureRef}}},
		// Normalization.
		{"diacritics", fri, "صَرَّحَ أَمْسِ الخَمِيسِ بِأَنَّهُ", []want{{"أَمْسِ الخَمِيسِ", "2021-03-18"}}},
		{"tatweel", fri, "الخمـــيس 18 مـارس 2021", []want{{"الخمـــيس 18 مـارس 2021", "2021-03-18"}}},
		{"today in parentheses", wed, "أعلن الوزير اليوم (الأربعاء) خطة جديدة", []want{{"اليوم (الأربعاء)", "2024-11-06"}}},
		{"weekday numeric date", wed, "وقع الحادث يوم الاثنين 4-11-2024م على الطريق", []want{{"الاثنين 4-11-2024م", "2024-11-04"}}},
		{"hijri numeric date", wed, "يبدأ التسجيل في 10/10/1436هـ ويستمر", []want{{"10/10/1436هـ", "2015-07-26"}}},
		{"spaced slashes", wed, "اعتبارا من 27 / 8 / 1436هـ", []want{{"27 / 8 / 1436هـ", "2015-06-14"}}},
		{"space pair", wed, "صدرت السندات في فبراير شباط 2013", []want{{"فبراير شباط 2013", "2013-02"}}},
		{"day month current", wed, "يطلق الإصدار في 29 من نوفمبر الجاري", []want{{"29 من نوفمبر الجاري", "2024-11-29"}}},
		{"night before last", wed, "ضبطت الدوريات البارحة الأولى سيارة", []want{{"البارحة الأولى", "2024-11-04"}}},
		{"after tomorrow weekday", wed, "يلتقي الفريقان بعد غد الجمعة", []want{{"بعد غد الجمعة", "2024-11-08"}}},
		{"age not decade", wed, "تولى المنصب وهو في الثلاثينيات من عمره", nil},
		{"general not year", wed, "قال الأمين العام السابق للأمم المتحدة", nil},
		// Modifiers of a period: the span includes them, the value is the period's.
		{"mid month", wed, "ستعقد القمة في منتصف يناير", []want{{"منتصف يناير", "2025-01"}}},
		{"late month", wed, "انتهت المهلة أواخر فبراير", []want{{"أواخر فبراير", "2024-02"}}},
		{"start of next month", wed, "سيبدأ العمل مطلع الشهر المقبل", []want{{"مطلع الشهر المقبل", "2024-12"}}},
		{"early next year", wed, "يفتتح المشروع في أوائل العام المقبل", []want{{"أوائل العام المقبل", "2025"}}},
		{"end of year number", wed, "وبحلول نهاية عام 2030 تكتمل الخطة", []want{{"نهاية عام 2030", "2030"}}},
		{"first of next month", wed, "ستبدأ الحملة أول الشهر المقبل", []want{{"أول الشهر المقبل", "2024-12"}}},
		{"modifier run", wed, "في منتصف منتصف يناير", []want{{"منتصف يناير", "2025-01"}}},
		{"quarter run", wed, "الربع الأول من الربع الأول من 2020", []want{{"الربع الأول من 2020", "2020"}}},
		{"midnight not", wed, "بدأ القصف في منتصف الليل", nil},
		{"end of road not", wed, "وافق في نهاية المطاف على العرض", nil},
		{"first team not", wed, "كان الفريق أول فريق يتأهل", nil},
		// Weekends: the Friday of the week.
		{"weekend", wed, "يتوقع أن تنتهي المفاوضات نهاية الأسبوع", []want{{"نهاية الأسبوع", "2024-11-08"}}},
		{"next weekend", wed, "يزور الوزير القاهرة نهاية الأسبوع المقبل", []want{{"نهاية الأسبوع المقبل", "2024-11-15"}}},
		{"last weekend", wed, "تظاهر الآلاف نهاية الأسبوع الماضي", []want{{"نهاية الأسبوع الماضي", "2024-11-01"}}},
		{"weekend past not", time.Date(2024, 11, 10, 0, 0, 0, 0, time.UTC), "قضى الرئيس عطلة نهاية الأسبوع في منتجعه", nil},
		{"this weekend on saturday", time.Date(2015, 7, 25, 0, 0, 0, 0, time.UTC), "ينتظر أن تعلن النتائج نهاية الأسبوع الحالي", []want{{"نهاية الأسبوع الحالي", "2015-07-31"}}},
		{"next weekend on saturday", time.Date(2015, 7, 25, 0, 0, 0, 0, time.UTC), "ينتهي العمل نهاية الأسبوع المقبل", []want{{"نهاية الأسبوع المقبل", "2015-07-31"}}},
		{"weekend this", wed, "يصل الوفد نهاية هذا الأسبوع", []want{{"نهاية هذا الأسبوع", "2024-11-08"}}},
		{"weekend on a wednesday not", wed, "تظاهر الآلاف نهاية الأسبوع في العاصمة", nil},
		{"end of last week", wed, "قتل جندي آخر الأسبوع الماضي", []want{{"آخر الأسبوع الماضي", "2024-11-01"}}},
		{"weekends habit not", wed, "يزدحم السوق في عطلات نهاية الأسبوع", nil},
		{"week of month not", wed, "تنطلق البطولة نهاية الأسبوع الأول من الشهر", nil},
		// Hijri months and feasts.
		{"ramadan bare", wed, "تبدأ الحملة في رمضان", []want{{"رمضان", "2025-03"}}},
		{"month shaban", wed, "يعقد المؤتمر خلال شهر شعبان", []want{{"شهر شعبان", "2025-02"}}},
		{"eid al-fitr", wed, "يحتفل المسلمون بعيد الفطر", []want{{"عيد الفطر", "2025-03-30"}}},
		{"eid al-adha", wed, "اقترب عيد الأضحى المبارك", []want{{"عيد الأضحى المبارك", "2025-06-06"}}},
		{"eid hijri year", wed, "احتفل الناس بعيد الأضحى 1445 هـ", []want{{"عيد الأضحى 1445 هـ", "2024-06-16"}}},
		{"eid gregorian year", wed, "زار مكة في عيد الفطر عام 2023", []want{{"عيد الفطر عام 2023", "2023-04-21"}}},
		{"eid past in the hijri year", time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), "صلى المسلمون صلاة عيد الأضحى في المساجد", []want{{"عيد الأضحى", "2024-06-16"}}},
		{"eid days past", time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC), "تنظم البلدية عروضا للأطفال خلال أيام عيد الفطر", []want{{"عيد الفطر", "2015-07-17"}}},
		{"eid next after it passed", time.Date(2024, 7, 1, 0, 0, 0, 0, time.UTC), "تعود الرحلات في عيد الأضحى المقبل", []want{{"عيد الأضحى المقبل", "2025-06-06"}}},
		{"hijri full date", wed, "صدر القرار في 1 شوال 1436 هـ", []want{{"1 شوال 1436 هـ", "2015-07-17"}}},
		{"first of muharram", wed, "تبدأ السنة الهجرية في الأول من محرم", []want{{"الأول من محرم", "2024-07-07"}}},
		{"ramadan a name", wed, "سجل رمضان عبد الله هدفا", nil},
		{"eid a name", wed, "وصل عيد محمد إلى المطار", nil},
		{"birthday not", wed, "احتفل بعيد ميلاده الخمسين", nil},
		{"rajab a name", wed, "التقى رجب طيب أردوغان نظيره", nil},
		// Centuries, like decades.
		{"21st century", wed, "تحديات القرن الحادي والعشرين كبيرة", []want{{"القرن الحادي والعشرين", "20XX"}}},
		{"19th century", wed, "كانت الحرب في القرن التاسع عشر", []want{{"القرن التاسع عشر", "18XX"}}},
		{"last century", wed, "بنيت القلعة في القرن الماضي", []want{{"القرن الماضي", "19XX"}}},
		{"horn of africa not", wed, "تقع منطقة القرن الأفريقي في شرق القارة", nil},
		{"hijri century not", wed, "عاش في القرن الرابع الهجري", nil},
		// Quarters and halves of a year.
		{"first quarter", wed, "تراجعت الأرباح في الربع الأول من 2020", []want{{"الربع الأول من 2020", "2020"}}},
		{"second half last year", wed, "نما الاقتصاد في النصف الثاني من العام الماضي", []want{{"النصف الثاني من العام الماضي", "2023"}}},
		{"quarter final not", wed, "تأهل الفريق إلى ربع النهائي من الكأس", nil},
		{"quarter of match not", wed, "سجل هدفا في الربع الأول من المباراة", nil},
		// Durations with numbers as words, and within (خلال).
		{"next three days", wed, "ستهطل أمطار خلال الأيام الثلاثة المقبلة", []want{{"الأيام الثلاثة المقبلة", futureRef}}},
		{"next 24 hours", wed, "يترقب السكان الساعات الـ24 المقبلة", []want{{"الساعات الـ24 المقبلة", futureRef}}},
		{"after three days", wed, "سيعود الوفد بعد ثلاثة أيام", []want{{"بعد ثلاثة أيام", "2024-11-09"}}},
		{"within two days", wed, "سيصل المبعوث خلال يومين", []want{{"خلال يومين", "2024-11-08"}}},
		{"after eleven days", wed, "سيجتمع المجلس بعد أحد عشر يوما", []want{{"بعد أحد عشر يوما", "2024-11-17"}}},
		{"after twenty-five days", wed, "ستنتهي المهلة بعد خمسة وعشرين يوما", []want{{"بعد خمسة وعشرين يوما", "2024-12-01"}}},
		{"ago twelve years", wed, "بدأت الأزمة قبل اثني عشر عاما", []want{{"قبل اثني عشر عاما", "2012"}}},
		{"after in a story words", wed, "عاد بعد ثلاثة أيام إلى منزله", nil},
		{"and a half not", wed, "تكتمل أعمال الجسر خلال سنتين ونصف", nil},
		{"hours of not", wed, "يجب الحذر خلال ساعات الصوم", nil},
		{"few hours before not", wed, "انسحب قبل ساعات قليلة من الموعد", nil},
		{"within in the past", wed, "قتل خلال يومين 50 شخصا", nil},
		// Hours and minutes: the publication day.
		{"an hour ago", wed, "وقع الانفجار قبل ساعة", []want{{"قبل ساعة", "2024-11-06"}}},
		{"for hours", wed, "تتواصل الاشتباكات منذ ساعات", []want{{"منذ ساعات", "2024-11-06"}}},
		{"minutes ago", wed, "وصل الرئيس قبل دقائق", []want{{"قبل دقائق", "2024-11-06"}}},
		{"48 hours ago", wed, "وقع الحادث قبل 48 ساعة", []want{{"قبل 48 ساعة", "2024-11-04"}}},
		{"within 24 hours", wed, "سيعلن المدرب الجديد خلال 24 ساعة", []want{{"خلال 24 ساعة", "2024-11-07"}}},
		{"minutes later not", wed, "سيرد بعد عشر دقائق فقط على السؤال", nil},
		{"about an hour before not", wed, "وقبل ساعة تقريبا من الوصول توقف القطار", nil},
		{"ten hours ago not", wed, "وقع الحادث قبل 10 ساعات", nil},
		{"hours before an event not", wed, "وصل قبل ساعات من الانتخابات", nil},
		// Ordinal days, current periods, times of day.
		{"ordinal eleventh", wed, "تحل ذكرى الحادي عشر من سبتمبر", []want{{"الحادي عشر من سبتمبر", "2024-09-11"}}},
		{"ordinal twenty-fifth", wed, "يحتفل المسيحيون في الخامس والعشرين من ديسمبر", []want{{"الخامس والعشرين من ديسمبر", "2024-12-25"}}},
		{"current year", wed, "ارتفعت الأسعار خلال العام الجاري", []want{{"العام الجاري", "2024"}}},
		{"current week", wed, "التقى الوزيران في الأسبوع الجاري", []want{{"الأسبوع الجاري", "2024-11-06"}}},
		{"tomorrow evening", wed, "ستنطلق المباراة مساء الغد", []want{{"مساء الغد", "2024-11-07"}}},
		{"dawn today", wed, "داهمت القوات المنزل فجر اليوم", []want{{"فجر اليوم", "2024-11-06"}}},
		{"sunday night", wed, "وقع الهجوم ليل الأحد", []want{{"ليل الأحد", "2024-11-03"}}},
		{"gregorian era year", wed, "ولد الشاعر عام 1990م", []want{{"عام 1990م", "1990"}}},
		// No reference date: only absolute expressions.
		{"no ref relative", time.Time{}, "وصل أمس الخميس واليوم الجمعة", nil},
		{"no ref absolute", time.Time{}, "وصل أمس، الخميس 18 مارس 2021", []want{{"الخميس 18 مارس 2021", "2021-03-18"}}},
	}
	runDateCases(t, tests)
}

// checkOffsets asserts that every time's text is the slice of the original
// text at its rune offsets and that times are in order without overlap.
func checkOffsets(t *testing.T, text string, got []article.Time) {
	t.Helper()
	rs := []rune(text)
	prevEnd := 0
	for _, x := range got {
		if x.Start < prevEnd || x.End <= x.Start || x.End > len(rs) {
			t.Fatalf("bad span [%d,%d) after %d in %d runes", x.Start, x.End, prevEnd, len(rs))
		}
		if s := string(rs[x.Start:x.End]); s != x.Text {
			t.Errorf("text %q != original slice %q", x.Text, s)
		}
		prevEnd = x.End
	}
}

func TestPublicationDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" for none
	}{
		{"أعلن الكرملين، الجمعة 19 مارس/آذار 2021، أن العرض قائم", "2021-03-19"},
		{"موسكو - ٥ تشرين الثاني ٢٠٢٤ (رويترز) - قال الكرملين", "2024-11-05"},
		{"الرياض - 1446/5/3 هـ", "2024-11-05"},
		{"الرياض 1446/5/3 هـ", ""},
		{"أعلنت الوزارة أن الدراسة تبدأ يوم الأحد 10/10/1436هـ في المدارس", ""},
		{"قال الرئيس أمس الخميس إن الاتفاق قريب", ""},
		{"قال الرئيس في مارس 2021 إن الاتفاق قريب", ""},
		{"طالب النائب بإعادة فتح ملف التحقيقات التي كشف عنها في 17 ديسمبر 2013", ""},
		{"تجري الجامعة الأحد المقبل 17 / 10 / 1436 هـ اختبارات الفصل الصيفي", ""},
		{"الرياض، نشر بتاريخ 3 نوفمبر 2024: أعلنت الوزارة", "2024-11-03"},
		{"إشارة إلى ما نشر في صحيفتكم بتاريخ 15/7/1436هـ حول", ""},
		{"قبل خمس سنوات في الأول من تموز (يوليو) عام 2010، بدأت مرحلة", ""},
		{"القاهرة في 3 نوفمبر 2024 - أعلنت الوزارة", "2024-11-03"},
		{"تاريخ النشر: 2024-11-03\nأعلنت الوزارة", "2024-11-03"},
		{strings.Repeat("كلام عام بلا تاريخ. ", 40) + "الجمعة 19 مارس 2021", ""},
		{"", ""},
	}
	for _, tc := range tests {
		d, ok := PublicationDate(tc.in)
		got := ""
		if ok {
			got = d.Format("2006-01-02")
		}
		if got != tc.want {
			t.Errorf("PublicationDate(%.40q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestHijriConversion(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    string
	}{
		{1436, 9, 1, "2015-06-18"},  // Umm al-Qura
		{1445, 10, 1, "2024-04-10"}, // Eid al-Fitr 1445
		{1300, 1, 1, "1882-11-12"},  // tabular, before Umm al-Qura's range
		{1445, 2, 30, "2023-09-15"}, // Safar 1445 has 30 days in Umm al-Qura
	}
	for _, tc := range tests {
		g, ok := hijriToGregorian(tc.y, tc.m, tc.d)
		if !ok || fmtDate(g) != tc.want {
			t.Errorf("hijriToGregorian(%d, %d, %d) = %v, %v; want %s", tc.y, tc.m, tc.d, fmtDate(g), ok, tc.want)
		}
	}
	if _, ok := hijriToGregorian(1436, 13, 1); ok {
		t.Error("month 13 accepted")
	}
}

func TestBadInput(t *testing.T) {
	for _, in := range []string{"", "\xff\xfe\x00", "١٩ مارس \xff ٢٠٢١", strings.Repeat("9", 100), "31 فبراير 2021", "/ - ( ) ،", "الخميس"} {
		got := Find(in, fri)
		checkOffsets(t, in, got)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"أعلن الكرملين، الجمعة 19 مارس/آذار 2021، أن",
		"أمس الخميس واليوم الجمعة وغداً السبت",
		"من 13 إلى 15 يوليو 2021 و19/3/2021 و2019-2021",
		"صَرَّحَ أَمْسِ الخَمِيسِ ١٥ رمضان ١٤٣٦هـ",
		"قبل يومين التسعينيات الحادي والعشرين من مارس",
		"\xff\x00ـــ",
		"نهاية الأسبوع المقبل منتصف يناير في رمضان بعيد الفطر 1445 هـ القرن الحادي والعشرين",
		"الربع الأول من 2020 خلال الأيام الثلاثة المقبلة بعد أحد عشر يوما قبل 48 ساعة أول يناير",
		"سأعود في 1/10 و10.1.2016 و1/10/16 يوم 15 في الخامس عشر الجمعة 13 اليوم التالي قبل أمس",
		"آخر جمعة من الشهر الجمعة الأولى من يوليو أول يوم من الأسبوع القادم اليوم الأخير من الشهر الماضي",
		"الأسبوع بعد القادم نفس اليوم من الشهر القادم 31 من الشهر ذاته 15 الجاري ثلاثة أيام من الآن",
	} {
		f.Add(s, int64(0))
		f.Add(s, fri.Unix())
	}
	f.Fuzz(func(t *testing.T, text string, refUnix int64) {
		var ref time.Time
		if refUnix != 0 {
			ref = time.Unix(refUnix%(1<<36), 0).UTC()
		}
		got := Find(text, ref)
		rs := []rune(text)
		prev := 0
		for _, x := range got {
			if x.Start < prev || x.End <= x.Start || x.End > len(rs) {
				t.Fatalf("bad span [%d,%d) (prev end %d, %d runes)", x.Start, x.End, prev, len(rs))
			}
			if string(rs[x.Start:x.End]) != x.Text {
				t.Fatalf("text %q is not the original slice", x.Text)
			}
			if x.Value == "" {
				t.Fatalf("empty value for %q", x.Text)
			}
			prev = x.End
		}
		if d, ok := PublicationDate(text); ok && utf8.ValidString(text) && d.IsZero() {
			t.Fatal("ok with a zero date")
		}
	})
}

// TestHijriRange converts every day of the supported Hijri years without
// panicking, and each valid date maps to the day after its predecessor.
func TestHijriRange(t *testing.T) {
	var prev time.Time
	for y := uqFirstYear - 2; y <= uqLastYear+2; y++ {
		for mo := 1; mo <= 12; mo++ {
			for d := 1; d <= 30; d++ {
				g, ok := hijriToGregorian(y, mo, d)
				if !ok {
					continue
				}
				if !prev.IsZero() && !g.Equal(prev.AddDate(0, 0, 1)) {
					t.Fatalf("%d-%d-%d = %s, previous day %s", y, mo, d, fmtDate(g), fmtDate(prev))
				}
				prev = g
			}
		}
	}
}
