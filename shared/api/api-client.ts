import { ApiError } from './api-error';
import {
  API_EVENT_NAMES,
  API_METHOD_NAMES,
  type ApiArgs,
  type ApiEventName,
  type ApiEventPayload,
  type ApiMethodName,
  type ApiResult,
} from './api-contract';
import type { ApiTransport } from './api-transport';
import { errorMessage } from '../errors/error-message';

type ArgsParameter<M extends ApiMethodName> = Record<string, never> extends ApiArgs<M>
  ? [args?: ApiArgs<M>]
  : [args: ApiArgs<M>];

type DomainOf<M> = M extends `${infer D}.${string}` ? D : never;

type MethodsOf<D extends string> = {
  [M in ApiMethodName as M extends `${D}.${infer Verb}` ? Verb : never]: (
    ...args: ArgsParameter<M>
  ) => Promise<ApiResult<M>>;
};

type EventSubscriptions = {
  [E in ApiEventName as `on${Capitalize<E>}`]: (listener: (payload: ApiEventPayload<E>) => void) => () => void;
};

/** The typed API: `api.history.get({ id })`, `api.onRunProgress(listener)`; errors are thrown as `ApiError`. */
export type ApiClient = { [D in DomainOf<ApiMethodName>]: MethodsOf<D> } & EventSubscriptions & {
  call<M extends ApiMethodName>(method: M, ...args: ArgsParameter<M>): Promise<ApiResult<M>>;
  subscribe<E extends ApiEventName>(event: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
};

/** Puts the typed API on top of a transport. */
export function createApiClient(transport: ApiTransport): ApiClient {
  async function call(method: string, args: unknown = {}): Promise<unknown> {
    let response;
    try {
      response = await transport.call(method, args);
    } catch (error) {
      throw error instanceof ApiError
        ? error
        : new ApiError('unavailable', `The backend could not be reached: ${errorMessage(error)}`);
    }
    if (response.ok) return response.result;
    throw ApiError.fromData(response.error);
  }
  const client: Record<string, unknown> = {
    call,
    subscribe: (event: string, listener: (payload: unknown) => void) => transport.subscribe(event, listener),
  };
  for (const name of API_METHOD_NAMES) {
    const [domain = '', verb = ''] = name.split('.');
    const methods = (client[domain] ??= {}) as Record<string, unknown>;
    methods[verb] = (args?: unknown) => call(name, args);
  }
  for (const name of API_EVENT_NAMES) {
    client[`on${name[0]!.toUpperCase()}${name.slice(1)}`] = (listener: (payload: unknown) => void) =>
      transport.subscribe(name, listener);
  }
  return client as ApiClient;
}
