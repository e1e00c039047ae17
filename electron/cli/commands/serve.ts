import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_BIND_ADDRESS, isLoopbackAddress } from '../../host/bind-address';
import { HostError, startBrowserHost } from '../../host/browser-host';
import { openInBrowser } from '../../host/open-browser';
import { CliError, UsageError } from '../cli-error';
import type { CliIo } from '../cli-io';
import { addDbOption, readWholeNumber, withHistory } from '../options';

interface ServeFlags {
  port: number;
  host: string;
  allowRemote?: boolean;
  open?: boolean;
  db?: string;
}

function portOption(text: string): number {
  const port = readWholeNumber(text, 0);
  if (port === undefined || port > 65_535) throw new InvalidArgumentError('must be a port number from 0 to 65535');
  return port;
}

/**
 * npm forwards the terminal's Ctrl+C to the script it runs, which the terminal has sent it already: the
 * second SIGINT that arrives this soon after the first is that copy, not a person insisting.
 */
const REPEATED_SIGNAL_MS = 500;

/**
 * Resolves on the first Ctrl+C or SIGTERM. Another one while the host closes is ignored when it is npm's copy
 * of the first, and otherwise ends the process at once (a person who presses Ctrl+C again wants out now).
 */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    let firstAtMs: number | null = null;
    const stop = (signal: NodeJS.Signals) => {
      const nowMs = performance.now();
      if (firstAtMs === null) {
        firstAtMs = nowMs;
        resolve();
      } else if (nowMs - firstAtMs > REPEATED_SIGNAL_MS) {
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `serve`: the app in a web browser, served on this machine until Ctrl+C. */
export function registerServe(program: Command, io: CliIo): void {
  const command = program
    .command('serve')
    .description('serve the app to a web browser on this machine, until Ctrl+C')
    .option('--port <n>', 'port to listen on; 0 picks any free one', portOption, 0)
    .option('--host <address>', 'address to listen on', DEFAULT_BIND_ADDRESS)
    .option('--allow-remote', 'allow a --host that other machines can reach')
    .option('--open', 'open the app in the default web browser');
  addDbOption(command).action(async (flags: ServeFlags) => {
    const remote = !isLoopbackAddress(flags.host);
    if (remote && flags.allowRemote !== true) {
      throw UsageError.of(
        `--host ${flags.host} would let other machines reach the app, and through it run programs on this one: add --allow-remote if that is what you want`,
      );
    }
    await withHistory(flags.db, io, async (store) => {
      const host = await startBrowserHost({ store, bindAddress: flags.host, port: flags.port }).catch((error: unknown) => {
        throw error instanceof HostError ? new CliError(error.message) : error;
      });
      if (remote) {
        io.err(`Warning: serving on ${flags.host}: anyone who can reach it and has the token can run scenarios, and so programs, on this machine.\n`);
      }
      // Listening before the URL is out: a Ctrl+C the moment it appears still closes the host properly.
      const stopped = untilStopped();
      io.out(`Concurrency Explorer is served at ${host.url}\nPress Ctrl+C to stop.\n`);
      if (flags.open === true) {
        await openInBrowser(host.url, io.env).catch((error: Error) => io.err(`Could not open a browser (${error.message}): open the URL above.\n`));
      }
      await stopped;
      io.err('Stopping: cancelling the runs under way...\n');
      await host.close();
    });
  });
}
