import type { DownloadAttempt, ElectronBinary } from './electron-binary';

/**
 * The one line `npm start` prints when it cannot open the desktop window for lack of the Electron executable,
 * before it opens the app in a browser instead: what is missing, why, and how to get the window.
 */
export function electronMissingLine(binary: Extract<ElectronBinary, { found: false }>, attempt: DownloadAttempt): string {
  const download = attempt.attempted ? `downloading it once just now failed (${attempt.detail})` : `no download was tried (${attempt.reason})`;
  return (
    `The Electron executable is missing (${binary.reason}) and ${download}, so Concurrency Explorer opens in your browser instead; ` +
    'for the desktop window, run `node node_modules/electron/install.js` once while online, then `npm start` again.'
  );
}
