import type { Locator, Page } from '@playwright/test';

/** The Scenarios view: built-in experiments and the user's saved scenarios. */
export class ScenariosPage {
  constructor(readonly page: Page) {}

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' });
  }

  get builtIn(): Locator {
    return this.page.getByRole('list', { name: 'Built-in scenarios' });
  }

  get mine(): Locator {
    return this.page.getByRole('list', { name: 'My scenarios' });
  }

  async show(): Promise<void> {
    await this.navigation.getByRole('button', { name: 'Scenarios' }).click();
    await this.builtIn.waitFor();
  }

  /** Opens a built-in experiment in the workbench by its title. */
  async openBuiltIn(title: string): Promise<void> {
    await this.builtIn.getByRole('listitem').filter({ hasText: title }).getByRole('button', { name: 'Open' }).click();
  }

  /** "Open scenario file…", answering the page's file picker (the browser host has no native dialog). */
  async openFile(name: string, text: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Open scenario file…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  async newScenario(): Promise<void> {
    await this.page.getByRole('button', { name: 'New scenario' }).click();
  }

  savedItem(name: string): Locator {
    return this.mine.getByRole('listitem').filter({ has: this.page.getByRole('button', { name: `Open ${name}`, exact: true }) });
  }

  async openSaved(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Open ${name}`, exact: true }).click();
  }

  async rename(name: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Rename ${name}`, exact: true }).click();
    await this.page.getByLabel(`New name for ${name}`).fill(to);
    await this.page.getByRole('button', { name: 'Rename', exact: true }).click();
  }

  async duplicate(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Duplicate ${name}`, exact: true }).click();
  }

  async delete(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Delete ${name}`, exact: true }).click();
    await this.page.getByRole('group', { name: 'Confirm delete' }).getByRole('button', { name: `Delete ${name}` }).click();
  }
}
