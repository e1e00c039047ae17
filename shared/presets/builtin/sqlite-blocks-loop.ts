import type { Preset } from '../preset';

/** better-sqlite3 is synchronous: a slow query holds the event loop unless it runs in a worker. */
export const sqliteBlocksLoop: Preset = {
  id: 'sqlite-blocks-loop',
  concept: 'The event loop',
  title: 'Synchronous SQLite on the loop vs in worker threads',
  explanation:
    'Eight aggregate queries over a table of 10,000 orders with better-sqlite3, whose calls are synchronous by design. Run on the event loop, each query holds it for its whole duration; run in worker threads, the loop stays free while the queries execute elsewhere.',
  notice: 'On the loop, the Event loop track is eight sync slices in a row, each one query; in worker threads they move to the two Worker tracks, side by side, and the loop track is nearly empty. Event-loop delay p99 follows: much higher when the queries run on the loop.',
  expectations: [{ metric: 'loopDelayMs.p99', variant: 'loop', op: '>=', factor: 2, of: 'workers-2' }],
  scenario: {
    version: 1,
    name: 'Eight slow SQLite queries',
    strategy: { type: 'all' },
    options: { trace: 'runtime' },
    tasks: [
      {
        kind: 'sqlite',
        count: 8,
        rows: 10_000,
        sql: 'SELECT customer, category, COUNT(*) AS orders, SUM(amount) AS revenue FROM orders GROUP BY customer, category ORDER BY revenue DESC',
      },
    ],
  },
  variants: [
    { id: 'loop', label: 'on the event loop', strategy: { type: 'all' } },
    { id: 'workers-2', label: '2 worker threads', strategy: { type: 'workers', threads: 2 } },
  ],
};
