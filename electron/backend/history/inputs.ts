import { z } from 'zod';
import { ScenarioDirSchema, ScenarioSchema } from '../../../shared/scenario';
import { toProblems } from '../../../shared/validation/format-issues';
import { plainLines, plainText } from '../../../shared/validation/plain-text';
import { MAX_TAGS, NOTES_MAX_CHARS, RUN_NAME_MAX_CHARS, TAG_MAX_CHARS } from '../../../shared/run/run-limits';
import { HistoryError } from './history-error';

const NameSchema = plainText().trim().min(1).max(RUN_NAME_MAX_CHARS);

/** Tags are trimmed; a tag given twice is kept once. */
const TagsSchema = z
  .array(plainText().trim().min(1).max(TAG_MAX_CHARS))
  .max(MAX_TAGS)
  .transform((tags) => [...new Set(tags)]);

export const NewRunSchema = z.object({
  scenario: ScenarioSchema,
  name: NameSchema.optional(),
  tags: TagsSchema.optional(),
  experimentId: z.number().int().min(1).nullable().optional(),
  scenarioDir: ScenarioDirSchema.nullable().optional(),
});
/** A run to record: its scenario as written and, when it came from a file, that file's folder (`scenarioDir`). */
export type NewRun = z.input<typeof NewRunSchema>;

export const RunPatchSchema = z.strictObject({
  name: NameSchema.optional(),
  notes: plainLines().max(NOTES_MAX_CHARS).optional(),
  tags: TagsSchema.optional(),
});

export const RunEndSchema = z.enum(['completed', 'cancelled', 'failed']);

export const NewExperimentSchema = z.object({
  kind: z.enum(['repeat', 'matrix', 'sweep']),
  name: NameSchema,
  params: z.unknown(),
});

export const ScenarioToSaveSchema = z.object({
  id: z.number().int().min(1).optional(),
  name: NameSchema,
  scenario: ScenarioSchema,
});

export const IdsSchema = z.array(z.number().int().min(1)).max(100_000);

/** Checks an argument of the store's API; throws `HistoryError` (`invalid`) listing every problem. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw HistoryError.invalid(`Invalid ${what}`, toProblems(result.error.issues, input));
}
