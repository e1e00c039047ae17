import { join } from 'node:path';
import { javaRunner } from '../../../electron/backend/runtimes/java-runner';
import { plainWallMs } from '../runtimes/runtime-harness';
import { describeRunner } from './runner-suite';

const PLAIN = join(import.meta.dirname, 'plain', 'PlainTimers.java');

describeRunner(javaRunner, (toolchain, workload) => plainWallMs(toolchain, [PLAIN, workload]));
