import type { Locator, Page } from '@playwright/test';

/** The Compare view's comparison of two or more runs. */
export class ComparePage {
  constructor(readonly page: Page) {}

  get comparison(): Locator {
    return this.page.getByRole('region', { name: 'Comparison' });
  }

  get metrics(): Locator {
    return this.comparison.getByRole('table', { name: 'Metrics against the baseline' });
  }

  /** The metrics table's row of one metric (`wall time`, `throughput`, ...). */
  metric(label: string): Locator {
    return this.metrics.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${label}`) }) });
  }

  baseline(runName: string): Locator {
    return this.comparison.getByRole('radio', { name: new RegExp(runName) });
  }

  /** The baseline choices, one per run. */
  get baselines(): Locator {
    return this.comparison.getByRole('radio');
  }

  /** The ratio cell of a metric for the first run after the baseline. */
  ratio(label: string): Locator {
    return this.metric(label).locator('td').nth(1);
  }

  /** An overlaid chart by the start of its accessible name ("Latency CDF"). */
  chart(name: RegExp): Locator {
    return this.comparison.getByRole('img', { name });
  }

  /** The toolbar of each timeline, in order. */
  get timelineToolbars(): Locator {
    return this.comparison.getByRole('toolbar', { name: 'Timeline view' });
  }

  get timelines(): Locator {
    return this.comparison.getByRole('img', { name: 'Task timeline' });
  }
}
