import { z } from 'zod';
import { RuntimeSchema, ScenarioDirSchema, ScenarioSchema, StrategySchema } from '../scenario';
import { RunMetricsSchema } from '../metrics/metrics-schema';
import { RuntimeTraceSchema, type RuntimeTrace } from '../runtime/runtime-slices';
import { SampleSchema, TaskRecordSchema } from '../protocol/task-record';

/** `running` while the engine works; `interrupted` when the app died during the run. */
export const RunStatusSchema = z.enum(['running', 'completed', 'cancelled', 'failed', 'interrupted']);
export type RunStatus = z.output<typeof RunStatusSchema>;

/** One row of the run history. */
export const RunSummarySchema = z.object({
  id: z.number().int().min(1),
  /** Defaults to the scenario's name; the user can rename a run. */
  name: z.string(),
  scenarioName: z.string(),
  strategy: StrategySchema,
  /** Where it ran (the scenario's `runtime`); runs recorded before runtimes existed ran on Node. */
  runtimeName: RuntimeSchema.default('node'),
  status: RunStatusSchema,
  /** ISO 8601. */
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  wallMs: z.number().nullable(),
  tasks: z.number().int().min(0),
  /** Tasks whose own outcome is `error`, `timeout` or `cancelled`, orphaned or not. */
  failures: z.number().int().min(0),
  /** The engine record format the run was recorded with (`shared/run/record-version.ts`). */
  recordVersion: z.number().int().min(1),
  tags: z.array(z.string()),
  notes: z.string(),
  /** The experiment (repeat, matrix, sweep) this run belongs to, if any. */
  experimentId: z.number().int().nullable(),
  /** Set when status is `failed`. */
  error: z.string().nullable(),
  /**
   * The folder of the scenario's file when the run started from one: where its relative `module` and `database`
   * paths start, and so what Run again starts it from. Null otherwise; exports made before it existed lack it.
   */
  scenarioDir: ScenarioDirSchema.nullable().default(null),
});
export type RunSummary = z.output<typeof RunSummarySchema>;

/** A run with everything recorded. */
export const RunDetailSchema = RunSummarySchema.extend({
  scenario: ScenarioSchema,
  metrics: RunMetricsSchema.nullable(),
  tasks: z.array(TaskRecordSchema),
  samples: z.array(SampleSchema),
});
export type RunDetail = z.output<typeof RunDetailSchema>;

/**
 * The lossless JSON export of a run; importing it gives back the same run (with a new id). Version 2 holds
 * task outcomes with `orphaned` apart; version 1 files are upgraded on import (`transfer/legacy-export.ts`).
 * `run.scenarioDir` came later within version 2: it is optional (a file without it imports with no folder), and an
 * older app reading a file with it drops it, so both directions still import and the version stays.
 */
export const RunExportSchema = z.strictObject({
  format: z.literal('concurrency-explorer/run'),
  version: z.literal(2),
  run: RunDetailSchema.omit({ id: true, experimentId: true }),
  /** The runtime tracks of a run recorded with `trace: "runtime"`; absent otherwise. */
  runtime: RuntimeTraceSchema.optional(),
});
export type RunExport = z.output<typeof RunExportSchema>;

/** A run with its runtime tracks, as the exports write it. */
export type ExportableRun = RunDetail & { runtime?: RuntimeTrace };
