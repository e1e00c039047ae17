/**
 * Comparing two runs of 100,000 tasks each, in Debian's Chromium on the browser host: from the click on
 * "Compare" to the comparison drawn (both runs fetched over the WebSocket, their tasks as columns, the metrics table, the
 * overlaid charts and both timelines on their shared axis). Median of fresh pages; the fetch of the two runs
 * alone is the peer that shows how much of it is moving the data. Then the same with two runs of a million tasks,
 * and one of them opened from History (click on Open to its timeline drawn): stored runs made up in the test,
 * so that the case takes a minute rather than the many minutes of recording them (the scale bench does that).
 * Runs alone with `npx tsx tests/bench/compare-open.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { syntheticRunExport } from '../e2e/history/seed-history';
import { startSeededApp, type SeededApp } from '../e2e/history/seeded-app';
import { median } from './bench-kit';

const TASKS = 100_000;
const BIG_TASKS = 1_000_000;
const ROUNDS = 3;

export interface CompareBenchRow {
  name: string;
  value: number;
  target: string;
  detail: string;
}

interface Round {
  openMs: number;
  shownMs: number;
  fetchMs: number;
}


/** Clicks Compare and times until the comparison and both timeline canvases are in, and until the frame after. */
function openComparison(page: Page): Promise<{ shownMs: number; openMs: number }> {
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll<HTMLButtonElement>('[aria-label="History"] button')].find((b) => b.textContent?.trim() === 'Compare');
    if (button === undefined) throw new Error('no Compare button');
    const complete = () => document.querySelectorAll('[aria-label="Comparison"] canvas[aria-label="Task timeline"]').length === 2;
    const started = performance.now();
    const shown = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (!complete()) return;
        observer.disconnect();
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    button.click();
    await shown;
    const shownMs = performance.now() - started;
    // Two frames: the timelines draw on the frame after they are mounted.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
    return { shownMs, openMs: performance.now() - started };
  });
}

/** Fetching both runs (tasks as columns) over a WebSocket of the page's own, nothing drawn: the data alone. */
function fetchBoth(page: Page, ids: readonly number[]): Promise<number> {
  return page.evaluate(async (runIds) => {
    const socket = new WebSocket(`ws://${window.location.host}/api`);
    await new Promise((resolve) => (socket.onopen = resolve));
    const started = performance.now();
    let waiting = runIds.length;
    await new Promise<void>((resolve) => {
      socket.onmessage = (message) => {
        // The answers come as binary messages (their columns are typed arrays); events come as text.
        if (typeof message.data !== 'string' && --waiting === 0) resolve();
      };
      runIds.forEach((id, i) => socket.send(JSON.stringify({ type: 'call', id: i + 1, method: 'history.getColumnar', args: { id } })));
    });
    socket.close();
    return performance.now() - started;
  }, ids);
}

/** Clicks the first run's Open button in History; times until its timeline canvas is in, and the frames after. */
async function openFirstRun(page: Page): Promise<number> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
  const open = page.getByRole('table', { name: 'Run history' }).getByRole('button', { name: /^Open run / }).first();
  return (await open.elementHandle())!.evaluate(async (element: HTMLElement) => {
    const started = performance.now();
    element.click();
    while (document.querySelector('canvas[aria-label="Task timeline"]') === null) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
    return performance.now() - started;
  });
}

async function round(page: Page, ids: readonly number[]): Promise<Round> {
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    const table = page.getByRole('table', { name: 'Run history' });
    // The rows come a moment after the view: wait for them before ticking every one.
    await table.getByRole('checkbox').nth(ids.length - 1).waitFor();
    for (const checkbox of await table.getByRole('checkbox').all()) await checkbox.check();
    const { shownMs, openMs } = await openComparison(page);
    return { shownMs, openMs, fetchMs: await fetchBoth(page, ids) };
  } finally {
    await page.context().close();
  }
}

/** Two runs of `tasks` tasks, a pool of 8 and a pool of 4: they differ in every metric and in their lanes. */
async function seededPair(tasks: number) {
  const ids: number[] = [];
  const app = await startSeededApp((store) => {
    for (const index of [0, 3]) ids.push(store.importRun(syntheticRunExport(index, { tasks, createdAt: new Date().toISOString() })));
  });
  return { app, ids };
}

export async function benchCompareOpen(): Promise<CompareBenchRow[]> {
  const { app, ids } = await seededPair(TASKS);
  let rows: CompareBenchRow[];
  try {
    rows = await compareRows(app, ids, TASKS, '<= 1000 ms');
  } finally {
    await app.close();
  }
  return [...rows, ...(await bigRunRows())];
}

async function compareRows(app: SeededApp, ids: readonly number[], tasks: number, target: string): Promise<CompareBenchRow[]> {
  const rounds: Round[] = [];
  for (let i = 0; i < ROUNDS; i++) rounds.push(await round(await app.open(), ids));
  const each = (pick: (r: Round) => number) => rounds.map((r) => pick(r).toFixed(0)).join(' / ');
  return [
    {
      name: `compare two runs of ${tasks.toLocaleString('en-US')} tasks: open (ms)`,
      value: median(rounds.map((r) => r.openMs)),
      target,
      detail: `click on Compare to both timelines drawn; comparison in the DOM after ${median(rounds.map((r) => r.shownMs)).toFixed(0)} ms; rounds ${each((r) => r.openMs)}`,
    },
    {
      name: 'fetch both runs, nothing drawn (ms)',
      value: median(rounds.map((r) => r.fetchMs)),
      target: 'peer',
      detail: `two history.getColumnar answers over the page's WebSocket; rounds ${each((r) => r.fetchMs)}`,
    },
  ];
}

/** A million tasks: one run opened from History, then two compared (each on fresh pages), against the fetch alone. */
async function bigRunRows(): Promise<CompareBenchRow[]> {
  const { app, ids } = await seededPair(BIG_TASKS);
  try {
    const opens: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const page = await app.open();
      try {
        opens.push(await openFirstRun(page));
      } finally {
        await page.context().close();
      }
    }
    return [
      {
        name: `open a run of ${BIG_TASKS.toLocaleString('en-US')} tasks from History (ms)`,
        value: median(opens),
        target: '<= 2000 ms',
        detail: `click on Open to its timeline drawn; rounds ${opens.map((ms) => ms.toFixed(0)).join(' / ')}`,
      },
      ...(await compareRows(app, ids, BIG_TASKS, '<= 5000 ms')),
    ];
  } finally {
    await app.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchCompareOpen()) console.log(`${row.name}: ${row.value.toFixed(0)} (target ${row.target}) ${row.detail}`);
}
