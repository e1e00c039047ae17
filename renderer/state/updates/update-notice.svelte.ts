import { ApiError } from '../../../shared/api/api-error';
import type { UpdateReadyPayload, UpdateStatus } from '../../../shared/api/desktop-methods';
import { describeError } from '../explorer-api';

/** The part of the API the update notice uses (the desktop app serves it; the browser host answers `unavailable`). */
export interface UpdateApi {
  updates: { status(): Promise<UpdateStatus>; restart(): Promise<null> };
  onUpdateReady(listener: (payload: UpdateReadyPayload) => void): () => void;
}

/**
 * The "Restart to update" notice: shown once the desktop app has downloaded an update (told by `updateReady`, or
 * found waiting at load), never in the way: the user restarts when it suits them, or dismisses it (the update is
 * then installed when the app quits).
 */
export class UpdateNotice {
  readonly #api: UpdateApi;
  #version = $state<string | null>(null);
  #dismissed = $state(false);
  #restarting = $state(false);
  #error = $state<string | null>(null);

  constructor(api: UpdateApi) {
    this.#api = api;
  }

  /** The version to offer, or null when there is nothing to show. */
  get version(): string | null {
    return this.#dismissed ? null : this.#version;
  }

  get restarting(): boolean {
    return this.#restarting;
  }

  /** Why the restart failed, if it did. */
  get error(): string | null {
    return this.#error;
  }

  /** Listens for a downloaded update and asks whether one is already waiting; returns the unsubscribe. */
  start(): () => void {
    const stop = this.#api.onUpdateReady(({ version }) => this.#offer(version));
    this.#api.updates.status().then(
      ({ readyVersion }) => {
        if (readyVersion !== null) this.#offer(readyVersion);
      },
      (error: unknown) => {
        // The browser host has no updates: its `unavailable` means there is nothing to offer.
        if (!(error instanceof ApiError && error.code === 'unavailable')) this.#error = describeError(error);
      },
    );
    return stop;
  }

  /** Quits the app and installs the update; the page goes away with the app unless the restart fails. */
  async restart(): Promise<void> {
    this.#restarting = true;
    this.#error = null;
    try {
      await this.#api.updates.restart();
    } catch (error) {
      this.#error = describeError(error);
      this.#restarting = false;
    }
  }

  dismiss(): void {
    this.#dismissed = true;
  }

  #offer(version: string): void {
    this.#version = version;
    this.#dismissed = false;
  }
}
