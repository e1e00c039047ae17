import { getContext, setContext } from 'svelte';
import type { ApiClient } from '../../../shared/api/api-client';
import { describeError, isNoDialogsError } from '../explorer-api';

/** What a path field chooses: your code, or your SQLite file. */
export type TaskFilePurpose = 'module' | 'database';

/**
 * "Choose…" beside a task's file path: the desktop's Open dialog. Where the host has none (the browser host
 * answers `unavailable`), `available` turns false and the field stays a text box, checked like the rest.
 */
export class TaskFileChooser {
  #available = $state(false);
  #error = $state<string | null>(null);
  readonly #api: Pick<ApiClient, 'dialogs'>;

  /** `available`: whether this host may have dialogs (the desktop's bridge); a refusal turns it off anyway. */
  constructor(api: Pick<ApiClient, 'dialogs'>, available = true) {
    this.#api = api;
    this.#available = available;
  }

  get available(): boolean { return this.#available; }
  /** Why the last dialog failed; null when it did not. */
  get error(): string | null { return this.#error; }

  /** The absolute path the user chose, or null (cancelled, or no dialogs here). */
  async choose(purpose: TaskFilePurpose): Promise<string | null> {
    try {
      const chosen = await this.#api.dialogs.chooseTaskFile({ purpose });
      this.#error = null;
      return chosen?.path ?? null;
    } catch (error) {
      if (isNoDialogsError(error)) this.#available = false;
      else this.#error = `The file could not be chosen: ${describeError(error)}`;
      return null;
    }
  }
}

const CONTEXT_KEY = Symbol('task file chooser');

/** Makes the chooser usable by every path field below the calling component. */
export function provideTaskFileChooser(chooser: TaskFileChooser): void {
  setContext(CONTEXT_KEY, chooser);
}

/** The chooser `provideTaskFileChooser` gave, or null outside the app (component tests). */
export function taskFileChooser(): TaskFileChooser | null {
  return getContext<TaskFileChooser | undefined>(CONTEXT_KEY) ?? null;
}
