import type { z } from 'zod';
import type { EventSpec, MethodSpec } from './define-api';
import { consentMethods } from './consent-methods';
import { desktopEvents, desktopMethods } from './desktop-methods';
import { experimentEvents, experimentMethods } from './experiment-methods';
import { historyMethods } from './history-methods';
import { runEvents } from './run-events';
import { runMethods } from './run-methods';
import { runtimeMethods } from './runtime-methods';
import { scenarioMethods } from './scenario-methods';

/**
 * The whole API between the renderer and the backend, defined once. The backend validates every call
 * against these schemas; the Electron IPC bridge, the browser host's WebSocket and the renderer's typed
 * client are all derived from these two tables. `tests/unit/api/api-surface.test.ts` pins them.
 */
export const API_METHODS = {
  ...scenarioMethods,
  ...consentMethods,
  ...runMethods,
  ...runtimeMethods,
  ...historyMethods,
  ...experimentMethods,
  ...desktopMethods,
} satisfies Record<string, MethodSpec>;

/** Events the backend pushes; a client subscribes with `on` + the capitalised name (`onRunStarted`). */
export const API_EVENTS = {
  ...runEvents,
  ...experimentEvents,
  ...desktopEvents,
} satisfies Record<string, EventSpec>;

export type ApiMethods = typeof API_METHODS;
export type ApiMethodName = keyof ApiMethods;
/** What a caller passes (defaults may be left out). */
export type ApiArgs<M extends ApiMethodName> = z.input<ApiMethods[M]['args']>;
/** What the backend handler receives: the arguments after validation, defaults filled in. */
export type ApiParsedArgs<M extends ApiMethodName> = z.output<ApiMethods[M]['args']>;
export type ApiResult<M extends ApiMethodName> = ApiMethods[M] extends MethodSpec<z.ZodType, infer R> ? R : never;

export type ApiEvents = typeof API_EVENTS;
export type ApiEventName = keyof ApiEvents;
export type ApiEventPayload<E extends ApiEventName> = ApiEvents[E] extends EventSpec<infer P> ? P : never;

export const API_METHOD_NAMES = Object.keys(API_METHODS) as ApiMethodName[];
export const API_EVENT_NAMES = Object.keys(API_EVENTS) as ApiEventName[];

/** True when `name` is a method of the contract (own key only: `toString` is not a method). */
export function isApiMethodName(name: unknown): name is ApiMethodName {
  return typeof name === 'string' && Object.hasOwn(API_METHODS, name);
}

export function isApiEventName(name: unknown): name is ApiEventName {
  return typeof name === 'string' && Object.hasOwn(API_EVENTS, name);
}
