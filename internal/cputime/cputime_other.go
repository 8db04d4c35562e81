//go:build !unix

// Package cputime reads the CPU time a process has used, for benchmarks on
// shared machines where wall time says little.
package cputime

import "time"

// Self returns 0: CPU time is not read on this system.
func Self() time.Duration { return 0 }
