import type { Locator, Page } from '@playwright/test';

/** The workbench: the scenario editor, Run/Cancel, the live timeline and charts, and the results. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByRole('region', { name: 'Scenario editor' });
  }

  get runRegion(): Locator {
    return this.page.getByRole('region', { name: 'Run', exact: true });
  }

  get runButton(): Locator {
    return this.runRegion.getByRole('button', { name: 'Run', exact: true });
  }

  get cancelButton(): Locator {
    return this.runRegion.getByRole('button', { name: 'Cancel', exact: true });
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Run progress' });
  }

  /** The run's state badge: "Running", "Completed", "Cancelled", "Failed". */
  get runStatus(): Locator {
    return this.runRegion.getByRole('status');
  }

  get summary(): Locator {
    return this.page.getByRole('region', { name: 'Run summary' });
  }

  get timelineCanvas(): Locator {
    return this.page.getByRole('img', { name: 'Task timeline' });
  }

  get jsonBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Scenario JSON', exact: true });
  }

  get jsonProblems(): Locator {
    return this.page.getByRole('list', { name: 'Scenario JSON problems' });
  }

  /** The live frame-rate readout of the page. */
  get frameRate(): Locator {
    return this.page.getByLabel(/^UI frame rate \d+ frames per second$/);
  }

  /** The figure of the run summary with this label, e.g. "Wall time". */
  figure(label: string): Locator {
    return this.summary.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  /** The workbench's title: the scenario's name, or the file's it came from. */
  title(name: string): Locator {
    return this.page.getByRole('heading', { level: 2, name });
  }

  /** A field of the scenario form by its exact label ("Count", "Duration", "Concurrency", "Name"). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  get strategy(): Locator {
    return this.page.getByRole('combobox', { name: 'Strategy', exact: true });
  }

  get unsavedChanges(): Locator {
    return this.page.getByText('Unsaved changes');
  }

  /** The note the form shows when the JSON cannot be edited as a form. */
  get formNote(): Locator {
    return this.page.getByRole('note');
  }

  /** The built-in scenario's explanation of what to look for. */
  get whatToNotice(): Locator {
    return this.page.getByText('What to notice');
  }

  /** Plain text of the workbench (a strategy's description, a chart's caption). */
  says(text: string): Locator {
    return this.page.getByText(text);
  }

  /** The strategy's code, after `showCode()`. */
  code(strategy: string): Locator {
    return this.page.getByLabel(`Plain TypeScript for ${strategy}`);
  }

  async showCode(): Promise<void> {
    await this.page.getByRole('button', { name: 'Show code' }).click();
  }

  /** A chart of the results by the start of its accessible name ("Latency histogram of 10 tasks"). */
  chart(name: RegExp): Locator {
    return this.page.getByRole('img', { name });
  }

  get orphans(): Locator {
    return this.page.getByRole('region', { name: /Orphaned tasks/ });
  }

  get errorsByMessage(): Locator {
    return this.page.getByRole('region', { name: 'Errors by message' });
  }

  get taskDetails(): Locator {
    return this.page.getByRole('region', { name: 'Task details' });
  }

  get timelineLegend(): Locator {
    return this.page.getByRole('group', { name: 'Timeline legend' });
  }

  /** The timeline's task table, after `showTaskTable()`. */
  get taskTable(): Locator {
    return this.page.getByRole('grid', { name: 'Tasks' });
  }

  async showTaskTable(): Promise<void> {
    await this.page.getByRole('button', { name: 'Show task table' }).click();
  }

  get timelineToolbar(): Locator {
    return this.page.getByRole('toolbar', { name: 'Timeline view' });
  }

  /** The visible time range the timeline's toolbar shows ("0 ms – 320 ms"). */
  get timelineRange(): Locator {
    return this.timelineToolbar.getByText(/ – /);
  }

  get tooltip(): Locator {
    return this.page.getByRole('tooltip');
  }

  /** The runs of this window and of others still going, listed after a reload. */
  get runsUnderWay(): Locator {
    return this.page.getByRole('region', { name: 'Runs under way' });
  }

  /** A button of the runs under way: `Cancel Slow timers`, `Open Slow timers in History`, ... */
  underWayButton(name: string): Locator {
    return this.runsUnderWay.getByRole('button', { name });
  }

  /** Saves the changes of a saved scenario under its name. */
  async saveChanges(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
  }

  tab(name: 'Form' | 'JSON'): Locator {
    return this.editor.getByRole('tab', { name });
  }

  async showTab(name: 'Form' | 'JSON'): Promise<void> {
    await this.tab(name).click();
  }

  async pasteJson(text: string): Promise<void> {
    await this.showTab('JSON');
    await this.jsonBox.fill(text);
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async save(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Save as…' }).click();
    await this.page.getByLabel('Scenario name').fill(name);
    await this.page.getByRole('form', { name: 'Save scenario as' }).getByRole('button', { name: 'Save' }).click();
  }
}
