import { z } from 'zod';
import { plainText } from '../validation/plain-text';
import { ScenarioSchema } from '../scenario';

/** A scenario the user saved under a name, to run again later. */
export const SavedScenarioSchema = z.object({
  id: z.number().int().min(1),
  name: plainText().trim().min(1).max(120),
  scenario: ScenarioSchema,
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601; equals `createdAt` until the scenario is saved again. */
  updatedAt: z.string(),
});
export type SavedScenario = z.output<typeof SavedScenarioSchema>;
