import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { HistoryStore } from '../history';
import type { Sample, TaskRecord } from '../../../shared/protocol/task-record';
import { RunExportSchema, type RunExport } from '../../../shared/run/run-schema';
import { problemsToText, toProblems, type Problem } from '../../../shared/validation/format-issues';
import { withoutByteOrderMark } from '../../../shared/validation/format-version';
import { errorMessage } from '../../../shared/errors/error-message';
import { ConsistencyCheck } from './import-consistency';
import { plausibilityProblems, taskPlausibilityProblems } from './import-plausibility';
import { ImportProblems, ImportRefused, kindOfFileProblems, LegacyExport, readRunExport } from './import-reader';
import { JsonSyntaxError, type TextChunks } from './json-stream';
import { upgradeExportV1 } from './legacy-export';

/** Problems beyond this many are counted in a message rather than listed (`problems` keeps them all, up to `MAX_KEPT_PROBLEMS`). */
export const MAX_PROBLEMS_IN_MESSAGE = 50;

/**
 * Text is handed to the parser in pieces of this many characters, a file read in pieces of this many bytes: the
 * parser keeps the unread rest of a piece as a string it slices, so smaller pieces parse faster (64 KiB took 4.4 s
 * for 5 million tokens where 1 MiB took 5.9 s).
 */
const CHUNK_CHARS = 1 << 16;
const CHUNK_BYTES = 1 << 16;

/** A file that cannot be imported; `problems` says what is wrong with it, and `omitted` how many more problems it has. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly problems: readonly Problem[],
    readonly omitted = 0,
  ) {
    const listed = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE);
    const more = problems.length - listed.length + omitted;
    super(`This is not a run export that can be imported:\n${problemsToText(listed)}${more > 0 ? `\n(and ${more} more problems)` : ''}`);
  }
}

/** The target of an import: the history, written in one transaction. */
export type ImportTarget = Pick<HistoryStore, 'importRun' | 'importStreamed'>;

function importError(problems: ImportProblems): ImportError {
  return new ImportError(problems.list, problems.omitted);
}

function syntaxProblem(error: unknown): ImportError {
  return new ImportError([{ path: '(root)', message: `is not valid JSON: ${errorMessage(error)}` }]);
}

/** `text` in pieces (without a leading byte-order mark), readable again from the start. */
function textChunks(text: string): TextChunks {
  const body = withoutByteOrderMark(text);
  return function* () {
    for (let at = 0; at < body.length; at += CHUNK_CHARS) yield body.slice(at, at + CHUNK_CHARS);
  };
}

/** A UTF-8 file's text in pieces (without a leading byte-order mark), read as it is walked: never whole in memory. */
function fileChunks(file: string): TextChunks {
  return function* () {
    const fd = openSync(file, 'r');
    try {
      const bytes = Buffer.allocUnsafe(CHUNK_BYTES);
      const decoder = new StringDecoder('utf8');
      let first = true;
      for (let read = readSync(fd, bytes); read > 0; read = readSync(fd, bytes)) {
        let text = decoder.write(bytes.subarray(0, read));
        if (first && text !== '') {
          text = withoutByteOrderMark(text);
          first = false;
        }
        if (text !== '') yield text;
      }
      const rest = decoder.end();
      if (rest !== '') yield rest;
    } finally {
      closeSync(fd);
    }
  };
}

/** A version 1 export, read whole (they are small): upgraded, then checked like any other. */
function parseLegacy(text: string): RunExport {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw syntaxProblem(error);
  }
  const wrongKind = kindOfFileProblems(value);
  if (wrongKind.length > 0) throw new ImportError(wrongKind);
  const upgraded = upgradeExportV1(value as Record<string, unknown>);
  const result = RunExportSchema.safeParse(upgraded);
  if (!result.success) throw new ImportError(toProblems(result.error.issues, upgraded));
  const problems = new ImportProblems();
  const consistency = new ConsistencyCheck(problems.add);
  result.data.run.tasks.forEach((task, i) => {
    consistency.task(task, i, result.data.run.scenario.tasks);
    taskPlausibilityProblems(task, i).forEach(problems.add);
  });
  consistency.finish(result.data);
  plausibilityProblems(result.data).forEach(problems.add);
  if (!problems.empty) throw importError(problems);
  return result.data;
}

/** Runs `read`, turning its refusals into `ImportError`s; a version 1 file is read whole by `legacy` instead. */
function refusedAsImportError<T>(read: () => T, legacy: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof LegacyExport) return legacy();
    if (error instanceof ImportRefused) throw importError(error.problems);
    if (error instanceof JsonSyntaxError) throw syntaxProblem(error);
    throw error;
  }
}

/**
 * Checks exported JSON text completely (syntax, kind of file, every field, consistency; a UTF-8 byte-order
 * mark at the start is accepted) and returns the run ready for `HistoryStore.importRun`, or throws an
 * `ImportError` listing every problem.
 */
export function parseRunImport(text: string): RunExport {
  const tasks: TaskRecord[] = [];
  const samples: Sample[] = [];
  const collect = {
    tasks: (batch: readonly TaskRecord[]) => batch.forEach((task) => tasks.push(task)),
    samples: (batch: readonly Sample[]) => batch.forEach((sample) => samples.push(sample)),
  };
  return refusedAsImportError(
    () => {
      const { data } = readRunExport(textChunks(text), collect);
      return { ...data, run: { ...data.run, tasks, samples } };
    },
    () => parseLegacy(text),
  );
}

/** Imports exported JSON text as a new run (see `importRunFile`); returns its id. */
export function importRunText(target: ImportTarget, text: string): number {
  return refusedAsImportError(
    () => target.importStreamed((sink) => readRunExport(textChunks(text), sink)),
    () => target.importRun(parseLegacy(text)),
  );
}

/**
 * Imports a JSON export file of any size as a new run, read and written in pieces with bounded memory in one
 * transaction: a file refused halfway leaves nothing in the history. Throws an `ImportError` listing its problems.
 */
export function importRunFile(target: ImportTarget, file: string): number {
  return refusedAsImportError(
    () => target.importStreamed((sink) => readRunExport(fileChunks(file), sink)),
    () => target.importRun(parseLegacy(readFileSync(file, 'utf8'))),
  );
}
