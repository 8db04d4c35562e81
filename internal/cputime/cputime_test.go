package cputime

import (
	"runtime"
	"testing"
)

func TestSelfGrows(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("CPU time is not read on " + runtime.GOOS)
	}
	before := Self()
	x := 0
	for i := 0; Self()-before <= 0 && i < 1e9; i++ {
		x += i
	}
	if Self() <= before {
		t.Errorf("CPU time did not grow: %v then %v (%d)", before, Self(), x)
	}
}
