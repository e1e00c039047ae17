import { variantPerRuntime, type Preset } from '../preset';

/** The same I/O-bound work on every runtime: waiting is waiting, whoever waits. */
export const ioOnFourRuntimes: Preset = {
  id: 'io-on-four-runtimes',
  concept: 'Runtimes compared',
  title: 'One I/O workload, four runtimes',
  explanation:
    'Two hundred HTTP requests to the built-in loopback server, which answers each after 50 ms, through a pool of 20: Node with p-limit style slots, Python with an asyncio.Semaphore, Go with a buffered channel, Java with a fixed thread pool. Every runtime spends the time waiting on the server, so each needs about 10 rounds of 50 ms.',
  notice: 'Compare the runs on one time axis: the wall times are within a few tens of milliseconds of each other, the timelines show the same 20 lanes stepping every 50 ms. I/O-bound work does not care which runtime waits for it; what differs is the cost per task (CPU time) and memory.',
  expectations: [
    { metric: 'maxInFlight', variant: 'python', op: '<=', value: 20 },
    { metric: 'wallMs', variant: 'python', op: '<', factor: 1.6, of: 'node' },
    { metric: 'wallMs', variant: 'go', op: '<', factor: 1.6, of: 'node' },
    { metric: 'wallMs', variant: 'java', op: '<', factor: 1.6, of: 'node' },
  ],
  scenario: {
    version: 1,
    name: 'Two hundred HTTP requests, pool of 20',
    runtime: 'node',
    strategy: { type: 'pool', concurrency: 20 },
    tasks: [{ kind: 'http', count: 200, latencyMs: 50 }],
  },
  variants: variantPerRuntime(),
};
