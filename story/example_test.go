package story_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/marsad/marsad/story"
)

func Example() {
	c := story.New(story.DefaultConfig())
	day := time.Date(2024, 11, 13, 9, 0, 0, 0, time.UTC)
	add := func(id, source, title, text string) story.Assignment {
		return c.Add(story.Doc{
			ID: id, Published: day, Source: source, Title: title,
			Terms:      strings.Fields(title + " " + text), // stems from the arabic analyzer in real use
			TitleTerms: strings.Fields(title),
			Entities:   []string{"الكرملين", "دميتري بيسكوف"},
		})
	}
	text := "كرملين بوتين مستعد حوار ولايات متحده اداره امريكيه يناير ترامب بيسكوف"
	a := add("a1", "wire", "الكرملين: بوتين مستعد للحوار", text)
	b := add("a2", "paper", "الكرملين: بوتين مستعد للحوار", text) // a wire copy
	fmt.Println(a.Story == b.Story, b.DuplicateOf)

	// Persist and continue.
	var state bytes.Buffer
	if err := c.Save(&state); err != nil {
		panic(err)
	}
	c, err := story.Load(&state)
	if err != nil {
		panic(err)
	}
	for _, s := range c.Stories() {
		fmt.Println(s.ID, s.Title, s.Articles, s.Sources)
	}
	// Output:
	// true a1
	// s1 الكرملين: بوتين مستعد للحوار [a1 a2] [wire paper]
}
