package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

// runCmd runs marsad with args and stdin and returns its exit status and
// outputs.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut, getenv: func(string) string { return "" }}
	code := run(context.Background(), e, args)
	return code, out.String(), errOut.String()
}

func TestAnalyzeCommand(t *testing.T) {
	long := strings.Repeat("والحوار ", 100000) // one line of 1.4 MB
	tests := []struct {
		name     string
		args     []string
		stdin    string
		code     int
		want     string // exact standard output, unless contains is set
		contains []string
	}{
		{
			name: "json",
			args: []string{"analyze", "--json", "الحُوَار في ٢٠٢١"},
			want: `{"tokens":[{"text":"الحُوَار","norm":"الحوار","stem":"حوار","start":0,"end":8,"stop":false,"kind":"word"},` +
				`{"text":"في","norm":"في","stem":"في","start":9,"end":11,"stop":true,"kind":"word"},` +
				`{"text":"٢٠٢١","norm":"2021","stem":"2021","start":12,"end":16,"stop":false,"kind":"number"}]}` + "\n",
		},
		{
			name: "json leaves punctuation out",
			args: []string{"analyze", "«نعم»،", "--json"},
			want: `{"tokens":[{"text":"نعم","norm":"نعم","stem":"نعم","start":1,"end":4,"stop":false,"kind":"word"}]}` + "\n",
		},
		{
			name: "json no stem",
			args: []string{"analyze", "--json", "--no-stem", "الحُوَار"},
			want: `{"tokens":[{"text":"الحُوَار","norm":"الحوار","stem":"الحوار","start":0,"end":8,"stop":false,"kind":"word"}]}` + "\n",
		},
		{
			name: "json fold hamza",
			args: []string{"analyze", "--json", "--fold-hamza", "--no-stem", "مسؤول"},
			want: `{"tokens":[{"text":"مسؤول","norm":"مسوول","stem":"مسوول","start":0,"end":5,"stop":false,"kind":"word"}]}` + "\n",
		},
		{
			name: "json empty text",
			args: []string{"analyze", "--json", "،"},
			want: `{"tokens":[]}` + "\n",
		},
		{
			name:  "lines",
			args:  []string{"analyze", "--lines"},
			stdin: "وواشنطن بواشنطن واشنطن\nفي من\n\nABC News ٢٠٢١\r\nللكونغرس",
			want:  "واشنطن واشنطن واشنطن\n\n\nabc news 2021\nكونغرس\n",
		},
		{
			name:  "lines no stopwords",
			args:  []string{"analyze", "--lines", "--no-stopwords"},
			stdin: "فِي الحوار\n",
			want:  "في حوار\n",
		},
		{
			name:  "lines no stem",
			args:  []string{"analyze", "--lines", "--no-stem"},
			stdin: "الحُوَار\n",
			want:  "الحوار\n",
		},
		{
			name:  "lines empty input",
			args:  []string{"analyze", "--lines"},
			stdin: "",
			want:  "",
		},
		{
			name:  "lines longer than any buffer",
			args:  []string{"analyze", "--lines"},
			stdin: long + "\nالحوار\n",
			want:  strings.Repeat("حوار ", 99999) + "حوار\nحوار\n",
		},
		{
			name:     "table",
			args:     []string{"analyze", "الحُوَار في"},
			contains: []string{"TEXT", "NORM", "STEM", "الحُوَار", "حوار", "stop"},
		},
		{name: "no text", args: []string{"analyze"}, code: 2},
		{name: "lines takes no text", args: []string{"analyze", "--lines", "نص"}, code: 2},
		{name: "unknown flag", args: []string{"analyze", "--nope", "نص"}, code: 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tt.stdin, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d; stderr: %s", code, tt.code, errOut)
			}
			if tt.code != 0 {
				return
			}
			for _, c := range tt.contains {
				if !strings.Contains(out, c) {
					t.Errorf("output lacks %q:\n%s", c, out)
				}
			}
			if tt.contains == nil && out != tt.want {
				if len(out) > 300 {
					t.Errorf("output differs (%d bytes, want %d)", len(out), len(tt.want))
				} else {
					t.Errorf("output\n%s\nwant\n%s", out, tt.want)
				}
			}
		})
	}
}

// TestAnalyzeJSONShape checks the field names other tools read.
func TestAnalyzeJSONShape(t *testing.T) {
	_, out, _ := runCmd(t, "", "analyze", "--json", "قال بيسكوف")
	var v struct {
		Tokens []map[string]any `json:"tokens"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("invalid JSON %q: %v", out, err)
	}
	if len(v.Tokens) != 2 {
		t.Fatalf("got %d tokens, want 2", len(v.Tokens))
	}
	for _, k := range []string{"text", "norm", "stem", "start", "end", "stop"} {
		if _, ok := v.Tokens[0][k]; !ok {
			t.Errorf("token lacks %q: %v", k, v.Tokens[0])
		}
	}
}

func TestBenchCommand(t *testing.T) {
	for _, tt := range []struct {
		args []string
		code int
	}{
		{[]string{"bench"}, 2},
		{[]string{"bench", "nope"}, 2},
		{[]string{"bench", "analyze", "--runs", "0"}, 2},
	} {
		if code, _, _ := runCmd(t, "", tt.args...); code != tt.code {
			t.Errorf("marsad %v: exit %d, want %d", tt.args, code, tt.code)
		}
	}
	code, out, errOut := runCmd(t, "", "bench", "analyze", "--data", t.TempDir()+"/absent", "--runs", "1", "--mb", "1")
	if code != 0 || !strings.Contains(out, "ratio") || !strings.Contains(out, "fallback") {
		t.Errorf("bench analyze on our text: exit %d, output %q, stderr %q", code, out, errOut)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("closed") }

func TestAnalyzeLinesWriteError(t *testing.T) {
	e := &env{stdin: strings.NewReader(strings.Repeat("الحوار مع واشنطن\n", 100000)), stdout: failWriter{}, stderr: io.Discard}
	if code := run(context.Background(), e, []string{"analyze", "--lines"}); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
}
