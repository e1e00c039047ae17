import type { ConsentCheck } from '../../../shared/api/consent-methods';
import type { ExternalEffect, Scenario } from '../../../shared/scenario';

/** The part of the API client consent needs. */
export interface ConsentApi {
  consent: {
    check(args: { scenario: Scenario; scenarioDir?: string }): Promise<ConsentCheck>;
    grant(args: { scenario: Scenario; scenarioDir?: string }): Promise<{ granted: true }>;
  };
}

/** A question on screen: what the scenario will execute or open, waiting for Run or Cancel. */
export interface ConsentRequest {
  scenarioName: string;
  effects: ExternalEffect[];
}

/**
 * Asks before the first run of a scenario from outside the app that executes code: the backend says what it
 * will execute or open and whether Run was chosen for this exact content before; otherwise `request` holds the
 * question until the dialog answers it. Run is remembered by the backend; Cancel asks again next time.
 */
export class ExecConsent {
  #request = $state.raw<ConsentRequest | null>(null);
  #answer: ((run: boolean) => void) | null = null;
  readonly #api: ConsentApi;

  constructor(api: ConsentApi) {
    this.#api = api;
  }

  /** The question the dialog shows; null when none is open. */
  get request(): ConsentRequest | null { return this.#request; }

  /**
   * Resolves true when the scenario may run: nothing to agree to, agreed before, or Run chosen now. `scenarioDir`:
   * the folder its relative paths start from, so that the question names the files that would really run.
   */
  async confirm(scenario: Scenario, scenarioDir?: string): Promise<boolean> {
    const args = scenarioDir === undefined ? { scenario } : { scenario, scenarioDir };
    const check = await this.#api.consent.check(args);
    if (check.effects.length === 0 || check.granted) return true;
    this.#answer?.(false);
    const run = await new Promise<boolean>((resolve) => {
      this.#answer = resolve;
      this.#request = { scenarioName: scenario.name, effects: check.effects };
    });
    if (run) await this.#api.consent.grant(args);
    return run;
  }

  /** The dialog's answer: Run (true) or Cancel, Escape (false). */
  answer(run: boolean): void {
    const resolve = this.#answer;
    this.#answer = null;
    this.#request = null;
    resolve?.(run);
  }
}
