/**
 * `npm run bench`: every speed target of the project, each measured against a peer in the same run
 * (or, for browser frames, against the frame budget), printed as a table. Tests never assert speed; this does.
 */
import { benchEnginePool } from './engine-pool';
import { benchHistoryIngest } from './history-ingest';
import { benchTimeline } from './timeline/bench-timeline';
import { benchHistoryList } from './history-list';
import { benchCompareOpen } from './compare-open';
import { fuzzLong, LONG_FUZZ_CASES } from './fuzz-long';
import { benchStartup } from './startup';
import { benchFidelity } from './fidelity';
import { benchScale } from './scale';
import { benchRuntimeTrace } from './runtime-trace';
import { benchWhatIfAccuracy } from './whatif-accuracy';

interface Row {
  name: string;
  figure: string;
  target: string;
  detail: string;
}

type Suite = { title: string; run: () => Promise<Row[]> };

/** A figure measured in the browser (ms) against a budget rather than a peer ratio. */
function figureRow(r: { name: string; value: number; target: string; detail: string }): Row {
  return { name: r.name, figure: r.value.toFixed(1), target: r.target, detail: r.detail };
}

/** A figure of a suite that takes many minutes, printed as soon as it is measured (the table follows at the end). */
function printMeasured(row: Row): void {
  console.log(`  measured: ${row.name}: ${row.figure} (target ${row.target}) ${row.detail}`);
}

const suites: Suite[] = [
  {
    title: 'engine pool vs p-limit',
    run: async () => (await benchEnginePool()).map((r) => ({ name: r.name, figure: `${r.ratio.toFixed(2)}x`, target: r.target, detail: r.detail })),
  },
  {
    title: 'history ingest vs bare better-sqlite3',
    run: async () => (await benchHistoryIngest()).map((r) => ({ name: r.name, figure: `${r.ratio.toFixed(2)}x`, target: r.target, detail: r.detail })),
  },
  {
    title: 'runtime trace vs tasks mode',
    run: async () => (await benchRuntimeTrace()).map((r) => ({ name: r.name, figure: `${r.ratio.toFixed(2)}x`, target: r.target, detail: r.detail })),
  },
  {
    title: 'timeline in Chromium',
    run: async () => (await benchTimeline()).map(figureRow),
  },
  { title: 'history list in Chromium', run: async () => (await benchHistoryList()).map(figureRow) },
  { title: 'compare open in Chromium', run: async () => (await benchCompareOpen()).map(figureRow) },
  {
    title: `fuzzing, ${LONG_FUZZ_CASES.toLocaleString('en-US')} cases each`,
    run: async () =>
      fuzzLong().map(({ name, counts }) => ({
        name,
        figure: `${counts.crash} crash`,
        target: '0 crash',
        detail: `tried ${counts.tried}, clear error ${counts.clearError}, accepted ${counts.accepted}`,
      })),
  },
  { title: 'fidelity: the engine against plain code, every kind and strategy', run: () => benchFidelity() },
  { title: 'what-if: predicted wall time vs real runs (recorded once, predicted and run per strategy)', run: () => benchWhatIfAccuracy() },
  { title: 'start-up of the built app vs node -e 0', run: () => benchStartup() },
  { title: 'a million tasks: memory, exports, History', run: () => benchScale(1_000_000, printMeasured) },
];

/** `npm run bench -- --scale`: only the ten-million-task case, on demand (it takes many minutes). */
const SCALE_SUITE: Suite = { title: 'ten million tasks: memory, exports, History', run: () => benchScale(10_000_000, printMeasured) };

const scale = process.argv.includes('--scale');
const only = process.argv.slice(2).filter((word) => word !== '--scale');
let failedSuites = 0;
for (const suite of scale ? [SCALE_SUITE] : suites) {
  if (only.length > 0 && !only.some((word) => suite.title.includes(word))) continue;
  console.log(`\n== ${suite.title}`);
  try {
    const rows = await suite.run();
    const width = Math.max(...rows.map((r) => r.name.length));
    for (const row of rows) console.log(`  ${row.name.padEnd(width)}  ${row.figure.padStart(9)}  (target ${row.target})  ${row.detail}`);
  } catch (error) {
    failedSuites += 1;
    console.log(`  could not run: ${(error as Error).message}`);
  }
}
process.exitCode = failedSuites > 0 ? 1 : 0;
