import { z } from 'zod';
import { STRATEGY_TYPES, type StrategyType } from '../scenario';
import { RunStatusSchema } from './run-schema';

/** What the run history can be sorted by. */
export const RUN_SORT_KEYS = ['createdAt', 'wallMs', 'tasks', 'failures', 'name', 'status'] as const;
export type RunSortKey = (typeof RUN_SORT_KEYS)[number];

/** A calendar date (`2025-03-01`) or an instant with its offset (`2025-03-01T12:00:00Z`). */
const DateOrInstantSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (2025-03-01) or an ISO 8601 time (2025-03-01T12:00:00Z)',
});

/**
 * Which runs of the history to list, and in which order. Every field is optional: `{}` lists every run,
 * newest first. Deleted runs (waiting in the trash for Undo) are never listed.
 */
export const RunQuerySchema = z.strictObject({
  /** Words found (case-insensitively) in the run's name, its scenario's name or its notes. */
  text: z.string().max(200).optional(),
  /** Only runs whose strategy has this type. */
  strategy: z.enum(STRATEGY_TYPES as [StrategyType, ...StrategyType[]]).optional(),
  status: RunStatusSchema.optional(),
  /** Only runs carrying exactly this tag. */
  tag: z.string().min(1).max(100).optional(),
  /** Runs created at or after this time; a date alone means that day's start (UTC). */
  from: DateOrInstantSchema.optional(),
  /** Runs created at or before this time; a date alone means that day's end (UTC). */
  to: DateOrInstantSchema.optional(),
  experimentId: z.number().int().min(1).optional(),
  /** Defaults to `createdAt`; runs with no value (e.g. no wall time yet) come last either way. */
  sort: z.enum(RUN_SORT_KEYS).optional(),
  /** Defaults to `desc`. */
  order: z.enum(['asc', 'desc']).optional(),
  limit: z.number().int().min(1).max(100_000).optional(),
  offset: z.number().int().min(0).optional(),
});
export type RunQuery = z.output<typeof RunQuerySchema>;
