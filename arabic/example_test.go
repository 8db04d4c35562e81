package arabic_test

import (
	"fmt"

	"github.com/marsad/marsad/arabic"
)

func ExampleAnalyzer() {
	a := arabic.New(arabic.DefaultOptions())
	for _, t := range a.Analyze("وقال بيسكوف للصحفيين في موسكو، أمس الخميس: «الحُوَار ممكن».") {
		if t.Kind == arabic.Punct {
			continue
		}
		fmt.Printf("%s\t%s\t%s\t%d:%d\t%v\n", t.Text, t.Norm, t.Stem, t.Start, t.End, t.Stop)
	}
	fmt.Println(a.Terms("بواشنطن وواشنطن واشنطن ٢٠٢١"))
	// Output:
	// وقال	وقال	قال	0:4	false
	// بيسكوف	بيسكوف	بيسكوف	5:11	false
	// للصحفيين	للصحفيين	صحفي	12:20	false
	// في	في	في	21:23	true
	// موسكو	موسكو	موسكو	24:29	false
	// أمس	امس	امس	31:34	false
	// الخميس	الخميس	خميس	35:41	false
	// الحُوَار	الحوار	حوار	44:52	false
	// ممكن	ممكن	ممكن	53:57	false
	// [واشنطن واشنطن واشنطن 2021]
}

func ExampleNameKey() {
	key := func(s string) string {
		return arabic.NameKey(arabic.Stem(arabic.Normalize(s, arabic.DefaultNormalizeOptions())))
	}
	fmt.Println(key("ترامب") == key("ترمب"), key("بيسكوف") == key("بيسكوڤ"), key("بوتين") == key("بايدن"))
	// Output: true true false
}
