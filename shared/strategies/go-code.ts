import type { PoolOnFailure, Strategy } from '../scenario';

/** A strategy as the Go and Java runners take it: `structured` included, whether the scenario schema has it yet or not. */
export type RunnerStrategy = Strategy | { type: 'structured' };

const TASKS = 'tasks []func(ctx context.Context) error';

function everyTask(body: string, comment: string): string {
  return `func run(ctx context.Context, ${TASKS}) error {
  // ${comment}
${body}
}`;
}

const WAIT_GROUP_FIRST_ERROR = `  var wg sync.WaitGroup
  var once sync.Once
  var first error
  for _, task := range tasks {
    wg.Add(1)
    go func(task func(context.Context) error) {
      defer wg.Done()
      if err := task(ctx); err != nil {
        once.Do(func() { first = err })
      }
    }(task)
  }
  wg.Wait()
  return first`;

function poolCode(limit: number, onFailure: PoolOnFailure): string {
  const comment: Record<PoolOnFailure, string> = {
    'stop-slot': 'At the first failure the loop stops taking tasks: the rest never start.',
    reject: 'Returns at the first failure; the tasks already queued still run, unobserved.',
    continue: 'Every task runs, and the pool waits for all of them.',
  };
  const stop = onFailure === 'stop-slot' ? '\n    if failed.Load() {\n      break\n    }' : '';
  const launch = `  for _, task := range tasks {
    sem <- struct{}{} // blocks while ${limit} tasks hold a slot${stop}
    wg.Add(1)
    go func(task func(context.Context) error) {
      defer wg.Done()
      defer func() { <-sem }()
      if err := task(ctx); err != nil {
        failed.Store(true)
        errs <- err
      }
    }(task)
  }
  wg.Wait()
  close(errs)`;
  const body =
    onFailure === 'reject'
      ? `  go func() {\n${launch.replace(/^/gm, '  ')}\n  }()\n  return <-errs // the first error, or nil once every task has succeeded`
      : `${launch}\n  return <-errs // the first error, or nil`;
  return `func run(ctx context.Context, ${TASKS}) error {
  // ${comment[onFailure]}
  sem := make(chan struct{}, ${limit}) // a buffered channel as a semaphore
  errs := make(chan error, len(tasks))
  var wg sync.WaitGroup
  var failed atomic.Bool
${body}
}`;
}

/**
 * The plain Go a strategy amounts to, with its size filled in: what `runners/go/runner.go` does, without the
 * measuring. Shown by "Show code" for a scenario on Go; null for `callbacks`, which has no Go idiom.
 */
export function goStrategyCode(strategy: RunnerStrategy): string | null {
  switch (strategy.type) {
    case 'sequential':
      return everyTask(
        `  for _, task := range tasks {
    if err := task(ctx); err != nil {
      return err // the next task starts only when this one is done; the first error ends the loop
    }
  }
  return nil`,
        'One at a time.',
      );
    case 'all':
      return everyTask(WAIT_GROUP_FIRST_ERROR, 'A goroutine per task; the first error is kept, and Wait waits for every task.');
    case 'allSettled':
      return `func run(ctx context.Context, ${TASKS}) []error {
  // A goroutine per task; every error is collected.
  var wg sync.WaitGroup
  var mu sync.Mutex
  var errs []error
  for _, task := range tasks {
    wg.Add(1)
    go func(task func(context.Context) error) {
      defer wg.Done()
      if err := task(ctx); err != nil {
        mu.Lock()
        errs = append(errs, err)
        mu.Unlock()
      }
    }(task)
  }
  wg.Wait()
  return errs
}`;
    case 'race':
    case 'any': {
      const first = strategy.type === 'race' ? 'the first result, success or failure' : 'the first success (or the last error)';
      const check = strategy.type === 'race' ? '    return err' : '    if err == nil {\n      return nil\n    }\n    last = err';
      return everyTask(
        `  results := make(chan error, len(tasks)) // buffered: the goroutines that lose never block
  for _, task := range tasks {
    go func(task func(context.Context) error) { results <- task(ctx) }(task)
  }
  var last error
  for range tasks {
    err := <-results
${check}
  }
  return last`,
        `Takes ${first} off a channel; the other goroutines run on, unobserved.`,
      );
    }
    case 'callbacks':
      return null; // Node's own idiom: the scenario check refuses it on Go
    case 'pool':
      return poolCode(strategy.concurrency, strategy.onFailure ?? 'stop-slot');
    case 'batch':
      return `func run(ctx context.Context, ${TASKS}) error {
  const size = ${strategy.size}
  for begin := 0; begin < len(tasks); begin += size {
    end := begin + size
    if end > len(tasks) {
      end = len(tasks)
    }
    batch := tasks[begin:end]
    if err := all(ctx, batch); err != nil { // goroutines + WaitGroup, as \`all\`
      return err // the next batch starts only when this one is done; a failure ends the loop
    }
  }
  return nil
}`;
    case 'workers':
      return `func run(ctx context.Context, ${TASKS}) error {
  // ${strategy.threads} worker goroutines take tasks from a channel; Go runs them on up to GOMAXPROCS
  // threads at once, so CPU work scales with the cores.
  jobs := make(chan func(context.Context) error)
  var wg sync.WaitGroup
  var once sync.Once
  var first error
  for w := 0; w < ${strategy.threads}; w++ {
    wg.Add(1)
    go func() {
      defer wg.Done()
      for task := range jobs {
        if err := task(ctx); err != nil {
          once.Do(func() { first = err })
        }
      }
    }()
  }
  for _, task := range tasks {
    jobs <- task
  }
  close(jobs)
  wg.Wait()
  return first
}`;
    case 'structured':
      return `import "golang.org/x/sync/errgroup"

func run(ctx context.Context, ${TASKS}) error {
  // The first error cancels ctx, which every other task watches: they stop and end cancelled.
  g, ctx := errgroup.WithContext(ctx)
  for _, task := range tasks {
    task := task
    g.Go(func() error { return task(ctx) })
  }
  return g.Wait() // waits for every task, then returns the first error
}`;
  }
}
