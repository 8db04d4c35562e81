package ingest_test

import (
	"context"
	"fmt"

	"github.com/marsad/marsad/ingest"
)

// Read yields articles and failures in order; a failure names its origin
// and the rest goes on.
func ExampleRead() {
	src := "testdata/bad"
	fmt.Println("about", ingest.Count(src, ingest.Options{}), "items")
	for it := range ingest.Read(context.Background(), "testdata/txt", ingest.Options{}) {
		if it.Err != nil {
			fmt.Println(it.Err)
			continue
		}
		fmt.Printf("%s: %s\n", it.Article.ID, it.Article.Title)
	}
	for it := range ingest.Read(context.Background(), src, ingest.Options{}) {
		fmt.Println(it.Err)
	}
	// Output:
	// about 4 items
	// port: افتتاح المرحلة الأولى من ميناء جازان الجديد
	// rain: أمطار غزيرة على مكة المكرمة
	// read testdata/bad/binary.txt: binary content, not text
	// read testdata/bad/blank.txt: empty
	// read testdata/bad/cp1256.txt: not valid UTF-8 at byte 6
	// read testdata/bad/empty.txt: empty
}
