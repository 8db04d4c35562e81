package main

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"
)

func TestTrainNERUsage(t *testing.T) {
	for _, args := range [][]string{
		{"--dev-split", "1.5"},
		{"--epochs", "0"},
		{"extra"},
		{"--no-such-flag"},
	} {
		var out, errb bytes.Buffer
		e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
		if err := runTrainNER(context.Background(), e, args); !errors.Is(err, errUsage) {
			t.Errorf("%q: got %v, want usage error", args, err)
		}
	}
}

func TestTrainNERMissingData(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	dir := t.TempDir()
	err := runTrainNER(context.Background(), e, []string{"--data", filepath.Join(dir, "none"), "--unlabelled", ""})
	if err == nil || errors.Is(err, errUsage) {
		t.Errorf("got %v, want a read error", err)
	}
}
