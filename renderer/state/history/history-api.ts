import type { ApiClient } from '../../../shared/api/api-client';

/**
 * The part of the typed API client the History, Compare and experiment views use. The real client
 * satisfies it; tests hand them a client on an in-process backend.
 */
export type HistoryApi = Pick<
  ApiClient,
  'history' | 'experiments' | 'dialogs' | 'onExperimentProgress' | 'onExperimentFinished' | 'onRunProgress' | 'onRunPreparing' | 'onRunStarted' | 'onMenuCommand'
>;
