import type { Locator, Page } from '@playwright/test';

/** The app's start page. */
export class HomePage {
  constructor(readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Concurrency Explorer' });
  }

  get builtInScenarios(): Locator {
    return this.page.getByRole('list', { name: 'Built-in scenarios' });
  }

  /** The alert the page shows while its connection to the backend is lost. */
  get connectionLost(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'The connection to the backend was lost; reconnecting…' });
  }

  scenarioTitled(title: string): Locator {
    return this.builtInScenarios.getByRole('listitem').filter({ hasText: title });
  }

  /** The policy the page declares in its `<meta http-equiv="Content-Security-Policy">`. */
  contentSecurityPolicy(): Promise<string | null> {
    return this.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  }
}
