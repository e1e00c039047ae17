import type { Preset } from '../preset';
import type { TaskGroupInput } from '../../scenario';

function reads(sync: boolean): TaskGroupInput[] {
  return [{ kind: 'file-read', count: 96, bytes: 2 * 1024 * 1024, sync, label: sync ? 'readFileSync' : 'readFile' }];
}

/** Blocking fs calls stall the event loop; the async ones run on the thread pool. */
export const fileSyncVsAsync: Preset = {
  id: 'file-sync-vs-async',
  concept: 'The event loop',
  title: 'readFileSync vs readFile',
  explanation:
    'A pool of four reads a 2 MB file 96 times. fs.readFileSync does each read on the event loop and the next read starts straight away, so the loop gets no turn until every read is done: no timer, no request, no progress update can run meanwhile. fs.readFile hands each read to the libuv thread pool and the loop stays free between the callbacks.',
  notice: 'In the Event loop track each readFileSync is one long sync slice, back to back with nothing between them; with readFile the reads move to the libuv pool track, its four lanes busy, and the loop only runs short callbacks. Event-loop delay p99 and max jump with the sync reads; with async reads they stay at a few milliseconds although the same bytes are read.',
  expectations: [{ metric: 'loopDelayMs.p99', variant: 'sync', op: '>=', factor: 3, of: 'async' }],
  scenario: {
    version: 1,
    name: 'File reads in a pool of four',
    strategy: { type: 'pool', concurrency: 4 },
    options: { trace: 'runtime' },
    tasks: reads(true),
  },
  variants: [
    { id: 'sync', label: 'readFileSync', tasks: reads(true) },
    { id: 'async', label: 'readFile', tasks: reads(false) },
  ],
};
