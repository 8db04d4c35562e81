package cputime

import (
	"os"
	"os/exec"
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

// TestChild reads the usage of a child process: this test binary, run to
// do nothing.
func TestChild(t *testing.T) {
	if runtime.GOOS == "windows" || runtime.GOOS == "plan9" {
		t.Skip("a child's usage is not read on " + runtime.GOOS)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	cpu, rss := Child(cmd.ProcessState)
	if cpu < 0 || rss < 1<<20 || rss > 1<<40 {
		t.Errorf("child CPU %v, peak RSS %d bytes: want a few MB", cpu, rss)
	}
}
