import { getContext, setContext } from 'svelte';
import type { ExplorerApi } from '../explorer-api';

const CONTEXT_KEY = Symbol('what-if-api');

/** Gives every "What if…" below this component the API to run a variant for real. */
export function provideWhatIfApi(api: ExplorerApi): void {
  setContext(CONTEXT_KEY, api);
}

/** The API to run a variant for real, or null where none was provided (then only the prediction shows). */
export function whatIfApi(): ExplorerApi | null {
  return getContext<ExplorerApi | undefined>(CONTEXT_KEY) ?? null;
}
