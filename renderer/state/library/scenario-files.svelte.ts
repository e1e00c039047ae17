import type { ApiClient } from '../../../shared/api/api-client';
import type { OpenedTextFile } from '../../../shared/api/desktop-methods';
import { MAX_SCENARIO_TEXT_CHARS } from '../../../shared/api/scenario-methods';
import { describeError, isNoDialogsError } from '../explorer-api';

/**
 * "Open scenario file…": the desktop's Open dialog, or where the host has none (the browser host answers
 * `unavailable`), a file the user picked in the page. What is opened goes to the editor as it is.
 */
export class ScenarioFiles {
  #error = $state<string | null>(null);
  #hasDialogs = true;
  readonly #api: Pick<ApiClient, 'dialogs'>;
  readonly #open: (file: OpenedTextFile) => void;

  constructor(api: Pick<ApiClient, 'dialogs'>, open: (file: OpenedTextFile) => void) {
    this.#api = api;
    this.#open = open;
  }

  /** Why the last file could not be opened; null when it was. */
  get error(): string | null { return this.#error; }

  /** Shows the Open dialog; false where there is none, and the page must offer a file picker instead. */
  async openWithDialog(): Promise<boolean> {
    if (!this.#hasDialogs) return false;
    try {
      const file = await this.#api.dialogs.openScenario();
      this.#error = null;
      if (file !== null) this.#open(file);
    } catch (error) {
      if (isNoDialogsError(error)) {
        this.#hasDialogs = false;
        return false;
      }
      this.#error = `The scenario file could not be opened: ${describeError(error)}`;
    }
    return true;
  }

  /** A file picked in the page; one too large for a scenario is refused with its size. */
  openPicked(file: { name: string; size: number; text: () => Promise<string> }): Promise<void> {
    if (file.size > MAX_SCENARIO_TEXT_CHARS) {
      this.#error = `${file.name} is ${(file.size / 1_000_000).toFixed(1)} MB; a scenario file can be at most ${MAX_SCENARIO_TEXT_CHARS / 1_000_000} MB.`;
      return Promise.resolve();
    }
    return file.text().then(
      (text) => {
        this.#error = null;
        this.#open({ fileName: file.name, text });
      },
      (error: unknown) => {
        this.#error = `${file.name} could not be read: ${describeError(error)}`;
      },
    );
  }
}
