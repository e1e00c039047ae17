import { type Command, InvalidArgumentError } from 'commander';
import { errorMessage } from '../../shared/errors/error-message';
import type { ReopenedExperiment } from '../../shared/experiments/experiment-summary';
import { MAX_MATRIX_STRATEGIES, MAX_SWEEP_LEVELS } from '../../shared/experiments/experiment-spec';
import type { RunDetail } from '../../shared/run/run-schema';
import { MAX_CONCURRENCY, parseStrategyText, type Strategy } from '../../shared/scenario';
import { resolveDatabasePath } from '../backend/data-dir';
import { HistoryStore } from '../backend/history/history-store';
import type { CliIo } from './cli-io';
import { UsageError } from './cli-error';

/*
 * Every parser of the CLI's flags and arguments, and the `--db` option with the history it opens: the
 * commands read their input through this one module.
 */

/** The whole number `text` spells (digits only), or undefined when it is not one or lies outside [min, max]. */
export function readWholeNumber(text: string, min: number, max: number = Number.MAX_SAFE_INTEGER): number | undefined {
  const n = Number(text);
  return /^\d+$/.test(text.trim()) && Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A commander argument parser for a whole number >= `min` (and <= `max` when given). */
export function wholeNumberOption(min: number, max?: number): (text: string) => number {
  return (text) => {
    const n = readWholeNumber(text, min, max);
    if (n !== undefined) return n;
    throw new InvalidArgumentError(max === undefined ? `must be a whole number >= ${min}` : `must be a whole number from ${min} to ${max}`);
  };
}

/** Reads a run id argument: a whole number >= 1. */
export function parseRunId(text: string): number {
  const id = readWholeNumber(text, 1);
  if (id === undefined) throw UsageError.of(`run id must be a whole number >= 1, got "${text}"`);
  return id;
}

/** The recorded run with this id; bad usage (exit 2) when there is none. */
export function requireRun(store: HistoryStore, id: number): RunDetail {
  const run = store.getRun(id);
  if (run === null) throw UsageError.of(`There is no run with id ${id} in ${store.path}.`);
  return run;
}

/** Reads an experiment id argument: a whole number >= 1. */
export function parseExperimentId(text: string): number {
  const id = readWholeNumber(text, 1);
  if (id === undefined) throw UsageError.of(`experiment id must be a whole number >= 1, got "${text}"`);
  return id;
}

/** The experiment with this id, reopened as a whole; bad usage (exit 2) when there is none. */
export async function requireExperiment(store: HistoryStore, id: number): Promise<ReopenedExperiment> {
  if (store.getExperiment(id) === null) throw UsageError.of(`There is no experiment with id ${id} in ${store.path}.`);
  // Loaded here, not with this module: its statistics libraries are most of what the other commands would load.
  const { loadExperiment } = await import('../backend/experiments');
  return loadExperiment(store, id);
}

/** Reads `--strategy`: one strategy in its short form (`pool:4`). */
export function strategyOption(text: string): Strategy {
  try {
    return parseStrategyText(text);
  } catch (error) {
    throw new InvalidArgumentError(errorMessage(error));
  }
}

/** A sized strategy named without its size in `--matrix` (`pool`): it runs with the scenario's own size. */
export type UnsizedStrategy = 'pool' | 'batch' | 'workers';
/** One entry of `--matrix`: a strategy, or a sized type whose size the scenario gives. */
export type MatrixEntry = Strategy | UnsizedStrategy;
const UNSIZED: readonly string[] = ['pool', 'batch', 'workers'] satisfies UnsizedStrategy[];

/** Reads `--matrix sequential,all,pool:4,pool`: the strategies in the order given (a bare `pool`: the scenario's size). */
export function matrixOption(text: string): MatrixEntry[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new InvalidArgumentError('give strategies separated by commas, as in sequential,all,pool:4');
  }
  if (items.length > MAX_MATRIX_STRATEGIES) {
    throw new InvalidArgumentError(`a matrix has at most ${MAX_MATRIX_STRATEGIES} strategies, got ${items.length}`);
  }
  return items.map((item) => (UNSIZED.includes(item) ? (item as UnsizedStrategy) : strategyOption(item)));
}

/** The levels `--sweep` gives: the highest of `pool:1..N`, or the list of `pool:5,10,20,40`. */
export type SweepLevelsOption = { maxConcurrency: number } | { concurrencies: number[] };

/** Reads `--sweep pool:1..N` (1, 2, 4, ... N) or `--sweep pool:5,10,20,40` (those sizes). */
export function sweepOption(text: string): SweepLevelsOption {
  const listed = /^pool:(\d[^.]*)$/.exec(text.trim());
  if (listed !== null) return { concurrencies: sweepList(listed[1] ?? '') };
  const match = /^([^:]*):([^.]*)\.\.(.*)$/.exec(text.trim());
  if (match === null) throw new InvalidArgumentError('must look like pool:1..N (as in pool:1..64) or list pool sizes (as in pool:5,10,20,40)');
  const [, type = '', from = '', to = ''] = match;
  if (type !== 'pool') {
    throw new InvalidArgumentError(`only a pool's concurrency can be swept: use pool:1..N, not ${type}:${from}..${to}`);
  }
  if (from !== '1') throw new InvalidArgumentError(`a sweep starts at concurrency 1: use pool:1..${to}, or list sizes as in pool:${from},${to}`);
  const max = readWholeNumber(to, 1, MAX_CONCURRENCY);
  if (max === undefined) throw new InvalidArgumentError(`N in pool:1..N must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${to}"`);
  return { maxConcurrency: max };
}

function sweepList(text: string): number[] {
  const items = text.split(',').map((item) => item.trim());
  if (items.length > MAX_SWEEP_LEVELS) throw new InvalidArgumentError(`a sweep has at most ${MAX_SWEEP_LEVELS} pool sizes, got ${items.length}`);
  return items.map((item) => {
    const level = readWholeNumber(item, 1, MAX_CONCURRENCY);
    if (level === undefined) throw new InvalidArgumentError(`each pool size in pool:5,10,20 must be a whole number from 1 to ${MAX_CONCURRENCY}, got "${item}"`);
    return level;
  });
}

/** Adds `--db PATH` to a command that reads or writes the run history. */
export function addDbOption(command: Command): Command {
  return command.option('--db <path>', 'history database file (default: $CONCURRENCY_EXPLORER_DB, else the per-user one)');
}

/**
 * Opens the history the flags and environment point at, hands it to `use`, and always closes it. A history
 * that cannot be written is opened read-only and said so at start; its writes (run, import, delete) are then
 * refused before they start anything. Runs left `running` by a process that has died (a killed CLI or app) are marked `interrupted` first, so that no
 * command shows them as still under way.
 */
export async function withHistory<T>(db: string | undefined, io: CliIo, use: (store: HistoryStore) => T | Promise<T>): Promise<T> {
  let path: string;
  try {
    path = resolveDatabasePath({ flag: db, env: io.env });
  } catch (error) {
    throw UsageError.of(errorMessage(error));
  }
  const store = HistoryStore.open(path, { readonlyWhenNotWritable: true });
  if (store.readOnly) io.err(`${store.readOnlyNotice()}\n`);
  try {
    store.markInterruptedRuns();
    return await use(store);
  } finally {
    store.close();
  }
}
