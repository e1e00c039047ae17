import { z } from 'zod';
import { event, IdSchema, method, NoArgsSchema } from './define-api';
import { RUN_EXPORT_FORMATS } from './history-methods';

/** A text file the user picked in a native Open dialog. */
export interface OpenedTextFile {
  /** The file's name without its folder. */
  fileName: string;
  text: string;
  /**
   * The file's folder, absolute, where the host knows it (the desktop's Open dialog; a file picked in a browser
   * page has none): the scenario's relative `module` and `database` paths start there.
   */
  folder?: string;
}

/** The update the packaged app has downloaded in the background, waiting for a restart. */
export interface UpdateStatus {
  /** Its version, or null when no update is waiting. */
  readyVersion: string | null;
}

/**
 * Native file dialogs and updates, served by the desktop app's main process only: the browser host answers
 * `unavailable`, and the renderer uses a file input and a download there instead (and has nothing to update).
 */
export const desktopMethods = {
  /** Shows the Open dialog for a scenario file and returns its text for the editor; null when the user cancels. */
  'dialogs.openScenario': method(NoArgsSchema).returns<OpenedTextFile | null>(),
  /**
   * Shows the Open dialog for an exported run (JSON) and imports it as a new run; null when the user cancels.
   * A bad file is a `bad_request` listing every problem, and nothing is stored.
   */
  'dialogs.importRun': method(NoArgsSchema).returns<{ id: number; fileName: string } | null>(),
  /**
   * Shows the Open dialog for a file a task uses (`module`: your code; `database`: your SQLite file) and returns its
   * absolute path for the editor's field; null when the user cancels.
   */
  'dialogs.chooseTaskFile': method(z.strictObject({ purpose: z.enum(['module', 'database']) })).returns<{ path: string } | null>(),
  /** Shows the Save dialog for a run in `format` and writes the file; null when the user cancels. */
  'dialogs.exportRun': method(z.strictObject({ id: IdSchema, format: z.enum(RUN_EXPORT_FORMATS) })).returns<{
    path: string;
  } | null>(),
  /** Whether an update is downloaded and waiting; the renderer asks once at load, then listens to `updateReady`. */
  'updates.status': method(NoArgsSchema).returns<UpdateStatus>(),
  /** Quits the app and installs the downloaded update; `unavailable` when none is waiting. */
  'updates.restart': method(NoArgsSchema).returns<null>(),
};

/** What the application menu asks the renderer to do (the renderer then calls the matching method). */
export const MENU_COMMANDS = ['newScenario', 'openScenario', 'importRun', 'exportRun'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** One click on a menu item (or its keyboard shortcut). */
export interface MenuCommandPayload {
  command: MenuCommand;
}

/** An update finished downloading: the renderer offers "Restart to update". */
export interface UpdateReadyPayload {
  version: string;
}

/** Events only the desktop app sends: `onMenuCommand`, `onUpdateReady`. */
export const desktopEvents = {
  menuCommand: event<MenuCommandPayload>(),
  updateReady: event<UpdateReadyPayload>(),
};
