import { z } from 'zod';
import { ByIdSchema, method, NoArgsSchema } from './define-api';

/** How the runs of an experiment relate: the same scenario repeated, a matrix of variants, or a sweep of a size. */
export const ExperimentKindSchema = z.enum(['repeat', 'matrix', 'sweep']);
export type ExperimentKind = z.output<typeof ExperimentKindSchema>;

/** One row of the experiment list. */
export interface ExperimentSummary {
  id: number;
  kind: string;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  runCount: number;
}

/** An experiment with the ids of its runs. */
export interface Experiment {
  id: number;
  kind: string;
  name: string;
  /** What the experiment varied, as its creator recorded it. */
  params: unknown;
  createdAt: string;
  runIds: number[];
}

/** Groups of runs; a run joins one through `runs.start`'s `experimentId`. */
export const experimentMethods = {
  /** Every experiment, newest first. */
  'experiments.list': method(NoArgsSchema).returns<ExperimentSummary[]>(),
  /** One experiment; `not_found` when there is none with that id. */
  'experiments.get': method(ByIdSchema).returns<Experiment>(),
  /** Records a new experiment to start runs in. */
  'experiments.create': method(
    z.strictObject({ kind: ExperimentKindSchema, name: z.string().trim().min(1).max(120), params: z.json() }),
  ).returns<{ id: number }>(),
};
