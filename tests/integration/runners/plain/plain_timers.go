// The fidelity baseline: the runner's two timer workloads written plainly in Go, timed from inside.
// Usage: plain_timers sequential|all; prints {"wallMs": n}.
package main

import (
	"fmt"
	"os"
	"sync"
	"time"
)

func sequential(wait time.Duration) {
	for i := 0; i < 10; i++ {
		time.Sleep(wait)
	}
}

func all(wait time.Duration) {
	var wg sync.WaitGroup
	for i := 0; i < 200; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(wait)
		}()
	}
	wg.Wait()
}

func main() {
	workload, wait := sequential, 100*time.Millisecond
	if os.Args[1] == "all" {
		workload, wait = all, 50*time.Millisecond
	}
	workload(0) // as the runner prepares before its clock starts
	start := time.Now()
	workload(wait)
	fmt.Printf("{\"wallMs\": %f}\n", float64(time.Since(start).Nanoseconds())/1e6)
}
