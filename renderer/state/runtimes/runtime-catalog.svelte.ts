import { getContext, setContext } from 'svelte';
import type { RuntimeList, RuntimeStatus } from '../../../shared/api/runtime-methods';
import { compareRuntimes, type RuntimeComparison } from '../../../shared/experiments/compare-runtimes';
import type { Runtime, Scenario } from '../../../shared/scenario';
import { errorMessage } from '../../../shared/errors/error-message';

/** The part of the API the catalog needs. */
export interface RuntimeApi {
  runtimes: { list(): Promise<RuntimeList> };
}

/**
 * Which runtimes can run scenarios on the backend's machine, asked once and again on `refresh` (a toolchain
 * installed meanwhile shows up). Until the answer is in, only Node counts as available.
 */
export class RuntimeCatalog {
  #statuses = $state<RuntimeStatus[]>([]);
  #error = $state<string | null>(null);
  readonly #api: RuntimeApi;
  #loading: Promise<void> | null = null;

  constructor(api: RuntimeApi) {
    this.#api = api;
  }

  get statuses(): readonly RuntimeStatus[] {
    return this.#statuses;
  }

  /** Why the list could not be had, or null. */
  get error(): string | null {
    return this.#error;
  }

  status(runtime: Runtime): RuntimeStatus | undefined {
    return this.#statuses.find((s) => s.name === runtime);
  }

  get available(): Runtime[] {
    const found = this.#statuses.filter((s) => s.available).map((s) => s.name);
    return found.length > 0 ? found : ['node'];
  }

  /** Asks the backend once; later calls wait for the same answer. */
  load(): Promise<void> {
    this.#loading ??= this.refresh();
    return this.#loading;
  }

  async refresh(): Promise<void> {
    try {
      this.#statuses = (await this.#api.runtimes.list()).runtimes;
      this.#error = null;
    } catch (error) {
      this.#error = `Could not find out which runtimes are installed: ${errorMessage(error)}`;
    }
  }

  /** The scenario on every runtime available here, once the list is in. */
  async comparison(scenario: Scenario): Promise<RuntimeComparison> {
    await this.load();
    return compareRuntimes(scenario, this.available);
  }
}

const CONTEXT_KEY = Symbol('runtime-catalog');

/** Makes the catalog reachable from every view below (the editor's runtime picker). */
export function provideRuntimeCatalog(catalog: RuntimeCatalog): void {
  setContext(CONTEXT_KEY, catalog);
}

/** The catalog the app provided, or null outside it (a component test). */
export function runtimeCatalog(): RuntimeCatalog | null {
  return getContext<RuntimeCatalog | undefined>(CONTEXT_KEY) ?? null;
}
