import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../../../electron/backend/history';
import { makeTempDir } from '../../unit/history/fixtures';

const RECORDER = fileURLToPath(new URL('./record-until-killed.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BATCH_TASKS = 100;

let temp: ReturnType<typeof makeTempDir>;
let child: ChildProcess | undefined;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => {
  child?.kill('SIGKILL');
  temp.remove();
});

/** Starts the recorder and resolves once it has printed that `batches` batches are committed. */
function startRecorder(file: string, batches: number): Promise<{ runId: number; committed: number }> {
  child = spawn(process.execPath, ['--import', 'tsx', RECORDER, file], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let runId = 0;
    const lines = createInterface({ input: child!.stdout! });
    lines.on('line', (line) => {
      const [word, value] = line.split(' ');
      if (word === 'run') runId = Number(value);
      if (word === 'committed' && Number(value) >= batches) {
        lines.close();
        resolve({ runId, committed: Number(value) });
      }
    });
    child!.on('exit', (code) => reject(new Error(`recorder exited early (${code}): ${stderr}`)));
  });
}

function killAndWait(recorder: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    recorder.once('exit', () => resolve());
    recorder.kill('SIGKILL');
  });
}

describe('a recording process killed mid-run', () => {
  it('keeps every committed batch, and the next start marks the run interrupted', async () => {
    const file = join(temp.dir, 'history.sqlite');
    const { runId, committed } = await startRecorder(file, 5);

    const observer = HistoryStore.open(file);
    expect(observer.markInterruptedRuns()).toBe(0);
    expect(observer.getRunSummary(runId)?.status).toBe('running');
    observer.close();

    await killAndWait(child!);

    const store = HistoryStore.open(file);
    const before = store.getRun(runId);
    expect(before?.status).toBe('running');
    const stored = before?.tasks.length ?? 0;
    expect(stored).toBeGreaterThanOrEqual(committed * BATCH_TASKS);
    expect(stored % BATCH_TASKS).toBe(0);
    expect(before?.tasks.map((t) => t.index)).toEqual(Array.from({ length: stored }, (_, i) => i));
    expect(before?.samples).toHaveLength((stored / BATCH_TASKS) * 2);

    expect(store.markInterruptedRuns()).toBe(1);
    const after = store.getRun(runId);
    expect(after?.status).toBe('interrupted');
    expect(after?.tasks).toEqual(before?.tasks);
    expect(store.getRunSummary(runId)?.tasks).toBe(stored);
    expect(store.markInterruptedRuns()).toBe(0);
    store.close();
  });
});
