import { ApiError, type ApiErrorCode } from '../../../shared/api/api-error';
import { HistoryError, type HistoryErrorCode } from '../history';
import type { ApiHandlers } from './api-endpoint';

const CODES: Record<HistoryErrorCode, ApiErrorCode> = {
  'not-found': 'not_found',
  invalid: 'bad_request',
  'read-only': 'unavailable',
  'cannot-open': 'unavailable',
  'newer-version': 'unavailable',
  'not-ours': 'unavailable',
};

/** The history store's clear refusals become API errors with the same message and problems. */
export function translateHistoryErrors(handlers: Partial<ApiHandlers>): Partial<ApiHandlers> {
  const translated: Record<string, (args: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [string, (args: never) => unknown][]) {
    translated[name] = async (args) => {
      try {
        return await handler(args);
      } catch (error) {
        if (error instanceof HistoryError) throw new ApiError(CODES[error.code], error.message, [...error.problems]);
        throw error;
      }
    };
  }
  return translated as Partial<ApiHandlers>;
}
