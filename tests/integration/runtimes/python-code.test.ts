import { execFile } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { STRATEGY_TYPES } from '../../../shared/scenario';
import { defaultStrategy, strategyCode, strategyCodeOn } from '../../../shared/strategies';
import { toolchainOf } from './runtime-harness';

const { status, title } = await toolchainOf('python');

describe('Show code per runtime', () => {
  it('Node shows the TypeScript it always did; Python shows its asyncio idiom, and nothing for callbacks', () => {
    expect(strategyCodeOn('node', { type: 'all' })).toBe(strategyCode({ type: 'all' }));
    expect(strategyCodeOn('python', { type: 'all' })).toContain('asyncio.gather(');
    expect(strategyCodeOn('python', { type: 'allSettled' })).toContain('return_exceptions=True');
    expect(strategyCodeOn('python', { type: 'race' })).toContain('asyncio.FIRST_COMPLETED');
    expect(strategyCodeOn('python', { type: 'pool', concurrency: 7, onFailure: 'continue' })).toContain('asyncio.Semaphore(7)');
    expect(strategyCodeOn('python', { type: 'workers', threads: 3 })).toContain('ThreadPoolExecutor(max_workers=3)');
    expect(strategyCodeOn('python', { type: 'callbacks' })).toBeNull();
  });
});

describe.skipIf(!status.available)(title, () => {
  it('every Python snippet is valid Python', async () => {
    const snippets = STRATEGY_TYPES.flatMap((type) => {
      const code = strategyCodeOn('python', defaultStrategy(type));
      return code === null ? [] : [code];
    });
    const forms = [{ type: 'pool', concurrency: 2, onFailure: 'reject' } as const, { type: 'pool', concurrency: 2, onFailure: 'continue' } as const];
    for (const strategy of forms) snippets.push(strategyCodeOn('python', strategy) ?? '');
    const checked = await new Promise<string>((resolve, reject) => {
      const child = execFile(status.path ?? 'python3', ['-c', 'import ast, json, sys\nfor s in json.load(sys.stdin): ast.parse(s)\nprint("ok")'], (error, out) =>
        error ? reject(error) : resolve(out.trim()),
      );
      child.stdin?.end(JSON.stringify(snippets));
    });
    expect(checked).toBe('ok');
  });
});
