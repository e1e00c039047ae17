import { placeOf, workPlace, type WorkPlace } from '../findings/run-facts';
import type { TaskRecord } from '../protocol/task-record';
import { mulberry32, taskDraws } from '../random/seeded-random';
import type { Scenario, Strategy, TaskGroup } from '../scenario';

/** One attempt of a task as the replay runs it: its work at full speed, and how it ends. */
export interface AttemptPlan {
  /** Work time with nothing else competing for its place; Infinity for an attempt that only a timeout ends. */
  workMs: number;
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
export function isCpuBoundPoolWork(group: TaskGroup): boolean {
  return group.kind === 'crypto';
}

/** How many pool threads can work at full speed at once: `threadpoolSize`, bounded by the cores for CPU-bound pool work. */
export function poolCapacity(scenario: Scenario, machine: MachineShape): number {
  const cpuBound = scenario.tasks.some(isCpuBoundPoolWork);
  return cpuBound ? Math.min(machine.threadpoolSize, machine.cores) : machine.threadpoolSize;
}

/** For each task, the share of full speed it got over its span, given how many others shared its place. */
function contentionShares(records: readonly TaskRecord[], competes: (task: TaskRecord) => boolean, capacity: number): Map<number, number> {
  const edges: { atMs: number; delta: number }[] = [];
  for (const task of records) {
    if (task.attempts === 0 || !competes(task)) continue;
    edges.push({ atMs: task.startMs, delta: 1 }, { atMs: task.endMs, delta: -1 });
  }
  edges.sort((a, b) => a.atMs - b.atMs || a.delta - b.delta);
  // The integral of the speed each job had, min(1, capacity / open), as a step function of time.
  const times: number[] = [];
  const integral: number[] = [];
  let open = 0;
  let sum = 0;
  let lastMs = edges[0]?.atMs ?? 0;
  for (const edge of edges) {
    sum += (edge.atMs - lastMs) * (open > 0 ? Math.min(1, capacity / open) : 1);
    lastMs = edge.atMs;
    open += edge.delta;
    times.push(edge.atMs);
    integral.push(sum);
  }
  const at = (ms: number): number => {
    let lo = 0;
    let hi = times.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((times[mid] ?? 0) <= ms) lo = mid;
      else hi = mid - 1;
    }
    return integral[lo] ?? 0;
  };
  const shares = new Map<number, number>();
  for (const task of records) {
    if (task.attempts === 0 || !competes(task) || task.endMs <= task.startMs) continue;
    shares.set(task.index, (at(task.endMs) - at(task.startMs)) / (task.endMs - task.startMs));
  }
  return shares;
}

function backoffMs(retryDelayMs: number, failedAttempts: number): number {
  let total = 0;
  for (let i = 0; i < failedAttempts; i += 1) total += retryDelayMs * 2 ** i;
  return total;
}

/** A task that never ran: its work is like its group's, its fate is what the seed gives its attempts. */
function unrecordedAttempts(scenario: Scenario, index: number, group: TaskGroup, typicalMs: number): AttemptPlan[] {
  const { seed, retries } = scenario.options;
  const nextDraw = taskDraws(seed, index, group.failRate);
  const attempts: AttemptPlan[] = [];
  for (let attempt = 0; attempt <= retries; attempt += 1) {
    const draw = nextDraw();
    const fails = group.kind === 'http' && group.url === undefined ? builtInTargetFails(draw.seed, group.failRate) : draw.failInjected;
    attempts.push({ workMs: typicalMs, outcome: fails ? 'error' : 'ok' });
    if (!fails) break;
  }
  return attempts;
}

/** The built-in HTTP target draws its own failure first from the attempt's seed. */
function builtInTargetFails(attemptSeed: number, failRate: number): boolean {
  return mulberry32(attemptSeed)() < failRate;
}

/** What a group's task takes when none of the group was recorded: what its spec asks for. */
function specifiedMs(group: TaskGroup): number {
  switch (group.kind) {
    case 'timer':
    case 'cpu':
      return group.ms + ('jitterMs' in group ? group.jitterMs / 2 : 0);
    case 'http':
      return group.latencyMs + group.jitterMs / 2;
    default:
      return 1;
  }
}

function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Turns a recorded run into the work each task asks for: each attempt's time with what competed for it taken
 * out (pool work shared its threads, CPU work on workers shared the cores), the attempts that failed (the
 * records tell which: every attempt before the last failed), timeouts as attempts only a timeout ends, and
 * for tasks that never ran (skipped), their group's typical time and the seed's verdict on their attempts.
 */
export function planWork(scenario: Scenario, records: readonly TaskRecord[], machine: MachineShape): TaskPlan[] {
  const recordedOn: Strategy = scenario.strategy;
  const groups = scenario.tasks;
  const placeOfTask = (task: TaskRecord) => placeOf(scenario, task);
  const poolShares = contentionShares(records, (t) => placeOfTask(t) === 'threadpool', poolCapacity(scenario, machine));
  const coreShares = recordedOn.type === 'workers' ? contentionShares(records, (t) => placeOfTask(t) === 'loop', machine.cores) : new Map<number, number>();
  const { timeoutMs, retryDelayMs } = scenario.options;

  const recorded = new Map<number, AttemptPlan[]>();
  const okWorkByGroup = new Map<number, number[]>();
  for (const task of records) {
    if (task.attempts === 0 || task.status === 'cancelled') continue;
    const share = poolShares.get(task.index) ?? coreShares.get(task.index) ?? 1;
    const timedOut = task.status === 'timeout' ? 1 : 0;
    const spentMs = Math.max(0, task.endMs - task.startMs - backoffMs(retryDelayMs, task.attempts - 1) - timedOut * timeoutMs);
    const perAttemptMs = (spentMs * share) / Math.max(1, task.attempts - timedOut);
    const attempts: AttemptPlan[] = [];
    for (let i = 0; i < task.attempts - 1; i += 1) attempts.push({ workMs: perAttemptMs, outcome: 'error' });
    attempts.push(task.status === 'timeout' ? { workMs: Infinity, outcome: 'error' } : { workMs: perAttemptMs, outcome: task.status === 'ok' ? 'ok' : 'error' });
    recorded.set(task.index, attempts);
    if (task.status !== 'ok') continue;
    const okWork = okWorkByGroup.get(task.group) ?? [];
    okWork.push(perAttemptMs);
    okWorkByGroup.set(task.group, okWork);
  }

  const plans: TaskPlan[] = [];
  let index = 0;
  groups.forEach((group, groupIndex) => {
    const typicalMs = median(okWorkByGroup.get(groupIndex) ?? []) ?? specifiedMs(group);
    for (let i = 0; i < group.count; i += 1, index += 1) {
      const attempts = recorded.get(index) ?? unrecordedAttempts(scenario, index, group, typicalMs);
      plans.push({ index, group: groupIndex, kind: group.kind, place: workPlace(group), attempts });
    }
  });
  return plans;
}
