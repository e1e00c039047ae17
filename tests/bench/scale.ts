/**
 * A run of 1,000,000 zero-delay timers (pool of 1000), recorded by the built CLI as a user runs it: the engine's
 * peak RSS (its `peakRssBytes` metric) and the recording CLI's own (its kernel high-water mark), the exports of
 * that run (JSON, CSV, Chrome trace) streamed to files with the CLI's peak over its baseline (`list` on the same
 * history), the JSON imported back, and in the browser host the run opened from History and two such runs compared.
 * `npm run bench -- --scale` runs it with 10,000,000 tasks instead. Runs alone with `npx tsx tests/bench/scale.ts`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { startBrowserHostProcess } from '../e2e/fixtures/browser-host-process';
import { BUILT_CLI, ensureBuilt } from '../fixtures/built-app';
import type { FigureRow } from './bench-kit';
import { openBarePage, type BarePage } from './bare-chromium';

const MB = 1e6;
const POLL_MS = 50;


interface CliRun {
  stdout: string;
  peakRssBytes: number;
  seconds: number;
}

/** Runs the built CLI; its peak RSS is the kernel's high-water mark of the process, read until it exits (Linux). */
function runCli(args: string[], db: string): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const startedMs = performance.now();
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { env: { ...process.env, CONCURRENCY_EXPLORER_DB: db }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRssBytes = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const poll = setInterval(() => {
      try {
        const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        if (kb !== undefined) peakRssBytes = Math.max(peakRssBytes, Number(kb) * 1024);
      } catch {
        // It has just exited.
      }
    }, POLL_MS);
    child.once('error', reject);
    child.once('close', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ stdout, peakRssBytes, seconds: (performance.now() - startedMs) / 1000 });
    });
  });
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

/** Page code: shows History and waits until `selector` is in it. */
const SHOW_HISTORY = (selector: string) => `(async () => {
  const deadline = performance.now() + 60000;
  const nav = () => [...document.querySelectorAll('nav[aria-label="Main"] button')].find((b) => b.textContent.trim() === 'History');
  while (nav() === undefined) { if (performance.now() > deadline) throw new Error('no History button'); await new Promise((r) => setTimeout(r, 20)); }
  nav().click();
  while (document.querySelector(${JSON.stringify(selector)}) === null) { if (performance.now() > deadline) throw new Error('History shows no ' + ${JSON.stringify(selector)}); await new Promise((r) => setTimeout(r, 20)); }
})()`;

/** Page code: clicks what `click` finds, then times until `drawn()` holds and two frames have passed. */
const TIMED_CLICK = (click: string, drawn: string) => `(async () => {
  const startedMs = performance.now();
  (${click}).click();
  while (!(${drawn})) await new Promise((r) => setTimeout(r, 5));
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - startedMs;
})()`;

/** Clicks the run's Open button in History; times until its timeline canvas is in, and the frames after. */
async function openFromHistory(page: BarePage, name: string): Promise<number> {
  const open = `[aria-label^=${JSON.stringify(`Open run ${name} #`)}]`;
  await page.evaluate(SHOW_HISTORY(open));
  return page.evaluate(TIMED_CLICK(`document.querySelector(${JSON.stringify(open)})`, `document.querySelector('canvas[aria-label="Task timeline"]') !== null`));
}

/** Selects every run in History and clicks Compare; times until both timelines are in, and the frames after. */
async function compareAll(page: BarePage): Promise<number> {
  await page.evaluate(SHOW_HISTORY('[aria-label^="Select run "]'));
  await page.evaluate(`(async () => {
    for (const box of document.querySelectorAll('[aria-label^="Select run "]')) if (!box.checked) box.click();
    await new Promise((r) => setTimeout(r, 100));
  })()`);
  const compare = `[...document.querySelectorAll('[aria-label="History"] button')].find((b) => b.textContent.trim() === 'Compare')`;
  return page.evaluate(TIMED_CLICK(compare, `document.querySelectorAll('[aria-label="Comparison"] canvas[aria-label="Task timeline"]').length >= 2`));
}

/** A step that failed, as a row: the bench goes on to the steps that do not need it. */
function failedRow(name: string, target: string, error: unknown): FigureRow {
  const message = error instanceof Error ? error.message : String(error);
  return { name, figure: 'FAILED', target, detail: message.split('\n').slice(0, 3).join(' ').slice(0, 400) };
}

/** Rejects when `work` takes longer than `ms`: a page that dies of its memory would otherwise be waited on forever. */
function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish in ${ms / 1000} s`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

const BROWSER_STEP_MS = 15 * 60_000;

/** Opens the run and compares the history's runs in the browser host; each step is a row, a failure included. */
async function browserRows(db: string, name: string, label: string, target: (atAMillion: string) => string, report: (row: FigureRow) => void): Promise<void> {
  const host = await startBrowserHostProcess(db);
  const pages: BarePage[] = [];
  try {
    // A fresh page for each: the second does not wait for the first one's timeline.
    const fresh = async () => {
      const page = await openBarePage(host.url);
      pages.push(page);
      return page;
    };
    const openName = `open a run of ${label} from History`;
    try {
      const openMs = await within(openFromHistory(await fresh(), name), BROWSER_STEP_MS, openName);
      report({ name: openName, figure: `${openMs.toFixed(0)} ms`, target: target('<= 2000 ms'), detail: 'click on the run to its timeline drawn' });
    } catch (error) {
      report(failedRow(openName, target('<= 2000 ms'), error));
    }
    const compareName = `compare two runs of ${label}`;
    try {
      const compareMs = await within(compareAll(await fresh()), BROWSER_STEP_MS, compareName);
      report({ name: compareName, figure: `${compareMs.toFixed(0)} ms`, target: target('<= 5000 ms'), detail: 'click on Compare to both timelines drawn' });
    } catch (error) {
      report(failedRow(compareName, target('<= 5000 ms'), error));
    }
  } finally {
    for (const page of pages) await page.close();
    await host.stop();
  }
}

/** The imported run's task count as stored (its summary and its rows), read without building a task: a JSON of ten million tasks cannot exist. */
function storedTaskCounts(db: string, id: number): { summary: number; rows: number } {
  const history = new Database(db, { readonly: true });
  try {
    const summary = history.prepare('SELECT task_count FROM runs WHERE id = ?').pluck().get(id) as number;
    const rows = history.prepare('SELECT count(*) FROM tasks WHERE run_id = ?').pluck().get(id) as number;
    return { summary, rows };
  } finally {
    history.close();
  }
}

/** Runs the case with `tasks` tasks; `progress` hears each figure as soon as it is measured (the whole takes minutes). */
export async function benchScale(tasks = 1_000_000, progress: (row: FigureRow) => void = () => {}): Promise<FigureRow[]> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'bench-scale-'));
  const db = join(dir, 'history.sqlite');
  const label = `${tasks.toLocaleString('en-US')} tasks`;
  const name = `${tasks} zero-delay timers`;
  const scenarioFile = join(dir, 'scenario.json');
  const rows: FigureRow[] = [];
  // Issue #13's figures are for a million tasks; ten million must complete, be stored and open.
  const target = (atAMillion: string) => (tasks === 1_000_000 ? atAMillion : 'completes');
  const report = (row: FigureRow) => {
    rows.push(row);
    progress(row);
  };
  writeFileSync(scenarioFile, JSON.stringify({ version: 1, name, strategy: { type: 'pool', concurrency: 1000 }, tasks: [{ kind: 'timer', count: tasks, ms: 0 }] }));
  try {
    const recorded = await runCli(['run', scenarioFile, '--json'], db);
    const [run] = (JSON.parse(recorded.stdout) as { runs: { id: number; metrics: { tasks: number; peakRssBytes: number } }[] }).runs;
    if (run === undefined || run.metrics.tasks !== tasks) throw new Error(`the run recorded ${run?.metrics.tasks} of ${tasks} tasks`);
    report({ name: `engine peak RSS, ${label}`, figure: mb(run.metrics.peakRssBytes), target: target('<= 300 MB'), detail: `its peakRssBytes metric; the run took ${recorded.seconds.toFixed(0)} s` });
    report({ name: `recording CLI peak RSS, ${label}`, figure: mb(recorded.peakRssBytes), target: target('<= 400 MB'), detail: 'high-water mark of the `run` process' });
    const baseline = await runCli(['list'], db);
    for (const format of ['json', 'csv', 'trace'] as const) {
      const file = join(dir, `run.${format}`);
      const rowName = `export ${format}, ${label}: peak over baseline`;
      try {
        const exported = await runCli(['export', String(run.id), '--format', format, '-o', file], db);
        report({
          name: rowName,
          figure: mb(exported.peakRssBytes - baseline.peakRssBytes),
          target: target('<= 200 MB'),
          detail: `${mb(exported.peakRssBytes)} vs list ${mb(baseline.peakRssBytes)}; ${mb(statSync(file).size)} file in ${exported.seconds.toFixed(1)} s`,
        });
      } catch (error) {
        report(failedRow(rowName, target('<= 200 MB'), error));
      } finally {
        // The trace and CSV of ten million tasks take gigabytes; only the JSON is needed further on.
        if (format !== 'json') rmSync(file, { force: true });
      }
    }
    const importName = `import the JSON of ${label} back`;
    try {
      const imported = await runCli(['import', join(dir, 'run.json'), '--json'], db);
      const stored = storedTaskCounts(db, (JSON.parse(imported.stdout) as { id: number }).id);
      report({
        name: importName,
        figure: stored.summary === tasks && stored.rows === tasks ? 'all tasks' : `${stored.rows} task rows, summary says ${stored.summary}`,
        target: `${tasks.toLocaleString('en-US')}`,
        detail: `peak ${mb(imported.peakRssBytes)} in ${imported.seconds.toFixed(0)} s`,
      });
    } catch (error) {
      report(failedRow(importName, `${tasks.toLocaleString('en-US')}`, error));
    }
    await browserRows(db, name, label, target, report);
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const tasks = process.argv.includes('--scale') ? 10_000_000 : Number(process.env.BENCH_TASKS ?? 1_000_000);
  await benchScale(tasks, (row) => console.log(`${row.name}: ${row.figure} (target ${row.target}) ${row.detail}`));
}
