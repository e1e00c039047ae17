import { z } from 'zod';
import { STRATEGY_TYPES, type Strategy, type StrategyType } from './strategy';
import { strategyText } from './strategy-text';
import { TASK_KINDS, type TaskKind } from './task-kinds';

/** The runtimes a scenario can run on: Node's own engine, or the runner of another language. */
export const RuntimeSchema = z.enum(['node', 'python', 'go', 'java']);
export type Runtime = z.output<typeof RuntimeSchema>;
export const RUNTIMES: readonly Runtime[] = RuntimeSchema.options;

/** How a runtime is named to people (pickers, tables, messages). */
export const RUNTIME_LABELS: Readonly<Record<Runtime, string>> = {
  node: 'Node.js',
  python: 'Python',
  go: 'Go',
  java: 'Java',
};

/**
 * Kinds only Node and Python run: `sqlite` needs a driver in the standard library, `module` (the user's own code,
 * the kind #11 adds) a way to load source at run time. Strings, so that the table holds before a kind exists.
 */
const NODE_AND_PYTHON_ONLY: readonly string[] = ['sqlite', 'module'];
/** Strategies that are one runtime's own idiom. */
const NODE_ONLY: readonly StrategyType[] = ['callbacks'];

const everyKindBut = (left: readonly string[]) => TASK_KINDS.filter((kind) => !left.includes(kind));
const everyStrategyBut = (left: readonly StrategyType[]) => STRATEGY_TYPES.filter((type) => !left.includes(type));

/**
 * The one table of what each runtime can run. A kind or strategy missing from a runtime's list is refused at
 * validation, naming both (`callbacks` is Node's own idiom; `sqlite` needs a driver in the standard library).
 * A new kind or strategy runs everywhere unless it is added to one of the lists above.
 */
export const RUNTIME_SUPPORT: Readonly<Record<Runtime, { kinds: readonly TaskKind[]; strategies: readonly StrategyType[] }>> = {
  node: { kinds: TASK_KINDS, strategies: STRATEGY_TYPES },
  python: { kinds: TASK_KINDS, strategies: everyStrategyBut(NODE_ONLY) },
  go: { kinds: everyKindBut(NODE_AND_PYTHON_ONLY), strategies: everyStrategyBut(NODE_ONLY) },
  java: { kinds: everyKindBut(NODE_AND_PYTHON_ONLY), strategies: everyStrategyBut(NODE_ONLY) },
};

/** Why `strategy` cannot run on `runtime`, or null when it can. */
export function unsupportedStrategy(runtime: Runtime, strategy: StrategyType): string | null {
  if (RUNTIME_SUPPORT[runtime].strategies.includes(strategy)) return null;
  return `strategy ${strategy} has no idiom in ${RUNTIME_LABELS[runtime]}; it runs on ${runtimesWith((r) => r.strategies.includes(strategy))}`;
}

/** Why a task of `kind` cannot run on `runtime`, or null when it can. */
export function unsupportedKind(runtime: Runtime, kind: TaskKind): string | null {
  if (RUNTIME_SUPPORT[runtime].kinds.includes(kind)) return null;
  return `task kind ${kind} is not supported in ${RUNTIME_LABELS[runtime]}; it runs on ${runtimesWith((r) => r.kinds.includes(kind))}`;
}

/**
 * Why `options.target` cannot be `target` on `runtime`, or null when it can: only the Node engine can serve the
 * built-in target itself (`in-engine`); every other runtime calls the target's own process.
 */
export function unsupportedTargetPlacement(runtime: Runtime, target: 'process' | 'in-engine' | undefined): string | null {
  if (target !== 'in-engine' || runtime === 'node') return null;
  return `target in-engine keeps the built-in HTTP target inside the Node engine, which ${RUNTIME_LABELS[runtime]} has not: leave it out, and the target runs in a process of its own`;
}

function runtimesWith(test: (support: (typeof RUNTIME_SUPPORT)[Runtime]) => boolean): string {
  return RUNTIMES.filter((r) => test(RUNTIME_SUPPORT[r]))
    .map((r) => RUNTIME_LABELS[r])
    .join(', ');
}

/** A strategy and where it ran, as tables and captions show them: `pool:4 on Python`. */
export function strategyOnRuntime(strategy: Strategy, runtime: Runtime): string {
  return `${strategyText(strategy)} on ${RUNTIME_LABELS[runtime]}`;
}
