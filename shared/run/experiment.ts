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

/** A group of runs made together, with the ids of its runs not in the trash, oldest first. */
export interface Experiment {
  id: number;
  kind: ExperimentKind;
  name: string;
  /** What the experiment varied, as its creator recorded it (plain JSON data). */
  params: unknown;
  /** ISO 8601. */
  createdAt: string;
  runIds: number[];
}
