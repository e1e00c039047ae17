import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import type { ExportableRun } from '../../../shared/run/run-schema';
import { laneLabeller, RUNTIME_LABELS, strategyText } from '../../../shared/scenario';
import { runtimeTraceEvents } from './export-runtime-trace';
import { jsonWithStreamedArray, STREAMED_ARRAY, streamedRun, type StreamedRun } from './run-stream';
import type { TraceEvent } from './trace-event';


/** The whole run is one process in the trace; each lane is one of its threads. */
const TRACE_PID = 1;
const US_PER_MS = 1000;
const BYTES_PER_MIB = 1024 * 1024;

/** Lane n is thread n + 1: trace viewers treat thread 0 as special. */
function laneTid(lane: number): number {
  return lane + 1;
}

const COUNTERS: readonly { name: string; value: (s: Sample) => number }[] = [
  { name: 'in flight', value: (s) => s.inFlight },
  { name: 'event-loop delay (ms)', value: (s) => s.loopDelayMs },
  { name: 'cpu (%)', value: (s) => s.cpuPercent },
  { name: 'rss (MiB)', value: (s) => s.rssBytes / BYTES_PER_MIB },
];

function metadataEvents(run: StreamedRun): TraceEvent[] {
  const { lanes } = run;
  const events: TraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: TRACE_PID, tid: 0, args: { name: `Run ${run.id}: ${run.name} (${RUNTIME_LABELS[run.runtimeName]})` } },
  ];
  // Lanes are named as the app names them ("Slot 1").
  const laneName = laneLabeller(run.strategy);
  for (const lane of lanes) {
    events.push({ name: 'thread_name', ph: 'M', pid: TRACE_PID, tid: laneTid(lane), args: { name: laneName(lane) } });
    events.push({ name: 'thread_sort_index', ph: 'M', pid: TRACE_PID, tid: laneTid(lane), args: { sort_index: lane } });
  }
  return events;
}

/** Slices are named after their task group (its label, else its kind) so that viewers colour each group alike. */
function* taskEvents(run: StreamedRun): Generator<TraceEvent> {
  for (const task of run.tasks) yield taskEvent(run, task);
}

function taskEvent(run: StreamedRun, task: TaskRecord): TraceEvent {
  return {
    name: run.scenario.tasks[task.group]?.label ?? task.kind,
    cat: task.kind,
    ph: 'X',
    pid: TRACE_PID,
    tid: laneTid(task.lane),
    ts: task.startMs * US_PER_MS,
    dur: (task.endMs - task.startMs) * US_PER_MS,
    args: {
      index: task.index,
      group: task.group,
      status: task.status,
      orphaned: task.orphaned,
      attempts: task.attempts,
      queuedMs: task.queuedMs,
      observedMs: task.observedMs,
      error: task.error,
    },
  };
}

function counterEvents(run: StreamedRun): TraceEvent[] {
  return run.samples.flatMap((sample) =>
    COUNTERS.map((counter) => ({
      name: counter.name,
      ph: 'C' as const,
      pid: TRACE_PID,
      tid: 0,
      ts: sample.tMs * US_PER_MS,
      args: { value: counter.value(sample) },
    })),
  );
}

/**
 * The run as Chrome Trace Event JSON: each task an `X` slice on its lane's thread (times in µs from run
 * start), each sample four `C` counters (in flight, event-loop delay, CPU, RSS), and `M` events naming
 * the process and the lanes; a runtime-traced run adds its loop, pool and worker threads below the lanes.
 */
export function exportRunTrace(run: ExportableRun): string {
  return [...runTraceChunks(streamedRun(run))].join('');
}

/** `exportRunTrace` in pieces, the task slices written as the tasks are read. */
export function* runTraceChunks(run: StreamedRun): Generator<string> {
  const trace = {
    traceEvents: STREAMED_ARRAY,
    displayTimeUnit: 'ms',
    otherData: { run: run.id, name: run.name, scenario: run.scenarioName, strategy: strategyText(run.strategy), runtime: run.runtimeName, status: run.status, createdAt: run.createdAt },
  };
  yield* jsonWithStreamedArray(trace, allEvents(run));
  yield '\n';
}

function* allEvents(run: StreamedRun): Generator<TraceEvent> {
  yield* metadataEvents(run);
  yield* taskEvents(run);
  yield* counterEvents(run);
  if (run.runtime !== undefined) yield* runtimeTraceEvents(TRACE_PID, run.runtime);
}
