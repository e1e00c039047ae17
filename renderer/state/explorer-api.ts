import { ApiError } from '../../shared/api/api-error';
import type { RunEventsPayload, RunFinishedPayload, RunPreparingPayload, RunProgressPayload, RunStartedPayload } from '../../shared/api/run-events';
import type { ApiArgs } from '../../shared/api/api-contract';
import type { ConsentApi } from './consent/exec-consent.svelte';
import type { RuntimeApi } from './runtimes/runtime-catalog.svelte';
import type { ActiveRunInfo } from '../../shared/api/run-methods';
import type { Finding } from '../../shared/findings';
import type { MachineLoad } from '../../shared/presets';
import type { ScenarioList } from '../../shared/api/scenario-methods';
import type { RunSummary } from '../../shared/run/run-schema';
import type { SavedScenario } from '../../shared/run/saved-scenario';
import type { ColumnarRun } from '../../shared/run/task-columns';
import type { ScenarioInput } from '../../shared/scenario';
import { errorMessage } from '../../shared/errors/error-message';

type Unsubscribe = () => void;

/**
 * The part of the typed API client (`shared/api/api-client.ts`) the explorer UI uses. State classes
 * depend on this narrow view so that tests can hand them a small fake; the real client satisfies it.
 */
export interface ExplorerApi extends ConsentApi, RuntimeApi {
  runs: {
    start(args: { scenario: ScenarioInput; options?: { scenarioDir?: string } }): Promise<{ key: string; runId: number | null }>;
    cancel(args: { key: string }): Promise<{ cancelled: boolean }>;
    active(): Promise<ActiveRunInfo[]>;
    machine(): Promise<MachineLoad>;
  };
  scenarios: {
    list(): Promise<ScenarioList>;
    save(args: { id?: number; name: string; scenario: ScenarioInput }): Promise<SavedScenario>;
    delete(args: { id: number }): Promise<{ deleted: boolean }>;
  };
  history: {
    list(args: ApiArgs<'history.list'>): Promise<{ runs: RunSummary[]; total: number }>;
    getColumnar(args: { id: number }): Promise<ColumnarRun>;
    findings(args: { id: number }): Promise<Finding[]>;
  };
  onRunPreparing(listener: (payload: RunPreparingPayload) => void): Unsubscribe;
  onRunStarted(listener: (payload: RunStartedPayload) => void): Unsubscribe;
  onRunProgress(listener: (payload: RunProgressPayload) => void): Unsubscribe;
  onRunEvents(listener: (payload: RunEventsPayload) => void): Unsubscribe;
  onRunFinished(listener: (payload: RunFinishedPayload) => void): Unsubscribe;
}

/** A message for a person from any error an API call throws: an `ApiError` also lists its problems. */
export function describeError(error: unknown): string {
  const problems = error instanceof Error ? (error as { problems?: unknown }).problems : undefined;
  if (Array.isArray(problems) && problems.length > 0) {
    const lines = problems.map((p: { path?: unknown; message?: unknown }) => `${String(p.path)}: ${String(p.message)}`);
    return `${errorMessage(error)}\n${lines.join('\n')}`;
  }
  return errorMessage(error);
}

/** True when the host serves no native dialogs: the browser host answers every `dialogs.*` with `unavailable`. */
export function isNoDialogsError(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unavailable' && error.message.startsWith('dialogs.');
}
