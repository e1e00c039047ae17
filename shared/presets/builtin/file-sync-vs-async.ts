import type { Preset } from '../preset';
import type { TaskGroupInput } from '../../scenario/task-kinds';

const READ_BYTES = 8 * 1024 * 1024;

function tasks(sync: boolean): TaskGroupInput[] {
  return [
    { kind: 'file-read', count: 24, bytes: READ_BYTES, sync, label: sync ? 'readFileSync' : 'readFile' },
    { kind: 'timer', count: 40, ms: 10, label: 'timers' },
  ];
}

/** Blocking fs calls stall the event loop; the async ones run on the thread pool. */
export const fileSyncVsAsync: Preset = {
  id: 'file-sync-vs-async',
  concept: 'The event loop',
  title: 'readFileSync vs readFile',
  explanation:
    'Twenty-four reads of an 8 MB file next to forty short timers. fs.readFileSync does the whole read on the event loop, so nothing else can run until it returns; fs.readFile hands the work to the libuv thread pool and the loop stays free to fire timers.',
  notice: 'Event-loop delay p99 and max are far higher with the sync reads, and the timers finish late, behind the reads; with async reads the timers keep their 10 ms.',
  scenario: {
    version: 1,
    name: 'File reads next to timers',
    strategy: { type: 'pool', concurrency: 4 },
    tasks: tasks(true),
  },
  variants: [
    { id: 'sync', label: 'readFileSync', tasks: tasks(true) },
    { id: 'async', label: 'readFile', tasks: tasks(false) },
  ],
};
