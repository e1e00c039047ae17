import { externalEffects } from '../../../shared/scenario';
import { scenarioContentHash } from '../consent/content-hash';
import type { HistoryStore } from '../history';
import type { ApiHandlers } from './api-endpoint';

type ConsentHandlers = Pick<ApiHandlers, 'consent.check' | 'consent.grant'>;

/** Consent for foreign scenarios that execute code, remembered in the history by content hash. */
export function consentHandlers(store: HistoryStore): ConsentHandlers {
  return {
    'consent.check': ({ scenario }) => ({
      effects: externalEffects(scenario),
      granted: store.isExecGranted(scenarioContentHash(scenario)),
    }),
    'consent.grant': ({ scenario }) => {
      store.grantExec(scenarioContentHash(scenario));
      return { granted: true };
    },
  };
}
