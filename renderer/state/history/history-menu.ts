import type { MenuCommand } from '../../../shared/api/desktop-methods';
import type { RunHistory } from './run-history.svelte';

/**
 * The desktop menu's run commands: Import run… shows the history and the Open dialog; Export run… saves the
 * opened run as JSON through the Save dialog, or shows the history to pick one. False for a command that is
 * not about runs.
 */
export function runMenuCommand(command: MenuCommand, history: RunHistory, showHistory: () => void): boolean {
  switch (command) {
    case 'importRun':
      showHistory();
      void history.transfer.importWithDialog();
      return true;
    case 'exportRun':
      if (history.opened === null) showHistory();
      else void history.transfer.exportRun(history.opened.id, 'json');
      return true;
    default:
      return false;
  }
}
