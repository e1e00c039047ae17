/**
 * The run history with 10,000 runs, in Debian's Chromium on the browser host: from a click on "History" to
 * the first rows drawn (the backend's query over the WebSocket and the first render), a re-sort, the query's
 * round trip alone, and frame intervals while the browser scrolls the virtualised table through a thousand rows
 * (against the same page idling). Medians of fresh pages. Runs alone with `npx tsx tests/bench/history-list.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { seedSyntheticRuns } from '../e2e/history/seed-history';
import { startSeededApp } from '../e2e/history/seeded-app';
import { median } from './bench-kit';
import { percentile } from './timeline/harness/frame-stats';

const RUNS = 10_000;
const ROUNDS = 5;
/** A brisk scroll: 500 rows in three seconds, about three rows a frame. */
const SCROLL_PX = 24_000;
const SCROLL_PX_PER_S = 8_000;
const TABLE = '[role="table"][aria-label="Run history"]';
const ROW_SELECTOR = `${TABLE} [role="row"][data-position]:not(.loading)`;
const SCROLLER = `${TABLE} > [role="rowgroup"]:last-child`;

export interface HistoryBenchRow {
  name: string;
  value: number;
  target: string;
  detail: string;
}

interface Round {
  listMs: number;
  listDomMs: number;
  sortMs: number;
  queryMs: number;
  scroll: number[];
  idle: number[];
  blankRows: number;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Clicks the button whose text starts with `button`; times until `selector` is there with other text than `before`, and until the next frame. */
function clickUntil(page: Page, button: string, selector: string, before: string | null): Promise<{ domMs: number; paintedMs: number }> {
  return page.evaluate(
    async ({ button, selector, before }) => {
      const target = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(button));
      if (target === undefined) throw new Error(`no button "${button}"`);
      const ready = () => {
        const found = document.querySelector(selector);
        return found !== null && found.textContent !== before;
      };
      const started = performance.now();
      const shown = new Promise<void>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      });
      target.click();
      await shown;
      const domMs = performance.now() - started;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return { domMs, paintedMs: performance.now() - started };
    },
    { button, selector, before },
  );
}

/** The round trip of `history.list` for the first page, over a WebSocket of the page's own (median of 9). */
function queryMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const socket = new WebSocket(`ws://${window.location.host}/api`);
    await new Promise((resolve) => (socket.onopen = resolve));
    const times: number[] = [];
    for (let id = 1; id <= 9; id++) {
      const started = performance.now();
      await new Promise<void>((resolve) => {
        socket.onmessage = (message) => {
          if ((JSON.parse(String(message.data)) as { type: string }).type === 'response') resolve();
        };
        socket.send(JSON.stringify({ type: 'call', id, method: 'history.list', args: { limit: 100, offset: 0 } }));
      });
      times.push(performance.now() - started);
    }
    socket.close();
    return times.sort((a, b) => a - b)[4]!;
  });
}

/** Frame intervals in the page until `stop()`: started before a gesture, stopped after it. */
async function recordFrames(page: Page, during: () => Promise<void>): Promise<number[]> {
  const frames = page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const intervals: number[] = [];
        let last: number | undefined;
        const tick = (now: number) => {
          if (last !== undefined) intervals.push(now - last);
          last = now;
          if ((window as unknown as { stopFrames?: boolean }).stopFrames === true) resolve(intervals);
          else requestAnimationFrame(tick);
        };
        (window as unknown as { stopFrames?: boolean }).stopFrames = false;
        requestAnimationFrame(tick);
      }),
  );
  await during();
  await page.evaluate(() => ((window as unknown as { stopFrames?: boolean }).stopFrames = true));
  return frames;
}

/**
 * Frame intervals while the browser itself scrolls the table (a synthesized wheel gesture of `SCROLL_PX` at
 * `SCROLL_PX_PER_S`), then while the page does nothing as long; and the rows still blank after it.
 */
async function scrollFrames(page: Page): Promise<{ scroll: number[]; idle: number[]; blankRows: number }> {
  const box = await page.locator(SCROLLER).boundingBox();
  if (box === null) throw new Error('the history table is not on screen');
  const cdp = await page.context().newCDPSession(page);
  const scroll = await recordFrames(page, async () => {
    await cdp.send('Input.synthesizeScrollGesture', {
      x: box.x + box.width / 2,
      y: box.y + box.height / 2,
      yDistance: -SCROLL_PX,
      speed: SCROLL_PX_PER_S,
      gestureSourceType: 'mouse',
    });
  });
  const idle = await recordFrames(page, () => new Promise((resolve) => setTimeout(resolve, (SCROLL_PX / SCROLL_PX_PER_S) * 1000)));
  const scrolledPx = await page.locator(SCROLLER).evaluate((node) => node.scrollTop);
  if (scrolledPx < SCROLL_PX / 2) throw new Error(`the gesture scrolled only ${scrolledPx} px`);
  return { scroll, idle, blankRows: await page.locator(`${TABLE} [role="row"].loading`).count() };
}

async function round(open: () => Promise<Page>): Promise<Round> {
  const page = await open();
  try {
    await page.getByRole('list', { name: 'Built-in scenarios' }).waitFor();
    const list = await clickUntil(page, 'History', ROW_SELECTOR, null);
    const firstRow = await page.locator(ROW_SELECTOR).first().textContent();
    const sort = await clickUntil(page, 'Wall time', ROW_SELECTOR, firstRow);
    const query = await queryMs(page);
    const frames = await scrollFrames(page);
    return { listMs: list.paintedMs, listDomMs: list.domMs, sortMs: sort.paintedMs, queryMs: query, ...frames };
  } finally {
    await page.context().close();
  }
}

export async function benchHistoryList(): Promise<HistoryBenchRow[]> {
  const app = await startSeededApp((store) => void seedSyntheticRuns(store, RUNS));
  try {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(() => app.open()));
    const each = (pick: (r: Round) => number) => rounds.map((r) => pick(r).toFixed(1)).join(' / ');
    const scrollP95 = rounds.map((r) => percentile(r.scroll, 0.95));
    const idleP95 = rounds.map((r) => percentile(r.idle, 0.95));
    return [
      {
        name: `list ${RUNS.toLocaleString('en-US')} runs: query + first render (ms)`,
        value: median(rounds.map((r) => r.listMs)),
        target: '<= 100 ms',
        detail: `click on History to the first rows drawn; rows in the DOM after ${ms(median(rounds.map((r) => r.listDomMs)))}; rounds ${each((r) => r.listMs)}`,
      },
      {
        name: `re-sort ${RUNS.toLocaleString('en-US')} runs by wall time (ms)`,
        value: median(rounds.map((r) => r.sortMs)),
        target: '<= 100 ms',
        detail: `header click to the new first row drawn; rounds ${each((r) => r.sortMs)}`,
      },
      {
        name: 'history.list round trip, first page (ms)',
        value: median(rounds.map((r) => r.queryMs)),
        target: 'peer',
        detail: `100 rows and the count of ${RUNS.toLocaleString('en-US')} over the page's WebSocket; rounds ${each((r) => r.queryMs)}`,
      },
      {
        name: 'scrolling the table: frame interval p95 (ms)',
        value: median(scrollP95),
        target: '<= 20 ms',
        detail: `a wheel gesture over ${(SCROLL_PX / 48).toLocaleString('en-US')} rows in ${SCROLL_PX / SCROLL_PX_PER_S} s, ${Math.max(...rounds.map((r) => r.blankRows))} rows still loading after it; idle page p95 ${idleP95.map((v) => v.toFixed(1)).join(' / ')}; rounds ${scrollP95.map((v) => v.toFixed(1)).join(' / ')}`,
      },
    ];
  } finally {
    await app.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const row of await benchHistoryList()) console.log(`${row.name}: ${row.value.toFixed(1)} (target ${row.target}) ${row.detail}`);
}
