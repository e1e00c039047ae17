/**
 * A run recorder that never finishes: it opens the history at argv[2], starts a run, then appends a
 * batch of 100 tasks every few ms, printing the number of committed batches after each commit, until
 * it is killed (or gives up after a while, so that a lost parent cannot leave it behind).
 */
import { HistoryStore } from '../../../electron/backend/history';
import { makeSamples, makeScenario, makeTasks } from '../../unit/history/fixtures';

const BATCH_TASKS = 100;
const GIVE_UP_AFTER_MS = 60_000;

const file = process.argv[2];
if (file === undefined) throw new Error('usage: record-until-killed.ts DB_FILE');
const store = HistoryStore.open(file);
const runId = store.createRun({ scenario: makeScenario({ name: 'Killed mid-run' }) });
store.recordStarted(runId, { startedAtEpochMs: Date.now(), totalTasks: 1_000_000, lanes: 4 });
process.stdout.write(`run ${runId}\n`);

let committed = 0;
const startedAt = Date.now();
function appendNext(): void {
  store.appendBatch(runId, { finished: makeTasks(BATCH_TASKS, committed * BATCH_TASKS), samples: makeSamples(2, committed * 2) });
  committed += 1;
  process.stdout.write(`committed ${committed}\n`);
  if (Date.now() - startedAt < GIVE_UP_AFTER_MS) setTimeout(appendNext, 2);
}
appendNext();
