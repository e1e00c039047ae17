import { ByIdSchema, method, NoArgsSchema } from './define-api';

/** How the runs of an experiment relate: the same scenario repeated, a matrix of variants, or a sweep of a size. */
export type ExperimentKind = 'repeat' | 'matrix' | 'sweep';

/** One row of the experiment list. */
export interface ExperimentSummary {
  id: number;
  kind: ExperimentKind;
  name: string;
  /** ISO 8601. */
  createdAt: string;
  runCount: number;
}

/** An experiment with the ids of its runs. */
export interface Experiment {
  id: number;
  kind: ExperimentKind;
  name: string;
  /** What the experiment varied, as its creator recorded it. */
  params: unknown;
  createdAt: string;
  runIds: number[];
}

/** Groups of runs (repeat, matrix, sweep) and the runs in each. */
export const experimentMethods = {
  /** Every experiment, newest first. */
  'experiments.list': method(NoArgsSchema).returns<ExperimentSummary[]>(),
  /** One experiment; `not_found` when there is none with that id. */
  'experiments.get': method(ByIdSchema).returns<Experiment>(),
};
