package entity

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tagged sentence of training data.
type Sentence struct {
	Words []string
	Tags  []string // BIO tags over PER, ORG, LOC, MISC ("PERS" is read as PER)
}

// ReadData parses tagged text in the ANERcorp format: one "token TAG" per
// line, the tag after the last space or tab. A sentence ends after a "."
// token or at a blank line. Lines whose token is empty are skipped; invisible
// format marks are removed from tokens. Tags are B-/I- over PERS (read as
// PER), PER, ORG, LOC, MISC, or O; an unknown tag is an error.
func ReadData(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		i := strings.LastIndexAny(line, " \t")
		if i < 0 {
			return nil, fmt.Errorf("line %d: no tag in %q", n, truncate(line))
		}
		word, tag := cleanToken(line[:i]), strings.TrimSpace(line[i+1:])
		tag, ok := canonicalTag(tag)
		if !ok {
			return nil, fmt.Errorf("line %d: unknown tag %q", n, truncate(line[i+1:]))
		}
		if word == "" {
			continue
		}
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, tag)
		if word == "." {
			flush()
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read data: %w", err)
	}
	flush()
	return out, nil
}

// cleanToken trims spaces and drops invisible format marks and invalid UTF-8.
func cleanToken(s string) string {
	s = strings.TrimSpace(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\ufffd', r == '\u200c', r == '\u200d', r == '\u200e', r == '\u200f', r == '\ufeff',
			r >= '\u202a' && r <= '\u202e', r == ' ', r == '\t':
			return -1
		}
		return r
	}, s)
}

func truncate(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// canonicalTag maps a data tag to one of the tagger's labels.
func canonicalTag(t string) (string, bool) {
	if t == "O" {
		return t, true
	}
	if len(t) < 3 || (t[:2] != "B-" && t[:2] != "I-") {
		return "", false
	}
	switch t[2:] {
	case "PERS", "PER":
		return t[:2] + "PER", true
	case "ORG", "LOC", "MISC":
		return t, true
	}
	return "", false
}

// ReadGazetteer reads a name list, one name per line; blank lines and lines
// of "=" are skipped. Names are normalized.
func ReadGazetteer(r io.Reader) ([]string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	var out []string
	for sc.Scan() {
		line := strings.Join(strings.Fields(cleanLine(sc.Text())), " ")
		if line == "" || strings.Trim(line, "=") == "" {
			continue
		}
		out = append(out, normalizePhrase(line))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read gazetteer: %w", err)
	}
	return out, nil
}

func cleanLine(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\ufffd', r == '\u200c', r == '\u200d', r == '\u200e', r == '\u200f', r == '\ufeff',
			r >= '\u202a' && r <= '\u202e':
			return -1
		}
		return r
	}, s)
}

// normalizePhrase normalizes each space-separated word of s.
func normalizePhrase(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		f[i] = normalize(w)
	}
	return strings.Join(f, " ")
}
