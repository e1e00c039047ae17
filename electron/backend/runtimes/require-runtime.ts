import { ApiError } from '../../../shared/api/api-error';
import { RUNTIME_LABELS, type Runtime } from '../../../shared/scenario';
import { detectRuntime } from './runtime-registry';

/**
 * Refuses, before any run is recorded or process started, a scenario whose runtime is missing here, with what
 * to install. Node is always there.
 */
export async function requireRuntime(runtime: Runtime, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (runtime === 'node') return;
  const status = await detectRuntime(runtime, env);
  if (status.available) return;
  throw new ApiError('unavailable', `This scenario runs on ${RUNTIME_LABELS[runtime]}, which is not available here: ${status.reason ?? 'not found'}.`);
}
