import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BUILT_CLI, ensureBuilt, PROJECT_ROOT } from '../../fixtures/built-app';

const CLI_TIMEOUT_MS = 45_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A running CLI process and its collected output. */
export interface CliProcess {
  child: ChildProcess;
  result: Promise<CliResult>;
}

/** A temp folder with its own history database, and a way to run the real CLI against it. */
export class CliFixture {
  private constructor(readonly dir: string) {}

  static async create(): Promise<CliFixture> {
    return new CliFixture(await mkdtemp(path.join(os.tmpdir(), 'cli-test-')));
  }

  get db(): string {
    return path.join(this.dir, 'history.sqlite');
  }

  file(name: string): string {
    return path.join(this.dir, name);
  }

  async writeJson(name: string, value: unknown): Promise<string> {
    await writeFile(this.file(name), typeof value === 'string' ? value : JSON.stringify(value));
    return this.file(name);
  }

  /** Starts the built CLI, `bin/concurrency-explorer.js ...args` (no TTY: stdin is /dev/null). */
  start(args: readonly string[], env: Record<string, string> = {}): CliProcess {
    ensureBuilt();
    const child = spawn(process.execPath, [BUILT_CLI, ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CONCURRENCY_EXPLORER_DB: this.db, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: CLI_TIMEOUT_MS,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const result = new Promise<CliResult>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
    return { child, result };
  }

  run(args: readonly string[], env: Record<string, string> = {}): Promise<CliResult> {
    return this.start(args, env).result;
  }

  /** Runs a command that must succeed with JSON on stdout, and parses it. */
  async json<T = unknown>(args: readonly string[]): Promise<T> {
    const result = await this.run(args);
    if (result.code !== 0) throw new Error(`${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return JSON.parse(result.stdout) as T;
  }

  async dispose(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** A stack trace line, which the CLI must never print for bad input. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$/m;
