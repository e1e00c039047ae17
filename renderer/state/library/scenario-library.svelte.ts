import { PRESET_CONCEPTS, type Preset, type PresetConcept } from '../../../shared/presets/preset';
import type { SavedScenario } from '../../../shared/run/saved-scenario';
import type { ScenarioInput } from '../../../shared/scenario';
import { describeError, type ExplorerApi } from '../explorer-api';

/** The built-in scenarios of one concept. */
export interface ConceptGroup {
  concept: PresetConcept;
  presets: Preset[];
}

/** The built-in scenarios and the user's saved ones, kept as the backend has them. */
export class ScenarioLibrary {
  #builtIn = $state.raw<Preset[]>([]);
  #saved = $state.raw<SavedScenario[]>([]);
  #loading = $state(false);
  #error = $state<string | null>(null);
  readonly #api: ExplorerApi;

  /** Built-ins grouped by concept, in the brief's concept order. */
  readonly byConcept: ConceptGroup[] = $derived(
    PRESET_CONCEPTS.map((concept) => ({ concept, presets: this.#builtIn.filter((p) => p.concept === concept) })).filter(
      (g) => g.presets.length > 0,
    ),
  );

  constructor(api: ExplorerApi) {
    this.#api = api;
  }

  get builtIn(): readonly Preset[] { return this.#builtIn; }
  get saved(): readonly SavedScenario[] { return this.#saved; }
  get loading(): boolean { return this.#loading; }
  /** The last failure, for an alert; cleared by the next success. */
  get error(): string | null { return this.#error; }

  async refresh(): Promise<void> {
    this.#loading = true;
    try {
      const list = await this.#api.scenarios.list();
      this.#builtIn = list.builtIn;
      this.#saved = list.saved;
      this.#error = null;
    } catch (error) {
      this.#error = `The scenarios could not be loaded: ${describeError(error)}`;
    } finally {
      this.#loading = false;
    }
  }

  /** Saves a new scenario, or replaces the one with `id`; null (with `error` set) when the backend refuses. */
  async save(name: string, scenario: ScenarioInput, id?: number): Promise<SavedScenario | null> {
    try {
      const saved = await this.#api.scenarios.save(id === undefined ? { name, scenario } : { id, name, scenario });
      this.#saved = [...this.#saved.filter((s) => s.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name));
      this.#error = null;
      return saved;
    } catch (error) {
      this.#error = `"${name}" could not be saved: ${describeError(error)}`;
      return null;
    }
  }

  /** A copy named "<name> (copy)". */
  async duplicate(id: number): Promise<SavedScenario | null> {
    const original = this.#saved.find((s) => s.id === id);
    if (original === undefined) return null;
    return this.save(`${original.name} (copy)`.slice(0, 120), { ...original.scenario, name: `${original.scenario.name} (copy)`.slice(0, 120) });
  }

  async rename(id: number, name: string): Promise<SavedScenario | null> {
    const original = this.#saved.find((s) => s.id === id);
    if (original === undefined) return null;
    return this.save(name, { ...original.scenario, name }, id);
  }

  async remove(id: number): Promise<boolean> {
    try {
      await this.#api.scenarios.delete({ id });
      this.#saved = this.#saved.filter((s) => s.id !== id);
      this.#error = null;
      return true;
    } catch (error) {
      this.#error = `The scenario could not be deleted: ${describeError(error)}`;
      return false;
    }
  }
}
