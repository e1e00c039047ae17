import { applySuggestion, type Finding, type FindingSuggestion } from '../../shared/findings';
import { variantScenario, type Preset } from '../../shared/presets/preset';
import { checkScenario, type Scenario } from '../../shared/scenario';
import type { RunDetail } from '../../shared/run/run-schema';
import type { SavedScenario } from '../../shared/run/saved-scenario';
import { Comparison } from './compare/comparison.svelte';
import { ExperimentSession } from './experiments/experiment-session.svelte';
import type { ExplorerApi } from './explorer-api';
import { FrameRateMeter } from './frame-rate.svelte';
import type { HistoryApi } from './history/history-api';
import { runMenuCommand } from './history/history-menu';
import { RunHistory } from './history/run-history.svelte';
import { ScenarioFiles } from './library/scenario-files.svelte';
import { ScenarioLibrary } from './library/scenario-library.svelte';
import type { Route, WorkbenchTarget } from './routing/route';
import { nextFrame } from './run/frame-coalescer';
import { RunsUnderWay } from './run/runs-under-way.svelte';
import { RuntimeCatalog } from './runtimes/runtime-catalog.svelte';
import { Workspace } from './workspace.svelte';

/** The top-level places of the app; `workbench` lives under "Scenarios" in the navigation. */
export type ExplorerView = 'scenarios' | 'workbench' | 'history' | 'compare';

/** The explorer as a whole: which view is shown and the state every view shares. */
export class Explorer {
  #view = $state<ExplorerView>('scenarios');
  #workbenchOpened = $state(false);
  readonly library: ScenarioLibrary;
  readonly workspace: Workspace;
  readonly history: RunHistory;
  readonly comparison: Comparison;
  /** "Open scenario file…" from the menu, the Scenarios view or a file picked in the page. */
  readonly scenarioFiles: ScenarioFiles;
  /** The latest experiment (repeat, matrix, sweep); a finished matrix lands in the comparison. */
  readonly experiment: ExperimentSession;
  readonly frameRate = new FrameRateMeter(nextFrame);
  /** Runs that were going on when the page loaded, which the workbench does not follow. */
  readonly runsUnderWay: RunsUnderWay;
  /** Which runtimes the backend's machine has, for the editor's picker and "Compare runtimes". */
  readonly runtimes: RuntimeCatalog;

  /** Where the app is, as the URL's hash names it. */
  readonly route: Route = $derived.by((): Route => {
    switch (this.#view) {
      case 'scenarios':
        return { view: 'scenarios' };
      case 'workbench':
        return { view: 'workbench', target: this.workspace.target };
      case 'history': {
        const run = this.history.opened;
        const experiment = this.history.openedExperiment;
        const open = run !== null ? { kind: 'run' as const, id: run.id } : experiment !== null ? { kind: 'experiment' as const, id: experiment.id } : null;
        return { view: 'history', open };
      }
      case 'compare':
        return { view: 'compare', ids: this.comparison.ids };
    }
  });

  constructor(api: ExplorerApi & HistoryApi) {
    this.library = new ScenarioLibrary(api);
    this.workspace = new Workspace(api, this.library, {}, () => this.experiment.active || this.runsUnderWay.experiment?.status === 'running');
    this.history = new RunHistory(api);
    this.comparison = new Comparison(api);
    this.runsUnderWay = new RunsUnderWay(api);
    this.runtimes = new RuntimeCatalog(api);
    this.experiment = new ExperimentSession(api, (result) => {
      if (result.kind === 'matrix') void this.compare(result.runs.map((run) => run.id));
    });
    this.scenarioFiles = new ScenarioFiles(api, (file) => {
      this.workspace.openFile(file);
      this.#showWorkbench();
    });
    api.onMenuCommand(({ command }) => {
      if (runMenuCommand(command, this.history, () => this.show('history'))) return;
      if (command === 'newScenario') this.openNew();
      else if (command === 'openScenario') void this.#openScenarioFromMenu();
    });
  }

  get view(): ExplorerView { return this.#view; }
  /** True once a scenario has been opened: the library then offers to go back to it. */
  get workbenchOpened(): boolean { return this.#workbenchOpened; }

  /** The connection to the backend is back after it was lost: what was missed meanwhile is caught up on. */
  reconnected(): void {
    void this.workspace.session?.resync();
    void this.experiment.resync();
    if (this.#view === 'history' || this.#view === 'compare') void this.history.refresh();
  }

  /** Goes to a place of the navigation; the workbench keeps its scenario while away. */
  show(view: ExplorerView): void {
    this.#view = view;
    if (view === 'history' || view === 'compare') void this.history.refresh();
    if (view === 'scenarios') void this.library.refresh();
  }

  /**
   * Goes to a place named by an address (a reload, Back, Forward): what is already open there is kept, so
   * going back to the workbench finds its scenario and run as they were.
   */
  async navigate(route: Route): Promise<void> {
    switch (route.view) {
      case 'scenarios':
        return this.show('scenarios');
      case 'workbench':
        return this.#navigateToWorkbench(route.target);
      case 'history':
        if (route.open === null) {
          this.history.close();
          return this.show('history');
        }
        if (route.open.kind === 'run') return void (await this.openRun(route.open.id));
        return void (await this.openExperiment(route.open.id));
      case 'compare':
        if (sameIds(route.ids, this.comparison.ids) || route.ids.length === 0) return this.show('compare');
        return this.compare(route.ids);
    }
  }

  /** Shows two or more runs side by side in the Compare view, the first as the baseline. */
  async compare(ids: readonly number[]): Promise<void> {
    this.show('compare');
    await this.comparison.load(ids);
  }

  /** Opens a recorded run in full in the History view. */
  async openRun(id: number): Promise<void> {
    this.show('history');
    await this.history.open(id);
  }

  /** Reopens an experiment as a whole in the History view. */
  async openExperiment(id: number): Promise<void> {
    this.show('history');
    await this.history.openExperiment(id);
  }

  openPreset(preset: Preset): void {
    this.workspace.openPreset(preset);
    this.#showWorkbench();
  }

  /**
   * Runs every variant of a built-in scenario as one experiment (stored as a matrix); when it is over the
   * Compare view opens with their runs, the first variant as the baseline.
   */
  async runAllVariants(preset: Preset): Promise<void> {
    const variants = preset.variants.map((variant) => ({ id: variant.id, label: variant.label, scenario: variantScenario(preset, variant) }));
    await this.experiment.start({ kind: 'variants', name: `All variants: ${preset.title}`.slice(0, 120), presetId: preset.id, variants });
  }

  /**
   * Runs the scenario once on every runtime installed here, as one experiment; its runs then open in the Compare
   * view on one time axis. Returns why runtimes were left out (not installed, or no idiom for the scenario).
   */
  async compareRuntimes(scenario: Scenario): Promise<string[]> {
    const { spec, leftOut } = await this.runtimes.comparison(scenario);
    const notes = leftOut.map((l) => l.reason);
    if (spec === null) return [`Fewer than two runtimes can run this scenario here. ${notes.join('; ')}`];
    const scenarioDir = this.workspace.scenarioDir;
    await this.experiment.start(scenarioDir === undefined ? spec : { ...spec, scenarioDir });
    return notes;
  }

  /**
   * Runs a recorded run's exact scenario again, as a new run, in the workbench: from the folder of its file that
   * the history recorded, so that its relative `module` and `database` paths start there again.
   */
  async rerun(run: Pick<RunDetail, 'id' | 'scenario' | 'scenarioDir'>): Promise<void> {
    this.workspace.openRerun(run.id, run.scenario, run.scenarioDir);
    this.#showWorkbench();
    await this.workspace.run();
  }

  /** "Try it" on a finding of the workbench's latest run (a saved one: the comparison needs it in the history). */
  async tryWorkbenchFinding(finding: Finding): Promise<void> {
    const runId = this.workspace.session?.runId ?? null;
    const scenario = this.workspace.runScenario;
    if (runId === null || scenario === null || finding.suggestion === undefined) return;
    await this.#tryFinding({ runId, scenario, scenarioDir: null, recorded: false }, finding.suggestion);
  }

  /** "Try it" on a finding of the run opened in History. */
  async tryOpenedRunFinding(finding: Finding): Promise<void> {
    const run = this.history.opened;
    if (run === null || finding.suggestion === undefined) return;
    await this.#tryFinding({ runId: run.id, scenario: run.scenario, scenarioDir: run.scenarioDir, recorded: true }, finding.suggestion);
  }

  /**
   * "Try it" on a finding of run `base`: its suggested variant of the run's scenario runs in the workbench,
   * and once it has completed the Compare view opens with `base` as the baseline. The variant of a recorded
   * run (opened from History) is a rerun: from outside the app, it asks before it executes code; the
   * workbench's own run keeps where its scenario came from. An invalid variant stays in the editor with its
   * problems, unrun.
   */
  async #tryFinding(base: { runId: number; scenario: Scenario; scenarioDir: string | null; recorded: boolean }, suggestion: FindingSuggestion): Promise<void> {
    const variant = applySuggestion(base.scenario, suggestion);
    const checked = checkScenario(variant);
    if (base.recorded && checked.ok) this.workspace.openRerun(base.runId, checked.scenario, base.scenarioDir);
    else this.workspace.loadVariant(variant);
    this.#showWorkbench();
    const before = this.workspace.session;
    await this.workspace.run();
    const session = this.workspace.session;
    if (session === null || session === before) return;
    const phase = await session.settled;
    if (phase === 'completed' && session.runId !== null && this.workspace.session === session) await this.compare([base.runId, session.runId]);
  }

  openSaved(saved: SavedScenario): void {
    this.workspace.openSaved(saved);
    this.#showWorkbench();
  }

  openNew(): void {
    this.workspace.openNew();
    this.#showWorkbench();
  }

  async #openScenarioFromMenu(): Promise<void> {
    await this.scenarioFiles.openWithDialog();
    // A file that could not be opened is explained where the button is.
    if (this.scenarioFiles.error !== null) this.show('scenarios');
  }

  async #navigateToWorkbench(target: WorkbenchTarget | null): Promise<void> {
    const current = this.workspace.target;
    if (target === null || (current !== null && sameTarget(target, current))) {
      return this.show(this.#workbenchOpened ? 'workbench' : 'scenarios');
    }
    if (target.kind === 'new') return this.openNew();
    if (target.kind === 'preset') {
      if (this.library.builtIn.length === 0) await this.library.refresh();
      const preset = this.library.builtIn.find((p) => p.id === target.presetId);
      if (preset === undefined) return this.show('scenarios');
      this.workspace.openPreset(preset, preset.variants.some((v) => v.id === target.variantId) ? target.variantId : undefined);
      return this.#showWorkbench();
    }
    if (!this.library.saved.some((saved) => saved.id === target.id)) await this.library.refresh();
    const saved = this.library.saved.find((s) => s.id === target.id);
    if (saved === undefined) return this.show('scenarios');
    this.openSaved(saved);
  }

  #showWorkbench(): void {
    this.#workbenchOpened = true;
    this.#view = 'workbench';
  }
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function sameTarget(a: WorkbenchTarget, b: WorkbenchTarget): boolean {
  if (a.kind === 'preset') return b.kind === 'preset' && a.presetId === b.presetId && a.variantId === b.variantId;
  if (a.kind === 'saved') return b.kind === 'saved' && a.id === b.id;
  return a.kind === b.kind;
}
