import path from 'node:path';
import type { ApiClient } from '../../../shared/api/api-client';
import { ApiError } from '../../../shared/api/api-error';
import type { RunExportFormat } from '../../../shared/api/history-methods';
import { MAX_IMPORT_TEXT_CHARS } from '../../../shared/api/history-methods';
import { MAX_SCENARIO_TEXT_CHARS } from '../../../shared/api/scenario-methods';
import type { ApiHandlers } from '../../backend/api/api-endpoint';
import { readChosenTextFile, writeChosenFile } from './chosen-files';
import type { FileChooser, FileFilter } from './file-chooser';

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };
const JSON_FILES: FileFilter = { name: 'JSON', extensions: ['json'] };

const EXPORT_FILTERS: Record<RunExportFormat, FileFilter[]> = {
  json: [{ name: 'Exported run (JSON)', extensions: ['json'] }],
  csv: [{ name: 'Tasks (CSV)', extensions: ['csv'] }],
  trace: [{ name: 'Chrome trace (JSON)', extensions: ['json'] }],
};

/**
 * The desktop's dialog methods: the main process shows the native dialog and does the file I/O (the
 * sandboxed page cannot), and the history work goes through the same API as everything else.
 */
export function dialogHandlers(
  chooser: FileChooser,
  api: ApiClient,
): Pick<ApiHandlers, 'dialogs.openScenario' | 'dialogs.chooseTaskFile' | 'dialogs.importRun' | 'dialogs.exportRun'> {
  return {
    'dialogs.chooseTaskFile': async ({ purpose }) => {
      const file = await chooser.chooseFileToOpen(
        purpose === 'module'
          ? { title: 'Choose Your Module', filters: [{ name: 'JavaScript or TypeScript module', extensions: ['mjs', 'js', 'mts', 'ts'] }, ALL_FILES] }
          : { title: 'Choose Your Database', filters: [{ name: 'SQLite database', extensions: ['db', 'sqlite', 'sqlite3'] }, ALL_FILES] },
      );
      return file === null ? null : { path: path.resolve(file) };
    },
    'dialogs.openScenario': async () => {
      const file = await chooser.chooseFileToOpen({ title: 'Open Scenario', filters: [JSON_FILES, ALL_FILES] });
      if (file === null) return null;
      return { fileName: path.basename(file), folder: path.dirname(path.resolve(file)), text: await readChosenTextFile(file, MAX_SCENARIO_TEXT_CHARS, 'scenario') };
    },
    'dialogs.importRun': async () => {
      const file = await chooser.chooseFileToOpen({ title: 'Import Run', filters: [EXPORT_FILTERS.json[0]!, ALL_FILES] });
      if (file === null) return null;
      const fileName = path.basename(file);
      const text = await readChosenTextFile(file, MAX_IMPORT_TEXT_CHARS, 'exported run');
      try {
        const { id } = await api.history.import({ text });
        return { id, fileName };
      } catch (error) {
        if (error instanceof ApiError) throw new ApiError(error.code, `${fileName}: ${error.message}`, error.problems);
        throw error;
      }
    },
    'dialogs.exportRun': async ({ id, format }) => {
      const exported = await api.history.export({ id, format });
      const file = await chooser.chooseFileToSave({
        title: 'Export Run',
        defaultFileName: exported.fileName,
        filters: [...EXPORT_FILTERS[format], ALL_FILES],
      });
      if (file === null) return null;
      await writeChosenFile(file, exported.content);
      return { path: file };
    },
  };
}
