import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../../shared/errors/error-message';

/** The desktop app's own settings, kept in `settings.json` in the user data folder. */
export const AppSettingsSchema = z.object({
  /** Whether the packaged app asks the release feed for a newer version at start (Help > Check for Updates Automatically). */
  checkForUpdates: z.boolean().default(true),
});
export type AppSettings = z.output<typeof AppSettingsSchema>;

const DEFAULT_SETTINGS: AppSettings = AppSettingsSchema.parse({});

/**
 * Reads and writes the settings file. A file that is not valid JSON or not valid settings is reported once (its
 * path and what is wrong), the defaults are used, and the file is kept beside the new one as
 * `settings.invalid.json` before anything is written over it: nothing the user had is lost.
 */
export class AppSettingsFile {
  readonly #file: string;
  readonly #warn: (message: string) => void;
  #settings: AppSettings;
  #invalid: boolean;

  constructor(file: string, warn: (message: string) => void) {
    this.#file = file;
    this.#warn = warn;
    const read = this.#read();
    this.#settings = read.settings;
    this.#invalid = read.problem !== null;
    if (read.problem !== null) warn(`${file} ${read.problem}: using the default settings until a setting is changed.`);
  }

  get settings(): AppSettings {
    return this.#settings;
  }

  /** Changes settings and writes the file at once (atomically: a crash leaves the old file or the new one). */
  update(patch: Partial<AppSettings>): AppSettings {
    this.#settings = { ...this.#settings, ...patch };
    mkdirSync(path.dirname(this.#file), { recursive: true });
    if (this.#invalid) {
      const kept = path.join(path.dirname(this.#file), 'settings.invalid.json');
      copyFileSync(this.#file, kept);
      this.#warn(`The invalid settings file was kept as ${kept}.`);
      this.#invalid = false;
    }
    const temporary = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(this.#settings, null, 2)}\n`);
    renameSync(temporary, this.#file);
    return this.#settings;
  }

  #read(): { settings: AppSettings; problem: string | null } {
    if (!existsSync(this.#file)) return { settings: DEFAULT_SETTINGS, problem: null };
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(this.#file, 'utf8'));
    } catch (error) {
      return { settings: DEFAULT_SETTINGS, problem: `is not valid JSON (${errorMessage(error)})` };
    }
    const parsed = AppSettingsSchema.safeParse(value);
    if (parsed.success) return { settings: parsed.data, problem: null };
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { settings: DEFAULT_SETTINGS, problem: `has invalid settings (${issues.join('; ')})` };
  }
}
