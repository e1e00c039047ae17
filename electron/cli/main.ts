import { runCli } from './run-cli';

// `npm run cli`: the CLI from its sources, through tsx. Users run the built bundle (bin/concurrency-explorer.js).
process.exitCode = await runCli(process.argv);
