import { ignore, type Strategy } from './strategy-run';

/** `for (const task of tasks) await task()`: one at a time; the first failure ends the loop. */
export const sequential: Strategy = ({ count, runTask }) => {
  const settled = (async () => {
    for (let index = 0; index < count; index += 1) await runTask(index, 0);
  })();
  return { settled, drained: settled.then(ignore, ignore) };
};
