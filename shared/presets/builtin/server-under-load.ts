import type { Preset } from '../preset';
import type { TaskGroupInput } from '../../scenario';

const REQUESTS: TaskGroupInput = { kind: 'http', count: 20, latencyMs: 20, label: 'requests' };

/** The built-in server shares the engine's loop: CPU work on that loop makes every request wait. */
export const serverUnderLoad: Preset = {
  id: 'server-under-load',
  concept: 'Servers under load',
  title: 'A non-blocking server vs one doing CPU work on its loop',
  explanation:
    'Twenty requests at once to the built-in HTTP server, which runs on the same event loop as the work. When that loop only waits, the server answers each request after its 20 ms. When CPU-heavy handlers run on the loop too, every request waits for them, exactly as in a Node server that hashes passwords or renders large pages synchronously.',
  notice: 'With CPU work on the loop, the Event loop track shows long sync slices marked as blocking, and the requests’ short callbacks can only run in the gaps between them: request latency rises several times over.',
  expectations: [{ metric: 'loopDelayMs.max', variant: 'blocking', op: '>=', factor: 5, of: 'non-blocking' }],
  scenario: {
    version: 1,
    name: 'Requests to a busy server',
    strategy: { type: 'all' },
    // The one scenario whose server must share the engine's loop: that is its lesson.
    options: { trace: 'runtime', target: 'in-engine' },
    tasks: [REQUESTS],
  },
  variants: [
    { id: 'non-blocking', label: 'non-blocking', tasks: [REQUESTS] },
    { id: 'blocking', label: 'CPU work on the loop', tasks: [REQUESTS, { kind: 'cpu', count: 10, ms: 60, label: 'cpu handlers' }] },
  ],
};
