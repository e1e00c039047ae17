import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { build, Platform } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const electronVersion = (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const sqliteVersion = (JSON.parse(readFileSync(path.join(projectRoot, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string }).version;
const nodeBuild = path.join(projectRoot, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

// A project of its own: the real config (as an object), package.json and hook, stand-in bundles, and an Electron "dist"
// that is only a file, since the real binary cannot be had here. Fuses need the real binary, so they are
// left to the config test; everything else is electron-builder packing this project for real.
let project: string;
let unpacked: string;
let nodeBuildBefore: string;

describe.runIf(process.platform === 'linux' && process.arch === 'x64')('npm run dist packaging (linux dir target)', () => {
  beforeAll(async () => {
    project = mkdtempSync(path.join(tmpdir(), 'packaging-'));
    for (const file of ['package.json', 'scripts/electron-builder-before-pack.mjs']) {
      cpSync(path.join(projectRoot, file), path.join(project, file));
    }
    cpSync(path.join(projectRoot, 'scripts/desktop'), path.join(project, 'scripts/desktop'), { recursive: true });
    cpSync(path.join(projectRoot, 'electron/main/sqlite'), path.join(project, 'electron/main/sqlite'), { recursive: true });
    symlinkSync(path.join(projectRoot, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    write(path.join(project, 'out/main/index.js'), 'export {};\n');
    write(path.join(project, 'out/main/index.js.map'), '{}');
    write(path.join(project, 'out/main/engine.js'), 'export {};\n');
    write(path.join(project, 'out/preload/index.cjs'), '');
    write(path.join(project, 'out/renderer/index.html'), '<!doctype html>');
    const cache = path.join(project, '.cache/electron-sqlite', electronVersion);
    write(path.join(cache, `better_sqlite3-${sqliteVersion}-linux-x64.node`), 'electron build');
    write(path.join(cache, `better_sqlite3-${sqliteVersion}-darwin-arm64.node`), 'another platform');
    write(path.join(project, 'fake-electron/electron'), '#!/bin/sh\n');
    nodeBuildBefore = digest(nodeBuild);

    // The config is passed as an object: a config file in the project would be read and merged in again.
    const request = { packageKey: 'build', configFilename: 'electron-builder', projectDir: projectRoot, packageMetadata: null };
    const { electronFuses: _fuses, ...config } = (await getConfig<Record<string, unknown>>(request, path.join(projectRoot, 'electron-builder.yml')))!.result;
    await build({
      projectDir: project,
      targets: Platform.LINUX.createTarget('dir'),
      config: {
        ...config,
        // electron-builder resolves a relative hook path from the working directory, which is not this project.
        beforePack: path.join(project, String(config.beforePack)),
        electronDist: path.join(project, 'fake-electron'),
        directories: { output: path.join(project, 'dist') },
        // The release feed needs the GitHub repository, which this copy (no .git) cannot name; packing does not.
        publish: null,
      },
    });
    unpacked = path.join(project, 'dist/linux-unpacked');
  }, 240_000);

  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('packs the bundles, package.json and the runtime dependencies, and nothing of the sources', () => {
    const files = listPackage(path.join(unpacked, 'resources/app.asar'), { isPack: false }).map((file) => file.replaceAll('\\', '/'));
    expect(files).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/main/engine.js', '/out/preload/index.cjs', '/out/renderer/index.html', '/package.json']));
    expect(files).toEqual(expect.arrayContaining(['/node_modules/better-sqlite3/lib/index.js', '/node_modules/zod/package.json', '/node_modules/piscina/package.json']));
    const forbidden = files.filter((file) =>
      /\.map$|^\/(scripts|electron|shared|renderer|tests|\.cache|fake-electron)\/|^\/node_modules\/(tsx|electron|vitest|svelte)\/|better-sqlite3\/(src|deps)\//.test(file),
    );
    expect(forbidden).toEqual([]);
  });

  it('unpacks native modules and esbuild, and puts only this platform’s Electron-ABI SQLite build among the resources', () => {
    expect(existsSync(path.join(unpacked, 'resources/app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node'))).toBe(true);
    // A `module` task written in TypeScript is bundled with esbuild, whose executable cannot start from the archive.
    expect(existsSync(path.join(unpacked, 'resources/app.asar.unpacked/node_modules/esbuild/lib/main.js'))).toBe(true);
    expect(readdirSync(path.join(unpacked, 'resources/electron-sqlite', electronVersion))).toEqual([`better_sqlite3-${sqliteVersion}-linux-x64.node`]);
  });

  it('leaves the checkout’s plain-Node better-sqlite3 build as it was', () => {
    expect(digest(nodeBuild)).toBe(nodeBuildBefore);
  });
});
