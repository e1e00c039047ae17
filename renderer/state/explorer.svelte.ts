import { variantScenario, type Preset } from '../../shared/presets/preset';
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
import { nextFrame } from './run/frame-coalescer';
import { RunsUnderWay } from './run/runs-under-way.svelte';
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

  constructor(api: ExplorerApi & HistoryApi) {
    this.library = new ScenarioLibrary(api);
    this.workspace = new Workspace(api, this.library);
    this.history = new RunHistory(api);
    this.comparison = new Comparison(api);
    this.runsUnderWay = new RunsUnderWay(api);
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
    const variants = preset.variants.map((variant) => ({ label: variant.label, scenario: variantScenario(preset, variant) }));
    await this.experiment.start({ kind: 'variants', name: `All variants: ${preset.title}`.slice(0, 120), variants });
  }

  /** Runs a recorded run's exact scenario again, as a new run, in the workbench. */
  async rerun(run: Pick<RunDetail, 'id' | 'scenario'>): Promise<void> {
    this.workspace.openRerun(run.id, run.scenario);
    this.#showWorkbench();
    await this.workspace.run();
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

  #showWorkbench(): void {
    this.#workbenchOpened = true;
    this.#view = 'workbench';
  }
}
