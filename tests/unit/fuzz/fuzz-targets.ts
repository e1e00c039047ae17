import fc from 'fast-check';
import { ImportError, importRunText } from '../../../electron/backend/transfer';
import type { HistoryStore } from '../../../electron/backend/history';
import { renderRunText, runsJson, type FinishedRun } from '../../../electron/cli/run/run-report';
import { PRESETS } from '../../../shared/presets';
import { checkScenario, checkScenarioText } from '../../../shared/scenario';
import { escapeControlCharacters } from '../../../shared/validation/control-characters';
import type { Problem } from '../../../shared/validation/format-issues';
import { makeMetrics, makeRunExport, makeScenario, makeTasks } from '../history/fixtures';

/** How one fuzzed input ended; anything thrown by a target is a crash. */
export type FuzzVerdict = 'accepted' | 'clear error';

/** A target of the fuzzing: inputs to try and what to do with one (throws on a crash or a broken promise). */
export interface FuzzTarget<T> {
  name: string;
  inputs: fc.Arbitrary<T>;
  attempt(input: T): FuzzVerdict;
}

const STACK_LINE = /\n\s+at .+:\d+/;
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A clear error names where and what, in words: no stack trace, never empty. */
function assertClear(problems: readonly Problem[]): void {
  if (problems.length === 0) throw new Error('refused without saying why');
  for (const p of problems) {
    if (p.path === '' || p.message === '') throw new Error(`a problem without path or message: ${JSON.stringify(p)}`);
    if (STACK_LINE.test(p.message)) throw new Error(`a stack trace in a problem: ${p.message}`);
  }
}

type Edit = [path: (string | number)[], value: unknown];

/**
 * `value` with each edit applied: an own key set (or added) at a path, to anything at all. Keys are defined, never
 * assigned, and only own keys are followed, so `__proto__` becomes a plain key as JSON.parse would make it.
 */
function edited(value: unknown, edits: readonly Edit[]): unknown {
  const copy = JSON.parse(JSON.stringify(value)) as unknown;
  for (const [path, replacement] of edits) {
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) {
      const next = Object.hasOwn(node, key) ? node[key] : undefined;
      if (typeof next !== 'object' || next === null) break;
      node = next as Record<string | number, unknown>;
    }
    const last = path[path.length - 1];
    if (last === undefined || typeof node !== 'object' || node === null) continue;
    try {
      Object.defineProperty(node, last, { value: replacement, enumerable: true, writable: true, configurable: true });
    } catch {
      // An array's `length` takes only a length: that edit is not made.
    }
  }
  return copy;
}

const KEYS = ['version', 'name', 'strategy', 'type', 'concurrency', 'options', 'timeoutMs', 'tasks', 'kind', 'count', 'ms', 'sql', 'command', 'args', 'run', 'format', 'startMs', 'queuedMs', 'endMs', 'status', 'error', 'metrics', 'samples', 'tags', 'createdAt', '__proto__', 'constructor'];
const pathArb = fc.array(fc.oneof(fc.constantFrom(...KEYS), fc.nat(12), fc.string()), { minLength: 1, maxLength: 5 });
const editsArb = fc.array(fc.tuple(pathArb, fc.anything({ withNullPrototype: true, withBigInt: false })), { minLength: 1, maxLength: 4 }) as fc.Arbitrary<Edit[]>;

/** Text cut, spliced or prefixed as a broken editor or transfer would leave it. */
function textMutations(base: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat(base.length).map((n) => base.slice(0, n)),
    fc.tuple(fc.nat(base.length), fc.string({ unit: 'binary', maxLength: 8 })).map(([at, s]) => base.slice(0, at) + s + base.slice(at)),
    fc.constantFrom('\uFEFF', '\uFEFF\uFEFF', ' ', '\u0000').map((prefix) => prefix + base),
  );
}

const presetScenarios = PRESETS.map((p) => p.scenario);

/** Scenario validation: anything, edited built-in scenarios, and broken scenario text. */
export const scenarioTarget: FuzzTarget<{ value: unknown } | { text: string }> = {
  name: 'scenario validation',
  inputs: fc.oneof(
    fc.anything().map((value) => ({ value })),
    fc.tuple(fc.constantFrom(...presetScenarios), editsArb).map(([base, edits]) => ({ value: edited(base, edits) })),
    fc.constantFrom(...presetScenarios).chain((base) => textMutations(JSON.stringify(base, null, 2))).map((text) => ({ text })),
    fc.string({ unit: 'binary' }).map((text) => ({ text })),
  ),
  attempt(input) {
    const check = 'text' in input ? checkScenarioText(input.text) : checkScenario(input.value);
    if (check.ok) return 'accepted';
    assertClear(check.problems);
    return 'clear error';
  },
};

const exportBase = makeRunExport({}, 5);
const exportText = JSON.stringify(exportBase);

/**
 * Import into a real history, streamed as the app does: edited and broken exports. A refused one must leave the history as it was;
 * an accepted one must import without an error.
 */
export function importTarget(store: HistoryStore): FuzzTarget<string> {
  return {
    name: 'import parsing',
    inputs: fc.oneof(
      editsArb.map((edits) => JSON.stringify(edited(exportBase, edits))),
      textMutations(exportText),
      fc.string({ unit: 'binary' }),
    ),
    attempt(text) {
      const before = store.countRuns();
      try {
        importRunText(store, text);
        if (store.countRuns() !== before + 1) throw new Error('an accepted import did not add exactly one run');
        return 'accepted';
      } catch (error) {
        if (!(error instanceof ImportError)) throw error;
        if (store.countRuns() !== before) throw new Error('a refused import changed the history');
        assertClear(error.problems);
        return 'clear error';
      }
    },
  };
}

const metrics = makeMetrics(makeTasks(6));
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.constantFrom('\u001b]0;title\u0007', '\u001b[2J\u001b[H', '\u009b31m', 'a\u202eb', '\r\n\t'));

/**
 * Terminal formatting: a finished run with any name and error, printed as `run` prints it (text and `--json`),
 * through the CLI's escaping. Nothing raw may reach the terminal, and the JSON must keep its meaning.
 */
export const terminalTarget: FuzzTarget<FinishedRun> = {
  name: 'terminal formatting',
  inputs: fc
    .record({
      name: anyText,
      error: fc.option(anyText, { nil: null }),
      status: fc.constantFrom('completed', 'cancelled', 'failed'),
      runId: fc.option(fc.nat(), { nil: null }),
      withMetrics: fc.boolean(),
    })
    .map(({ name, error, status, runId, withMetrics }) => ({
      scenario: { ...makeScenario(), name },
      outcome: { key: 'k', runId, status, metrics: withMetrics ? metrics : null, error },
      // Findings are printed under the summary: any text in them goes through the same escaping.
      findings: withMetrics ? [{ id: 'loop-blocked' as const, severity: 'problem' as const, title: name, detail: name, evidence: {} }] : [],
    })),
  attempt(run) {
    const text = escapeControlCharacters(renderRunText(run));
    const json = JSON.stringify({ runs: runsJson([run]) });
    const printedJson = escapeControlCharacters(json);
    if (RAW_CONTROL.test(text) || RAW_CONTROL.test(printedJson)) throw new Error('a control character reached the terminal');
    if (JSON.stringify(JSON.parse(printedJson)) !== JSON.stringify(JSON.parse(json))) throw new Error('escaping changed the JSON');
    return 'accepted';
  },
};

/** What a fuzzing pass found: how many inputs were tried and how each ended. */
export interface FuzzCounts {
  tried: number;
  clearError: number;
  accepted: number;
  crash: number;
  /** The first crash: the input and what it threw. */
  firstCrash: string | null;
}

/** Tries `runs` generated inputs of `target`, counting verdicts and crashes rather than stopping at the first. */
export function fuzz<T>(target: FuzzTarget<T>, runs: number, seed?: number): FuzzCounts {
  const counts: FuzzCounts = { tried: 0, clearError: 0, accepted: 0, crash: 0, firstCrash: null };
  for (const input of fc.sample(target.inputs, { numRuns: runs, seed })) {
    counts.tried += 1;
    try {
      if (target.attempt(input) === 'accepted') counts.accepted += 1;
      else counts.clearError += 1;
    } catch (error) {
      counts.crash += 1;
      counts.firstCrash ??= `${fc.stringify(input)}: ${(error as Error).stack ?? String(error)}`;
    }
  }
  return counts;
}
