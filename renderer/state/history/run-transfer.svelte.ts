import { ApiError } from '../../../shared/api/api-error';
import { MAX_IMPORT_TEXT_CHARS, type ExportedFile, type RunExportFormat } from '../../../shared/api/history-methods';
import type { Problem } from '../../../shared/validation/format-issues';
import { describeError, isNoDialogsError } from '../explorer-api';
import type { HistoryApi } from './history-api';

/** A file the import refused, with every problem found in it; nothing of it was stored. */
export interface ImportRefusal {
  fileName: string;
  message: string;
  problems: readonly Problem[];
}

/** A file's name and text, as a file picker or a drop gives them. */
export interface TextFile {
  name: string;
  text: string;
}

/** What the last import or export did, for a one-line notice. */
export type TransferNotice = { kind: 'imported'; ids: readonly number[]; fileNames: readonly string[] } | { kind: 'exported'; where: string };

/**
 * Exports and imports of runs. The desktop app has native dialogs (`dialogs.*`); the browser host answers
 * them `unavailable`, and then files come from a file picker or a drop and go out as downloads.
 */
export class RunTransfer {
  #refusals = $state.raw<readonly ImportRefusal[]>([]);
  #notice = $state.raw<TransferNotice | null>(null);
  #error = $state<string | null>(null);
  #busy = $state(false);
  #hasDialogs = true;
  readonly #api: HistoryApi;
  readonly #download: (file: ExportedFile) => void;
  readonly #imported: (ids: readonly number[]) => void | Promise<void>;

  constructor(api: HistoryApi, download: (file: ExportedFile) => void, imported: (ids: readonly number[]) => void | Promise<void>) {
    this.#api = api;
    this.#download = download;
    this.#imported = imported;
  }

  /** Files the last import refused, each with every problem. */
  get refusals(): readonly ImportRefusal[] { return this.#refusals; }
  get notice(): TransferNotice | null { return this.#notice; }
  get error(): string | null { return this.#error; }
  get busy(): boolean { return this.#busy; }

  /** Imports each file as a new run; a bad one is refused whole, with every problem, and the others still go in. */
  async importFiles(files: readonly TextFile[]): Promise<number[]> {
    const ids: number[] = [];
    const names: string[] = [];
    const refusals: ImportRefusal[] = [];
    this.#begin();
    for (const file of files) {
      if (file.text.length > MAX_IMPORT_TEXT_CHARS) {
        refusals.push(tooLarge(file));
        continue;
      }
      try {
        ids.push((await this.#api.history.import({ text: file.text })).id);
        names.push(file.name);
      } catch (error) {
        const refusal = refusalOf(error, file.name);
        if (refusal === null) {
          this.#error = `${file.name} could not be imported: ${describeError(error)}`;
          break;
        }
        refusals.push(refusal);
      }
    }
    this.#refusals = refusals;
    await this.#accept(ids, names);
    this.#busy = false;
    return ids;
  }

  /**
   * Imports through the desktop's Open dialog. False when this host has none: the caller then offers a file
   * picker instead (and is not asked again).
   */
  async importWithDialog(): Promise<boolean> {
    if (!this.#hasDialogs) return false;
    this.#begin();
    try {
      const picked = await this.#api.dialogs.importRun();
      this.#refusals = [];
      if (picked !== null) await this.#accept([picked.id], [picked.fileName]);
    } catch (error) {
      if (this.#noDialogs(error)) return false;
      const refusal = refusalOf(error, 'The chosen file');
      if (refusal === null) this.#error = `The run could not be imported: ${describeError(error)}`;
      else this.#refusals = [refusal];
    } finally {
      this.#busy = false;
    }
    return true;
  }

  /** Saves a run through the desktop's Save dialog, or as a download where there is none. */
  async exportRun(id: number, format: RunExportFormat): Promise<void> {
    this.#begin();
    try {
      if (this.#hasDialogs) {
        try {
          const saved = await this.#api.dialogs.exportRun({ id, format });
          if (saved !== null) this.#notice = { kind: 'exported', where: saved.path };
          return;
        } catch (error) {
          if (!this.#noDialogs(error)) throw error;
        }
      }
      const file = await this.#api.history.export({ id, format });
      this.#download(file);
      this.#notice = { kind: 'exported', where: file.fileName };
    } catch (error) {
      this.#error = `Run ${id} could not be exported: ${describeError(error)}`;
    } finally {
      this.#busy = false;
    }
  }

  dismissRefusals(): void {
    this.#refusals = [];
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  #begin(): void {
    this.#busy = true;
    this.#error = null;
    this.#notice = null;
  }

  async #accept(ids: readonly number[], fileNames: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    this.#notice = { kind: 'imported', ids, fileNames };
    await this.#imported(ids);
  }

  /** True (and remembered) when the error says this host serves no dialogs. */
  #noDialogs(error: unknown): boolean {
    if (!isNoDialogsError(error)) return false;
    this.#hasDialogs = false;
    return true;
  }
}

/** A refused import as the backend explains it (`bad_request` with every problem); null for any other failure. */
function refusalOf(error: unknown, fileName: string): ImportRefusal | null {
  if (!(error instanceof ApiError) || error.code !== 'bad_request') return null;
  return { fileName, message: error.message, problems: error.problems };
}

function tooLarge(file: TextFile): ImportRefusal {
  const limitMb = MAX_IMPORT_TEXT_CHARS / 1024 / 1024;
  return {
    fileName: file.name,
    message: `${file.name} is too large to import.`,
    problems: [{ path: '(file)', message: `must be at most ${limitMb} MB of text, got ${(file.text.length / 1024 / 1024).toFixed(1)} MB` }],
  };
}
