export { runExperiment } from './run-experiment';
export type { ExperimentProgress, ExperimentRecorder, ExperimentResult, ExperimentRunner, RunExperimentOptions } from './run-experiment';
export { loadExperiment } from './load-experiment';
export type { ExperimentReader } from './load-experiment';
