import type { TaskGroup } from '../../../shared/scenario';
import type { KindCall } from './kind-call';
import { runCpu } from './cpu';
import { runCrypto } from './crypto';
import { runFileRead, runFileWrite } from './file';
import { runHttp } from './http';
import { runSpawn } from './spawn';
import { runSqlite } from './sqlite';
import { runTimer } from './timer';

function runOperation(spec: TaskGroup, call: KindCall): Promise<void> {
  switch (spec.kind) {
    case 'timer':
      return runTimer(spec, call);
    case 'cpu':
      return runCpu(spec, call);
    case 'file-write':
      return runFileWrite(spec, call);
    case 'file-read':
      return runFileRead(spec, call);
    case 'http':
      return runHttp(spec, call);
    case 'sqlite':
      return runSqlite(spec, call);
    case 'crypto':
      return runCrypto(spec, call);
    case 'spawn':
      return runSpawn(spec, call);
  }
}

/** The built-in target server injects its own failures, as real 500 answers. */
function failsOnItsOwn(spec: TaskGroup): boolean {
  return spec.kind === 'http' && spec.url === undefined;
}

/**
 * Runs one attempt of a task on the calling thread: the real operation, then the injected failure the
 * attempt's draw decided (after the work, as a real failure would come).
 */
export function executeKind(spec: TaskGroup, call: KindCall): Promise<void> {
  const operation = runOperation(spec, call);
  if (!call.draw.failInjected || failsOnItsOwn(spec)) return operation;
  return operation.then(() => {
    throw new Error(`injected failure (failRate ${spec.failRate})`);
  });
}
