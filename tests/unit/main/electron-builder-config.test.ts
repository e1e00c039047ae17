import path from 'node:path';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
let config: Record<string, unknown>;

beforeAll(async () => {
  const request = { packageKey: 'build', configFilename: 'electron-builder', projectDir: projectRoot, packageMetadata: null };
  const read = await getConfig<Record<string, unknown>>(request, path.join(projectRoot, 'electron-builder.yml'));
  config = read!.result;
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema", async () => {
    const logger = { isEnabled: false, add: () => {} } as unknown as Parameters<typeof validateConfiguration>[1];
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined();
  });

  it('names the app and builds AppImage, deb, dmg (and the zip updates need) and nsis', () => {
    expect(config.productName).toBe('Concurrency Explorer');
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.artifactName).toBe('concurrency-explorer-${version}-${os}-${arch}.${ext}');
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'] });
    expect(config.mac).toMatchObject({ target: ['dmg', 'zip'] });
    expect(config.win).toMatchObject({ target: 'nsis' });
  });

  it('describes the GitHub releases feed that the packaged app checks for updates, as a draft until published', () => {
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' });
  });

  it("flips the fuses Electron's security guide recommends, keeping file:// privileges for the page", () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('never rebuilds node_modules in place; packs the Electron-ABI SQLite build, the runners and esbuild outside the archive', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('./scripts/electron-builder-before-pack.mjs');
    expect(config.asarUnpack).toEqual(['**/*.node', 'node_modules/esbuild/**', 'node_modules/@esbuild/**']);
    expect(config.extraResources).toEqual([
      { from: 'runners', to: 'runners' },
      { from: '.cache/electron-sqlite', to: 'electron-sqlite', filter: ['**/better_sqlite3-*-${platform}-${arch}.node'] },
    ]);
  });
});
