//go:build !unix

package entity

import "time"

// cpuTime returns 0: CPU time is not read on this system.
func cpuTime() time.Duration { return 0 }
