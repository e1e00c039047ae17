import type { TaskRecord } from '../../../shared/protocol/task-record';
import type { RunExport } from '../../../shared/run/run-schema';
import { MAX_TAGS, NOTES_MAX_CHARS, RUN_NAME_MAX_CHARS, TAG_MAX_CHARS } from '../../../shared/run/run-limits';
import { hasControlCharacters } from '../../../shared/validation/control-characters';
import type { Problem } from '../../../shared/validation/format-issues';

function notADate(text: string | null): boolean {
  return text !== null && (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(Date.parse(text)));
}

function textProblems(path: string, text: string, maxChars: number): Problem[] {
  const problems: Problem[] = [];
  if (text.length > maxChars) problems.push({ path, message: `must have at most ${maxChars} characters, got ${text.length}` });
  if (hasControlCharacters(text.replaceAll('\r\n', '\n'))) problems.push({ path, message: 'must not contain control characters (such as ESC, BEL or a bidirectional override)' });
  return problems;
}

/** A task no run recorded by this app can hold: queued after it started, or an error message with control characters. */
export function taskPlausibilityProblems(task: TaskRecord, i: number): Problem[] {
  const problems: Problem[] = [];
  if (task.queuedMs > task.startMs) {
    problems.push({ path: `run.tasks[${i}].queuedMs`, message: `must not be after startMs (${task.startMs}), got ${task.queuedMs}` });
  }
  if (task.error !== null) problems.push(...textProblems(`run.tasks[${i}].error`, task.error, Number.POSITIVE_INFINITY));
  return problems;
}

/**
 * What no run recorded by this app can hold beyond what the schema refuses (non-finite and negative times,
 * samples and metrics), its tasks apart (`taskPlausibilityProblems`): a negative wall time, dates that are not dates, and names, tags, notes and messages over the limits (or with the
 * control characters) the app itself refuses. Each problem names its path.
 */
export function plausibilityProblems({ run }: RunExport): Problem[] {
  const problems: Problem[] = [];
  if (run.wallMs !== null && run.wallMs < 0) problems.push({ path: 'run.wallMs', message: `must not be negative, got ${run.wallMs}` });
  for (const field of ['createdAt', 'finishedAt'] as const) {
    if (notADate(run[field])) problems.push({ path: `run.${field}`, message: `must be a date and time (ISO 8601), got ${JSON.stringify(run[field])}` });
  }
  problems.push(...textProblems('run.name', run.name, RUN_NAME_MAX_CHARS), ...textProblems('run.scenarioName', run.scenarioName, RUN_NAME_MAX_CHARS));
  problems.push(...textProblems('run.notes', run.notes, NOTES_MAX_CHARS));
  if (run.error !== null) problems.push(...textProblems('run.error', run.error, Number.POSITIVE_INFINITY));
  if (run.tags.length > MAX_TAGS) problems.push({ path: 'run.tags', message: `must have at most ${MAX_TAGS} item(s), got ${run.tags.length}` });
  run.tags.forEach((tag, i) => problems.push(...textProblems(`run.tags[${i}]`, tag, TAG_MAX_CHARS)));
  return problems;
}
