import path from 'node:path';
import { app, type BrowserWindow, dialog } from 'electron';
import type { FileChooser } from './file-chooser';

/** The operating system's Open and Save dialogs, modal to the app window when there is one. */
export function nativeFileChooser(parent: () => BrowserWindow | null): FileChooser {
  return {
    async chooseFileToOpen({ title, filters }) {
      const options = { title, filters, properties: ['openFile' as const] };
      const window = parent();
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave({ title, defaultFileName, filters }) {
      const options = { title, filters, defaultPath: path.join(app.getPath('documents'), defaultFileName) };
      const window = parent();
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
