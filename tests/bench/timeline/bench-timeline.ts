import { pathToFileURL } from 'node:url';
import { percentile } from './harness/frame-stats';
import { startHarness } from './harness-browser';

const TASKS = 100_000;
const LANES = 16;
const FRAMES = 60;
const STREAM_EVENTS_PER_SECOND = 50_000;
const STREAM_DURATION_MS = 2_000;

/** One measured figure with its target, as `npm run bench` prints it. */
export interface TimelineBenchRow {
  name: string;
  value: number;
  target: string;
  detail: string;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/**
 * The timeline in Debian's Chromium (software rendering): first draw of 100,000 tasks, pan and zoom frame
 * times, and the page's frame times while 50,000 task events per second stream into the live view.
 */
export async function benchTimeline(): Promise<TimelineBenchRow[]> {
  const harness = await startHarness();
  try {
    const page = await harness.open();
    const idle = await page.evaluate((duration) => window.timelineBench.idle(duration), STREAM_DURATION_MS);
    const load = await page.evaluate(([tasks, lanes]) => window.timelineBench.load(tasks, lanes), [TASKS, LANES] as const);
    await page.evaluate(() => window.timelineBench.focusTask(50_000, 2_000));
    const pan = await page.evaluate((frames) => window.timelineBench.frames('pan', frames), FRAMES);
    const zoom = await page.evaluate((frames) => window.timelineBench.frames('zoom', frames), FRAMES);
    const stream = await page.evaluate(
      ([rate, duration]) => window.timelineBench.stream(rate, duration),
      [STREAM_EVENTS_PER_SECOND, STREAM_DURATION_MS] as const,
    );
    const frameRow = (name: string, samples: { workMs: number[]; intervalMs: number[] }): TimelineBenchRow => ({
      name,
      value: percentile(samples.workMs, 0.95),
      target: '<= 16 ms',
      detail: `p95 of input + draw + raster per frame over ${samples.workMs.length} frames; median ${ms(percentile(samples.workMs, 0.5))}, frame interval p95 ${ms(percentile(samples.intervalMs, 0.95))}`,
    });
    return [
      {
        name: `first draw of ${TASKS.toLocaleString('en')} tasks (ms)`,
        value: load.firstFrameMs,
        target: '<= 200 ms',
        detail: `stored records to typed arrays ${ms(load.buildMs)}, first frame drawn ${ms(load.drawMs)}, the rest is mounting and raster`,
      },
      frameRow('pan frame p95 (ms)', pan),
      frameRow('zoom frame p95 (ms)', zoom),
      {
        name: 'live stream frame interval p95 (ms)',
        value: percentile(stream.intervalMs, 0.95),
        target: '<= 20 ms',
        detail:
          `${stream.events.toLocaleString('en')} events (${stream.tasks.toLocaleString('en')} tasks) in ${STREAM_DURATION_MS / 1000} s over ${stream.intervalMs.length} frames; ` +
          `work per frame median/p95 ${ms(percentile(stream.workMs, 0.5))}/${ms(percentile(stream.workMs, 0.95))} ` +
          `(append ${ms(percentile(stream.appendMs, 0.5))}, components ${ms(percentile(stream.updateMs, 0.5))}, canvas ${ms(percentile(stream.drawMs, 0.5))} median)`,
      },
      {
        name: 'idle page frame interval p95 (ms)',
        value: percentile(idle, 0.95),
        target: 'peer',
        detail: `the same page doing nothing for ${STREAM_DURATION_MS / 1000} s: ${idle.length} frames; what this machine allows right now`,
      },
    ];
  } finally {
    await harness.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await benchTimeline()) {
    console.log(`${row.name.padEnd(42)} ${row.value.toFixed(1).padStart(8)}  (target ${row.target})  ${row.detail}`);
  }
}
