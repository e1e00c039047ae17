import type { Problem } from '../validation/format-issues';

/**
 * What went wrong with an API call:
 * - `bad_request`: the arguments do not match the method's schema (`problems` lists every one);
 * - `unknown_method` / `unknown_event`: the name is not in the contract;
 * - `not_found`: the thing named by the arguments does not exist;
 * - `unavailable`: this host cannot serve the method, or the connection to the backend is gone;
 * - `internal`: the backend failed; the message says how, without a stack trace.
 */
export const API_ERROR_CODES = ['bad_request', 'unknown_method', 'unknown_event', 'not_found', 'unavailable', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** An `ApiError` as plain data: this is how errors cross every transport. */
export interface ApiErrorData {
  code: ApiErrorCode;
  message: string;
  problems: Problem[];
}

/** The one error type API calls throw, on both sides of a transport. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly problems: Problem[];

  constructor(code: ApiErrorCode, message: string, problems: Problem[] = []) {
    super(message);
    this.code = code;
    this.problems = problems;
  }

  toData(): ApiErrorData {
    return { code: this.code, message: this.message, problems: this.problems.map((p) => ({ ...p })) };
  }

  /** Rebuilds an error from data that crossed a transport; anything malformed becomes an `internal` error. */
  static fromData(data: unknown): ApiError {
    if (!isErrorData(data)) return new ApiError('internal', 'The backend answered with an error in an unknown form');
    return new ApiError(data.code, data.message, data.problems);
  }
}

function isErrorData(data: unknown): data is ApiErrorData {
  if (data === null || typeof data !== 'object') return false;
  const { code, message, problems } = data as Record<string, unknown>;
  return (
    (API_ERROR_CODES as readonly unknown[]).includes(code) &&
    typeof message === 'string' &&
    Array.isArray(problems) &&
    problems.every((p) => p !== null && typeof p === 'object' && typeof p.path === 'string' && typeof p.message === 'string')
  );
}

/** The answer to one call as it crosses a transport: a result, or an error as data. */
export type ApiResponse = { ok: true; result: unknown } | { ok: false; error: ApiErrorData };
