// After `npm install` (and `npm ci`): builds the app into out/, then prepares what the desktop window needs.
// It must never fail the install: every problem becomes one short note and exit code 0 (the CLI and `npm start`
// find a missing build again and say why).
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));

try {
  const { ensureFreshBuild } = await import('./build/build-app.mjs');
  ensureFreshBuild(projectRoot, { log: (line) => console.log(line) });
} catch (error) {
  console.log(`Note: the app was not built (${error instanceof Error ? error.message : error}); \`npm run build\` tries again.`);
}

try {
  const { tsImport } = await import('tsx/esm/api');
  const { postinstallNote } = await tsImport('./desktop/postinstall-note.ts', import.meta.url);
  const note = await postinstallNote(projectRoot);
  if (note) console.log(note);
} catch (error) {
  console.log(`Note: the desktop app's setup step was skipped (${error instanceof Error ? error.message : error}).`);
}
process.exitCode = 0;
