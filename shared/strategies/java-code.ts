import type { PoolOnFailure } from '../scenario';
import type { RunnerStrategy } from './go-code';

const TASKS = 'List<Supplier<CompletableFuture<Void>>> tasks';

function method(returns: string, comment: string, body: string): string {
  return `static ${returns} run(${TASKS}) {
  // ${comment}
${body}
}`;
}

const START_ALL = '  CompletableFuture<?>[] futures = tasks.stream().map(Supplier::get).toArray(CompletableFuture[]::new);';

function poolCode(limit: number, onFailure: PoolOnFailure): string {
  const comment: Record<PoolOnFailure, string> = {
    'stop-slot': 'At the first failure the queued tasks are skipped: they never start.',
    reject: 'Completes at the first failure; the queued tasks still run on the pool, unobserved.',
    continue: 'Every task runs, and the result waits for all of them, every outcome kept.',
  };
  const skip = onFailure === 'stop-slot' ? '\n      if (failed.get()) return; // skipped' : '';
  const result: Record<PoolOnFailure, string> = {
    'stop-slot': '  return CompletableFuture.allOf(futures);',
    reject: `  CompletableFuture<Void> result = new CompletableFuture<>();
  for (CompletableFuture<?> f : futures) f.exceptionally(e -> { result.completeExceptionally(e); return null; });
  CompletableFuture.allOf(futures).thenRun(() -> result.complete(null));
  return result;`,
    continue: '  return CompletableFuture.allOf(Arrays.stream(futures).map(f -> f.handle((v, e) -> e)).toArray(CompletableFuture[]::new));',
  };
  return `static final ExecutorService POOL = Executors.newFixedThreadPool(${limit});

static CompletableFuture<Void> run(${TASKS}) {
  // ${comment[onFailure]}
  AtomicBoolean failed = new AtomicBoolean();
  CompletableFuture<?>[] futures = tasks.stream().map(task -> CompletableFuture.runAsync(() -> {${skip}
      try {
        task.get().join(); // each task holds one of the ${limit} threads until it ends
      } catch (CompletionException e) {
        failed.set(true);
        throw e;
      }
    }, POOL)).toArray(CompletableFuture[]::new);
${result[onFailure]}
}`;
}

/**
 * The plain Java a strategy amounts to, with its size filled in: what `runners/java/Runner.java` does, without
 * the measuring. Shown by "Show code" for a scenario on Java; null for `callbacks`, which has no Java idiom.
 */
export function javaStrategyCode(strategy: RunnerStrategy): string | null {
  switch (strategy.type) {
    case 'sequential':
      return method(
        'void',
        'One at a time: the next task starts only when this one is done; the first failure ends the loop.',
        '  for (Supplier<CompletableFuture<Void>> task : tasks) task.get().join();',
      );
    case 'all':
      return method(
        'CompletableFuture<Void>',
        'Completes when every task has; exceptionally (with a failure) if any failed.',
        `${START_ALL}\n  return CompletableFuture.allOf(futures);`,
      );
    case 'allSettled':
      return method(
        'CompletableFuture<Void>',
        'Waits for every task; handle() turns each failure into a value, so every outcome is kept.',
        `${START_ALL}\n  return CompletableFuture.allOf(Arrays.stream(futures).map(f -> f.handle((v, e) -> e)).toArray(CompletableFuture[]::new));`,
      );
    case 'race':
      return method(
        'CompletableFuture<Object>',
        'Completes with the first task to complete, success or failure; the rest run on, unobserved.',
        `${START_ALL}\n  return CompletableFuture.anyOf(futures);`,
      );
    case 'any':
      return method(
        'CompletableFuture<Void>',
        'The first success: the JDK has no such combinator, so each success completes one future.',
        `${START_ALL}
  CompletableFuture<Void> first = new CompletableFuture<>();
  for (CompletableFuture<?> f : futures) f.thenRun(() -> first.complete(null));
  CompletableFuture.allOf(futures).whenComplete((v, e) -> { if (e != null) first.completeExceptionally(e); });
  return first;`,
      );
    case 'callbacks':
      return null; // Node's own idiom: the scenario check refuses it on Java
    case 'pool':
      return poolCode(strategy.concurrency, strategy.onFailure ?? 'stop-slot');
    case 'batch':
      return method(
        'void',
        'Each batch runs at once; the next starts when the whole batch is done; a failure ends the loop.',
        `  int size = ${strategy.size};
  for (int begin = 0; begin < tasks.size(); begin += size) {
    CompletableFuture<?>[] batch = tasks.subList(begin, Math.min(begin + size, tasks.size())).stream()
        .map(Supplier::get).toArray(CompletableFuture[]::new);
    CompletableFuture.allOf(batch).join();
  }`,
      );
    case 'workers':
      return `static final ExecutorService THREADS = Executors.newFixedThreadPool(${strategy.threads});

static CompletableFuture<Void> run(${TASKS}) {
  // Each task runs on one of ${strategy.threads} threads: CPU work runs in parallel, up to the cores.
  CompletableFuture<?>[] futures = tasks.stream()
      .map(task -> CompletableFuture.runAsync(() -> task.get().join(), THREADS))
      .toArray(CompletableFuture[]::new);
  return CompletableFuture.allOf(futures);
}`;
    case 'structured':
      return method(
        'CompletableFuture<Void>',
        'Fail fast and cancel the rest: the first failure cancels every other future (each task stops its work).',
        `${START_ALL}
  for (CompletableFuture<?> f : futures) {
    f.whenComplete((v, e) -> {
      if (e != null) for (CompletableFuture<?> other : futures) other.cancel(true);
    });
  }
  return CompletableFuture.allOf(futures);`,
      );
  }
}
