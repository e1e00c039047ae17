import { errorMessage } from '../../../shared/errors/error-message';

/**
 * What the app needs from a release feed (electron-updater's `autoUpdater` in the packaged app, a fake in tests).
 * Only `UpdateController` calls it, and only after deciding that checks are on.
 */
export interface UpdateFeed {
  /** Asks the feed for the newest release: its version when it is newer than the running app, else null. */
  check(): Promise<{ version: string } | null>;
  /** Downloads the release `check` found. */
  download(): Promise<void>;
  /** Quits the app and installs the downloaded release. */
  quitAndInstall(): void;
}

/** Why the app does or does not check for updates at this start. */
export type UpdateCheckDecision = { check: true } | { check: false; reason: string };

/**
 * Checks happen only in the packaged app (never in development, the tests or a smoke test, which all run
 * unpackaged or with `--smoke-test`) and only while the user's setting allows them.
 */
export function decideUpdateCheck(context: { packaged: boolean; smokeTest: boolean; checksEnabled: boolean }): UpdateCheckDecision {
  if (context.smokeTest) return { check: false, reason: 'a smoke test never checks for updates' };
  if (!context.packaged) return { check: false, reason: 'only the packaged app checks for updates' };
  if (!context.checksEnabled) return { check: false, reason: 'update checks are turned off in the settings' };
  return { check: true };
}

/** Where the update of this start is. */
export type UpdatePhase =
  | { phase: 'off'; reason: string }
  | { phase: 'checking' }
  | { phase: 'up-to-date' }
  | { phase: 'downloading'; version: string }
  | { phase: 'ready'; version: string }
  | { phase: 'failed'; message: string };

/** Raised by `restart` when there is no downloaded update to install. */
export class NoUpdateReadyError extends Error {
  override readonly name = 'NoUpdateReadyError';
}

/**
 * One start's update: checks the feed once, downloads a newer release in the background, then reports it ready
 * (`onReady`) so the renderer can offer "Restart to update"; the app goes on working meanwhile and a failure only
 * ends up in the log. With checks off, the feed is never even created: no network call at all.
 */
export class UpdateController {
  readonly #createFeed: () => UpdateFeed | Promise<UpdateFeed>;
  readonly #onReady: (version: string) => void;
  readonly #log: (message: string) => void;
  #feed: UpdateFeed | null = null;
  #phase: UpdatePhase = { phase: 'off', reason: 'not started' };

  constructor(options: { createFeed: () => UpdateFeed | Promise<UpdateFeed>; onReady: (version: string) => void; log: (message: string) => void }) {
    this.#createFeed = options.createFeed;
    this.#onReady = options.onReady;
    this.#log = options.log;
  }

  get phase(): UpdatePhase {
    return this.#phase;
  }

  /** The version waiting to be installed by a restart, or null. */
  get readyVersion(): string | null {
    return this.#phase.phase === 'ready' ? this.#phase.version : null;
  }

  /** Runs this start's check, as `decision` says; resolves when it has come to rest, and never rejects. */
  async start(decision: UpdateCheckDecision): Promise<void> {
    if (!decision.check) {
      this.#phase = { phase: 'off', reason: decision.reason };
      return;
    }
    try {
      this.#phase = { phase: 'checking' };
      this.#feed = await this.#createFeed();
      const found = await this.#feed.check();
      if (found === null) {
        this.#phase = { phase: 'up-to-date' };
        return;
      }
      this.#phase = { phase: 'downloading', version: found.version };
      this.#log(`Downloading update ${found.version} in the background.`);
      await this.#feed.download();
      this.#phase = { phase: 'ready', version: found.version };
      this.#onReady(found.version);
    } catch (error) {
      const message = errorMessage(error);
      this.#phase = { phase: 'failed', message };
      this.#log(`Update check failed (the app works on as it is): ${message}`);
    }
  }

  /** Quits and installs the downloaded update; throws `NoUpdateReadyError` when none is downloaded. */
  restart(): void {
    if (this.#phase.phase !== 'ready' || this.#feed === null) throw new NoUpdateReadyError('No update has been downloaded: there is nothing to restart into.');
    this.#feed.quitAndInstall();
  }
}
