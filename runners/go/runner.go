// Command runner runs one Concurrency Explorer scenario with Go's own concurrency: goroutines, channels,
// sync.WaitGroup and context. It speaks the runner protocol (shared/protocol/runner-protocol.ts): JSON lines
// on stdin (`start`, then maybe `cancel`), JSON lines on stdout (`ready`, `started`, `batch`..., `finished`
// or `failed`). The backend validates the scenario before it arrives and computes the run's metrics from
// what this runner records. Standard library only, Go 1.19+.
//
// `http` tasks without a url call the built-in HTTP target at the start message's `targetUrl`: the backend
// runs it in a process of its own for every runtime, so that every runtime measures against the same server
// and the client under test never shares a scheduler with it.
//
// Sections: protocol, clock and recording, kinds, attempts, strategies, run.
package main

import (
	"bufio"
	"context"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// ---------------------------------------------------------------------------------------------------------
// Protocol
// ---------------------------------------------------------------------------------------------------------

const (
	sampleIntervalMs = 20
	batchIntervalMs  = 50
	// A timeout that fires later than this after it was due could not fire on time (the engine's rule).
	lateTimeoutNoteMs = 5
	stderrTailChars   = 300
	childGroupsFile   = "child-groups.txt"
)

type strategySpec struct {
	Type        string `json:"type"`
	Concurrency int    `json:"concurrency"`
	OnFailure   string `json:"onFailure"`
	Size        int    `json:"size"`
	Threads     int    `json:"threads"`
}

type taskGroup struct {
	Kind       string   `json:"kind"`
	Count      int      `json:"count"`
	FailRate   float64  `json:"failRate"`
	Ms         float64  `json:"ms"`
	JitterMs   float64  `json:"jitterMs"`
	Bytes      int      `json:"bytes"`
	URL        *string  `json:"url"`
	Method     string   `json:"method"`
	LatencyMs  float64  `json:"latencyMs"`
	Iterations int      `json:"iterations"`
	Command    string   `json:"command"`
	Args       []string `json:"args"`
}

type scenario struct {
	Strategy strategySpec `json:"strategy"`
	Options  struct {
		TimeoutMs    float64 `json:"timeoutMs"`
		Retries      int     `json:"retries"`
		RetryDelayMs float64 `json:"retryDelayMs"`
		Seed         uint32  `json:"seed"`
	} `json:"options"`
	Tasks []taskGroup `json:"tasks"`
}

type inMessage struct {
	Type       string    `json:"type"`
	Scenario   *scenario `json:"scenario"`
	ScratchDir string    `json:"scratchDir"`
	// TargetURL is the built-in HTTP target's `http://127.0.0.1:<port>`; null when no task calls it.
	TargetURL *string `json:"targetUrl"`
}

type taskStart struct {
	Index    int     `json:"index"`
	Group    int     `json:"group"`
	Kind     string  `json:"kind"`
	Lane     int     `json:"lane"`
	QueuedMs float64 `json:"queuedMs"`
	StartMs  float64 `json:"startMs"`
}

type taskRecord struct {
	taskStart
	EndMs      float64 `json:"endMs"`
	ObservedMs float64 `json:"observedMs"`
	Status     string  `json:"status"`
	Orphaned   bool    `json:"orphaned"`
	Error      *string `json:"error"`
	Attempts   int     `json:"attempts"`
}

type sample struct {
	TMs           float64 `json:"tMs"`
	InFlight      int     `json:"inFlight"`
	LoopDelayMs   float64 `json:"loopDelayMs"`
	Elu           float64 `json:"elu"`
	CPUPercent    float64 `json:"cpuPercent"`
	RssBytes      uint64  `json:"rssBytes"`
	HeapUsedBytes uint64  `json:"heapUsedBytes"`
}

type batchEvent struct {
	Type      string       `json:"type"`
	Started   []taskStart  `json:"started"`
	Finished  []taskRecord `json:"finished"`
	Samples   []sample     `json:"samples"`
	Done      int          `json:"done"`
	InFlight  int          `json:"inFlight"`
	ElapsedMs float64      `json:"elapsedMs"`
}

var stdout = struct {
	sync.Mutex
	w *bufio.Writer
}{w: bufio.NewWriterSize(os.Stdout, 1<<16)}

// emit writes one event as one line; events from any goroutine never interleave.
func emit(event interface{}) {
	line, err := json.Marshal(event)
	if err != nil {
		line, _ = json.Marshal(map[string]string{"type": "failed", "message": "could not encode an event: " + err.Error()})
	}
	stdout.Lock()
	defer stdout.Unlock()
	stdout.w.Write(line)
	stdout.w.WriteByte('\n')
	stdout.w.Flush()
}

func fail(message string) {
	emit(map[string]string{"type": "failed", "message": message})
}

// jsNumber formats a number as JavaScript's String(n) does for the values scenarios hold (0.3, 1, 250).
func jsNumber(n float64) string {
	return strconv.FormatFloat(n, 'f', -1, 64)
}

// ---------------------------------------------------------------------------------------------------------
// Clock and recording
// ---------------------------------------------------------------------------------------------------------

// runClock counts ms from the run's start on Go's monotonic clock, sub-millisecond.
type runClock struct{ origin time.Time }

func (c runClock) now() float64 { return float64(time.Since(c.origin).Nanoseconds()) / 1e6 }

type plannedTask struct {
	index int
	group int
	spec  *taskGroup
}

// recorder keeps every task record and hands out what is new since the previous batch.
type recorder struct {
	mu              sync.Mutex
	clock           runClock
	tasks           []plannedTask
	recorded        []bool
	pendingStarts   []taskStart
	pendingFinished []taskRecord
	pendingSamples  []sample
	inFlight        int
	done            int
	settledAtMs     float64 // -1 while the strategy has not settled
}

func newRecorder(tasks []plannedTask, clock runClock) *recorder {
	return &recorder{clock: clock, tasks: tasks, recorded: make([]bool, len(tasks)), settledAtMs: -1,
		pendingStarts: []taskStart{}, pendingFinished: []taskRecord{}, pendingSamples: []sample{}}
}

func (r *recorder) started(task plannedTask, lane int) taskStart {
	r.mu.Lock()
	defer r.mu.Unlock()
	start := taskStart{Index: task.index, Group: task.group, Kind: task.spec.Kind, Lane: lane, StartMs: r.clock.now()}
	r.pendingStarts = append(r.pendingStarts, start)
	r.inFlight++
	return start
}

// ended records the outcome heard now (observedMs); the work itself ended at outcome.endMs.
func (r *recorder) ended(start taskStart, outcome taskOutcome) {
	r.mu.Lock()
	defer r.mu.Unlock()
	observedMs := r.clock.now()
	endMs := math.Min(math.Max(outcome.endMs, start.StartMs), observedMs)
	orphaned := r.settledAtMs >= 0 && endMs > r.settledAtMs
	r.finish(taskRecord{taskStart: start, EndMs: endMs, ObservedMs: observedMs, Status: outcome.status,
		Orphaned: orphaned, Error: outcome.err, Attempts: outcome.attempts})
	r.inFlight--
}

func (r *recorder) neverStarted(task plannedTask, status string, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.neverStartedLocked(task, status, reason)
}

func (r *recorder) neverStartedLocked(task plannedTask, status string, reason string) {
	if r.recorded[task.index] {
		return
	}
	now := r.clock.now()
	start := taskStart{Index: task.index, Group: task.group, Kind: task.spec.Kind, StartMs: now}
	r.finish(taskRecord{taskStart: start, EndMs: now, ObservedMs: now, Status: status, Error: &reason})
}

func (r *recorder) recordUnstarted(status string, reason string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, task := range r.tasks {
		r.neverStartedLocked(task, status, reason)
	}
}

func (r *recorder) markSettled(atMs float64) {
	r.mu.Lock()
	r.settledAtMs = atMs
	r.mu.Unlock()
}

func (r *recorder) addSample(s sample) {
	r.mu.Lock()
	r.pendingSamples = append(r.pendingSamples, s)
	r.mu.Unlock()
}

func (r *recorder) inFlightNow() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.inFlight
}

func (r *recorder) finish(record taskRecord) {
	r.recorded[record.Index] = true
	r.pendingFinished = append(r.pendingFinished, record)
	r.done++
}

// takeBatch returns what happened since the previous batch, or nil when nothing did.
func (r *recorder) takeBatch() *batchEvent {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.pendingStarts) == 0 && len(r.pendingFinished) == 0 && len(r.pendingSamples) == 0 {
		return nil
	}
	b := &batchEvent{Type: "batch", Started: r.pendingStarts, Finished: r.pendingFinished, Samples: r.pendingSamples,
		Done: r.done, InFlight: r.inFlight, ElapsedMs: r.clock.now()}
	r.pendingStarts, r.pendingFinished, r.pendingSamples = []taskStart{}, []taskRecord{}, []sample{}
	return b
}

// every calls work every intervalMs until stop is closed, then once more; done closes after that.
func every(intervalMs int, work func(), first time.Duration) (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		timer := time.NewTimer(first)
		defer timer.Stop()
		for {
			select {
			case <-timer.C:
				work()
				timer.Reset(time.Duration(intervalMs) * time.Millisecond)
			case <-quit:
				work()
				return
			}
		}
	}()
	return func() { close(quit); <-done }
}

// cpuTimesMs is the process's user and system CPU time so far.
func cpuTimesMs() (userMs float64, systemMs float64) {
	var usage syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &usage) != nil {
		return 0, 0
	}
	toMs := func(t syscall.Timeval) float64 { return float64(t.Sec)*1e3 + float64(t.Usec)/1e3 }
	return toMs(usage.Utime), toMs(usage.Stime)
}

// rssBytes reads the resident set from /proc (Linux); elsewhere the memory Go obtained from the system.
func rssBytes(memory *runtime.MemStats) uint64 {
	if statm, err := os.ReadFile("/proc/self/statm"); err == nil {
		if fields := strings.Fields(string(statm)); len(fields) > 1 {
			if pages, err := strconv.ParseUint(fields[1], 10, 64); err == nil {
				return pages * uint64(os.Getpagesize())
			}
		}
	}
	return memory.Sys
}

// startSampler measures the process every 20 ms. Go has no single event loop: loop delay and ELU stay 0.
func startSampler(clock runClock, rec *recorder) (stop func()) {
	lastMs := clock.now()
	lastUser, lastSystem := cpuTimesMs()
	var memory runtime.MemStats
	return every(sampleIntervalMs, func() {
		tMs := clock.now()
		user, system := cpuTimesMs()
		intervalMs := math.Max(tMs-lastMs, 1e-3)
		cpuPercent := math.Max(0, (user-lastUser+system-lastSystem)/intervalMs*100)
		lastMs, lastUser, lastSystem = tMs, user, system
		runtime.ReadMemStats(&memory)
		rec.addSample(sample{TMs: tMs, InFlight: rec.inFlightNow(), CPUPercent: cpuPercent,
			RssBytes: rssBytes(&memory), HeapUsedBytes: memory.HeapAlloc})
	}, sampleIntervalMs*time.Millisecond)
}

func startBatchSender(rec *recorder) (stop func()) {
	return every(batchIntervalMs, func() {
		if b := rec.takeBatch(); b != nil {
			emit(b)
		}
	}, time.Millisecond)
}

// ---------------------------------------------------------------------------------------------------------
// Seeded draws: the engine's mulberry32 streams, bit for bit, so a seed fails the same tasks in every runtime.
// ---------------------------------------------------------------------------------------------------------

type attemptDraw struct {
	failInjected bool
	jitter       float64
	seed         uint32
}

func mulberry32(seed uint32) func() float64 {
	state := seed
	return func() float64 {
		state += 0x6d2b79f5
		t := state
		t = (t ^ (t >> 15)) * (t | 1)
		t ^= t + (t^(t>>7))*(t|61)
		return float64(t^(t>>14)) / 4294967296
	}
}

func taskDraws(runSeed uint32, taskIndex int, failRate float64) func() attemptDraw {
	random := mulberry32(((runSeed ^ 0x5bd1e995) * 0x9e3779b1) ^ (uint32(taskIndex+1) * 0x85ebca6b))
	return func() attemptDraw {
		return attemptDraw{failInjected: random() < failRate, jitter: random(), seed: uint32(math.Floor(random() * 4294967296))}
	}
}

// ---------------------------------------------------------------------------------------------------------
// Kinds: one attempt of a task's work, stopped through ctx (timeout, Cancel, a failed sibling).
// ---------------------------------------------------------------------------------------------------------

type kindEnv struct {
	scratchDir string
	targetURL  string
	client     *http.Client
	childMu    sync.Mutex
}

func contentOf(bytes int) []byte {
	return []byte(strings.Repeat("concurrency explorer ", bytes/21+1)[:bytes])
}

func runTimer(ctx context.Context, spec *taskGroup, draw attemptDraw) error {
	timer := time.NewTimer(time.Duration((spec.Ms + draw.jitter*spec.JitterMs) * float64(time.Millisecond)))
	defer timer.Stop()
	select {
	case <-timer.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// runCPU keeps its goroutine busy for ms. It looks at ctx now and then so that an abandoned attempt stops
// burning a core (Node's loop cannot do that; a goroutine can).
func runCPU(ctx context.Context, spec *taskGroup) error {
	end := time.Now().Add(time.Duration(spec.Ms * float64(time.Millisecond)))
	for spins := 0; time.Now().Before(end); spins++ {
		if spins%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

// File kinds: Go's file calls always block the goroutine that makes them (the runtime parks it on a thread
// of its own), so `sync` changes nothing here: every file task is "sync" and none blocks the others.
func runFileWrite(env *kindEnv, spec *taskGroup, index int) error {
	return os.WriteFile(filepath.Join(env.scratchDir, fmt.Sprintf("write-%d.bin", index)), contentOf(spec.Bytes), 0o644)
}

func runFileRead(env *kindEnv, spec *taskGroup, group int) error {
	path := readFilePath(env.scratchDir, group)
	content, err := os.ReadFile(path)
	if err == nil && len(content) != spec.Bytes {
		err = fmt.Errorf("read %d bytes from %s, expected %d", len(content), path, spec.Bytes)
	}
	return err
}

func readFilePath(scratchDir string, group int) string {
	return filepath.Join(scratchDir, fmt.Sprintf("read-group-%d.bin", group))
}

// needsTarget: the scenario has http tasks without a url, which call the built-in HTTP target.
func needsTarget(s *scenario) bool {
	for _, spec := range s.Tasks {
		if spec.Kind == "http" && spec.URL == nil {
			return true
		}
	}
	return false
}

// requestURL is the task's own url, or the built-in target's (prepare has checked that the run has one).
func requestURL(env *kindEnv, spec *taskGroup, draw attemptDraw) string {
	if spec.URL != nil {
		return *spec.URL
	}
	query := "latencyMs=" + jsNumber(spec.LatencyMs) + "&jitterMs=" + jsNumber(spec.JitterMs) + "&bytes=" +
		strconv.Itoa(spec.Bytes) + "&failRate=" + jsNumber(spec.FailRate) + "&seed=" + strconv.FormatUint(uint64(draw.seed), 10)
	return env.targetURL + "/?" + query
}

// runHTTP sends one request (keep-alive) and reads the whole body.
func runHTTP(ctx context.Context, env *kindEnv, spec *taskGroup, draw attemptDraw) error {
	address := requestURL(env, spec, draw)
	request, err := http.NewRequestWithContext(ctx, spec.Method, address, nil)
	if err != nil {
		return err
	}
	response, err := env.client.Do(request)
	if err != nil {
		return err
	}
	defer response.Body.Close()
	if _, err := io.Copy(io.Discard, response.Body); err != nil {
		return err
	}
	if response.StatusCode >= 400 {
		origin, _ := url.Parse(address)
		return fmt.Errorf("HTTP %s from %s://%s", response.Status, origin.Scheme, origin.Host)
	}
	return nil
}

// runCrypto is PBKDF2-HMAC-SHA512 (RFC 8018) written as a loop over crypto/hmac, as Node's
// pbkdf2('concurrency-explorer', 'salt-<index>', iterations, 64, 'sha512'): one 64-byte block.
func runCrypto(ctx context.Context, spec *taskGroup, index int) error {
	mac := hmac.New(sha512.New, []byte("concurrency-explorer"))
	mac.Write([]byte(fmt.Sprintf("salt-%d", index)))
	var blockIndex [4]byte
	binary.BigEndian.PutUint32(blockIndex[:], 1)
	mac.Write(blockIndex[:])
	u := mac.Sum(nil)
	key := append([]byte(nil), u...)
	for i := 1; i < spec.Iterations; i++ {
		if i%1024 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		mac.Reset()
		mac.Write(u)
		u = mac.Sum(u[:0])
		for j := range key {
			key[j] ^= u[j]
		}
	}
	return nil
}

// runSpawn starts the command (no shell) leading a process group of its own, noted in the scratch folder
// so the backend can kill it too; a timeout or Cancel kills the whole group.
func runSpawn(ctx context.Context, env *kindEnv, spec *taskGroup) error {
	command := exec.Command(spec.Command, spec.Args...)
	command.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var stderr strings.Builder
	command.Stderr = &stderr
	if err := command.Start(); err != nil {
		return err
	}
	pid := command.Process.Pid
	env.noteChildGroup(pid)
	exited := make(chan error, 1)
	go func() { exited <- command.Wait() }()
	select {
	case err := <-exited:
		if err == nil {
			return nil
		}
		how := err.Error()
		if exit, ok := err.(*exec.ExitError); ok {
			if status, ok := exit.Sys().(syscall.WaitStatus); ok && status.Signaled() {
				how = "was killed by " + signalName(status.Signal())
			} else {
				how = fmt.Sprintf("exited with code %d", exit.ExitCode())
			}
		}
		tail := strings.TrimSpace(stderr.String())
		if len(tail) > stderrTailChars {
			tail = tail[len(tail)-stderrTailChars:]
		}
		if tail != "" {
			how += ": " + tail
		}
		return fmt.Errorf("%s %s", spec.Command, how)
	case <-ctx.Done():
		syscall.Kill(-pid, syscall.SIGKILL)
		return ctx.Err()
	}
}

func signalName(signal syscall.Signal) string {
	if signal == syscall.SIGKILL {
		return "SIGKILL"
	}
	return "signal " + strconv.Itoa(int(signal))
}

func (env *kindEnv) noteChildGroup(pid int) {
	env.childMu.Lock()
	defer env.childMu.Unlock()
	file, err := os.OpenFile(filepath.Join(env.scratchDir, childGroupsFile), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err == nil {
		fmt.Fprintf(file, "%d\n", pid)
		file.Close()
	}
}

func runKind(ctx context.Context, env *kindEnv, task plannedTask, draw attemptDraw) error {
	spec := task.spec
	switch spec.Kind {
	case "timer":
		return runTimer(ctx, spec, draw)
	case "cpu":
		return runCPU(ctx, spec)
	case "file-write":
		return runFileWrite(env, spec, task.index)
	case "file-read":
		return runFileRead(env, spec, task.group)
	case "http":
		return runHTTP(ctx, env, spec, draw)
	case "crypto":
		return runCrypto(ctx, spec, task.index)
	case "spawn":
		return runSpawn(ctx, env, spec)
	}
	return fmt.Errorf("the Go runner cannot run %s tasks", spec.Kind)
}

// ---------------------------------------------------------------------------------------------------------
// Attempts: timeouts per attempt, retries with exponential backoff, Cancel.
// ---------------------------------------------------------------------------------------------------------

type taskOutcome struct {
	status   string
	err      *string
	endMs    float64
	attempts int
}

func message(text string) *string { return &text }

// groupReasonKey holds, in a structured group's context, why the group was cancelled (as the Node engine
// words it), set before the group's cancel is called.
type groupReasonKey struct{}

const cancelledBeforeStart = "cancelled before it started"

// runner holds what every task of a run shares.
type runner struct {
	tasks    []plannedTask
	rec      *recorder
	clock    runClock
	env      *kindEnv
	scenario *scenario
	// cancelled by the parent's `cancel` message.
	runCtx context.Context
	// every goroutine a strategy starts for a task; the run waits for them all (orphans included).
	running sync.WaitGroup
}

// cancelReason says why ctx is done: the run's Cancel, or a structured group's first failure.
func (r *runner) cancelReason(ctx context.Context) *string {
	if reason, ok := ctx.Value(groupReasonKey{}).(*atomic.Value); ok && r.runCtx.Err() == nil {
		if text, ok := reason.Load().(string); ok {
			return message(text)
		}
	}
	return message("cancelled")
}

// attempt runs one attempt bounded by the timeout and ctx; the kind is told to stop when it is given up.
func (r *runner) attempt(ctx context.Context, task plannedTask, draw attemptDraw) taskOutcome {
	timeoutMs := r.scenario.Options.TimeoutMs
	attemptCtx, stop := context.WithCancel(ctx)
	defer stop()
	dueMs := r.clock.now() + timeoutMs
	ended := make(chan taskOutcome, 1)
	go func() {
		err := runKind(attemptCtx, r.env, task, draw)
		endMs := r.clock.now()
		if err == nil && draw.failInjected && !(task.spec.Kind == "http" && task.spec.URL == nil) {
			err = errors.New("injected failure (failRate " + jsNumber(task.spec.FailRate) + ")")
		}
		if err != nil {
			ended <- taskOutcome{status: "error", err: message(err.Error()), endMs: endMs}
		} else {
			ended <- taskOutcome{status: "ok", endMs: endMs}
		}
	}()
	timeout := time.NewTimer(time.Duration(timeoutMs * float64(time.Millisecond)))
	defer timeout.Stop()
	select {
	case outcome := <-ended:
		return outcome
	case <-timeout.C:
		nowMs := r.clock.now()
		lateMs := nowMs - dueMs
		text := "timed out after " + jsNumber(timeoutMs) + " ms"
		if lateMs > lateTimeoutNoteMs {
			text += fmt.Sprintf(" (it fired %d ms late: the runner was overloaded)", int(math.Round(lateMs)))
			nowMs = dueMs
		}
		return taskOutcome{status: "timeout", err: message(text), endMs: nowMs}
	case <-ctx.Done():
		return taskOutcome{status: "cancelled", err: r.cancelReason(ctx), endMs: r.clock.now()}
	}
}

// attempts runs a task's attempts: after an error or a timeout up to `retries` more, after retryDelayMs,
// doubled each time.
func (r *runner) attempts(ctx context.Context, task plannedTask) taskOutcome {
	options := r.scenario.Options
	nextDraw := taskDraws(options.Seed, task.index, task.spec.FailRate)
	for attempt := 1; ; attempt++ {
		outcome := r.attempt(ctx, task, nextDraw())
		outcome.attempts = attempt
		if outcome.status == "ok" || outcome.status == "cancelled" || attempt > options.Retries {
			return outcome
		}
		backoff := time.NewTimer(time.Duration(options.RetryDelayMs * math.Pow(2, float64(attempt-1)) * float64(time.Millisecond)))
		select {
		case <-backoff.C:
		case <-ctx.Done():
			backoff.Stop()
			return taskOutcome{status: "cancelled", err: r.cancelReason(ctx), endMs: r.clock.now(), attempts: attempt}
		}
	}
}

// taskError is what a strategy sees when a task did not end `ok`.
type taskError struct {
	index int
	text  string
}

func (e *taskError) Error() string { return e.text }

// run is the task as a strategy calls it: records the start, runs the attempts, records the end, and
// returns an error when the task did not end `ok`.
func (r *runner) run(ctx context.Context, index int, lane int) error {
	task := r.tasks[index]
	if r.runCtx.Err() != nil {
		r.rec.neverStarted(task, "cancelled", cancelledBeforeStart)
		return &taskError{index, cancelledBeforeStart}
	}
	if ctx.Err() != nil {
		reason := "never started: the strategy had aborted at an earlier failure"
		r.rec.neverStarted(task, "skipped", reason)
		return &taskError{index, reason}
	}
	start := r.rec.started(task, lane)
	outcome := r.attempts(ctx, task)
	r.rec.ended(start, outcome)
	if outcome.status != "ok" {
		return &taskError{index, *outcome.err}
	}
	return nil
}

// spawn starts a task's goroutine: `go f()`, counted so the run can wait for orphans.
func (r *runner) spawn(f func()) {
	r.running.Add(1)
	go func() {
		defer r.running.Done()
		f()
	}()
}

// ---------------------------------------------------------------------------------------------------------
// Strategies, each the plain Go it stands for (shared/strategies shows the same code). Each returns when
// the strategy has its result; tasks still running then are orphans.
// ---------------------------------------------------------------------------------------------------------

// sequential: `for` over the tasks; the first error ends the loop.
func (r *runner) sequential(ctx context.Context, n int) error {
	for i := 0; i < n; i++ {
		if err := r.run(ctx, i, 0); err != nil {
			return err
		}
	}
	return nil
}

// group is errgroup.Group (golang.org/x/sync) written out, as the runner uses the standard library only: Go
// starts a goroutine, Wait waits for every one of them and returns the first error; onFirstError, when set,
// runs once at the first error (structured cancels the group's context there).
type group struct {
	r            *runner
	wg           sync.WaitGroup
	once         sync.Once
	err          error
	onFirstError func(err error)
}

func (g *group) Go(f func() error) {
	g.wg.Add(1)
	g.r.spawn(func() {
		defer g.wg.Done()
		if err := f(); err != nil {
			g.once.Do(func() {
				g.err = err
				if g.onFirstError != nil {
					g.onFirstError(err)
				}
			})
		}
	})
}

func (g *group) Wait() error {
	g.wg.Wait()
	return g.err
}

// all: a goroutine per task and a sync.WaitGroup; the first error is kept, and Wait waits for every task.
func (r *runner) all(ctx context.Context, n int) error {
	g := &group{r: r}
	for i := 0; i < n; i++ {
		i := i
		g.Go(func() error { return r.run(ctx, i, i) })
	}
	return g.Wait()
}

// allSettled: the same, collecting every error.
func (r *runner) allSettled(ctx context.Context, n int) error {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var errs []error
	for i := 0; i < n; i++ {
		i := i
		wg.Add(1)
		r.spawn(func() {
			defer wg.Done()
			if err := r.run(ctx, i, i); err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(errs) > 0 {
		return fmt.Errorf("%d tasks failed", len(errs))
	}
	return nil
}

// race and any: every task sends its result on a buffered channel; the first value (race) or the first
// success (any) is the result, and the tasks still running are orphans.
func (r *runner) firstOf(ctx context.Context, n int, successOnly bool) error {
	results := make(chan error, n)
	for i := 0; i < n; i++ {
		i := i
		r.spawn(func() { results <- r.run(ctx, i, i) })
	}
	var last error
	for received := 0; received < n; received++ {
		err := <-results
		if err == nil || !successOnly {
			return err
		}
		last = err
	}
	return last
}

// pool: a buffered channel of lane numbers is the semaphore; never more than `concurrency` tasks hold one.
// onFailure: stop-slot stops taking tasks at the first failure (the rest are skipped); reject returns at the
// first failure while every task still runs (orphans); continue runs every task and waits for all of them.
func (r *runner) pool(ctx context.Context, n int, concurrency int, onFailure string) error {
	lanes := make(chan int, concurrency)
	for lane := 0; lane < concurrency; lane++ {
		lanes <- lane
	}
	var failed atomic.Bool
	firstFailure := make(chan struct{})
	g := &group{r: r, onFirstError: func(error) { failed.Store(true); close(firstFailure) }}
	launch := func() {
		for i := 0; i < n; i++ {
			lane := <-lanes
			if onFailure == "stop-slot" && failed.Load() {
				lanes <- lane
				break
			}
			i := i
			g.Go(func() error {
				defer func() { lanes <- lane }()
				return r.run(ctx, i, lane)
			})
		}
	}
	if onFailure != "reject" {
		launch()
		return g.Wait()
	}
	launched := make(chan struct{})
	r.spawn(func() {
		launch()
		g.Wait()
		close(launched)
	})
	select {
	case <-firstFailure:
		return errors.New("a task failed")
	case <-launched:
		return nil
	}
}

// batch: `size` goroutines at a time in a group; the next batch starts when this one is done, and the first
// error ends the loop.
func (r *runner) batch(ctx context.Context, n int, size int) error {
	for begin := 0; begin < n; begin += size {
		g := &group{r: r}
		for i := begin; i < begin+size && i < n; i++ {
			i, lane := i, i-begin
			g.Go(func() error { return r.run(ctx, i, lane) })
		}
		if err := g.Wait(); err != nil {
			return err
		}
	}
	return nil
}

// workers: `threads` worker goroutines take task numbers from a channel (Go runs them on up to GOMAXPROCS
// threads at once); every task runs, the first error is kept.
func (r *runner) workers(ctx context.Context, n int, threads int) error {
	jobs := make(chan int)
	g := &group{r: r}
	for worker := 0; worker < threads; worker++ {
		worker := worker
		g.Go(func() error {
			var first error
			for i := range jobs {
				if err := r.run(ctx, i, worker); err != nil && first == nil {
					first = err
				}
			}
			return first
		})
	}
	for i := 0; i < n; i++ {
		jobs <- i
	}
	close(jobs)
	return g.Wait()
}

// structured: an errgroup with a context: the first error cancels the group's context, which cancels every
// other task; Wait returns once all of them have ended.
func (r *runner) structured(ctx context.Context, n int) error {
	reason := &atomic.Value{}
	groupCtx, cancel := context.WithCancel(context.WithValue(ctx, groupReasonKey{}, reason))
	defer cancel()
	g := &group{r: r, onFirstError: func(err error) {
		reason.Store(fmt.Sprintf("cancelled: task %d failed first, and the structured strategy aborted the rest", err.(*taskError).index))
		cancel()
	}}
	for i := 0; i < n; i++ {
		i := i
		g.Go(func() error { return r.run(groupCtx, i, i) })
	}
	return g.Wait()
}

func (r *runner) runStrategy(ctx context.Context) {
	s := r.scenario.Strategy
	n := len(r.tasks)
	switch s.Type {
	case "sequential":
		r.sequential(ctx, n)
	case "all":
		r.all(ctx, n)
	case "allSettled":
		r.allSettled(ctx, n)
	case "race":
		r.firstOf(ctx, n, false)
	case "any":
		r.firstOf(ctx, n, true)
	case "pool":
		onFailure := s.OnFailure
		if onFailure == "" {
			onFailure = "stop-slot" // the schema's default: absent means stop-slot
		}
		r.pool(ctx, n, lanesFor(s, n), onFailure)
	case "batch":
		r.batch(ctx, n, s.Size)
	case "workers":
		r.workers(ctx, n, lanesFor(s, n))
	case "structured":
		r.structured(ctx, n)
	}
}

// lanesFor is how many timeline rows the strategy uses (the engine's laneCount).
func lanesFor(s strategySpec, n int) int {
	bound := n
	switch s.Type {
	case "sequential":
		bound = 1
	case "pool":
		bound = s.Concurrency
	case "batch":
		bound = s.Size
	case "workers":
		bound = s.Threads
	}
	if bound > n {
		bound = n
	}
	if bound < 1 {
		bound = 1
	}
	return bound
}

// ---------------------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------------------

func planTasks(s *scenario) []plannedTask {
	var tasks []plannedTask
	for group := range s.Tasks {
		for i := 0; i < s.Tasks[group].Count; i++ {
			tasks = append(tasks, plannedTask{index: len(tasks), group: group, spec: &s.Tasks[group]})
		}
	}
	return tasks
}

// prepare makes what the tasks need before the clock starts; the error names what could not be made.
func prepare(s *scenario, scratchDir string, targetURL *string) (*kindEnv, error) {
	if err := os.MkdirAll(scratchDir, 0o755); err != nil {
		return nil, fmt.Errorf("the scratch folder %s is not usable: %v", scratchDir, err)
	}
	env := &kindEnv{scratchDir: scratchDir, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1024}}}
	if needsTarget(s) {
		if targetURL == nil || *targetURL == "" {
			return nil, errors.New("the scenario has http tasks without a url, and the start message has no targetUrl (the built-in HTTP target's address)")
		}
		env.targetURL = strings.TrimRight(*targetURL, "/")
	}
	for group, spec := range s.Tasks {
		switch spec.Kind {
		case "file-read":
			if err := os.WriteFile(readFilePath(scratchDir, group), contentOf(spec.Bytes), 0o644); err != nil {
				return nil, fmt.Errorf("tasks[%d]: could not prepare the file to read: %v", group, err)
			}
		case "http", "timer", "cpu", "file-write", "crypto", "spawn":
		default:
			return nil, fmt.Errorf("tasks[%d]: the Go runner has no %s tasks", group, spec.Kind)
		}
	}
	return env, nil
}

func runScenario(start inMessage, runCtx context.Context) {
	s := start.Scenario
	env, err := prepare(s, start.ScratchDir, start.TargetURL)
	if err != nil {
		fail(err.Error())
		return
	}
	tasks := planTasks(s)
	clock := runClock{origin: time.Now()}
	userAtStart, systemAtStart := cpuTimesMs()
	rec := newRecorder(tasks, clock)
	r := &runner{tasks: tasks, rec: rec, clock: clock, env: env, scenario: s, runCtx: runCtx}
	emit(map[string]interface{}{"type": "started", "totalTasks": len(tasks), "lanes": lanesFor(s.Strategy, len(tasks)),
		"startedAtEpochMs": float64(clock.origin.UnixNano()) / 1e6})
	stopSampler := startSampler(clock, rec)
	stopSender := startBatchSender(rec)
	r.runStrategy(runCtx)
	wallMs := clock.now()
	rec.markSettled(wallMs)
	r.running.Wait()
	if runCtx.Err() != nil {
		rec.recordUnstarted("cancelled", cancelledBeforeStart)
	} else {
		rec.recordUnstarted("skipped", "never started: the strategy stopped at the first failure")
	}
	stopSampler()
	stopSender()
	user, system := cpuTimesMs()
	status := "completed"
	if runCtx.Err() != nil {
		status = "cancelled"
	}
	emit(map[string]interface{}{"type": "finished", "status": status, "wallMs": wallMs,
		"cpu": map[string]float64{"userMs": user - userAtStart, "systemMs": system - systemAtStart}})
}

// readMessages hands the first message on and cancels the run at `cancel` or when stdin closes (the
// parent has gone).
func readMessages(first chan<- inMessage, cancel context.CancelFunc) {
	lines := bufio.NewScanner(os.Stdin)
	lines.Buffer(make([]byte, 1<<20), 256<<20)
	sentFirst := false
	for lines.Scan() {
		var msg inMessage
		if err := json.Unmarshal(lines.Bytes(), &msg); err != nil {
			fail("the runner could not read a message: " + err.Error())
			continue
		}
		if msg.Type == "cancel" {
			cancel()
		} else if msg.Type == "start" && !sentFirst {
			sentFirst = true
			first <- msg
		}
	}
	cancel()
	if !sentFirst {
		close(first)
	}
}

func main() {
	emit(map[string]interface{}{"type": "ready", "pid": os.Getpid()})
	runCtx, cancel := context.WithCancel(context.Background())
	first := make(chan inMessage, 1)
	go readMessages(first, cancel)
	start, ok := <-first
	if !ok {
		return
	}
	if start.Scenario == nil || start.ScratchDir == "" {
		fail("the start message needs a scenario and a scratchDir")
		return
	}
	runScenario(start, runCtx)
}
