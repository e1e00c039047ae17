import { z } from 'zod';
import type { RunStatus } from '../run/run-schema';
import { ExperimentSpecSchema } from '../experiments/experiment-spec';
import type { ReopenedExperiment } from '../experiments/experiment-summary';
import type { Experiment, ExperimentSummary } from '../run/experiment';
import { ByIdSchema, event, IdSchema, method, NoArgsSchema } from './define-api';

export type { Experiment, ExperimentKind, ExperimentSummary } from '../run/experiment';

/** Groups of runs (repeat, matrix, sweep) and the runs in each. */
export const experimentMethods = {
  /** Every experiment, newest first. */
  'experiments.list': method(NoArgsSchema).returns<ExperimentSummary[]>(),
  /** One experiment; `not_found` when there is none with that id. */
  'experiments.get': method(ByIdSchema).returns<Experiment>(),
  /**
   * Starts an experiment in the background and answers as soon as it is stored. Its runs are made one after
   * another; each sends the usual run events, and `experimentProgress` / `experimentFinished` say where the
   * experiment is. `bad_request` while another experiment is under way: two at once would distort each other.
   */
  'experiments.run': method(ExperimentSpecSchema).returns<{ experimentId: number }>(),
  /** An experiment reopened as a whole: its runs with their metrics, and its statistics; `not_found` for an unknown id. */
  'experiments.open': method(ByIdSchema).returns<ReopenedExperiment>(),
  /**
   * Cancels the run under way and starts no more; `cancelled` is false when no experiment with that id is under
   * way. (`runs.cancel` of the current run cancels that run only: the experiment goes on with the next.)
   */
  'experiments.cancel': method(z.strictObject({ experimentId: IdSchema })).returns<{ cancelled: boolean }>(),
  /** The experiment under way (there is at most one), or null. */
  'experiments.active': method(NoArgsSchema).returns<ActiveExperiment | null>(),
};

/** An experiment under way, as `experiments.active` gives it. */
export interface ActiveExperiment {
  experimentId: number;
  name: string;
  /** The latest of its runs to start or end, as `experimentProgress` said; null before the first starts. */
  step: Omit<ExperimentProgressPayload, 'experimentId'> | null;
}

/** One run of an experiment started (`phase: 'started'`) or ended (`'finished'`, with its status). */
export interface ExperimentProgressPayload {
  experimentId: number;
  phase: 'started' | 'finished';
  /** 0-based position in the plan, warm-ups included. */
  index: number;
  total: number;
  /** `warm-up 1/2`, `repeat 3/5`, `pool:8`. */
  label: string;
  /** Warm-up runs are neither counted nor stored (`runId` is null). */
  warmup: boolean;
  /** The run's key in the run events. */
  key: string;
  runId: number | null;
  /** Set when `phase` is `finished`. */
  status: Extract<RunStatus, 'completed' | 'cancelled' | 'failed'> | null;
}

/** The experiment is over: every run made, cancelled, or stopped by an error (`error` says which). */
export interface ExperimentFinishedPayload {
  experimentId: number;
  cancelled: boolean;
  error: string | null;
}

/** Events about experiments started with `experiments.run`, pushed to every client. */
export const experimentEvents = {
  experimentProgress: event<ExperimentProgressPayload>(),
  experimentFinished: event<ExperimentFinishedPayload>(),
};
