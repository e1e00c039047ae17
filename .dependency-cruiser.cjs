/** The dependency rule of PRODUCT.md, enforced by `npm run depcheck` (part of `npm test`). */
module.exports = {
  forbidden: [
    {
      name: 'shared-imports-nothing-of-ours',
      comment: 'shared/ is pure code both sides use: it may import libraries, never our other folders.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|tests|scripts)/' },
    },
    {
      name: 'renderer-imports-only-shared',
      comment: 'The renderer talks to the backend only through the API contract in shared/.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|tests|scripts)/' },
    },
    {
      name: 'engine-imports-only-shared',
      comment: 'The engine runs in its own process and must not pull in backend, main or UI code.',
      severity: 'error',
      from: { path: '^electron/engine/' },
      to: { path: '^(electron/(?!engine/)|renderer/|tests/|scripts/)' },
    },
    {
      name: 'only-main-and-preload-import-electron',
      comment: 'Everything else must run in plain Node (CLI, browser host, tests).',
      severity: 'error',
      from: { path: '^(?!electron/(main|preload)/)' },
      to: { path: '^electron$', dependencyTypes: ['npm', 'npm-dev', 'core', 'unknown', 'undetermined'] },
    },
    {
      name: 'only-main-imports-electron-updater',
      comment: 'Updates are the packaged desktop app\'s business: electron-updater loads electron and reaches the network.',
      severity: 'error',
      from: { path: '^(?!electron/main/)' },
      to: { path: '^node_modules/electron-updater/' },
    },
    {
      name: 'no-node-builtins-in-shared-or-renderer',
      severity: 'error',
      from: { path: '^(shared|renderer)/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // node_modules stays in the graph (as leaves: not followed) so that rules about npm packages can match them.
    exclude: { path: '^out/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.json'] },
  },
};
