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
    exclude: { path: '^(out|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.node.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte', '.json'] },
  },
};
