// Package sample holds Marsad's own sample articles: eleven short Arabic
// news articles written for the project (not taken from any outlet), used by
// "marsad demo" and by tests.
//
// They follow three related stories over 12–23 July 2026 — an oil
// producers' output cut decided in Riyadh, an Arab summit in Cairo and a
// climate conference in Abu Dhabi — in the style of the seeds: the first
// line is the headline, the second opens with a dateline, no metadata. The
// people in them are fictional. They include what Arabic search and
// extraction must cope with: reported speech (قال ... إن) and direct quotes
// in « » and " ", spelling variants (ى/ي, ة/ه, diacritics, ترامب/ترمب,
// كيلر/كلر), Arabic-Indic digits, relative dates (أمس الأحد, بعد غدٍ الخميس),
// one wire copy (02_energy_riyadh_wire is a lightly edited copy of
// 01_energy_riyadh), and one event reported twice in different words
// (05_arab_summit_opens and 11_arab_summit_opens_report), so that a story
// other than a wire copy holds more than one article.
package sample

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/marsad/marsad/article"
	"github.com/marsad/marsad/ingest"
)

//go:embed *.txt
var files embed.FS

// FS returns the sample articles as .txt files.
func FS() fs.FS { return files }

// Articles returns the sample articles, in file name order, read by the
// rules of a .txt file (ingest.ParseText): ID is the file name without
// extension, Title the first line, Text the whole file.
func Articles() []article.Article {
	names, err := fs.Glob(files, "*.txt")
	if err != nil {
		panic(err) // the pattern is valid
	}
	sort.Strings(names)
	articles := make([]article.Article, 0, len(names))
	for _, name := range names {
		data, err := files.ReadFile(name)
		if err != nil {
			panic(fmt.Sprintf("sample: embedded %s: %v", name, err))
		}
		a, err := ingest.ParseText(strings.TrimSuffix(name, path.Ext(name)), data)
		if err != nil {
			panic(fmt.Sprintf("sample: embedded %s: %v", name, err))
		}
		articles = append(articles, a)
	}
	return articles
}
