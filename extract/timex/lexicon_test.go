package timex

import "testing"

// TestIsStart checks that startOf agrees with startWords on every start
// word, on each with a letter dropped or added, and on words of our own.
func TestIsStart(t *testing.T) {
	words := []string{"", "و", "قال", "الرئيس", "المدينة", "والحكومة", "اجتماعاتهم"}
	for w := range startWords {
		words = append(words, w, w[:len(w)-1], w+"ه", "ال"+w)
	}
	for _, w := range words {
		if got, want := startOf(w), startWords[w]; got != want {
			t.Errorf("startOf(%q) = %b, want %b", w, got, want)
		}
	}
}

// TestStartFlags checks that the flags of every start word tell exactly
// the tables that hold it, as atWord asks them, and that every word of
// those tables is a start word.
func TestStartFlags(t *testing.T) {
	tables := []startTable{
		keyed(inWeekdays, weekdays), keyed(inCountWords, countWords), keyed(inMonths, months),
		keyed(inTwoWordMonths, twoWordMonths), keyed(inHijriMonths, hijriMonths),
		keyed(inHijriTwoWord, hijriTwoWord), keyed(inPeriods, periods), keyed(inVagueWords, vagueWords),
		keyed(inVagueTwo, vagueTwo), trueIn(inPluralPeriods, pluralPeriods), trueIn(inModWords, modWords),
		keyed(inOrdinals, ordinals), keyed(inOrdinalTens, ordinalTens),
		trueIn(inColloquial, yesterdayColloquial, todayColloquial, tomorrowColloquial),
		trueIn(inDayParts, dayParts), trueIn(inYearWords, yearWords),
	}
	for w, f := range startWords {
		if f&isStartWord == 0 {
			t.Errorf("startWords[%q] = %b lacks isStartWord", w, f)
		}
		for _, tb := range tables {
			if got, want := f&tb.f != 0, tb.in(w); got != want {
				t.Errorf("startWords[%q] has %b: %v, want %v", w, tb.f, got, want)
			}
		}
	}
	for _, tb := range tables {
		if len(tb.keys) == 0 {
			t.Errorf("the table of %b is empty", tb.f)
		}
		for _, w := range tb.keys {
			if startWords[w]&(isStartWord|tb.f) != isStartWord|tb.f {
				t.Errorf("%q is in the table of %b, not marked so in startWords (%b)", w, tb.f, startWords[w])
			}
		}
	}
}

// startTable is a table that atWord asks, for TestStartFlags: its flag,
// the words it holds and whether it holds a word.
type startTable struct {
	f    startFlag
	keys []string
	in   func(string) bool
}

// keyed is the table t, which holds its keys.
func keyed[V any](f startFlag, t map[string]V) startTable {
	var keys []string
	for k := range t {
		keys = append(keys, k)
	}
	return startTable{f, keys, func(w string) bool { _, ok := t[w]; return ok }}
}

// trueIn is the union of the bool tables ms, which hold the words they map
// to true.
func trueIn(f startFlag, ms ...map[string]bool) startTable {
	var keys []string
	for _, m := range ms {
		for k, v := range m {
			if v {
				keys = append(keys, k)
			}
		}
	}
	return startTable{f, keys, func(w string) bool {
		for _, m := range ms {
			if m[w] {
				return true
			}
		}
		return false
	}}
}
