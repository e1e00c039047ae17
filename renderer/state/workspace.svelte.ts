import { expectationVerdicts, type ExpectationVerdict, type MachineLoad, type VariantRun } from '../../shared/presets/expectation-verdict';
import { variantScenario, type Preset } from '../../shared/presets/preset';
import type { OpenedTextFile } from '../../shared/api/desktop-methods';
import type { SavedScenario } from '../../shared/run/saved-scenario';
import type { Scenario, ScenarioInput } from '../../shared/scenario';
import { TimelineData } from '../timeline/data/timeline-data';
import { RuntimeTrackData } from '../timeline/runtime/runtime-track-data';
import { ExecConsent } from './consent/exec-consent.svelte';
import { ScenarioEditor } from './editor/scenario-editor.svelte';
import type { ExplorerApi } from './explorer-api';
import type { WorkbenchTarget } from './routing/route';
import type { ScenarioLibrary } from './library/scenario-library.svelte';
import { RunSession, type RunSessionOptions } from './run/run-session.svelte';

/** Where the scenario in the editor came from. */
export type ScenarioOrigin =
  | { kind: 'preset'; preset: Preset; variantId: string }
  | { kind: 'saved'; id: number; name: string }
  | { kind: 'file'; fileName: string; folder?: string }
  | { kind: 'rerun'; runId: number; name: string; folder?: string }
  | { kind: 'new' };

/**
 * A scenario from outside the app (a file opened or picked, or a recorded run run again: the history also holds
 * imported runs) is not the user's own: before its first run the user agrees to what it executes. Built-ins and
 * scenarios written or saved in the app never ask.
 */
export function isForeign(origin: ScenarioOrigin): boolean {
  return origin.kind === 'file' || origin.kind === 'rerun';
}

/** What "New scenario" starts from. */
export const BLANK_SCENARIO: ScenarioInput = {
  version: 1,
  name: 'New scenario',
  strategy: { type: 'pool', concurrency: 4 },
  options: { timeoutMs: 10_000 },
  tasks: [{ kind: 'timer', count: 16, ms: 100, jitterMs: 50 }],
};

/** A finished run kept aside with what it drew into: a built-in scenario's variant's latest result. */
interface KeptRun {
  session: RunSession;
  timeline: TimelineData;
  scenario: Scenario;
}

/**
 * The scenario being worked on: its editor, where it came from, and its latest run (with the timeline
 * data that run draws into). One run at a time: Run is refused while one is going on. Switching between
 * the variants of a built-in scenario keeps each variant's latest run and shows it again.
 */
export class Workspace {
  readonly editor = new ScenarioEditor(BLANK_SCENARIO);
  /** The question before the first run of a foreign scenario that executes code. */
  readonly consent: ExecConsent;
  #origin = $state.raw<ScenarioOrigin>({ kind: 'new' });
  #session = $state.raw<RunSession | null>(null);
  #timeline = $state.raw<TimelineData | null>(null);
  #runtime = $state.raw<RuntimeTrackData | null>(null);
  #runScenario = $state.raw<Scenario | null>(null);
  /** The latest run of each variant of the open preset but the shown one, by variant id. */
  readonly #variantRuns = new Map<string, KeptRun>();
  /** Counts changes to `#variantRuns` (a plain map), for what derives from it. */
  #variantRunsVersion = $state(0);
  /** The machine's cores and load, asked after each run: what a missed expectation is judged by. */
  #machine = $state.raw<MachineLoad | null>(null);
  readonly #api: ExplorerApi;
  readonly #library: ScenarioLibrary;
  readonly #sessionOptions: RunSessionOptions;
  readonly #experimentRunning: () => boolean;

  /** The scenario's name when it was opened or saved: the heading shows the place's own name until it changes. */
  #openedName = $state<string | null>(null);

  /**
   * The heading of the workbench: what it was opened as (a built-in's title, the saved name, the file name)
   * until the scenario's name is edited, then that name.
   */
  readonly title: string = $derived.by(() => {
    const origin = this.#origin;
    const name = draftName(this.editor.draft);
    if (name !== null && name !== this.#openedName) return name;
    if (origin.kind === 'preset') return origin.preset.title;
    if (origin.kind === 'saved') return origin.name;
    return origin.kind === 'file' ? origin.fileName : (name ?? 'New scenario');
  });

  /**
   * For a built-in scenario, once two or more of its variants have run here: each of its expectations that
   * their latest completed runs can decide, met or not on this machine, with the numbers and a likely reason.
   */
  readonly expectations: ExpectationVerdict[] = $derived.by(() => {
    const origin = this.#origin;
    void this.#variantRunsVersion;
    if (origin.kind !== 'preset') return [];
    const runs: Record<string, VariantRun> = {};
    const add = (variantId: string, session: RunSession | null, scenario: Scenario | null): void => {
      if (session?.phase === 'completed' && session.metrics !== null && scenario !== null) runs[variantId] = { metrics: session.metrics, scenario };
    };
    for (const [variantId, kept] of this.#variantRuns) add(variantId, kept.session, kept.scenario);
    add(origin.variantId, this.#session, this.#runScenario);
    return Object.keys(runs).length < 2 ? [] : expectationVerdicts(origin.preset, runs, this.#machine);
  });

  /** What an address can name of the scenario shown (a file has no address). */
  readonly target: WorkbenchTarget | null = $derived(targetOf(this.#origin));

  /** `experimentRunning` says when an experiment's runs are going on: a run beside them would skew their numbers. */
  constructor(api: ExplorerApi, library: ScenarioLibrary, sessionOptions: RunSessionOptions = {}, experimentRunning: () => boolean = () => false) {
    this.#api = api;
    this.consent = new ExecConsent(api);
    this.#library = library;
    this.#sessionOptions = sessionOptions;
    this.#experimentRunning = experimentRunning;
  }

  get origin(): ScenarioOrigin { return this.#origin; }
  /** The latest run, going on or over; null before the first Run. */
  get session(): RunSession | null { return this.#session; }
  get timeline(): TimelineData | null { return this.#timeline; }
  /** The runtime tracks of the current run, when it traces the runtime. */
  get runtime(): RuntimeTrackData | null { return this.#runtime; }
  /** The scenario the latest run started with (the editor may have changed since). */
  get runScenario(): Scenario | null { return this.#runScenario; }
  /** The folder of the scenario's file, where its relative `module` and `database` paths start; undefined when it has none. */
  get scenarioDir(): string | undefined {
    const origin = this.#origin;
    return origin.kind === 'file' || origin.kind === 'rerun' ? origin.folder : undefined;
  }
  get running(): boolean { return this.#session?.active ?? false; }
  /** True while an experiment runs: Run waits for it, by button and by shortcut alike. */
  get experimentRunning(): boolean { return this.#experimentRunning(); }
  /** Run is possible: the scenario is valid, and no run or experiment is going on. */
  get canRun(): boolean { return this.editor.scenario !== null && !this.running && !this.experimentRunning; }

  openPreset(preset: Preset, variantId: string = preset.variants[0]?.id ?? ''): void {
    const previous = this.#origin;
    const sameVariant = previous.kind === 'preset' && previous.preset.id === preset.id && previous.variantId === variantId;
    if (this.running && !sameVariant) return;
    const variant = preset.variants.find((v) => v.id === variantId);
    this.editor.load(variant === undefined ? preset.scenario : variantScenario(preset, variant));
    this.#origin = { kind: 'preset', preset, variantId };
    this.#openedName = draftName(this.editor.draft);
    if (sameVariant) return;
    if (previous.kind === 'preset' && previous.preset.id === preset.id) this.#switchVariant(previous.variantId, variantId);
    else this.#forgetRun();
  }

  openSaved(saved: SavedScenario): void {
    this.editor.load(saved.scenario);
    this.#origin = { kind: 'saved', id: saved.id, name: saved.name };
    this.#openedName = draftName(this.editor.draft);
    this.#forgetRun();
  }

  openNew(scenario: ScenarioInput = BLANK_SCENARIO): void {
    this.editor.load(scenario);
    this.#origin = { kind: 'new' };
    this.#openedName = null;
    this.#forgetRun();
  }

  /** A recorded run's exact scenario, to run again as a new run (from `folder`, its file's folder, when recorded). */
  openRerun(runId: number, scenario: Scenario, folder: string | null): void {
    if (this.running) return;
    this.editor.load(scenario);
    this.#origin = folder === null ? { kind: 'rerun', runId, name: scenario.name } : { kind: 'rerun', runId, name: scenario.name, folder };
    this.#openedName = draftName(this.editor.draft);
    this.#forgetRun();
  }

  /**
   * A variant of the shown run's scenario (a finding's suggestion) in the editor, to run next: where the
   * scenario came from stays, so a foreign one still asks before it executes code.
   */
  loadVariant(scenario: ScenarioInput): void {
    if (this.running) return;
    this.editor.load(scenario);
  }

  /** A scenario file from disk, as it is: saving it adds it to "My scenarios". */
  openFile(file: OpenedTextFile): void {
    this.editor.loadText(file.text);
    this.#origin = file.folder === undefined ? { kind: 'file', fileName: file.fileName } : { kind: 'file', fileName: file.fileName, folder: file.folder };
    this.#openedName = draftName(this.editor.draft);
    this.#forgetRun();
  }

  /** Saves over the opened saved scenario, or as a new one named `name`; false when refused. */
  async save(name?: string): Promise<boolean> {
    const scenario = this.editor.scenario;
    if (scenario === null) return false;
    const origin = this.#origin;
    const saveAsNew = name !== undefined || origin.kind !== 'saved';
    const savedName = name ?? (origin.kind === 'saved' ? origin.name : scenario.name);
    const saved = await this.#library.save(savedName, scenario, saveAsNew || origin.kind !== 'saved' ? undefined : origin.id);
    if (saved === null) return false;
    this.editor.markSaved();
    this.#origin = { kind: 'saved', id: saved.id, name: saved.name };
    this.#openedName = draftName(this.editor.draft);
    return true;
  }

  /** Whether `scenario` may run: always for the user's own; a foreign one that executes code asks first. */
  async mayRun(scenario: Scenario): Promise<boolean> {
    return !isForeign(this.#origin) || this.consent.confirm(scenario, this.scenarioDir);
  }

  /** Starts the scenario in the editor, with a fresh timeline; a foreign one that executes code asks first. */
  async run(): Promise<void> {
    const scenario = this.editor.scenario;
    if (scenario === null || !this.canRun) return;
    if (!(await this.mayRun(scenario))) return;
    this.#session?.dispose();
    const timeline = new TimelineData();
    const runtime = scenario.options.trace === 'runtime' ? new RuntimeTrackData() : null;
    const session = new RunSession(this.#api, timeline, runtime === null ? this.#sessionOptions : { ...this.#sessionOptions, runtime });
    this.#timeline = timeline;
    this.#runtime = runtime;
    this.#session = session;
    this.#runScenario = scenario;
    void session.settled.then(() => this.#api.runs.machine()).then(
      (machine) => (this.#machine = machine),
      // Without the machine's load a miss is shown without a reason; the verdicts stand.
      () => undefined,
    );
    // A file's relative `module` and `database` paths start from its folder (the history records it with the run).
    await session.start(scenario, this.scenarioDir);
  }

  async cancel(): Promise<void> {
    await this.#session?.cancel();
  }

  /** Keeps the shown run as `from`'s latest and shows `to`'s latest, if it has one. */
  #switchVariant(from: string, to: string): void {
    if (this.#session !== null && this.#timeline !== null && this.#runScenario !== null) {
      this.#variantRuns.set(from, { session: this.#session, timeline: this.#timeline, scenario: this.#runScenario });
    }
    const kept = this.#variantRuns.get(to);
    this.#variantRuns.delete(to);
    this.#session = kept?.session ?? null;
    this.#timeline = kept?.timeline ?? null;
    this.#runScenario = kept?.scenario ?? null;
    this.#variantRunsVersion++;
  }

  #forgetRun(): void {
    if (this.running) return;
    this.#session?.dispose();
    for (const kept of this.#variantRuns.values()) kept.session.dispose();
    this.#variantRuns.clear();
    this.#variantRunsVersion++;
    this.#session = null;
    this.#timeline = null;
    this.#runtime = null;
    this.#runScenario = null;
  }
}

function draftName(draft: unknown): string | null {
  const name = draft !== null && typeof draft === 'object' ? (draft as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
}

function targetOf(origin: ScenarioOrigin): WorkbenchTarget | null {
  if (origin.kind === 'preset') return { kind: 'preset', presetId: origin.preset.id, variantId: origin.variantId };
  if (origin.kind === 'saved') return { kind: 'saved', id: origin.id };
  return origin.kind === 'new' ? { kind: 'new' } : null;
}
