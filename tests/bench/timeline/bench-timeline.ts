import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { FrameSamples, StreamSamples } from './harness/bench-api';
import { percentile } from './harness/frame-stats';
import { startHarness, type HarnessBrowser } from './harness-browser';

const TASKS = 100_000;
/** Runtime tracks drawn above the tasks: a million loop callbacks, within the same targets as the tasks. */
const LOOP_SLICES = 1_000_000;
const LANES = 16;
const FRAMES = 60;
const STREAM_EVENTS_PER_SECOND = 50_000;
const STREAM_DURATION_MS = 2_000;
/** Each measurement runs this many times in a fresh page; the median run is reported (the machine is shared). */
const ROUNDS = 3;

/** One measured figure with its target, as `npm run bench` prints it. */
export interface TimelineBenchRow {
  name: string;
  value: number;
  target: string;
  detail: string;
}

interface Round {
  idle: number[];
  load: { buildMs: number; drawMs: number; firstFrameMs: number };
  pan: FrameSamples;
  zoom: FrameSamples;
  stream: StreamSamples;
  runtimeLoad: { buildMs: number; drawMs: number; firstFrameMs: number };
  runtimePan: FrameSamples;
  runtimeZoom: FrameSamples;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const p95 = (values: readonly number[]) => percentile(values, 0.95);
const median = (values: readonly number[]) => percentile(values, 0.5);

async function round(harness: HarnessBrowser): Promise<Round> {
  const page: Page = await harness.open();
  try {
    const idle = await page.evaluate((duration) => window.timelineBench.idle(duration), STREAM_DURATION_MS);
    const load = await page.evaluate(([tasks, lanes]) => window.timelineBench.load(tasks, lanes), [TASKS, LANES] as const);
    await page.evaluate(() => window.timelineBench.focusTask(50_000, 2_000));
    const pan = await page.evaluate((frames) => window.timelineBench.frames('pan', frames), FRAMES);
    const zoom = await page.evaluate((frames) => window.timelineBench.frames('zoom', frames), FRAMES);
    const stream = await page.evaluate(
      ([rate, duration]) => window.timelineBench.stream(rate, duration),
      [STREAM_EVENTS_PER_SECOND, STREAM_DURATION_MS] as const,
    );
    const runtimeLoad = await page.evaluate((slices) => window.timelineBench.loadRuntime(slices), LOOP_SLICES);
    const runtimePan = await page.evaluate((frames) => window.timelineBench.frames('pan', frames, true), FRAMES);
    const runtimeZoom = await page.evaluate((frames) => window.timelineBench.frames('zoom', frames, true), FRAMES);
    return { idle, load, pan, zoom, stream, runtimeLoad, runtimePan, runtimeZoom };
  } finally {
    await page.context().close();
  }
}

/** The round whose `figure` is the median of all rounds. */
function medianRound(rounds: readonly Round[], figure: (r: Round) => number): Round {
  return [...rounds].sort((a, b) => figure(a) - figure(b))[Math.floor(rounds.length / 2)]!;
}

function spread(rounds: readonly Round[], figure: (r: Round) => number): string {
  return `rounds ${rounds.map((r) => figure(r).toFixed(1)).join(' / ')}`;
}

function frameRow(name: string, rounds: readonly Round[], pick: (r: Round) => FrameSamples): TimelineBenchRow {
  const figure = (r: Round) => p95(pick(r).workMs);
  const samples = pick(medianRound(rounds, figure));
  return {
    name,
    value: p95(samples.workMs),
    target: '<= 16 ms',
    detail: `input + draw + raster per frame, ${samples.workMs.length} frames, median ${ms(median(samples.workMs))}; ${spread(rounds, figure)}`,
  };
}

/**
 * The timeline in Debian's Chromium (software rendering): first draw of 100,000 tasks, pan and zoom frame
 * times, and the page's frame times while 50,000 task events per second stream into the live view, with
 * the same page idling as the peer that shows what the machine allows at the time; then a million loop
 * slices in the runtime tracks above the tasks: their first draw, and pan and zoom frames over them (which
 * redraw the task lanes too).
 */
export async function benchTimeline(): Promise<TimelineBenchRow[]> {
  const harness = await startHarness();
  try {
    const rounds: Round[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round(harness));
    const firstFrame = (r: Round) => r.load.firstFrameMs;
    const streamed = (r: Round) => p95(r.stream.intervalMs);
    const idled = (r: Round) => p95(r.idle);
    const { load } = medianRound(rounds, firstFrame);
    const runtimeFirstFrame = (r: Round) => r.runtimeLoad.firstFrameMs;
    const { runtimeLoad } = medianRound(rounds, runtimeFirstFrame);
    const { stream } = medianRound(rounds, streamed);
    return [
      {
        name: `first draw of ${TASKS.toLocaleString('en')} tasks (ms)`,
        value: load.firstFrameMs,
        target: '<= 200 ms',
        detail: `records to typed arrays ${ms(load.buildMs)}, drawing ${ms(load.drawMs)}, the rest is the component update, frame wait and raster; ${spread(rounds, firstFrame)}`,
      },
      frameRow('pan frame p95 (ms)', rounds, (r) => r.pan),
      frameRow('zoom frame p95 (ms)', rounds, (r) => r.zoom),
      {
        name: `first draw of ${LOOP_SLICES.toLocaleString('en')} loop slices (ms)`,
        value: runtimeLoad.firstFrameMs,
        target: '<= 200 ms',
        detail: `slices to typed arrays and rows ${ms(runtimeLoad.buildMs)}, drawing ${ms(runtimeLoad.drawMs)}; ${spread(rounds, runtimeFirstFrame)}`,
      },
      frameRow('runtime tracks pan frame p95 (ms)', rounds, (r) => r.runtimePan),
      frameRow('runtime tracks zoom frame p95 (ms)', rounds, (r) => r.runtimeZoom),
      {
        name: 'live stream frame interval p95 (ms)',
        value: p95(stream.intervalMs),
        target: '<= 20 ms',
        detail:
          `${stream.events.toLocaleString('en')} events (${stream.tasks.toLocaleString('en')} tasks) in ${STREAM_DURATION_MS / 1000} s, ${stream.intervalMs.length} frames; ` +
          `work per frame median ${ms(median(stream.workMs))} (append ${ms(median(stream.appendMs))}, components ${ms(median(stream.updateMs))}, canvas ${ms(median(stream.drawMs))}); ` +
          spread(rounds, streamed),
      },
      {
        name: 'idle page frame interval p95 (ms)',
        value: p95(medianRound(rounds, idled).idle),
        target: 'peer',
        detail: `the same page doing nothing for ${STREAM_DURATION_MS / 1000} s: what this machine allowed at the time; ${spread(rounds, idled)}`,
      },
    ];
  } finally {
    await harness.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchTimeline()) {
    console.log(`${row.name.padEnd(38)} ${row.value.toFixed(1).padStart(7)}  (target ${row.target})  ${row.detail}`);
  }
}
