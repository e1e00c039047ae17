import type { TaskRecord } from '../protocol/task-record';
import type { RuntimeTrace } from '../runtime/runtime-slices';
import type { RunDetail } from './run-schema';

/**
 * A run whose tasks are read once, in index order, while it is written out: from the history a row at a
 * time, so that a run of millions of tasks is never held in memory (exports). `lanes` (the distinct lanes,
 * in order) is known up front, because a Chrome trace names its threads before their slices.
 */
export type StreamedRun = Omit<RunDetail, 'tasks'> & { tasks: Iterable<TaskRecord>; lanes: readonly number[]; runtime?: RuntimeTrace };
