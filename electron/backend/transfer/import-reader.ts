import type { ImportedRun, ImportSink } from '../history';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import { RunExportSchema } from '../../../shared/run/run-schema';
import { toProblems, type Problem } from '../../../shared/validation/format-issues';
import { versionMessage } from '../../../shared/validation/format-version';
import type { z } from 'zod';
import { RUN_EXPORT_FORMAT, RUN_EXPORT_VERSION } from './export-json';
import { ConsistencyCheck, type TaskGroups } from './import-consistency';
import { plausibilityProblems, taskPlausibilityProblems } from './import-plausibility';
import { JsonStreamWalker, type FieldHandling, type TextChunks } from './json-stream';

/** Problems beyond this many are counted rather than kept: a file of ten million bad tasks would otherwise hold ten million. */
export const MAX_KEPT_PROBLEMS = 10_000;

/** Tasks written to the history at a time: one stored chunk (`history/task-chunks.ts`) each. */
export const TASK_BATCH = 20_000;
const SAMPLE_BATCH = 10_000;

/** The one schema of a run export, item by item for the arrays that can be long. */
const RUN_SHAPE = RunExportSchema.shape.run.shape;
const TASK_SCHEMA = RUN_SHAPE.tasks.element;
const SAMPLE_SCHEMA = RUN_SHAPE.samples.element;
const ROOT_FIELDS = new Set(Object.keys(RunExportSchema.shape));

/** The problems of a file that cannot be imported (`problems`, and how many more there were beyond `MAX_KEPT_PROBLEMS`). */
export class ImportProblems {
  readonly list: Problem[] = [];
  omitted = 0;

  add = (problem: Problem): void => {
    if (this.list.length < MAX_KEPT_PROBLEMS) this.list.push(problem);
    else this.omitted += 1;
  };

  get empty(): boolean {
    return this.list.length === 0;
  }
}

/** A file that cannot be imported, with everything that is wrong with it. */
export class ImportRefused extends Error {
  constructor(readonly problems: ImportProblems) {
    super('import refused');
  }
}

/** A version 1 export (an older engine's): small, read whole and upgraded instead (`legacy-export.ts`). */
export class LegacyExport extends Error {}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A wrong kind of file gets one clear problem instead of one per field it lacks. */
export function kindOfFileProblems(value: unknown): Problem[] {
  if (!isObject(value)) return [{ path: '(root)', message: 'must be an object holding an exported run (export --format json)' }];
  if ('traceEvents' in value) {
    return [{ path: '(root)', message: 'is a trace export, which cannot be imported back; import the JSON export (export --format json)' }];
  }
  if (value.format !== RUN_EXPORT_FORMAT) {
    const got = value.format === undefined ? 'it is missing' : `got ${JSON.stringify(value.format)}`;
    return [{ path: 'format', message: `must be "${RUN_EXPORT_FORMAT}" (a run exported as JSON), ${got}` }];
  }
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > RUN_EXPORT_VERSION) {
    const got = JSON.stringify(version) ?? 'nothing';
    return [{ path: 'version', message: `${versionMessage(version, RUN_EXPORT_VERSION, 'export', 1)}, got ${got}` }];
  }
  return [];
}

function refuse(problems: Problem[]): never {
  const list = new ImportProblems();
  problems.forEach(list.add);
  throw new ImportRefused(list);
}

/** The schema's problems of an item at `at` (e.g. `run.tasks[12]`), with their paths from the root. */
function itemProblems(issues: readonly z.core.$ZodIssue[], value: unknown, at: [string, string, number]): Problem[] {
  const [field, array, index] = at;
  const located = issues.map((issue) => ({ ...issue, path: [field, array, index, ...issue.path] }));
  return toProblems(located, { [field]: { [array]: { [index]: value } } });
}

/** The scenario's task groups in the run as read so far; null before the file has said them. */
function groupsOf(run: unknown): TaskGroups | null {
  if (!isObject(run) || !isObject(run.scenario) || !Array.isArray(run.scenario.tasks)) return null;
  return run.scenario.tasks as TaskGroups;
}

/**
 * Reads a JSON run export of any size in one pass and checks it completely (syntax, kind of file, every field, consistency,
 * plausibility), handing its tasks and samples to `sink` in batches while no problem has been found. Throws
 * `ImportRefused` listing the problems (the caller's transaction then drops what the sink wrote), or `LegacyExport`.
 */
export function readRunExport(chunks: TextChunks, sink: ImportSink): ImportedRun {
  const schemaProblems = new ImportProblems();
  const checkProblems = new ImportProblems();
  const consistency = new ConsistencyCheck(checkProblems.add);
  let tasks: TaskRecord[] = [];
  let samples: Sample[] = [];
  const clean = () => schemaProblems.empty && checkProblems.empty;
  const flushTasks = () => {
    if (tasks.length > 0) sink.tasks(tasks);
    tasks = [];
  };
  const flushSamples = () => {
    if (samples.length > 0) sink.samples(samples);
    samples = [];
  };
  const walker = new JsonStreamWalker({
    field(path): FieldHandling {
      if (path === 'run.tasks' || path === 'run.samples') return 'stream';
      if (path === 'traceEvents') refuse(kindOfFileProblems({ traceEvents: true }));
      return path.includes('.') || ROOT_FIELDS.has(path) ? 'keep' : 'skip';
    },
    rootValue(key, value) {
      if (key === 'version' && value === 1) throw new LegacyExport();
      if (key === 'format' || key === 'version') {
        const wrong = kindOfFileProblems({ format: RUN_EXPORT_FORMAT, version: RUN_EXPORT_VERSION, [key]: value });
        if (wrong.length > 0) refuse(wrong);
      }
    },
    item(path, value, i, run) {
      if (path === 'run.samples') {
        const sample = SAMPLE_SCHEMA.safeParse(value);
        if (!sample.success) itemProblems(sample.error.issues, value, ['run', 'samples', i]).forEach(schemaProblems.add);
        else if (clean()) samples.push(sample.data);
        if (samples.length >= SAMPLE_BATCH) flushSamples();
        return;
      }
      const task = TASK_SCHEMA.safeParse(value);
      if (!task.success) {
        itemProblems(task.error.issues, value, ['run', 'tasks', i]).forEach(schemaProblems.add);
        return;
      }
      consistency.task(task.data, i, groupsOf(run));
      taskPlausibilityProblems(task.data, i).forEach(checkProblems.add);
      if (!clean()) return;
      tasks.push(task.data);
      if (tasks.length >= TASK_BATCH) flushTasks();
    },
  });
  const whole = walker.walk(chunks);
  const wrongKind = kindOfFileProblems(whole);
  if (wrongKind.length > 0) refuse(wrongKind);
  const header = RunExportSchema.safeParse(whole);
  if (!header.success) toProblems(header.error.issues, whole).forEach(schemaProblems.add);
  if (!schemaProblems.empty) throw new ImportRefused(schemaProblems);
  const data = header.data!;
  consistency.finish(data);
  plausibilityProblems(data).forEach(checkProblems.add);
  if (!checkProblems.empty) throw new ImportRefused(checkProblems);
  flushTasks();
  flushSamples();
  return { data, taskCount: consistency.count, failures: consistency.failures };
}
