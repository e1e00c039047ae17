/**
 * The dependency rule of PRODUCT.md, enforced by `npm run depcheck` (part of `npm test`). Every rule is proven
 * to fire by tests/integration/depcheck/dependency-rules.test.ts, which cruises crafted violations: a rule added
 * here gets a crafted violation there.
 *
 * dependency-cruiser matches `to.path` against the RESOLVED file: `import 'electron'` resolves to
 * `node_modules/electron/index.js`, never to the bare name `electron`.
 */
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
      name: 'shared-scenario-through-its-index',
      comment: 'The scenario contract is imported through shared/scenario (its index) from everywhere outside it.',
      severity: 'error',
      from: { pathNot: '^shared/scenario/' },
      to: { path: '^shared/scenario/', pathNot: '^shared/scenario/index\\.ts$' },
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
      name: 'backend-imports-no-host-or-shell',
      comment: 'Every host uses the backend, so the backend knows none of them: not main, preload, the browser host or the CLI.',
      severity: 'error',
      from: { path: '^electron/backend/' },
      to: { path: '^(electron/(main|preload|host|cli)/|renderer/|tests/|scripts/)' },
    },
    {
      name: 'host-imports-only-shared-and-backend',
      comment: 'The browser host is the backend behind a WebSocket: it imports shared/ and electron/backend/ only.',
      severity: 'error',
      from: { path: '^electron/host/' },
      to: { path: '^(electron/(?!host/|backend/)|renderer/|tests/|scripts/)' },
    },
    {
      name: 'cli-imports-only-shared-and-backend',
      comment:
        'The CLI is the backend in a terminal: it imports shared/ and electron/backend/, and electron/host/ only from ' +
        'the `serve` command, which starts the browser host on purpose.',
      severity: 'error',
      from: { path: '^electron/cli/' },
      to: { path: '^(electron/(?!cli/|backend/|host/)|renderer/|tests/|scripts/)' },
    },
    {
      name: 'only-serve-starts-the-host',
      comment: 'Of the CLI, only the `serve` command imports the browser host.',
      severity: 'error',
      from: { path: '^electron/cli/', pathNot: '^electron/cli/commands/serve\\.ts$' },
      to: { path: '^electron/host/' },
    },
    {
      name: 'preload-imports-only-shared',
      comment: 'The preload runs in the sandboxed renderer process: it only relays the API contract of shared/.',
      severity: 'error',
      from: { path: '^electron/preload/' },
      to: { path: '^(electron/(?!preload/)|renderer/|tests/|scripts/)' },
    },
    {
      name: 'only-main-and-preload-import-electron',
      comment: 'Everything else must run in plain Node (CLI, browser host, engine, tests).',
      severity: 'error',
      from: { pathNot: '^electron/(main|preload)/' },
      to: { path: '^node_modules/electron/' },
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
      comment: 'shared/ runs everywhere and the renderer in a sandbox: neither may import a Node built-in.',
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
