import type { Preset } from '../../shared/presets/preset';
import type { SavedScenario } from '../../shared/run/saved-scenario';
import type { ExplorerApi } from './explorer-api';
import { FrameRateMeter } from './frame-rate.svelte';
import { RunHistory } from './history/run-history.svelte';
import { ScenarioLibrary } from './library/scenario-library.svelte';
import { nextFrame } from './run/frame-coalescer';
import { Workspace } from './workspace.svelte';

/** The top-level places of the app; `workbench` lives under "Scenarios" in the navigation. */
export type ExplorerView = 'scenarios' | 'workbench' | 'history' | 'compare';

/** The explorer as a whole: which view is shown and the state every view shares. */
export class Explorer {
  #view = $state<ExplorerView>('scenarios');
  readonly library: ScenarioLibrary;
  readonly workspace: Workspace;
  readonly history: RunHistory;
  readonly frameRate = new FrameRateMeter(nextFrame);

  constructor(api: ExplorerApi) {
    this.library = new ScenarioLibrary(api);
    this.workspace = new Workspace(api, this.library);
    this.history = new RunHistory(api);
  }

  get view(): ExplorerView { return this.#view; }

  /** Goes to a place of the navigation; the workbench keeps its scenario while away. */
  show(view: ExplorerView): void {
    this.#view = view;
    if (view === 'history' || view === 'compare') void this.history.refresh();
    if (view === 'scenarios') void this.library.refresh();
  }

  openPreset(preset: Preset): void {
    this.workspace.openPreset(preset);
    this.#view = 'workbench';
  }

  openSaved(saved: SavedScenario): void {
    this.workspace.openSaved(saved);
    this.#view = 'workbench';
  }

  openNew(): void {
    this.workspace.openNew();
    this.#view = 'workbench';
  }
}
