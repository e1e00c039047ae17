import { variantPerRuntime, type Preset } from '../preset';

/** CPU-bound work on two threads: parallel in Node, Go and Java; not in Python, except where the GIL is released. */
export const cpuThreadsOnFourRuntimes: Preset = {
  id: 'cpu-threads-on-four-runtimes',
  concept: 'Runtimes compared',
  title: 'CPU work on threads, four runtimes',
  explanation:
    'Eight tasks of about 100 ms of computation each, on two threads: Node worker threads, Go worker goroutines bounded by GOMAXPROCS, a Java fixed thread pool, and a Python ThreadPoolExecutor. Python threads share one interpreter lock (the GIL), so its CPU work runs one thread at a time; hashlib releases the lock while it hashes, so Python crypto does run in parallel.',
  notice: 'On a machine with two free cores, Node, Go and Java finish in about half of 800 ms and their two lanes overlap. Python CPU takes the whole 800 ms or more however many threads it has; the Python crypto variant, the same threads hashing with PBKDF2, overlaps again.',
  expectations: [
    { metric: 'wallMs', variant: 'python', op: '>', factor: 1.3, of: 'node', needsCores: 2 },
    { metric: 'wallMs', variant: 'go', op: '<', factor: 1.5, of: 'node' },
    { metric: 'wallMs', variant: 'java', op: '<', factor: 1.5, of: 'node' },
  ],
  scenario: {
    version: 1,
    name: 'Eight CPU-bound tasks on two threads',
    runtime: 'node',
    strategy: { type: 'workers', threads: 2 },
    tasks: [{ kind: 'cpu', count: 8, ms: 100 }],
  },
  variants: [
    ...variantPerRuntime(),
    { id: 'python-crypto', label: 'Python hashing', runtime: 'python', tasks: [{ kind: 'crypto', count: 8, iterations: 100_000 }] },
  ],
};
