import { z } from 'zod';
import type { RunMetrics } from '../metrics/metrics-schema';
import type { Sample } from '../protocol/task-record';
import type { TaskArrays } from '../run/task-columns';
import type { Scenario } from '../scenario';
import type { RuntimeTrace } from '../runtime/runtime-slices';

/** The ids of the rules; stable, public (CLI `--json`), never renamed. */
export const FINDING_IDS = [
  'loop-blocked',
  'cpu-on-loop',
  'threadpool-saturated',
  'orphaned-work',
  'unbounded-concurrency',
  'pool-too-small',
  'past-the-knee',
  'retries-inflate-tail',
  'batch-head-of-line',
  'sequential-independent',
  'timeouts-cluster',
  'memory-growth',
] as const;

/** `problem`: the run is hurt by it; `warning`: likely costs time or resources; `info`: worth knowing. */
export const SeveritySchema = z.enum(['info', 'warning', 'problem']);
export type Severity = z.output<typeof SeveritySchema>;

/**
 * One thing a rule found in a run: what, how bad, the numbers that show it, where on the timeline, and what
 * to change to try the fix.
 */
export const FindingSchema = z.strictObject({
  /** The rule's stable id (`FINDING_IDS`). */
  id: z.enum(FINDING_IDS),
  severity: SeveritySchema,
  /** A short headline. */
  title: z.string().min(1),
  /** One or two plain sentences with the numbers in them. */
  detail: z.string().min(1),
  /** The measured numbers the rule decided on, by name (`peakInFlight`, `maxLoopDelayMs`). */
  evidence: z.record(z.string(), z.number()),
  /** Indexes of the tasks the finding is about. */
  tasks: z.array(z.number().int().min(0)).optional(),
  /** The time range it is about, ms from run start. */
  fromMs: z.number().min(0).optional(),
  toMs: z.number().min(0).optional(),
  /** What to change to try the fix: a partial scenario (strategy and/or options) to merge into the run's. */
  suggestion: z
    .strictObject({
      label: z.string().min(1),
      scenarioPatch: z.strictObject({
        strategy: z.record(z.string(), z.unknown()).optional(),
        options: z.record(z.string(), z.unknown()).optional(),
      }),
    })
    .optional(),
});
export type Finding = z.output<typeof FindingSchema>;
export type FindingId = Finding['id'];

/** The runtime tracks of a run recorded with `trace: "runtime"` (shared/runtime), as the rules read them. */
export type RuntimeTracks = Readonly<Pick<RuntimeTrace, 'loop' | 'threadpool' | 'workers'>>;

/**
 * What the rules read of a run's tasks: columns in the order of the tasks' indexes (as `TaskArrays` holds them,
 * which has all of these). Never an object per task: at the end of a run of a million tasks those took over
 * 200 MB of the recording process; these columns take about 30 MB, or nothing when they are a view of the
 * columns a run already keeps. `findingColumnsOf` makes them from records.
 */
export type FindingColumns = Pick<TaskArrays, 'count' | 'index' | 'group' | 'kind' | 'kinds' | 'startMs' | 'endMs' | 'status' | 'statuses' | 'orphaned' | 'attempts'>;

/** What the rules read: a finished run's scenario, its tasks as columns, samples and metrics, and its runtime tracks if any. */
export interface RunForFindings {
  scenario: Scenario;
  tasks: FindingColumns;
  samples: readonly Sample[];
  metrics: RunMetrics;
  runtime?: RuntimeTracks;
}

/** A rule: silent (empty list) unless the run shows what it looks for. */
export type FindingRule = (run: RunForFindings) => Finding[];
