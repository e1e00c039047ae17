import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'electron-vite';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Three builds: the main process (with the CLI, which the browser host is part of, the engine process entry,
 * its worker-thread file and the history's reader threads, all in `out/main/`), the sandboxed preload, and the
 * Svelte renderer. Main bundles its pure-JavaScript dependencies: one file loads faster than a package of
 * hundreds of small modules (zod, @stdlib), which is most of a CLI start. better-sqlite3 (native) and piscina
 * (which finds its own worker file) stay external, and so do the dependencies of `electron/main` alone.
 */
export default defineConfig({
  main: {
    build: {
      externalizeDeps: { exclude: ['zod', 'commander', 'ws', 'cli-progress', 'simple-statistics', '@stdlib/stats-ttest2', '@stdlib/stats-base-dists-t-quantile', 'stream-json', 'stream-chain'] },
      rollupOptions: {
        input: {
          index: fromRoot('./electron/main/index.ts'),
          cli: fromRoot('./electron/cli/run-cli.ts'),
          engine: fromRoot('./electron/engine/main.ts'),
          'engine-worker': fromRoot('./electron/engine/workers/task-worker.ts'),
          'target-server': fromRoot('./electron/engine/target-server/target-process.ts'),
          'history-reader': fromRoot('./electron/backend/history/run-read-worker.ts'),
        },
        external: ['better-sqlite3'],
        // Shared chunks stay beside the entries, so code that finds engine.js relative to itself works
        // whichever bundle it lands in.
        output: {
          chunkFileNames: '[name]-[hash].js',
          // Libraries only some commands need stay in chunks of their own, so the others do not load them.
          codeSplitting: {
            groups: [
              { name: 'stdlib', test: /node_modules[\\/]@stdlib[\\/]/ },
              { name: 'simple-statistics', test: /node_modules[\\/]simple-statistics[\\/]/ },
              { name: 'websocket', test: /node_modules[\\/]ws[\\/]/ },
            ],
          },
        },
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
