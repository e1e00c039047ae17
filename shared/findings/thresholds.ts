/*
 * Every threshold of the findings rules, in one place, each with the reason for its value. Rules read these
 * and nothing else; a test that crafts a run near a threshold names the constant.
 */

/** A loop stalled this long is visible to people (a frame at 10 fps) and to every timer and socket of the run. */
export const LOOP_BLOCKED_MS = 100;

/** Below this effective concurrency a "concurrent" strategy ran its CPU work as good as one at a time. */
export const CPU_ON_LOOP_MAX_EFFECTIVE_CONCURRENCY = 1.5;
/** One CPU task cannot be serialised with anything; it takes two to see the loop as the bottleneck. */
export const CPU_ON_LOOP_MIN_TASKS = 2;

/** Queue waits this long in the thread pool are a cost next to a typical fs or crypto call (a few ms to 100s). */
export const THREADPOOL_MIN_QUEUE_WAIT_MS = 5;

/** A fan-out this wide at a server or file system is where sockets, file handles and rate limits start to hurt. */
export const UNBOUNDED_MIN_PEAK_IN_FLIGHT = 50;

/** The pool was "pinned" at its limit when it ran full for at least this fraction of the tasks' span. */
export const POOL_PINNED_FRACTION = 0.8;
/** Tasks waited "long" in the queue when the median wait is at least this multiple of the median latency. */
export const POOL_MIN_WAIT_TO_LATENCY = 1;
/** The CPU was "idle" below this mean event-loop utilisation: a larger pool would not fight for the loop. */
export const POOL_IDLE_MAX_ELU = 0.5;

/** The p99 "is made of" retried tasks when at least this fraction of the slowest 1% needed a retry. */
export const RETRIES_TAIL_FRACTION = 0.5;

/** Batches waste lanes when at least this fraction of their lane time is spent waiting for the slowest task. */
export const BATCH_MIN_IDLE_FRACTION = 0.3;

/** Sequential waiting left the loop idle below this utilisation: the tasks were waiting, not computing. */
export const SEQUENTIAL_MAX_ELU = 0.5;
/** The pool size suggested instead of sequential awaits: wide enough to overlap waits, small enough for any server. */
export const SEQUENTIAL_SUGGESTED_POOL = 8;

/** It takes a few timeouts to speak of a cluster; one or two are just slow tasks. */
export const TIMEOUTS_MIN_COUNT = 3;
/** Timeouts "cluster" when this fraction of them ended within `TIMEOUTS_WINDOW_FRACTION` of the run's span. */
export const TIMEOUTS_CLUSTER_FRACTION = 0.8;
export const TIMEOUTS_WINDOW_FRACTION = 0.2;

/** Fewer samples than this say nothing about a trend (the engine samples about every 100 ms). */
export const MEMORY_MIN_SAMPLES = 8;
/** Heap growth from the first quarter of the run to the last that is both this large ... */
export const MEMORY_MIN_GROWTH_BYTES = 64 * 1024 * 1024;
/** ... and this many times the start: smaller growth is the garbage collector's ordinary sawtooth. */
export const MEMORY_MIN_GROWTH_RATIO = 1.5;

/** Worker threads suggested for loop-bound work: the core count of a common laptop, so a real gain without oversubscribing. */
export const SUGGESTED_WORKER_THREADS = 4;
/** The pool suggested instead of an unbounded fan-out: enough to overlap waits, far below what servers limit. */
export const SUGGESTED_FANOUT_POOL = 16;
/** A finding lists at most this many task indexes: more highlights nothing a reader can use and bloats `--json`. */
export const MAX_FINDING_TASKS = 1000;
