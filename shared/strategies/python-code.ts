import type { Strategy } from '../scenario';

const TASKS = 'tasks: list[Callable[[], Awaitable[object]]]';

function at_once(body: string): string {
  return `import asyncio

async def run(${TASKS}):
${body}`;
}

/**
 * The plain asyncio a strategy amounts to in Python, with its size filled in: what the Python runner does,
 * without the measuring. Null for a strategy Python has no idiom for (`callbacks`).
 */
export function pythonStrategyCode(strategy: Strategy): string | null {
  switch (strategy.type) {
    case 'sequential':
      return `async def run(${TASKS}):
    results = []
    for task in tasks:
        results.append(await task())  # the next task starts only when this one is done
    return results`;
    case 'all':
      return at_once(`    # Raises at the first failure; the other tasks keep running, unobserved.
    return await asyncio.gather(*(task() for task in tasks))`);
    case 'allSettled':
      return at_once(`    # Waits for every task; a failure comes back as its exception, in place.
    return await asyncio.gather(*(task() for task in tasks), return_exceptions=True)`);
    case 'race':
    case 'any':
      return at_once(`    pending = {asyncio.ensure_future(task()) for task in tasks}
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        for future in done:
            ${strategy.type === 'race' ? 'return future.result()  # the first to finish, success or failure' : 'if future.exception() is None:\n                return future.result()  # the first success'}
    ${strategy.type === 'race' ? '' : 'raise RuntimeError("every task failed")  # '}# the rest keep running, unobserved`);
    case 'callbacks':
      return null;
    case 'pool':
      if ((strategy.onFailure ?? 'stop-slot') === 'stop-slot') {
        return at_once(`    limit = ${strategy.concurrency}
    results = [None] * len(tasks)
    next_index = 0

    async def slot():
        nonlocal next_index
        while next_index < len(tasks):
            i = next_index
            next_index += 1
            results[i] = await tasks[i]()  # a failure ends this slot; the others carry on, unobserved

    await asyncio.gather(*(slot() for _ in range(min(limit, len(tasks)))))
    return results`);
      }
      return at_once(`    semaphore = asyncio.Semaphore(${strategy.concurrency})

    async def limited(task):
        async with semaphore:
            return await task()

    # Every task runs, ${strategy.concurrency} at a time; ${strategy.onFailure === 'continue' ? 'the result waits for all of them.' : 'the result raises at the first failure.'}
    return await asyncio.gather(*(limited(task) for task in tasks)${strategy.onFailure === 'continue' ? ', return_exceptions=True' : ''})`);
    case 'batch':
      return at_once(`    size = ${strategy.size}
    results = []
    for i in range(0, len(tasks), size):
        results += await asyncio.gather(*(task() for task in tasks[i : i + size]))
    return results`);
    case 'workers':
      return `import asyncio
from concurrent.futures import ThreadPoolExecutor

pool = ThreadPoolExecutor(max_workers=${strategy.threads})

async def run(tasks: list[Callable[[], object]]):
    loop = asyncio.get_running_loop()
    # Each task runs on the first free thread. The GIL lets one thread run Python code at a time:
    # CPU-bound Python does not speed up, while work that releases it (hashlib, I/O) does.
    return await asyncio.gather(*(loop.run_in_executor(pool, task) for task in tasks))`;
    default:
      // \`structured\`, the strategy every runtime gains in #11: the first failure cancels the rest.
      return at_once(`    # Python 3.11+: leaving the group waits for every task; the first failure cancels the others.
    async with asyncio.TaskGroup() as group:
        running = [group.create_task(task()) for task in tasks]
    return [future.result() for future in running]`);
  }
}
