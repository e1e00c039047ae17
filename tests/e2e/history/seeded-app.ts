import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { HistoryStore } from '../../../electron/backend/history';
import { startBrowserHostProcess, type BrowserHostProcess } from '../fixtures/browser-host-process';
import { CHROMIUM_LAUNCH } from '../fixtures/chromium-launch';

const VIEWPORT = { width: 1440, height: 900 };

/** The real app on the browser host over a history seeded beforehand, and Debian's Chromium to look at it. */
export interface SeededApp {
  readonly host: BrowserHostProcess;
  readonly browser: Browser;
  /** A fresh page in a context of its own, with the app loaded. */
  open(options?: { colorScheme?: 'light' | 'dark'; initScript?: string }): Promise<Page>;
  /** Stops the host and the browser and deletes the history. */
  close(): Promise<void>;
}

/**
 * Seeds a fresh history file (`seed` gets the open store; it is closed before the host opens the file), builds
 * the app if its build is stale, and serves it. For benchmarks and screenshots, which need a history of a size
 * or shape the UI would take long to make.
 */
export async function startSeededApp(seed: (store: HistoryStore) => void | Promise<void>): Promise<SeededApp> {
  const dir = await mkdtemp(join(tmpdir(), 'ce-seeded-'));
  const dbPath = join(dir, 'history.sqlite');
  let host: BrowserHostProcess | undefined;
  try {
    const store = HistoryStore.open(dbPath);
    try {
      await seed(store);
    } finally {
      store.close();
    }
    host = await startBrowserHostProcess(dbPath);
    const browser = await chromium.launch(CHROMIUM_LAUNCH);
    const started = host;
    return {
      host: started,
      browser,
      async open(options = {}) {
        const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: options.colorScheme ?? 'light', deviceScaleFactor: 1 });
        // tsx compiles with esbuild's keepNames, which wraps functions passed to page.evaluate in a
        // `__name(...)` helper that only exists in Node: the page gets a stand-in.
        await context.addInitScript('globalThis.__name = (fn) => fn;');
        if (options.initScript !== undefined) await context.addInitScript(options.initScript);
        const page = await context.newPage();
        await page.goto(started.url);
        await page.getByRole('navigation', { name: 'Main' }).waitFor();
        return page;
      },
      async close() {
        await browser.close();
        await started.stop();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await host?.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
