import { goStrategyCode, type RunnerStrategy } from './go-code';
import { javaStrategyCode } from './java-code';

export type { RunnerStrategy } from './go-code';
export { goStrategyCode } from './go-code';
export { javaStrategyCode } from './java-code';

/** "Show code" in a runner's own language: the language's name for the reader, and the code of a strategy. */
export interface RunnerCode {
  language: string;
  code(strategy: RunnerStrategy): string;
}

/** The runtimes whose strategies "Show code" shows in their own language (Node's is `strategyCode`, TypeScript). */
export const RUNNER_STRATEGY_CODE: Readonly<Partial<Record<string, RunnerCode>>> = {
  go: { language: 'Go', code: goStrategyCode },
  java: { language: 'Java', code: javaStrategyCode },
};
