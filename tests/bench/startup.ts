/**
 * How fast the built app starts, as users run it: `list` on a history of 1,000 runs and `run` of a one-task
 * scenario end to end (engine started, run stored), each as a ratio to a bare `node -e 0` measured in the same
 * rounds (interleaved, medians); and in the browser host, from a click on Run to the first task on the timeline.
 * Runs alone with `npx tsx tests/bench/startup.ts`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HistoryStore } from '../../electron/backend/history';
import { WorkbenchPage } from '../e2e/explorer/pages/workbench-page';
import { seedSyntheticRuns } from '../e2e/history/seed-history';
import { startSeededApp } from '../e2e/history/seeded-app';
import { BUILT_CLI, ensureBuilt } from '../fixtures/built-app';
import { median, type FigureRow } from './bench-kit';

const ROUNDS = 9;
const PAGE_ROUNDS = 5;
const HISTORY_RUNS = 1_000;


const ONE_TASK = { version: 1, name: 'one timer', strategy: { type: 'sequential' }, tasks: [{ kind: 'timer', count: 1, ms: 0 }] };
/** Long enough that the first task is still running when it is drawn. */
const FIRST_TASK = { version: 1, name: 'first task', strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count: 4, ms: 300 }] };

/**
 * Before the app loads: every WebSocket the page opens notes when a message first brings a started task
 * (a `runEvents` batch whose `started` list is not empty).
 */
const NOTE_FIRST_TASK = `{
  const Native = WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (window.firstTaskAtMs === undefined && String(event.data).includes('"started":[{')) window.firstTaskAtMs = performance.now();
      });
    }
  };
}`;

function timedMs(args: string[], env: NodeJS.ProcessEnv): number {
  const startedMs = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const elapsedMs = performance.now() - startedMs;
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return elapsedMs;
}

/** `list` and `run` of the built CLI against `node -e 0`, interleaved round by round. */
function cliRows(dir: string): FigureRow[] {
  const db = join(dir, 'history.sqlite');
  const store = HistoryStore.open(db);
  seedSyntheticRuns(store, HISTORY_RUNS, { tasks: 20 });
  store.close();
  const scenario = join(dir, 'one-task.json');
  writeFileSync(scenario, JSON.stringify(ONE_TASK));
  const env = { ...process.env, CONCURRENCY_EXPLORER_DB: db };
  const commands = { node: ['-e', '0'], list: [BUILT_CLI, 'list'], run: [BUILT_CLI, 'run', scenario, '--json'] };
  const times: Record<keyof typeof commands, number[]> = { node: [], list: [], run: [] };
  for (const args of Object.values(commands)) timedMs(args, env);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, args] of Object.entries(commands)) times[name as keyof typeof commands].push(timedMs(args, env));
  }
  const nodeMs = median(times.node);
  const row = (name: string, ms: number[], target: number): FigureRow => ({
    name,
    figure: `${(median(ms) / nodeMs).toFixed(2)}x`,
    target: `<= ${target}x`,
    detail: `${median(ms).toFixed(0)} ms vs node -e 0 ${nodeMs.toFixed(0)} ms (median of ${ROUNDS})`,
  });
  return [row(`list, history of ${HISTORY_RUNS.toLocaleString('en-US')} runs`, times.list, 3), row('run of a one-task scenario, stored', times.run, 5)];
}

/** In the browser host: a click on Run to the frame after the first batch with a started task reached the page. */
async function firstTaskRow(): Promise<FigureRow> {
  const app = await startSeededApp(() => {});
  try {
    const rounds: number[] = [];
    for (let round = 0; round < PAGE_ROUNDS; round++) {
      const page = await app.open({ initScript: NOTE_FIRST_TASK });
      try {
        await page.getByRole('button', { name: 'New scenario' }).click();
        const workbench = new WorkbenchPage(page);
        await workbench.pasteJson(JSON.stringify(FIRST_TASK));
        // Clicked inside the page, so that the time Playwright takes to deliver a click is not counted.
        const clickedAtMs = await (await workbench.runButton.elementHandle())!.evaluate((button: HTMLElement) => {
          const atMs = performance.now();
          button.click();
          return atMs;
        });
        const drawnAtMs = await page.evaluate(async () => {
          const seen = window as unknown as { firstTaskAtMs?: number };
          const giveUpAtMs = performance.now() + 30_000;
          while (seen.firstTaskAtMs === undefined) {
            if (performance.now() > giveUpAtMs) throw new Error('no started task reached the page within 30 s');
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          await new Promise((resolve) => requestAnimationFrame(resolve));
          return performance.now();
        });
        rounds.push(drawnAtMs - clickedAtMs);
      } finally {
        await page.context().close();
      }
    }
    return {
      name: 'browser host: Run to the first task on the timeline',
      figure: `${median(rounds).toFixed(0)} ms`,
      target: '<= 200 ms',
      detail: `click to the frame after the first started task arrived (median of ${PAGE_ROUNDS}: ${rounds.map((ms) => ms.toFixed(0)).join(' / ')})`,
    };
  } finally {
    await app.close();
  }
}

export async function benchStartup(): Promise<FigureRow[]> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'bench-startup-'));
  try {
    return [...cliRows(dir), await firstTaskRow()];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchStartup()) console.log(`${row.name}: ${row.figure} (target ${row.target}) ${row.detail}`);
}
