import type { Preset } from '../preset';

/** better-sqlite3 is synchronous: a slow query holds the event loop unless it runs in a worker. */
export const sqliteBlocksLoop: Preset = {
  id: 'sqlite-blocks-loop',
  concept: 'The event loop',
  title: 'Synchronous SQLite on the loop vs in worker threads',
  explanation:
    'Twelve aggregate queries over a 50,000-row table with better-sqlite3, whose calls are synchronous by design. Run on the event loop, each query holds it for its whole duration; run in worker threads, the loop stays free while the queries execute elsewhere.',
  notice: 'Event-loop delay p99 is much higher when the queries run on the loop; in worker threads the loop barely notices them.',
  scenario: {
    version: 1,
    name: 'Twelve slow SQLite queries',
    strategy: { type: 'all' },
    tasks: [
      {
        kind: 'sqlite',
        count: 12,
        rows: 50_000,
        sql: 'SELECT a.id % 10 AS bucket, count(*) AS n FROM items a JOIN items b ON b.id = a.id GROUP BY bucket ORDER BY n DESC',
      },
    ],
  },
  variants: [
    { id: 'loop', label: 'on the event loop', strategy: { type: 'all' } },
    { id: 'workers-2', label: '2 worker threads', strategy: { type: 'workers', threads: 2 } },
  ],
};
