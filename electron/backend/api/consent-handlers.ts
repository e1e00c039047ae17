import { externalEffects } from '../../../shared/scenario';
import { scenarioContentHash } from '../consent/content-hash';
import type { HistoryStore } from '../history';
import { withAbsoluteUserPaths } from '../runs/user-paths';
import type { ApiHandlers } from './api-endpoint';

type ConsentHandlers = Pick<ApiHandlers, 'consent.check' | 'consent.grant'>;

/**
 * Consent for foreign scenarios that execute code, remembered in the history by content hash. Relative `module` and
 * `database` paths are made absolute from the scenario's folder first, as the run will open them: the user agrees to
 * those files, and the same scenario in another folder (other files) asks again.
 */
export function consentHandlers(store: HistoryStore): ConsentHandlers {
  return {
    'consent.check': ({ scenario, scenarioDir }) => {
      const opened = withAbsoluteUserPaths(scenario, scenarioDir);
      return { effects: externalEffects(opened), granted: store.isExecGranted(scenarioContentHash(opened)) };
    },
    'consent.grant': ({ scenario, scenarioDir }) => {
      store.grantExec(scenarioContentHash(withAbsoluteUserPaths(scenario, scenarioDir)));
      return { granted: true };
    },
  };
}
