import type { Locator, Page } from '@playwright/test';

/** The History view: the run table with its filters, selection and actions, and a run or experiment opened in full. */
export class HistoryPage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByRole('region', { name: 'History' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Run history' });
  }

  /** The rendered rows with a run in them (the table renders only those in view). */
  get rows(): Locator {
    return this.table.locator('[role="row"][data-position]:not(.loading)');
  }

  /** "42 runs", "3 runs match · 2 selected". */
  get counts(): Locator {
    return this.view.locator('#history-counts');
  }

  get compareButton(): Locator {
    return this.view.getByRole('button', { name: 'Compare', exact: true });
  }

  get importProblems(): Locator {
    return this.page.getByRole('alert', { name: 'Import problems' });
  }

  get notice(): Locator {
    return this.view.getByRole('status').filter({ hasText: /^(Imported|Exported)/ });
  }

  /** Goes to the History view and waits for its first answer: the table, or the note that there is no run yet. */
  async show(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'History' }).click();
    await this.table.or(this.empty).waitFor();
  }

  /** The run names of the rendered rows, top to bottom. */
  async names(): Promise<string[]> {
    return this.rows.locator('button[data-column="open"]').allInnerTexts();
  }

  /** The cells of one column in the rendered rows (0 is the checkbox, 1 the run, 4 the wall time, ...). */
  column(index: number): Locator {
    return this.rows.locator(`[role="cell"]:nth-child(${index + 1})`);
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('button', { name: new RegExp(`^Open run ${escape(name)} #\\d+$`) }) });
  }

  async select(name: string): Promise<void> {
    await this.row(name).getByRole('checkbox').check();
  }

  async open(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: new RegExp(`^Open run ${escape(name)} #`) }).click();
  }

  /** Sorts by a column and waits for the rows in the new order. */
  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('columnheader', { name: column }).getByRole('button').click();
    await this.settled();
  }

  /** Waits until the rows shown answer the latest sort or filter (the table is `aria-busy` until then). */
  async settled(): Promise<void> {
    await this.table.and(this.page.locator(':not([aria-busy="true"])')).waitFor();
  }

  sortOf(column: string): Promise<string | null> {
    return this.table.getByRole('columnheader', { name: column }).getAttribute('aria-sort');
  }

  async deleteSelected(): Promise<void> {
    await this.view.getByRole('button', { name: 'Delete…' }).click();
    await this.view.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: /^Delete \d+ runs?$/ }).click();
  }

  async undo(): Promise<void> {
    await this.page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  }

  /** Opens the experiment a run belongs to from its row. */
  async openExperiment(runName: string, experimentName: string): Promise<void> {
    await this.row(runName).getByRole('button', { name: new RegExp(`^Open experiment ${escape(experimentName)}`) }).click();
  }

  /** A filter of the table: "Strategy", "Status" (selects), "Search", "Tag" (text). */
  filter(label: 'Strategy' | 'Status' | 'Search' | 'Tag'): Locator {
    return this.page.getByLabel(label);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  /** The strategy cells of the rendered rows. */
  get strategyCells(): Locator {
    return this.rows.getByRole('code');
  }

  columnHeader(name: string): Locator {
    return this.table.getByRole('columnheader', { name });
  }

  /** Ticks the run in the rendered row at `position` (0 is the top). */
  async selectAt(position: number): Promise<void> {
    await this.rows.nth(position).getByRole('checkbox').check();
  }

  /** The note after a delete ("Deleted 2 runs."). */
  deletedNote(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  get empty(): Locator {
    return this.page.getByText('No run recorded yet');
  }

  /** A run opened in full. */
  openedRun(name: string): Locator {
    return this.page.getByRole('region', { name: `Run ${name}` });
  }

  get openedRunTimeline(): Locator {
    return this.page.getByRole('img', { name: 'Task timeline' });
  }

  get openedRunSummary(): Locator {
    return this.page.getByRole('region', { name: 'Run summary' });
  }

  runHeading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** Exports the opened run in a format ("JSON", "CSV", ...). */
  async exportOpened(format: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Export run' }).getByRole('button', { name: format }).click();
  }

  async backToHistory(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to history' }).click();
  }

  /** The opened run's details form (name, tags, notes). */
  get details(): Locator {
    return this.page.getByRole('form', { name: 'Run details' });
  }

  async saveDetails(): Promise<void> {
    await this.details.getByRole('button', { name: 'Save changes' }).click();
  }

  /** Imports files through the file picker (the browser host has no Open dialog). */
  async importFiles(files: { name: string; text: string }[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.view.getByRole('button', { name: 'Import runs…' }).click();
    await (await chooser).setFiles(files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  }

  /** Drops files onto the view as a file manager would. */
  async dropFiles(files: { name: string; text: string }[]): Promise<void> {
    // Written as text: the screenshots script that uses this page object is type-checked without the DOM.
    const dataTransfer = await this.page.evaluateHandle(`(() => {
      const transfer = new DataTransfer();
      for (const file of ${JSON.stringify(files)}) transfer.items.add(new File([file.text], file.name, { type: 'application/json' }));
      return transfer;
    })()`);
    await this.view.dispatchEvent('dragenter', { dataTransfer });
    await this.view.dispatchEvent('drop', { dataTransfer });
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
