import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { CHROMIUM_LAUNCH } from '../../e2e/fixtures/chromium-launch';

const HARNESS_ROOT = fileURLToPath(new URL('./harness/', import.meta.url));

export interface HarnessBrowser {
  readonly browser: Browser;
  /** Opens the harness in a fresh page, waiting until its bench API is there. */
  open(options?: { colorScheme?: 'light' | 'dark'; deviceScaleFactor?: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Builds the harness page (the timeline components with a bench API) with Vite into a temporary folder,
 * serves it on 127.0.0.1, and starts a headless Chromium. `close()` undoes all three.
 */
export async function startHarness(): Promise<HarnessBrowser> {
  const outDir = await mkdtemp(join(tmpdir(), 'timeline-harness-'));
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    await build({
      root: HARNESS_ROOT,
      configFile: false,
      logLevel: 'warn',
      plugins: [svelte({ configFile: false })],
      build: { outDir, emptyOutDir: true },
    });
    server = await preview({
      root: HARNESS_ROOT,
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the harness server did not say where it listens');
    browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
    const opened = browser;
    const openedServer = server;
    return {
      browser: opened,
      async open(options = {}) {
        const context = await opened.newContext({
          viewport: { width: 1440, height: 1000 },
          colorScheme: options.colorScheme ?? 'light',
          deviceScaleFactor: options.deviceScaleFactor ?? 1,
        });
        const page = await context.newPage();
        await page.goto(url);
        await page.waitForFunction(() => 'timelineBench' in window);
        return page;
      },
      async close() {
        await opened.close();
        await new Promise<void>((resolve) => openedServer.httpServer.close(() => resolve()));
        await rm(outDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    server?.httpServer.close();
    await rm(outDir, { recursive: true, force: true });
    throw error;
  }
}
