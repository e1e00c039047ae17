import { z } from 'zod';
import { RunQuerySchema } from '../run/run-query';
import type { Finding } from '../findings';
import type { RunDetail, RunSummary } from '../run/run-schema';
import type { ColumnarRun } from '../run/task-columns';
import type { PackedRuntime } from '../runtime/runtime-packing';
import { ByIdSchema, IdSchema, method } from './define-api';
import { plainLines, plainText } from '../validation/plain-text';
import { TagSchema } from './run-methods';

/** The formats a run can be exported in: lossless JSON, one CSV row per task, Chrome Trace Event JSON. */
export const RUN_EXPORT_FORMATS = ['json', 'csv', 'trace'] as const;
export type RunExportFormat = (typeof RUN_EXPORT_FORMATS)[number];

/** Import text longer than this is refused (it must also fit in one WebSocket message of the browser host). */
export const MAX_IMPORT_TEXT_CHARS = 64 * 1024 * 1024;

/** A file's worth of an exported run, for the renderer to save or download. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  content: string;
}

const IdsSchema = z.array(IdSchema).min(1).max(10_000);

/** The run history: every recorded run, its details, and what the user does with them. */
export const historyMethods = {
  /** One page of runs matching the query, and how many match in all. */
  'history.list': method(RunQuerySchema).returns<{ runs: RunSummary[]; total: number }>(),
  /** A run with every task and sample; `not_found` when there is none with that id. */
  'history.get': method(ByIdSchema).returns<RunDetail>(),
  /** `history.get` with the tasks as parallel columns of typed arrays (`TaskArrays`): what History and the comparison draw. */
  'history.getColumnar': method(ByIdSchema).returns<ColumnarRun>(),
  /** The run's runtime slices (loop, pool, workers) packed for drawing; null for a run recorded in `tasks` mode. */
  'history.getRuntime': method(ByIdSchema).returns<PackedRuntime | null>(),
  /**
   * What the run shows (`shared/findings`), worst first, computed beside its stored records so that a run of a
   * million tasks sends only its findings; empty for a run without metrics, `not_found` for an unknown id.
   */
  'history.findings': method(ByIdSchema).returns<Finding[]>(),
  /** Renames a run, or changes its notes or tags. */
  'history.update': method(
    z.strictObject({
      id: IdSchema,
      name: plainText().trim().min(1).max(120).optional(),
      notes: plainLines().max(10_000).optional(),
      tags: z.array(TagSchema).max(50).optional(),
    }),
  ).returns<RunSummary>(),
  'history.export': method(z.strictObject({ id: IdSchema, format: z.enum(RUN_EXPORT_FORMATS) })).returns<ExportedFile>(),
  /** Adds an exported run (JSON text) as a new run; a bad file is a `bad_request` listing every problem. */
  'history.import': method(z.strictObject({ text: z.string().max(MAX_IMPORT_TEXT_CHARS) })).returns<{ id: number }>(),
  /** Moves runs to the trash; `history.restore` puts them back (Undo). */
  'history.delete': method(z.strictObject({ ids: IdsSchema })).returns<{ deleted: number }>(),
  'history.restore': method(z.strictObject({ ids: IdsSchema })).returns<{ restored: number }>(),
};
