/// <reference types="svelte" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runMenuCommand } from '../../../../renderer/state/history/history-menu';
import type { RunHistory } from '../../../../renderer/state/history/run-history.svelte';
import { HistoryBackend } from './history-backend';

let backend: HistoryBackend;
let history: RunHistory;
let shown: number;

beforeEach(() => {
  backend = new HistoryBackend();
  history = backend.history();
  shown = 0;
});
afterEach(() => backend.dispose());

describe('the desktop menu run commands', () => {
  it('Export run… saves the opened run as JSON (a download where the host has no Save dialog)', async () => {
    const id = backend.addRun({ name: 'opened' });
    await history.open(id);
    expect(runMenuCommand('exportRun', history, () => shown++)).toBe(true);
    await vi.waitFor(() => expect(backend.downloads.map((file) => file.mimeType)).toEqual(['application/json']));
    expect(shown).toBe(0);
    expect(backend.calls).toContain('dialogs.exportRun');
  });

  it('Export run… with no run open shows the history to pick one; Import run… shows it and asks for the dialog', async () => {
    expect(runMenuCommand('exportRun', history, () => shown++)).toBe(true);
    expect(runMenuCommand('importRun', history, () => shown++)).toBe(true);
    await vi.waitFor(() => expect(backend.calls).toEqual(['dialogs.importRun']));
    expect(shown).toBe(2);
    expect(runMenuCommand('newScenario', history, () => shown++)).toBe(false);
  });
});
