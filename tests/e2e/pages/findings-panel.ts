import type { Locator, Page } from '@playwright/test';
import type { FindingId } from '../../../shared/findings';

/** The Findings region of a finished run (workbench or History), and the built-in scenario's expectations. */
export class FindingsPanel {
  constructor(readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Findings', exact: true });
  }

  get list(): Locator {
    return this.region.getByRole('list', { name: 'Findings, worst first' });
  }

  /** One finding by its rule's stable id. */
  finding(id: FindingId): Locator {
    return this.list.getByRole('listitem').and(this.page.locator(`[data-finding="${id}"]`));
  }

  /** The button that chooses a finding (its severity and title). */
  chooser(id: FindingId): Locator {
    return this.finding(id).getByRole('button').first();
  }

  /** Chooses a finding from the keyboard: its title button focused, then Enter. */
  async chooseWithKeyboard(id: FindingId): Promise<void> {
    await this.chooser(id).focus();
    await this.page.keyboard.press('Enter');
  }

  tryIt(id: FindingId): Locator {
    return this.finding(id).getByRole('button', { name: /^Try it/ });
  }

  /** The timeline's selected time range (a finding's, once chosen). */
  get selectedRange(): Locator {
    return this.page.getByRole('region', { name: 'Selected range' });
  }

  /** The built-in scenario's expectations judged on this machine. */
  get expectations(): Locator {
    return this.page.getByRole('list', { name: 'Expectations on this machine' });
  }
}
