/**
 * The engine process's `UV_THREADPOOL_SIZE` when a scenario names none (libuv's own default). Kept apart from the
 * scenario's schema, which gives it as its default, so that the CLI can start a run's engine before it loads zod.
 */
export const DEFAULT_THREADPOOL_SIZE = 4;
