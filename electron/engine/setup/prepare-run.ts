import { pbkdf2 } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Scenario } from '../../../shared/scenario';
import { prepareReadFile } from '../kinds/file';
import type { KindEnv } from '../kinds/kind-call';
import { closeScratchDatabases, DEFAULT_SQLITE_QUERY, type ScratchQuery, scratchStatement } from '../kinds/scratch-database';
import { readFilePath, sqlitePath } from '../kinds/scratch-paths';
import { loadHttpClients } from '../kinds/http';
import type { TargetServer } from '../target-server/target-server';
import { seedDatabase } from './seed-database';
import { prepareUserFiles } from './prepare-user-files';
import { needsTarget } from '../../../shared/scenario';
import { errorMessage } from '../../../shared/errors/error-message';

/** Where a run's inputs come from, beside the scenario. */
export interface PrepareOptions {
  /** Every file the run makes goes inside this folder (created if missing). */
  scratchDir: string;
  /**
   * The built-in target server's URL when the backend started it in a process of its own. Without it, a
   * scenario whose `http` tasks need the target gets one inside this engine (`options.target: "in-engine"`,
   * and direct callers of the engine such as tests).
   */
  targetUrl?: string | null;
}

/** What a run set up before its clock started; `close` releases it. */
export interface PreparedRun {
  env: KindEnv;
  /** The `sqlite` tasks' statements, prepared on this thread; worker threads prepare them too before the clock. */
  queries: ScratchQuery[];
  close(): Promise<void>;
}


/**
 * libuv starts its thread pool, and OpenSSL its digests, on first use: a tiny hash now keeps that
 * one-time cost out of the first fs or crypto task's time.
 */
async function warmThreadPool(): Promise<void> {
  await promisify(pbkdf2)('warm-up', 'salt', 1, 8, 'sha512');
}

async function step<T>(what: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw new Error(`${what}: ${errorMessage(error)}`);
  }
}

/**
 * Prepares everything the tasks need before the clock starts: the scratch folder, the user's modules and
 * databases, the files `file-read` tasks read, the seeded `sqlite` databases (and checks every query), the libuv
 * thread pool, the built-in HTTP target server when no target process was started for the run.
 * Throws an Error whose message names what could not be prepared; nothing is left open then.
 */
export async function prepareRun(scenario: Scenario, { scratchDir, targetUrl = null }: PrepareOptions): Promise<PreparedRun> {
  let server: TargetServer | null = null;
  const queries: ScratchQuery[] = [];
  const close = async () => {
    closeScratchDatabases();
    await server?.close();
  };
  try {
    // Synchronous: a run's start waits for them, and through the thread pool each took a round trip.
    await step(`the scratch folder ${scratchDir} is not usable`, () => {
      mkdirSync(scratchDir, { recursive: true });
      accessSync(scratchDir, constants.W_OK);
    });
    const groupFiles = await prepareUserFiles(scenario, scratchDir);
    for (const [group, spec] of scenario.tasks.entries()) {
      const userDatabase = groupFiles[group];
      if (spec.kind === 'sqlite' && userDatabase !== undefined) {
        const query = { path: userDatabase, sql: spec.sql ?? DEFAULT_SQLITE_QUERY, readonly: true };
        await step(`tasks[${group}].sql`, () => scratchStatement(query.path, query.sql, true));
        queries.push(query);
      } else if (spec.kind === 'file-read') {
        await step(`tasks[${group}]: could not prepare the file to read`, () => prepareReadFile(readFilePath(scratchDir, group), spec.bytes));
      } else if (spec.kind === 'sqlite') {
        const query = { path: sqlitePath(scratchDir, group), sql: spec.sql ?? DEFAULT_SQLITE_QUERY };
        await step(`tasks[${group}]: could not seed the scratch database`, () => seedDatabase(query.path, spec.rows, scenario.options.seed + group));
        await step(`tasks[${group}].sql`, () => scratchStatement(query.path, query.sql));
        queries.push(query);
      }
    }
    await warmThreadPool();
    if (scenario.tasks.some((group) => group.kind === 'http')) await loadHttpClients();
    if (targetUrl === null && needsTarget(scenario)) {
      // Loaded only here, with node:http: most runs serve no target.
      const { startTargetServer } = await import('../target-server/target-server');
      server = await step('could not start the built-in HTTP target server', startTargetServer);
    }
    return { env: { scratchDir, targetUrl: targetUrl ?? server?.url ?? null, groupFiles }, queries, close };
  } catch (error) {
    await close();
    throw error;
  }
}
