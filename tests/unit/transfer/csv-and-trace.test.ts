import { describe, expect, it } from 'vitest';
import { exportFileName, exportRunCsv, exportRunFile, exportRunTrace } from '../../../electron/backend/transfer';
import type { RunDetail } from '../../../shared/run/run-schema';
import { makeMetrics, makeSamples, makeScenario, makeTasks } from '../history/fixtures';

function makeRun(taskCount: number, sampleCount: number): RunDetail {
  const scenario = makeScenario({ tasks: [{ kind: 'timer', count: Math.max(1, taskCount), ms: 10, label: 'slow timers' }] });
  const tasks = makeTasks(taskCount);
  return {
    id: 7,
    name: 'Sixteen timers, pool of four!',
    scenarioName: scenario.name,
    strategy: scenario.strategy,
    runtimeName: 'node',
    status: 'completed',
    createdAt: '2025-03-01T10:00:00.000Z',
    finishedAt: '2025-03-01T10:00:01.000Z',
    wallMs: 123.5,
    failures: 0,
    recordVersion: 2,
    tags: [],
    notes: '',
    experimentId: null,
    error: null,
    scenarioDir: null,
    scenario,
    metrics: makeMetrics(tasks),
    tasks,
    samples: makeSamples(sampleCount),
  };
}

/** A reference RFC 4180 reader, to check the writer against. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('has the header and one row per task, CRLF line ends, and quotes what needs quoting', () => {
    const run = makeRun(16, 0);
    const text = exportRunCsv(run);
    expect(text.startsWith('index,group,kind,lane,queuedMs,startMs,endMs,observedMs,status,orphaned,error,attempts\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(text);
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.length === 12)).toBe(true);
    rows.slice(1).forEach((row, i) => {
      const task = run.tasks[i]!;
      expect(row).toEqual([task.index, task.group, task.kind, task.lane, task.queuedMs, task.startMs, task.endMs, task.observedMs, task.status, task.orphaned, task.error ?? '', task.attempts].map(String));
    });
    expect(text).toContain(',"boom, with a comma",');
    expect(text).toContain(',"said ""no""",');
    expect(text).toContain(',"line one\nline two",');
    expect(rows[1]?.[10]).toBe('');
  });

  it('is just the header for a run without tasks', () => {
    expect(exportRunCsv(makeRun(0, 0))).toBe('index,group,kind,lane,queuedMs,startMs,endMs,observedMs,status,orphaned,error,attempts\r\n');
  });
});

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  args: Record<string, unknown>;
}

describe('trace export', () => {
  const run = makeRun(10, 6);
  const trace = JSON.parse(exportRunTrace(run)) as { traceEvents: TraceEvent[]; displayTimeUnit: string };
  const events = (ph: string): TraceEvent[] => trace.traceEvents.filter((e) => e.ph === ph);

  it('has one X slice per task, in microseconds, on its lane thread', () => {
    const slices = events('X');
    expect(slices).toHaveLength(10);
    for (const task of run.tasks) {
      const slice = slices.find((s) => s.args.index === task.index);
      expect(slice).toMatchObject({ name: 'slow timers', ts: task.startMs * 1000, tid: task.lane + 1, args: { status: task.status } });
      expect(slice?.dur).toBeCloseTo((task.endMs - task.startMs) * 1000, 6);
    }
  });

  it('has four C counters per sample and M events naming the process and each lane', () => {
    const counters = events('C');
    expect(counters).toHaveLength(6 * 4);
    expect(new Set(counters.map((c) => c.name))).toEqual(new Set(['in flight', 'event-loop delay (ms)', 'cpu (%)', 'rss (MiB)']));
    expect(counters.find((c) => c.name === 'in flight' && c.ts === 20 * 1000)?.args.value).toBe(1);

    const names = events('M').filter((e) => e.name === 'thread_name');
    expect(names.map((e) => [e.tid, e.args.name])).toEqual([
      [1, 'Slot 1'],
      [2, 'Slot 2'],
      [3, 'Slot 3'],
      [4, 'Slot 4'],
    ]);
    const processNames = events('M').filter((e) => e.name === 'process_name');
    expect(processNames.map((e) => e.args.name)).toEqual(['Run 7: Sixteen timers, pool of four! (Node.js)']);
    expect(new Set(trace.traceEvents.map((e) => e.pid))).toEqual(new Set([1]));
    expect(trace.displayTimeUnit).toBe('ms');
  });
});

describe('export files', () => {
  it('names files after the run and gives each format its type', () => {
    const run = makeRun(2, 1);
    expect(exportFileName(run, 'csv')).toBe('run-7-sixteen-timers-pool-of-four.csv');
    expect(exportFileName({ id: 3, name: '***' }, 'trace')).toBe('run-3.trace.json');
    const file = exportRunFile(run, 'json');
    expect(file).toMatchObject({ fileName: 'run-7-sixteen-timers-pool-of-four.json', mimeType: 'application/json' });
    expect(JSON.parse(file.content).format).toBe('concurrency-explorer/run');
    expect(exportRunFile(run, 'csv').mimeType).toBe('text/csv');
  });
});
