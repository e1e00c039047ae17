import { createApiClient } from '../../shared/api/api-client';
import type { ApiTransport } from '../../shared/api/api-transport';
import { desktopEvents, desktopMethods, type MenuCommand } from '../../shared/api/desktop-methods';
import { createApiEndpoint } from '../backend/api/api-endpoint';
import { ApiEventHub } from '../backend/api/event-hub';
import { dialogHandlers } from './dialogs/dialog-handlers';
import type { FileChooser } from './dialogs/file-chooser';
import { combineTransports } from './ipc/combine-transports';

/** The API as the desktop app serves it. */
export interface DesktopApi {
  /** The shared backend plus the desktop's own methods (dialogs) and events (menu commands). */
  readonly transport: ApiTransport;
  emitMenuCommand(command: MenuCommand): void;
}

/**
 * Adds what only the desktop has to the backend every host shares: the dialog methods, validated like
 * every other call, and the `menuCommand` event.
 */
export function createDesktopApi(backend: ApiTransport, chooser: FileChooser): DesktopApi {
  const events = new ApiEventHub();
  const desktop = createApiEndpoint(dialogHandlers(chooser, createApiClient(backend)), events);
  const transport = combineTransports(
    { transport: desktop, methods: new Set(Object.keys(desktopMethods)), events: new Set(Object.keys(desktopEvents)) },
    backend,
  );
  return { transport, emitMenuCommand: (command) => events.emit('menuCommand', { command }) };
}
