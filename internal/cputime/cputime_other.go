//go:build !unix

// Package cputime reads the CPU time a process has used, for benchmarks on
// shared machines where wall time says little.
package cputime

import (
	"os"
	"time"
)

// Self returns 0: CPU time is not read on this system.
func Self() time.Duration { return 0 }

// Child returns 0, 0: the usage of a child is not read on this system.
func Child(*os.ProcessState) (cpu time.Duration, maxRSS int64) { return 0, 0 }
