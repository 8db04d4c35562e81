package iocount

import (
	"bytes"
	"fmt"
	"testing"
)

func TestWriter(t *testing.T) {
	var buf bytes.Buffer
	w := &Writer{W: &buf}
	fmt.Fprint(w, "مرصد")
	fmt.Fprint(w, "abc")
	if w.N != int64(buf.Len()) || w.N != 11 {
		t.Errorf("N = %d, buffer holds %d bytes, want 11", w.N, buf.Len())
	}
}
