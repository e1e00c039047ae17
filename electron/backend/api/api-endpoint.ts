import { ApiError, type ApiResponse } from '../../../shared/api/api-error';
import {
  API_METHODS,
  isApiMethodName,
  type ApiMethodName,
  type ApiParsedArgs,
  type ApiResult,
} from '../../../shared/api/api-contract';
import type { ApiTransport } from '../../../shared/api/api-transport';
import { problemsToText, toProblems } from '../../../shared/validation/format-issues';
import type { ApiEventHub } from './event-hub';
import { errorMessage } from '../../../shared/errors/error-message';

/** The code that serves each method; it receives arguments already validated against the contract. */
export type ApiHandlers = {
  [M in ApiMethodName]: (args: ApiParsedArgs<M>) => ApiResult<M> | Promise<ApiResult<M>>;
};

/**
 * Serves the contract: refuses unknown methods, validates every call's arguments before its handler sees
 * them, and turns every failure into an `ApiError` as data. A method this host has no handler for
 * answers `unavailable`.
 */
export function createApiEndpoint(handlers: Partial<ApiHandlers>, events: ApiEventHub): ApiTransport {
  async function serve(method: unknown, args: unknown): Promise<unknown> {
    if (!isApiMethodName(method)) {
      throw new ApiError('unknown_method', `${JSON.stringify(method)} is not a method of the API`);
    }
    const handler = handlers[method] as ((args: unknown) => unknown) | undefined;
    if (handler === undefined) throw new ApiError('unavailable', `${method} is not available in this app`);
    const parsed = API_METHODS[method].args.safeParse(args);
    if (!parsed.success) {
      const problems = toProblems(parsed.error.issues, args);
      throw new ApiError('bad_request', `Bad arguments for ${method}:\n${problemsToText(problems)}`, problems);
    }
    return await handler(parsed.data);
  }

  return {
    async call(method: string, args: unknown): Promise<ApiResponse> {
      try {
        return { ok: true, result: await serve(method, args) };
      } catch (error) {
        if (error instanceof ApiError) return { ok: false, error: error.toData() };
        // The stack stays in the backend's log; the caller gets the message only.
        console.error(error);
        return { ok: false, error: internalError(method, error).toData() };
      }
    },
    subscribe: (event, listener) => events.subscribe(event, listener),
  };
}

function internalError(method: unknown, error: unknown): ApiError {
  const message = errorMessage(error);
  return new ApiError('internal', `${String(method)} failed: ${message}`);
}
