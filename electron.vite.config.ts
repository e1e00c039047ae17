import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Three builds: the main process (with the engine process entry, its worker-thread file and the history's
 * reader threads, which it starts from `out/main/`), the sandboxed preload, and the Svelte renderer. Main
 * keeps `dependencies` as external imports (electron-vite's default): better-sqlite3 is native and piscina
 * finds its own worker file.
 */
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: fromRoot('./electron/main/index.ts'),
          engine: fromRoot('./electron/engine/main.ts'),
          'engine-worker': fromRoot('./electron/engine/workers/task-worker.ts'),
          'history-reader': fromRoot('./electron/backend/history/run-read-worker.ts'),
        },
        external: ['better-sqlite3'],
        // Shared chunks stay beside the entries, so code that finds engine.js relative to itself works
        // whichever bundle it lands in.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load modules: everything it imports is bundled into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: fromRoot('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: fromRoot('./renderer'),
    plugins: [svelte()],
    build: {
      outDir: fromRoot('./out/renderer'),
      rollupOptions: { input: fromRoot('./renderer/index.html') },
    },
  },
});
