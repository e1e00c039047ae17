// `npm start` (`npm start -- --browser`): the work is in scripts/desktop/start-app.ts, loaded through tsx.
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const { startApp } = await tsImport('./desktop/start-app.ts', import.meta.url);
process.exitCode = await startApp(projectRoot, process.argv.slice(2));
