import { RunExportSchema, type RunExport } from '../../../shared/run/run-schema';
import { problemsToText, toProblems, type Problem } from '../../../shared/validation/format-issues';
import { RUN_EXPORT_FORMAT, RUN_EXPORT_VERSION } from './export-json';
import { consistencyProblems } from './import-consistency';
import { upgradeExportV1 } from './legacy-export';
import { errorMessage } from '../../../shared/errors/error-message';

/** Problems beyond this many are counted in the message rather than listed (`problems` keeps them all). */
const MAX_PROBLEMS_IN_MESSAGE = 50;

/** A file that cannot be imported; `problems` says everything that is wrong with it. */
export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(readonly problems: readonly Problem[]) {
    const listed = problems.slice(0, MAX_PROBLEMS_IN_MESSAGE);
    const more = problems.length - listed.length;
    super(`This is not a run export that can be imported:\n${problemsToText(listed)}${more > 0 ? `\n(and ${more} more problems)` : ''}`);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A wrong kind of file gets one clear problem instead of one per field it lacks. */
function kindOfFileProblems(value: unknown): Problem[] {
  if (!isObject(value)) return [{ path: '(root)', message: 'must be an object holding an exported run (export --format json)' }];
  if ('traceEvents' in value) {
    return [{ path: '(root)', message: 'is a trace export, which cannot be imported back; import the JSON export (export --format json)' }];
  }
  if (value.format !== RUN_EXPORT_FORMAT) {
    const got = value.format === undefined ? 'it is missing' : `got ${JSON.stringify(value.format)}`;
    return [{ path: 'format', message: `must be "${RUN_EXPORT_FORMAT}" (a run exported as JSON), ${got}` }];
  }
  if (typeof value.version === 'number' && value.version > RUN_EXPORT_VERSION) {
    return [
      { path: 'version', message: `is ${value.version}, but this version of Concurrency Explorer reads versions 1 to ${RUN_EXPORT_VERSION}; update it to import this file` },
    ];
  }
  return [];
}

/**
 * Checks exported JSON text completely (syntax, kind of file, every field, consistency) and returns the
 * run ready for `HistoryStore.importRun`, or throws an `ImportError` listing every problem.
 */
export function parseRunImport(text: string): RunExport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ImportError([{ path: '(root)', message: `is not valid JSON: ${errorMessage(error)}` }]);
  }
  const wrongKind = kindOfFileProblems(value);
  if (wrongKind.length > 0) throw new ImportError(wrongKind);
  if (isObject(value) && value.version === 1) value = upgradeExportV1(value);
  const result = RunExportSchema.safeParse(value);
  if (!result.success) throw new ImportError(toProblems(result.error.issues, value));
  const inconsistent = consistencyProblems(result.data);
  if (inconsistent.length > 0) throw new ImportError(inconsistent);
  return result.data;
}
