/**
 * Chromium driven over a bare DevTools Protocol connection that never enables the Network domain. Playwright's
 * connection does, and then receives every WebSocket frame of the page as base64 text: the columns of a run of ten
 * million tasks are one frame of about 450 MB, more than a JavaScript string can hold, which ends the bench's own
 * process (ERR_STRING_TOO_LONG) while the app is fine; and for a million tasks, encoding those frames for DevTools
 * made half or more of the measured open and compare times. A user has no DevTools attached. Only `Target` and `Runtime` are used.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const START_TIMEOUT_MS = 30_000;

export interface BarePage {
  /** Evaluates `expression` in the page, awaiting a promise it gives; its value must be JSON. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface Reply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { exception?: { description?: string }; text?: string }; targetId?: string; sessionId?: string };
  error?: { message: string };
}

/** Starts Debian's Chromium headless with `url` open in a 1440x900 window. */
export async function openBarePage(url: string): Promise<BarePage> {
  const profile = mkdtempSync(join(tmpdir(), 'bare-chromium-'));
  const browser = spawn('/usr/bin/chromium', ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0', `--user-data-dir=${profile}`, '--window-size=1440,900', 'about:blank'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
    browser.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (found?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
    browser.once('exit', (code) => reject(new Error(`Chromium exited (${code}): ${stderr}`)));
  });
  const socket = new WebSocket(endpoint, { maxPayload: 0 });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let nextId = 1;
  const waiting = new Map<number, (reply: Reply) => void>();
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Reply;
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  const call = (method: string, params: object, sessionId?: string) =>
    new Promise<NonNullable<Reply['result']>>((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error !== undefined) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result ?? {});
      });
      socket.send(JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) }));
    });
  const { targetId } = await call('Target.createTarget', { url });
  const { sessionId } = await call('Target.attachToTarget', { targetId, flatten: true });
  const evaluate = async <T>(expression: string): Promise<T> => {
    const { result, exceptionDetails } = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (exceptionDetails !== undefined) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text ?? 'the page threw');
    return result?.value as T;
  };
  // The target may still show about:blank, or be between documents, when it is attached (the app then moves
  // its token out of the address, so only the origin is compared).
  const loadedBy = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const loaded = await evaluate<boolean>(`location.origin === ${JSON.stringify(new URL(url).origin)} && document.readyState === 'complete'`).catch(() => false);
    if (loaded) break;
    if (Date.now() > loadedBy) throw new Error(`${url} did not load within ${START_TIMEOUT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    evaluate,
    async close() {
      socket.close();
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      browser.kill('SIGTERM');
      await exited;
      // Chromium's helper processes may still be writing to the profile for a moment after the browser ended.
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}
