import { createApiClient } from '../../shared/api/api-client';
import type { ApiTransport } from '../../shared/api/api-transport';
import { desktopEvents, desktopMethods, type MenuCommand } from '../../shared/api/desktop-methods';
import { createApiEndpoint } from '../backend/api/api-endpoint';
import { ApiEventHub } from '../backend/api/event-hub';
import { dialogHandlers } from './dialogs/dialog-handlers';
import type { FileChooser } from './dialogs/file-chooser';
import { combineTransports } from './ipc/combine-transports';
import type { UpdateController } from './updates/update-controller';
import { updateHandlers } from './updates/update-handlers';

/** The API as the desktop app serves it. */
export interface DesktopApi {
  /** The shared backend plus the desktop's own methods (dialogs, updates) and events (menu commands, updates). */
  readonly transport: ApiTransport;
  emitMenuCommand(command: MenuCommand): void;
  /** Tells the renderer that an update is downloaded, so that it offers "Restart to update". */
  emitUpdateReady(version: string): void;
}

/**
 * Adds what only the desktop has to the backend every host shares: the dialog and update methods, validated like
 * every other call, and the `menuCommand` and `updateReady` events.
 */
export function createDesktopApi(
  backend: ApiTransport,
  chooser: FileChooser,
  updates: Pick<UpdateController, 'readyVersion' | 'restart'>,
): DesktopApi {
  const events = new ApiEventHub();
  const desktop = createApiEndpoint({ ...dialogHandlers(chooser, createApiClient(backend)), ...updateHandlers(updates) }, events);
  const transport = combineTransports(
    { transport: desktop, methods: new Set(Object.keys(desktopMethods)), events: new Set(Object.keys(desktopEvents)) },
    backend,
  );
  return {
    transport,
    emitMenuCommand: (command) => events.emit('menuCommand', { command }),
    emitUpdateReady: (version) => events.emit('updateReady', { version }),
  };
}
