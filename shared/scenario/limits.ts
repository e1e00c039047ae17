/** Limits that keep a scenario from hurting the machine it runs on. */
/** Ten million: the largest run `npm run bench -- --scale` proves is recorded, stored and opened. */
export const MAX_TASKS_PER_RUN = 10_000_000;
export const MAX_TIMER_MS = 3_600_000;
export const MAX_CPU_MS = 60_000;
export const MAX_FILE_BYTES_PER_TASK = 64 * 1024 * 1024;
/** Bytes all file tasks of one run may write or read in total. */
export const MAX_FILE_BYTES_PER_RUN = 1024 * 1024 * 1024;
export const MAX_HTTP_BODY_BYTES = 16 * 1024 * 1024;
export const MAX_PBKDF2_ITERATIONS = 10_000_000;
export const MAX_CONCURRENCY = 10_000;
export const MAX_WORKER_THREADS = 64;
export const MAX_THREADPOOL_SIZE = 1024;
export const MAX_RETRIES = 10;
export const MAX_TIMEOUT_MS = 3_600_000;
