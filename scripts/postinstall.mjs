// Runs after `npm install` and must never fail it: every problem becomes one short note and exit code 0.
import { fileURLToPath } from 'node:url';

try {
  const { tsImport } = await import('tsx/esm/api');
  const { postinstallNote } = await tsImport('./desktop/postinstall-note.ts', import.meta.url);
  const note = await postinstallNote(fileURLToPath(new URL('..', import.meta.url)));
  if (note) console.log(note);
} catch (error) {
  console.log(`Note: the desktop app's setup step was skipped (${error instanceof Error ? error.message : error}).`);
}
process.exitCode = 0;
