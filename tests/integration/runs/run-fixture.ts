import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkScenario, type Scenario } from '../../../shared/scenario';
import { HistoryStore } from '../../../electron/backend/history';
import { forkLauncher } from '../../../electron/backend/runs/fork-launcher';
import { builtEngineEntry } from '../../fixtures/built-app';
import { RunService, type RunServiceOptions } from '../../../electron/backend/runs/run-service';

/** A scenario from a literal, with defaults filled in; throws on a typo in the test itself. */
export function scenarioOf(input: unknown): Scenario {
  const check = checkScenario(input);
  if (!check.ok) throw new Error(`bad test scenario: ${JSON.stringify(check.problems)}`);
  return check.scenario;
}

/** A real history file, a real engine launcher and a scratch root of its own, in a fresh temp folder. */
export class RunFixture {
  private constructor(
    readonly dir: string,
    readonly store: HistoryStore,
  ) {}

  static async create(): Promise<RunFixture> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'run-service-'));
    return new RunFixture(dir, HistoryStore.open(path.join(dir, 'history.sqlite')));
  }

  get scratchRoot(): string {
    return path.join(this.dir, 'scratch');
  }

  service(options: Pick<RunServiceOptions, 'cancelGraceMs' | 'scratchRoot' | 'runtimeLaunchers'> = {}): RunService {
    return new RunService({ store: this.store, launcher: forkLauncher(builtEngineEntry()), scratchRoot: this.scratchRoot, ...options });
  }

  /** What is left in the scratch root (every run removes its own folder). */
  async scratchLeft(): Promise<string[]> {
    return readdir(this.scratchRoot).catch(() => []);
  }

  async dispose(): Promise<void> {
    this.store.close();
    await rm(this.dir, { recursive: true, force: true });
  }
}
