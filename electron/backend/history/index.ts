export { HistoryStore } from './history-store';
export { RunReadPool } from './run-read-pool';
export { HistoryError, type HistoryErrorCode } from './history-error';
export type { Experiment, ExperimentKind, ExperimentSummary } from './experiments';
export type { OpenOptions } from './open-database';
export { SCHEMA_VERSION } from './migrations';
export type { ImportedRun, ImportSink } from './run-import';
