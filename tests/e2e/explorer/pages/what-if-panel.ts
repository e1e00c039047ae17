import type { Locator, Page } from '@playwright/test';

/** "What if…" under a finished run: the strategy to predict, the figures, and the timelines side by side. */
export class WhatIfPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'What if…' });
  }

  get toggle(): Locator {
    return this.region.getByRole('button', { name: /^(What if…|Close what if)$/ });
  }

  get strategy(): Locator {
    return this.region.getByRole('combobox', { name: 'Strategy' });
  }

  /** The size field of a sized strategy, named as its guide names it ("Concurrency", "Batch size", "Threads"). */
  size(label: string): Locator {
    return this.region.getByRole('spinbutton', { name: label });
  }

  get runForReal(): Locator {
    return this.region.getByRole('button', { name: /^(Run it for real|Running…)$/ });
  }

  get figures(): Locator {
    return this.region.getByTestId('what-if-figures');
  }

  /** A row of the figures table ("Wall time", "Latency p99"): its cells. */
  figure(label: string): Locator {
    return this.figures.getByRole('row', { name: new RegExp(`^${label}\\b`) }).getByRole('cell');
  }

  /** One of the timelines: `recorded`, `predicted`, or `measured` (the real run's). */
  timeline(which: 'recorded' | 'predicted' | 'measured'): Locator {
    return this.region.getByTestId(`what-if-${which}`);
  }

  async open(): Promise<void> {
    await this.toggle.click();
    await this.figures.waitFor();
  }

  /** Picks the strategy to predict, and its size when given. */
  async predict(label: string, size?: { label: string; value: number }): Promise<void> {
    await this.strategy.selectOption({ label });
    if (size !== undefined) {
      await this.size(size.label).fill(String(size.value));
      await this.size(size.label).press('Enter');
    }
  }
}
