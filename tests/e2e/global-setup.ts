import { buildApp, isBuildStale } from './fixtures/build-app';
import { electronUnavailableReason } from './fixtures/electron-app';

/**
 * Builds the app once (`electron-vite build`) when `out/` is missing or older than its sources, and says
 * up front why the electron project will be skipped, if it will.
 */
export default function globalSetup(): void {
  const electronMissing = electronUnavailableReason();
  if (electronMissing !== null) console.log(`The electron project's tests will be skipped: ${electronMissing}.`);
  if (isBuildStale()) buildApp();
}
