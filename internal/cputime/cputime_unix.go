//go:build unix

// Package cputime reads the CPU time a process has used, for benchmarks on
// shared machines where wall time says little.
package cputime

import (
	"syscall"
	"time"
)

// Self returns the CPU time (user and system) the process has used so far,
// or 0 when it cannot be read.
func Self() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
