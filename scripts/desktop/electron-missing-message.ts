import type { DownloadAttempt, ElectronBinary } from './electron-binary';

/**
 * The one paragraph `npm start` prints when it cannot open the desktop window for lack of the Electron
 * executable: what is missing, why, and what to do instead.
 */
export function electronMissingMessage(binary: Extract<ElectronBinary, { found: false }>, attempt: DownloadAttempt): string {
  const download = attempt.attempted
    ? `downloading it once just now failed (${attempt.detail})`
    : `no download was tried (${attempt.reason})`;
  return [
    `Concurrency Explorer cannot open its desktop window: the Electron executable is missing (${binary.reason}) and ${download}.`,
    'The electron npm package fetches that executable (about 100 MB, from GitHub) the first time it is used,',
    'so it is absent on a machine that is offline or blocks the download.',
    '`npm run serve` opens the same app, with the same history, in your browser without Electron;',
    'for the desktop window, run `node node_modules/electron/install.js` once while online, then `npm start` again.',
  ].join(' ');
}
