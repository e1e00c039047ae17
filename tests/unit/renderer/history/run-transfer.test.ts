/// <reference types="svelte" />
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunHistory } from '../../../../renderer/state/history/run-history.svelte';
import { makeRunExport } from '../../history/fixtures';
import { HistoryBackend } from './history-backend';

let backend: HistoryBackend;
let history: RunHistory;

beforeEach(() => {
  backend = new HistoryBackend();
  history = backend.history();
});
afterEach(() => backend.dispose());

describe('RunTransfer', () => {
  it('exports as a download where there is no save dialog, and the JSON imports back as the same run', async () => {
    const id = backend.addRun({ name: 'round trip', tags: ['keep'], notes: 'n' });
    await history.refresh();
    await history.transfer.exportRun(id, 'json');
    expect(backend.count('dialogs.exportRun')).toBe(1);
    expect(backend.downloads.map((f) => [f.fileName, f.mimeType])).toEqual([[expect.stringMatching(/\.json$/), 'application/json']]);
    expect(history.transfer.notice).toEqual({ kind: 'exported', where: backend.downloads[0]!.fileName });

    await history.transfer.exportRun(id, 'csv');
    // The host said it has no dialogs: it is not asked again.
    expect(backend.count('dialogs.exportRun')).toBe(1);
    expect(backend.downloads[1]?.content.split(/\r?\n/)[0]).toBe('index,group,kind,lane,queuedMs,startMs,endMs,observedMs,status,orphaned,error,attempts');

    const [newId] = await history.transfer.importFiles([{ name: backend.downloads[0]!.fileName, text: backend.downloads[0]!.content }]);
    expect(newId).not.toBe(id);
    const { id: _a, ...original } = backend.store.getRun(id)!;
    const { id: _b, ...imported } = backend.store.getRun(newId!)!;
    expect(imported).toEqual(original);
    expect(history.total).toBe(2);
    expect(history.transfer.notice).toMatchObject({ kind: 'imported', ids: [newId] });
  });

  it('refuses a bad file with every problem and stores nothing of it, while a good file beside it goes in', async () => {
    const bad = makeRunExport() as unknown as { run: Record<string, unknown> };
    bad.run.status = 'exploded';
    bad.run.name = 42;
    const good = makeRunExport({ name: 'good one' });
    const ids = await history.transfer.importFiles([
      { name: 'bad.json', text: JSON.stringify(bad) },
      { name: 'not-json.json', text: '{ "format": ' },
      { name: 'good.json', text: JSON.stringify(good) },
    ]);
    expect(ids).toHaveLength(1);
    expect(backend.store.countRuns()).toBe(1);
    const [badRefusal, syntaxRefusal] = history.transfer.refusals;
    expect(badRefusal?.fileName).toBe('bad.json');
    expect(badRefusal?.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['run.status', 'run.name']));
    expect(badRefusal?.problems.length).toBeGreaterThanOrEqual(2);
    expect(syntaxRefusal?.fileName).toBe('not-json.json');
    expect(syntaxRefusal?.message).toMatch(/JSON/);
    expect(history.transfer.notice).toMatchObject({ kind: 'imported', fileNames: ['good.json'] });
    history.transfer.dismissRefusals();
    expect(history.transfer.refusals).toEqual([]);
  });

  it('falls back to a file picker when the host has no Open dialog', async () => {
    expect(await history.transfer.importWithDialog()).toBe(false);
    expect(await history.transfer.importWithDialog()).toBe(false);
    expect(backend.count('dialogs.importRun')).toBe(1);
    expect(history.transfer.error).toBeNull();
  });

  it('says why an export failed', async () => {
    await history.transfer.exportRun(404, 'trace');
    expect(history.transfer.error).toMatch(/^Run 404 could not be exported: There is no run with id 404/);
    expect(backend.downloads).toEqual([]);
  });
});
