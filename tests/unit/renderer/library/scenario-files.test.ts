/// <reference types="svelte" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Explorer } from '../../../../renderer/state/explorer.svelte';
import { ScenarioFiles } from '../../../../renderer/state/library/scenario-files.svelte';
import { createApiClient } from '../../../../shared/api/api-client';
import { ApiError } from '../../../../shared/api/api-error';
import type { MenuCommandPayload, OpenedTextFile } from '../../../../shared/api/desktop-methods';
import { HistoryBackend } from '../history/history-backend';

const GOOD: OpenedTextFile = {
  fileName: 'slow-api.json',
  text: JSON.stringify({ version: 1, name: 'Slow API', strategy: { type: 'pool', concurrency: 2 }, tasks: [{ kind: 'timer', count: 4, ms: 10 }] }, null, 2),
};
const BROKEN: OpenedTextFile = { fileName: 'broken.json', text: '{ "version": 1, "name": "half' };

const noDialogs = { openScenario: () => Promise.reject(new ApiError('unavailable', 'dialogs.openScenario is not available in this app')) };
const dialogsWith = (answer: () => Promise<OpenedTextFile | null>) => ({ dialogs: { ...noDialogs, openScenario: answer } }) as never;
const pickedFile = (name: string, text: string) => ({ name, size: text.length, text: async () => text });

describe('ScenarioFiles', () => {
  it('opens the file chosen in the desktop Open dialog, and nothing when the user cancels', async () => {
    const opened: OpenedTextFile[] = [];
    let answer: OpenedTextFile | null = GOOD;
    const files = new ScenarioFiles(dialogsWith(async () => answer), (file) => opened.push(file));
    expect(await files.openWithDialog()).toBe(true);
    answer = null;
    expect(await files.openWithDialog()).toBe(true);
    expect(opened).toEqual([GOOD]);
    expect(files.error).toBeNull();
  });

  it('says where there is no Open dialog (the browser host), once, and then opens a picked file', async () => {
    const opened: OpenedTextFile[] = [];
    let asked = 0;
    const files = new ScenarioFiles(dialogsWith(() => (asked++, noDialogs.openScenario())), (file) => opened.push(file));
    expect(await files.openWithDialog()).toBe(false);
    expect(await files.openWithDialog()).toBe(false);
    expect(asked).toBe(1);
    await files.openPicked(pickedFile(GOOD.fileName, GOOD.text));
    expect(opened).toEqual([GOOD]);
  });

  it('explains a file it cannot open, and opens nothing', async () => {
    const opened: OpenedTextFile[] = [];
    const files = new ScenarioFiles(
      dialogsWith(() => Promise.reject(new ApiError('bad_request', 'huge.json is 3.0 MB; a scenario file can be at most 1 MB'))),
      (file) => opened.push(file),
    );
    await files.openWithDialog();
    expect(files.error).toBe('The scenario file could not be opened: huge.json is 3.0 MB; a scenario file can be at most 1 MB');
    await files.openPicked({ name: 'huge.json', size: 3_000_000, text: async () => 'x' });
    expect(files.error).toBe('huge.json is 3.0 MB; a scenario file can be at most 1 MB.');
    await files.openPicked({ name: 'gone.json', size: 10, text: () => Promise.reject(new Error('the file was removed')) });
    expect(files.error).toBe('gone.json could not be read: the file was removed');
    expect(opened).toEqual([]);
  });
});

describe('opening scenario files in the explorer', () => {
  let backend: HistoryBackend;
  let menu: ((payload: MenuCommandPayload) => void) | undefined;
  let dialogAnswer: OpenedTextFile | null;

  /** The explorer on the real backend, with a desktop's Open dialog and menu in front of it. */
  function desktopExplorer(): Explorer {
    const api = createApiClient({
      call: (method, args) => (method === 'dialogs.openScenario' ? Promise.resolve({ ok: true, result: dialogAnswer }) : backend.transport.call(method, args)),
      subscribe: (event, listener) => {
        if (event !== 'menuCommand') return backend.transport.subscribe(event, listener);
        menu = listener as typeof menu;
        return () => {};
      },
    });
    return new Explorer(api);
  }

  beforeEach(() => {
    backend = new HistoryBackend();
    dialogAnswer = GOOD;
  });
  afterEach(() => backend.dispose());

  it('File > Open Scenario… opens the chosen file in the workbench, named after it, ready to run', async () => {
    const explorer = desktopExplorer();
    menu?.({ command: 'openScenario' });
    await vi.waitFor(() => expect(explorer.view).toBe('workbench'));
    expect(explorer.workspace.title).toBe('slow-api.json');
    expect(explorer.workspace.origin).toEqual({ kind: 'file', fileName: 'slow-api.json' });
    expect(explorer.workspace.editor.text).toBe(GOOD.text);
    expect(explorer.workspace.editor.dirty).toBe(false);
    expect(explorer.workspace.canRun).toBe(true);
  });

  it('a file that is not valid JSON opens on the JSON tab as it is, with the problem shown', async () => {
    dialogAnswer = BROKEN;
    const explorer = desktopExplorer();
    menu?.({ command: 'openScenario' });
    await vi.waitFor(() => expect(explorer.workspace.editor.text).toBe(BROKEN.text));
    const { editor } = explorer.workspace;
    expect(editor.tab).toBe('json');
    expect(editor.formEditable).toBe(false);
    expect(editor.problems[0]?.message).toMatch(/not valid JSON/);
    expect(explorer.workspace.canRun).toBe(false);
  });

  it('File > New Scenario opens a blank scenario in the workbench', () => {
    const explorer = desktopExplorer();
    menu?.({ command: 'newScenario' });
    expect(explorer.view).toBe('workbench');
    expect(explorer.workspace.origin).toEqual({ kind: 'new' });
    expect(explorer.workspace.canRun).toBe(true);
  });
});
