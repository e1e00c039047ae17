import type { Preset } from '../preset';

/** CPU-bound work: async on one thread gains nothing, worker threads do. */
export const cpuLoopVsWorkers: Preset = {
  id: 'cpu-loop-vs-workers',
  concept: 'I/O-bound vs CPU-bound',
  title: 'CPU work: sequential, Promise.all, worker threads',
  explanation:
    'Eight tasks that each keep a CPU busy for about 100 ms. Wrapping them in promises changes nothing: one thread can only compute one thing at a time, so Promise.all takes as long as a plain loop. Worker threads run them on other cores in parallel.',
  notice: 'Sequential and Promise.all draw the same Event loop track: one sync slice after another, the loop never free. With two workers the two Worker tracks run their slices at the same time and wall time roughly halves on a machine with two free cores, while the loop stays idle.',
  expectations: [
    { metric: 'wallMs', variant: 'all', op: '>', factor: 0.6, of: 'sequential' },
    { metric: 'wallMs', variant: 'all', op: '<', factor: 1.6, of: 'sequential' },
    { metric: 'loopDelayMs.p99', variant: 'workers-2', op: '<', factor: 1, of: 'all' },
    { metric: 'elu', variant: 'workers-2', op: '<', factor: 1, of: 'all' },
    { metric: 'wallMs', variant: 'workers-2', op: '<', factor: 0.85, of: 'all', needsCores: 2 },
  ],
  scenario: {
    version: 1,
    name: 'Eight CPU-bound tasks',
    strategy: { type: 'sequential' },
    options: { trace: 'runtime' },
    tasks: [{ kind: 'cpu', count: 8, ms: 100 }],
  },
  variants: [
    { id: 'sequential', label: 'sequential', strategy: { type: 'sequential' } },
    { id: 'all', label: 'Promise.all', strategy: { type: 'all' } },
    { id: 'workers-2', label: '2 worker threads', strategy: { type: 'workers', threads: 2 } },
  ],
};
