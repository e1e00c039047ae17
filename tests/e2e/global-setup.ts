import { ensureBuilt } from '../fixtures/built-app';
import { electronUnavailableReason } from './fixtures/electron-app';

/**
 * Builds the app once when `out/` is missing or stale (what `bin/concurrency-explorer.js` would do), and says
 * up front why the electron project will be skipped, if it will.
 */
export default function globalSetup(): void {
  const electronMissing = electronUnavailableReason();
  if (electronMissing !== null) console.log(`The electron project's tests will be skipped: ${electronMissing}.`);
  ensureBuilt();
}
