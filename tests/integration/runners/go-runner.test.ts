import { join } from 'node:path';
import { goRunner } from '../../../electron/backend/runtimes/go-runner';
import { plainWallMs } from '../runtimes/runtime-harness';
import { describeRunner } from './runner-suite';

const PLAIN = join(import.meta.dirname, 'plain', 'plain_timers.go');

describeRunner(goRunner, (toolchain, workload) => plainWallMs(toolchain, ['run', PLAIN, workload]));
