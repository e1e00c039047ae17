import type { Command } from 'commander';
import type { CliIo } from '../cli-io';
import { startEarlyEngine } from '../run/early-engine';

/** Adds one command (with its options and action) to the program. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/** A command of the CLI: its name, and its module, loaded only when the command line needs it. */
export interface CliCommand {
  name: string;
  load(): Promise<RegisterCommand>;
  /** Work to start as soon as the command line names the command, before the rest of the CLI loads. */
  prepare?(): void;
}

/**
 * Every command of the CLI, in the order `--help` lists them. Each is loaded on demand: `list` should not
 * pay for the engine launcher, the WebSocket server or the statistics that `run`, `serve` and `compare`
 * need (a CLI start is a few tens of milliseconds, and every module it loads adds to them). A new command
 * is one file and one line here. Naming `run` also starts its engine process at once (`run/early-engine.ts`).
 */
export const CLI_COMMANDS: readonly CliCommand[] = [
  { name: 'run', load: async () => (await import('./run')).registerRun, prepare: startEarlyEngine },
  { name: 'list', load: async () => (await import('./list')).registerList },
  { name: 'show', load: async () => (await import('./show')).registerShow },
  { name: 'compare', load: async () => (await import('./compare')).registerCompare },
  { name: 'whatif', load: async () => (await import('./whatif')).registerWhatIf },
  { name: 'export', load: async () => (await import('./export')).registerExport },
  { name: 'import', load: async () => (await import('./import')).registerImport },
  { name: 'delete', load: async () => (await import('./delete')).registerDelete },
  { name: 'runtimes', load: async () => (await import('./runtimes')).registerRuntimes },
  { name: 'presets', load: async () => (await import('./presets')).registerPresets },
  { name: 'serve', load: async () => (await import('./serve')).registerServe },
];

/** The command `argv` (as `process.argv`) names: its first word that is not a flag; undefined for none or an unknown one. */
export function namedCommand(argv: readonly string[]): CliCommand | undefined {
  const word = argv.slice(2).find((arg) => !arg.startsWith('-'));
  return CLI_COMMANDS.find((command) => command.name === word);
}
