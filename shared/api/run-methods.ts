import { z } from 'zod';
import type { MachineLoad } from '../presets/expectation-verdict';
import { ScenarioDirSchema, ScenarioSchema } from '../scenario';
import { plainText } from '../validation/plain-text';
import { IdSchema, method, NoArgsSchema } from './define-api';

/** A tag on a run: short text a person types to group runs. */
export const TagSchema = plainText().trim().min(1).max(40);

/** How a run is recorded. */
export const RunStartOptionsSchema = z.strictObject({
  /** Defaults to the scenario's name. */
  name: plainText().trim().min(1).max(120).optional(),
  tags: z.array(TagSchema).max(50).optional(),
  /** The experiment (repeat, matrix, sweep) the run belongs to. */
  experimentId: IdSchema.nullable().optional(),
  /** `false`: run without recording it in the history (`runId` is then null). */
  save: z.boolean().optional(),
  /** The absolute folder of the scenario's file, which relative `module` and `database` paths start from. */
  scenarioDir: ScenarioDirSchema.optional(),
});

/** A run that is under way, as `runs.active` lists it. */
export interface ActiveRunInfo {
  /** Names the run in `runs.cancel` and in every run event. */
  key: string;
  /** The history id, or null when the run is not saved. */
  runId: number | null;
  scenarioName: string;
  /** False until the engine has started the clock. */
  started: boolean;
  done: number;
  total: number;
  inFlight: number;
  elapsedMs: number;
}

/** Run orchestration: every run goes through the same service, whatever the host. */
export const runMethods = {
  /** Starts an engine process for the scenario; progress arrives through the run events. */
  'runs.start': method(
    z.strictObject({ scenario: ScenarioSchema, options: RunStartOptionsSchema.optional() }),
  ).returns<{ key: string; runId: number | null }>(),
  /** Asks a run to stop; `cancelled` is false when no run has that key (it may have just ended). */
  'runs.cancel': method(z.strictObject({ key: z.string().min(1).max(100) })).returns<{ cancelled: boolean }>(),
  /** How many cores the machine has and how busy it is right now (to judge a preset's expectations by). */
  'runs.machine': method(NoArgsSchema).returns<MachineLoad>(),
  /** The runs under way, oldest first. */
  'runs.active': method(NoArgsSchema).returns<ActiveRunInfo[]>(),
};
