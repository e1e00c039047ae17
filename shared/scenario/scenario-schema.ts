import { z } from 'zod';
import { DEFAULT_THREADPOOL_SIZE } from '../protocol/threadpool-size';
import { DEFAULT_TRACE_SLICE_LIMIT } from '../runtime/runtime-slices';
import { wholeNumber } from '../validation/numbers';
import { formatVersion } from '../validation/format-version';
import { plainLines, plainText } from '../validation/plain-text';
import { RuntimeSchema, unsupportedKind, unsupportedStrategy, unsupportedTargetPlacement } from './runtime-support';
import { StrategySchema } from './strategy';
import { TaskGroupSchema } from './task-kinds';
import {
  MAX_FILE_BYTES_PER_RUN,
  MAX_RETRIES,
  MAX_TASKS_PER_RUN,
  MAX_THREADPOOL_SIZE,
  MAX_TIMEOUT_MS,
} from './limits';

export { DEFAULT_THREADPOOL_SIZE };

/** Run-wide options; every field has a default. */
export const ScenarioOptionsSchema = z.strictObject({
  /** Per-task (per-attempt) time limit; a task over it ends as `timeout`. */
  timeoutMs: wholeNumber(1, MAX_TIMEOUT_MS).default(30_000),
  /** Extra attempts after a failure or timeout. */
  retries: wholeNumber(0, MAX_RETRIES).default(0),
  /** Wait before the first retry; doubles at each further retry (exponential backoff). */
  retryDelayMs: wholeNumber(0, 60_000).default(100),
  /** `UV_THREADPOOL_SIZE` of the engine process: the libuv pool that fs and crypto use. */
  threadpoolSize: wholeNumber(1, MAX_THREADPOOL_SIZE).default(DEFAULT_THREADPOOL_SIZE),
  /** Makes jitter and injected failures reproducible. */
  seed: wholeNumber(0, 2 ** 31 - 1).default(1),
  /**
   * `tasks` records each task from the outside; `runtime` also records every callback of the event loop,
   * every thread-pool request and each worker thread's loop, at a cost in speed.
   */
  trace: z.enum(['tasks', 'runtime']).default('tasks'),
  /** In `runtime` mode: slices recorded before those shorter than 50 µs are merged per 1 ms. */
  traceSliceLimit: wholeNumber(1_000, 100_000_000).default(DEFAULT_TRACE_SLICE_LIMIT),
  /**
   * Where the built-in HTTP target server runs: absent (`process`), in a process of its own, so that the client
   * under test and the server never share a loop; `in-engine`, inside the Node engine, to show a server under load.
   */
  target: z.enum(['process', 'in-engine']).optional(),
});

/** The user's workload: what to run and how to schedule it. Version 1 of the format. */
export const ScenarioSchema = z
  .strictObject({
    version: formatVersion(1, 'scenario'),
    name: plainText().trim().min(1).max(120),
    description: plainLines().max(4000).optional(),
    /** Where the tasks run: Node's engine, or the runner of another language (`runners/`). */
    runtime: RuntimeSchema.default('node'),
    strategy: StrategySchema,
    options: ScenarioOptionsSchema.default(() => ScenarioOptionsSchema.parse({})),
    tasks: z.array(TaskGroupSchema).min(1).max(100),
  })
  .superRefine((scenario, ctx) => {
    const strategyRefused = unsupportedStrategy(scenario.runtime, scenario.strategy.type);
    if (strategyRefused !== null) ctx.addIssue({ code: 'custom', path: ['strategy', 'type'], message: strategyRefused });
    const targetRefused = unsupportedTargetPlacement(scenario.runtime, scenario.options.target);
    if (targetRefused !== null) ctx.addIssue({ code: 'custom', path: ['options', 'target'], message: targetRefused });
    scenario.tasks.forEach((group, index) => {
      const kindRefused = unsupportedKind(scenario.runtime, group.kind);
      if (kindRefused !== null) ctx.addIssue({ code: 'custom', path: ['tasks', index, 'kind'], message: kindRefused });
    });
    const total = scenario.tasks.reduce((sum, g) => sum + g.count, 0);
    if (total > MAX_TASKS_PER_RUN) {
      ctx.addIssue({
        code: 'custom',
        path: ['tasks'],
        message: `must add up to at most ${MAX_TASKS_PER_RUN.toLocaleString('en-US')} tasks, got ${total.toLocaleString('en-US')}`,
      });
    }
    const fileBytes = scenario.tasks.reduce(
      (sum, g) => sum + (g.kind === 'file-read' || g.kind === 'file-write' ? g.bytes * g.count : 0),
      0,
    );
    if (fileBytes > MAX_FILE_BYTES_PER_RUN) {
      ctx.addIssue({
        code: 'custom',
        path: ['tasks'],
        message: `file tasks must move at most ${MAX_FILE_BYTES_PER_RUN} bytes in all, got ${fileBytes}`,
      });
    }
  });

export type Scenario = z.output<typeof ScenarioSchema>;
export type ScenarioInput = z.input<typeof ScenarioSchema>;
