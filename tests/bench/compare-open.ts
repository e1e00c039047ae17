/**
 * Comparing two runs of 100,000 tasks each, in Debian's Chromium on the browser host: from the click on
 * "Compare" to the comparison drawn (both runs fetched over the WebSocket, their tasks as columns, the metrics table, the
 * overlaid charts and both timelines on their shared axis). Median of fresh pages; the fetch of the two runs
 * alone is the peer that shows how much of it is moving the data. Runs alone with `npx tsx tests/bench/compare-open.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { syntheticRunExport } from '../e2e/history/seed-history';
import { startSeededApp } from '../e2e/history/seeded-app';
import { median } from './bench-kit';

const TASKS = 100_000;
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
        const data = JSON.parse(String(message.data)) as { type: string };
        if (data.type === 'response' && --waiting === 0) resolve();
      };
      runIds.forEach((id, i) => socket.send(JSON.stringify({ type: 'call', id: i + 1, method: 'history.getColumnar', args: { id } })));
    });
    socket.close();
    return performance.now() - started;
  }, ids);
}

async function round(page: Page, ids: readonly number[]): Promise<Round> {
  try {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    const table = page.getByRole('table', { name: 'Run history' });
    for (const checkbox of await table.getByRole('checkbox').all()) await checkbox.check();
    const { shownMs, openMs } = await openComparison(page);
    return { shownMs, openMs, fetchMs: await fetchBoth(page, ids) };
  } finally {
    await page.context().close();
  }
}

export async function benchCompareOpen(): Promise<CompareBenchRow[]> {
  const ids: number[] = [];
  const app = await startSeededApp((store) => {
    // A pool of 8 and a pool of 4: the two runs differ in every metric and in their lanes.
    for (const index of [0, 3]) ids.push(store.importRun(syntheticRunExport(index, { tasks: TASKS, createdAt: new Date().toISOString() })));
  });
  try {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(await app.open(), ids));
    const each = (pick: (r: Round) => number) => rounds.map((r) => pick(r).toFixed(0)).join(' / ');
    return [
      {
        name: `compare two runs of ${TASKS.toLocaleString('en-US')} tasks: open (ms)`,
        value: median(rounds.map((r) => r.openMs)),
        target: '<= 1000 ms',
        detail: `click on Compare to both timelines drawn; comparison in the DOM after ${median(rounds.map((r) => r.shownMs)).toFixed(0)} ms; rounds ${each((r) => r.openMs)}`,
      },
      {
        name: 'fetch both runs, nothing drawn (ms)',
        value: median(rounds.map((r) => r.fetchMs)),
        target: 'peer',
        detail: `two history.getColumnar answers over the page's WebSocket; rounds ${each((r) => r.fetchMs)}`,
      },
    ];
  } finally {
    await app.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchCompareOpen()) console.log(`${row.name}: ${row.value.toFixed(0)} (target ${row.target}) ${row.detail}`);
}
