import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { RunDetail } from '../../../shared/run/run-schema';
import { joinedChunks, streamedRun, type StreamedRun } from './run-stream';

/** The CSV columns, in order: the fields of a task record. */
export const CSV_COLUMNS = ['index', 'group', 'kind', 'lane', 'queuedMs', 'startMs', 'endMs', 'observedMs', 'status', 'orphaned', 'error', 'attempts'] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(task: TaskRecord): string {
  return CSV_COLUMNS.map((column) => csvField(task[column])).join(',');
}

/** A header and one row per task, by index, with CRLF line ends (RFC 4180). Times are ms from run start. */
export function exportRunCsv(run: RunDetail): string {
  return [...runCsvChunks(streamedRun(run))].join('');
}

/** `exportRunCsv` in pieces, the rows written as the tasks are read. */
export function* runCsvChunks(run: StreamedRun): Generator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  yield* joinedChunks(run.tasks, (task) => `${csvRow(task)}\r\n`, '');
}
