//go:build unix

// Package cputime reads the CPU time a process has used, for benchmarks on
// shared machines where wall time says little.
package cputime

import (
	"os"
	"runtime"
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

// Child returns the CPU time (user and system) of an exited child process
// and its peak resident set size in bytes, each 0 when it cannot be read.
func Child(ps *os.ProcessState) (cpu time.Duration, maxRSS int64) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok {
		return 0, 0
	}
	rss := int64(ru.Maxrss)
	if runtime.GOOS != "darwin" {
		rss *= 1024 // kilobytes, except on macOS
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()), rss
}
