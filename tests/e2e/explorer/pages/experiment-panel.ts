import type { Locator, Page } from '@playwright/test';

/** The workbench's experiment panel (repeat, strategy matrix, concurrency sweep) and its result. */
export class ExperimentPanel {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: 'Set up an experiment' }).click();
  }

  /** Picks the kind of experiment by the start of its label. */
  async choose(kind: 'Repeat' | 'Strategy matrix' | 'Concurrency sweep'): Promise<void> {
    await this.page.getByRole('radio', { name: new RegExp(`^${kind}`) }).check();
  }

  get strategies(): Locator {
    return this.page.getByRole('group', { name: 'Strategies, in this order' });
  }

  get countedRuns(): Locator {
    return this.page.getByLabel('Counted runs');
  }

  get warmupRuns(): Locator {
    return this.page.getByLabel(/^Warm-up runs/);
  }

  get maxConcurrency(): Locator {
    return this.page.getByLabel('Up to concurrency');
  }

  /** The panel's line saying what will run ("3 runs, one after another", "A pool at 1, 2, 4"). */
  plan(text: string): Locator {
    return this.page.getByText(text);
  }

  async run(): Promise<void> {
    await this.page.getByRole('button', { name: 'Run experiment' }).click();
  }

  async cancel(): Promise<void> {
    await this.page.getByRole('button', { name: 'Cancel experiment' }).click();
  }

  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Experiment progress' });
  }

  get result(): Locator {
    return this.page.getByRole('region', { name: 'Experiment result' });
  }

  get sweepPoints(): Locator {
    return this.result.getByRole('table', { name: 'Sweep points' });
  }

  get repeatStats(): Locator {
    return this.result.getByRole('table', { name: 'Repeat statistics' });
  }

  /** What the result says about a cancelled experiment. */
  get cancelledNote(): Locator {
    return this.page.getByText('Cancelled: the statistics count the runs that completed.');
  }

  /** An experiment opened in the History view, by the start of its name. */
  opened(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^Experiment ${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  }
}
