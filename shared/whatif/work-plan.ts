import { placeOf, workPlace, type WorkPlace } from '../findings/run-facts';
import type { TaskRecord } from '../protocol/task-record';
import { busy, openIntegral, sharedRate } from './contention';
import { mulberry32, taskDraws } from '../random/seeded-random';
import type { Scenario, TaskGroup } from '../scenario';

/** One attempt of a task as the replay runs it: its work at full speed, and how it ends. */
export interface AttemptPlan {
  /** Work time with nothing else competing for its place; Infinity for an attempt that only a timeout ends. */
  workMs: number;
  /**
   * Work done elsewhere (a server, a timer, a child) comes back to the loop, which then spends this long on it
   * (parsing an answer, the built-in target's own side): the part of a wait that more at once makes longer.
   */
  loopMs: number;
  outcome: 'ok' | 'error';
}

/** A task of the recorded run, ready to replay. */
export interface TaskPlan {
  index: number;
  group: number;
  kind: TaskGroup['kind'];
  /** Loop work runs one at a time, pool work shares `threadpoolSize` threads, work elsewhere is a pure wait. */
  place: WorkPlace;
  /** The attempts the task makes when nothing times out: every failed one, then the last (ok or not). */
  attempts: AttemptPlan[];
}

/** What decides the service times besides the records. */
export interface MachineShape {
  /** CPU cores the engine's threads can use at once. */
  cores: number;
  threadpoolSize: number;
}

/** Pool work that keeps a core busy: more threads than cores make it no faster. */
function isCpuBoundPoolWork(group: TaskGroup): boolean {
  return group.kind === 'crypto';
}

/** How many pool threads can work at full speed at once: `threadpoolSize`, bounded by the cores for CPU-bound pool work. */
export function poolCapacity(scenario: Scenario, machine: MachineShape): number {
  const cpuBound = scenario.tasks.some(isCpuBoundPoolWork);
  return cpuBound ? Math.min(machine.threadpoolSize, machine.cores) : machine.threadpoolSize;
}

function backoffMs(retryDelayMs: number, failedAttempts: number): number {
  let total = 0;
  for (let i = 0; i < failedAttempts; i += 1) total += retryDelayMs * 2 ** i;
  return total;
}

/** A task that never ran: its work is like its group's, its fate is what the seed gives its attempts. */
function unrecordedAttempts(scenario: Scenario, index: number, group: TaskGroup, typical: Work): AttemptPlan[] {
  const { seed, retries } = scenario.options;
  const nextDraw = taskDraws(seed, index, group.failRate);
  const attempts: AttemptPlan[] = [];
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    const draw = nextDraw();
    const fails = group.kind === 'http' && group.url === undefined ? builtInTargetFails(draw.seed, group.failRate) : draw.failInjected;
    attempts.push({ workMs: typical.workMs, loopMs: typical.loopMs, outcome: fails ? 'error' : 'ok' });
    if (!fails) break;
  }
  return attempts;
}

/** The built-in HTTP target draws its own failure first from the attempt's seed. */
function builtInTargetFails(attemptSeed: number, failRate: number): boolean {
  return mulberry32(attemptSeed)() < failRate;
}

type Work = Pick<AttemptPlan, 'workMs' | 'loopMs'>;

/**
 * The wait a task's spec states, when it states one: a timer's `ms`, the built-in HTTP target's `latencyMs`,
 * each with the jitter the seed gives its first attempt. Undefined for waits only the world decides.
 */
function statedWaitMs(group: TaskGroup, seed: number, index: number): number | undefined {
  const draw = taskDraws(seed, index, group.failRate)();
  if (group.kind === 'timer') return group.ms + draw.jitter * group.jitterMs;
  if (group.kind === 'http' && group.url === undefined) {
    const serverRandom = mulberry32(draw.seed);
    serverRandom();
    return group.latencyMs + serverRandom() * group.jitterMs;
  }
  return undefined;
}

/** What a group's task takes when none of the group was recorded: what its spec asks for. */
function specifiedWork(group: TaskGroup): Work {
  switch (group.kind) {
    case 'timer':
      return { workMs: group.ms + group.jitterMs / 2, loopMs: 0 };
    case 'cpu':
      return { workMs: group.ms, loopMs: 0 };
    case 'http':
      return { workMs: group.latencyMs + group.jitterMs / 2, loopMs: 0 };
    default:
      return { workMs: 1, loopMs: 0 };
  }
}

/** The group's typical attempt: the median of each part (numbers sorted natively: a group may hold a million tasks). */
function medianWork(works: readonly Work[]): Work | undefined {
  if (works.length === 0) return undefined;
  const middle = (values: Float64Array) => values.sort()[Math.floor(values.length / 2)] ?? 0;
  return { workMs: middle(Float64Array.from(works, (w) => w.workMs)), loopMs: middle(Float64Array.from(works, (w) => w.loopMs)) };
}

/** Per task that ran: how long its attempts spent working (backoff and timed-out attempts taken out), and over how many attempts. */
function spentPerAttempt(task: TaskRecord, scenario: Scenario): { spentMs: number; workingAttempts: number } {
  const { timeoutMs, retryDelayMs } = scenario.options;
  const timedOut = task.status === 'timeout' ? 1 : 0;
  const spentMs = Math.max(0, task.endMs - task.startMs - backoffMs(retryDelayMs, task.attempts - 1) - timedOut * timeoutMs);
  return { spentMs, workingAttempts: Math.max(1, task.attempts - timedOut) };
}

/**
 * How the recorded run's tasks competed: each task's share of full speed over its span (pool work shares its
 * threads; loop work under `workers` shares the cores; waits share the loop their answers come back to), and how
 * long the loop ran loop work during a span.
 */
function contentionOf(scenario: Scenario, records: readonly TaskRecord[], machine: MachineShape) {
  const ran = records.filter((task) => task.attempts > 0 && task.status !== 'cancelled');
  const at = (place: WorkPlace) => ran.filter((task) => placeOf(scenario, task) === place);
  const onWorkers = scenario.strategy.type === 'workers';
  const share = {
    threadpool: openIntegral(at('threadpool'), sharedRate(poolCapacity(scenario, machine))),
    loop: onWorkers ? openIntegral(at('loop'), sharedRate(machine.cores)) : (fromMs: number, toMs: number) => toMs - fromMs,
    elsewhere: openIntegral(at('elsewhere'), sharedRate(1)),
  };
  const loopBusy = openIntegral(onWorkers ? [] : at('loop'), busy);
  return {
    ran,
    shareOf: (task: TaskRecord) => (task.endMs > task.startMs ? share[placeOf(scenario, task)](task.startMs, task.endMs) / (task.endMs - task.startMs) : 1),
    loopBusyMs: (task: TaskRecord) => loopBusy(task.startMs, task.endMs),
  };
}

/**
 * Turns a recorded run into the work each task asks for: each attempt's time with what competed for it taken
 * out (pool work shared its threads, CPU work on workers shared the cores, a wait's answers shared the loop
 * with the others in flight and waited behind loop work), the attempts that failed (the records tell which:
 * every attempt before the last failed), timeouts as attempts only a timeout ends, and for tasks that never
 * ran (skipped), their group's typical work and the seed's verdict on their attempts.
 */
export function planWork(scenario: Scenario, records: readonly TaskRecord[], machine: MachineShape): TaskPlan[] {
  const { seed } = scenario.options;
  const contention = contentionOf(scenario, records, machine);
  const recorded = new Map<number, AttemptPlan[]>();
  const okWorkByGroup = new Map<number, Work[]>();
  for (const task of contention.ran) {
    const group = scenario.tasks[task.group];
    if (group === undefined) continue;
    const { spentMs, workingAttempts } = spentPerAttempt(task, scenario);
    const work = attemptWork(group, { spentMs, workingAttempts }, {
      share: contention.shareOf(task),
      loopBusyMs: contention.loopBusyMs(task),
      statedWaitMs: statedWaitMs(group, seed, task.index),
    });
    const attempts: AttemptPlan[] = [];
    for (let i = 0; i < task.attempts - 1; i += 1) attempts.push({ ...work, outcome: 'error' });
    attempts.push(task.status === 'timeout' ? { workMs: Infinity, loopMs: 0, outcome: 'error' } : { ...work, outcome: task.status === 'ok' ? 'ok' : 'error' });
    recorded.set(task.index, attempts);
    if (task.status !== 'ok') continue;
    const okWork = okWorkByGroup.get(task.group) ?? [];
    okWork.push(work);
    okWorkByGroup.set(task.group, okWork);
  }

  const plans: TaskPlan[] = [];
  let index = 0;
  scenario.tasks.forEach((group, groupIndex) => {
    const typical = medianWork(okWorkByGroup.get(groupIndex) ?? []) ?? specifiedWork(group);
    for (let i = 0; i < group.count; i += 1, index += 1) {
      const attempts = recorded.get(index) ?? unrecordedAttempts(scenario, index, group, typical);
      plans.push({ index, group: groupIndex, kind: group.kind, place: workPlace(group), attempts });
    }
  });
  return plans;
}

/** One attempt's work, from what its task spent and what it competed with. */
function attemptWork(
  group: TaskGroup,
  { spentMs, workingAttempts }: { spentMs: number; workingAttempts: number },
  { share, loopBusyMs, statedWaitMs }: { share: number; loopBusyMs: number; statedWaitMs: number | undefined },
): Work {
  const perAttemptMs = spentMs / workingAttempts;
  if (workPlace(group) !== 'elsewhere') return { workMs: perAttemptMs * share, loopMs: 0 };
  // A wait whose length only the world knows (a URL, a child) is taken whole as the wait.
  if (statedWaitMs === undefined) return { workMs: perAttemptMs, loopMs: 0 };
  // A stated wait: what the task spent past it went to the loop (the answer's handling on both sides), less
  // the loop work of others it sat behind, shared with the other waits in flight.
  const waitMs = Math.min(statedWaitMs, perAttemptMs);
  const excessMs = Math.max(0, spentMs - waitMs * workingAttempts - loopBusyMs);
  return { workMs: waitMs, loopMs: (excessMs * share) / workingAttempts };
}
