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

  /** The figure of the run summary with this label, e.g. "Wall time". */
  figure(label: string): Locator {
    return this.summary.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd[1]');
  }

  async showTab(name: 'Form' | 'JSON'): Promise<void> {
    await this.editor.getByRole('tab', { name }).click();
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
