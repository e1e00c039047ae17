import type { UpdateFeed } from './update-controller';

/**
 * The release feed of the packaged app: electron-updater reading the `latest*.yml` files that electron-builder
 * publishes with each GitHub release (`publish` in electron-builder.yml, copied into the app as app-update.yml).
 * Imported only when a check is due: electron-updater loads `electron` with `require`, and creating its updater
 * is the first step towards the network, which the app never takes with checks off.
 */
export async function electronUpdaterFeed(): Promise<UpdateFeed> {
  const { autoUpdater } = (await import('electron-updater')).default;
  // The controller downloads after its own check, so that it knows the version it reports as ready; an update
  // left downloaded is installed when the app quits anyway.
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  return {
    async check() {
      const result = await autoUpdater.checkForUpdates();
      return result?.isUpdateAvailable ? { version: result.updateInfo.version } : null;
    },
    async download() {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall() {
      autoUpdater.quitAndInstall();
    },
  };
}
