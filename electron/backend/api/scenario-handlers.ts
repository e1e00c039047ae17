import { ApiError } from '../../../shared/api/api-error';
import { PRESETS } from '../../../shared/presets';
import { checkScenarioText } from '../../../shared/scenario';
import type { HistoryStore } from '../history';
import type { ApiHandlers } from './api-endpoint';

type ScenarioHandlers = Pick<
  ApiHandlers,
  'scenarios.list' | 'scenarios.get' | 'scenarios.save' | 'scenarios.delete' | 'scenarios.validate'
>;

/** Built-in experiments come from shared/presets; saved scenarios from the history store. */
export function scenarioHandlers(store: HistoryStore): ScenarioHandlers {
  return {
    'scenarios.list': () => ({ builtIn: [...PRESETS], saved: store.listScenarios() }),
    'scenarios.get': ({ id }) => {
      const saved = store.getScenario(id);
      if (saved === null) throw new ApiError('not_found', `There is no saved scenario with id ${id}.`);
      return saved;
    },
    'scenarios.save': (input) => store.saveScenario(input),
    'scenarios.delete': ({ id }) => ({ deleted: store.deleteScenario(id) }),
    'scenarios.validate': ({ text }) => checkScenarioText(text),
  };
}
