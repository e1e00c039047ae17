// electron-builder's beforePack hook (electron-builder.yml): builds better-sqlite3 for the Electron being
// packaged into .cache/electron-sqlite, which is packed as an extra resource. electron-builder's own
// rebuild is off (npmRebuild: false) because it rebuilds node_modules in place, which would break the
// plain-Node build that the CLI and the tests load from the same checkout.
import { fileURLToPath } from 'node:url';
import electronBuilder from 'electron-builder';
import { tsImport } from 'tsx/esm/api';

export default async function beforePack({ packager, electronPlatformName, arch }) {
  const archName = electronBuilder.Arch[arch];
  if (electronPlatformName !== process.platform) {
    throw new Error(
      `The SQLite driver for ${electronPlatformName} cannot be compiled on ${process.platform}: package each platform on that platform.`,
    );
  }
  const { ensureElectronSqlite } = await tsImport('./desktop/electron-sqlite-build.ts', import.meta.url);
  const projectRoot = fileURLToPath(new URL('..', import.meta.url));
  const electronVersion = packager.info.framework.version;
  const { binding } = await ensureElectronSqlite({ projectRoot, electronVersion, arch: archName });
  console.log(`  • SQLite driver for Electron ${electronVersion} (${archName}): ${binding}`);
}
