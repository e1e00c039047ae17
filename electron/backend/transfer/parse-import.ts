import { RunExportSchema, type RunExport } from '../../../shared/run/run-schema';
import { problemsToText, toProblems, type Problem } from '../../../shared/validation/format-issues';
import { versionMessage, withoutByteOrderMark } from '../../../shared/validation/format-version';
import { RUN_EXPORT_FORMAT, RUN_EXPORT_VERSION } from './export-json';
import { consistencyProblems } from './import-consistency';
import { plausibilityProblems } from './import-plausibility';
import { upgradeExportV1 } from './legacy-export';
import { errorMessage } from '../../../shared/errors/error-message';

/** Problems beyond this many are counted in a message rather than listed (`problems` keeps them all). */
export const MAX_PROBLEMS_IN_MESSAGE = 50;

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
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1 || version > RUN_EXPORT_VERSION) {
    const got = JSON.stringify(version) ?? 'nothing';
    return [{ path: 'version', message: `${versionMessage(version, RUN_EXPORT_VERSION, 'export', 1)}, got ${got}` }];
  }
  return [];
}

/**
 * Checks exported JSON text completely (syntax, kind of file, every field, consistency; a UTF-8 byte-order
 * mark at the start is accepted) and returns the run ready for `HistoryStore.importRun`, or throws an
 * `ImportError` listing every problem.
 */
export function parseRunImport(text: string): RunExport {
  let value: unknown;
  try {
    value = JSON.parse(withoutByteOrderMark(text));
  } catch (error) {
    throw new ImportError([{ path: '(root)', message: `is not valid JSON: ${errorMessage(error)}` }]);
  }
  const wrongKind = kindOfFileProblems(value);
  if (wrongKind.length > 0) throw new ImportError(wrongKind);
  if (isObject(value) && value.version === 1) value = upgradeExportV1(value);
  const result = RunExportSchema.safeParse(value);
  if (!result.success) throw new ImportError(toProblems(result.error.issues, value));
  const inconsistent = [...consistencyProblems(result.data), ...plausibilityProblems(result.data)];
  if (inconsistent.length > 0) throw new ImportError(inconsistent);
  return result.data;
}
