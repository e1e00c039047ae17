import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { javaRunner } from '../../../electron/backend/runtimes/java-runner';
import { describeRunner } from './runner-suite';

const PLAIN = join(import.meta.dirname, 'plain', 'PlainTimers.java');

describeRunner(javaRunner, async (workload) => {
  const { stdout } = await promisify(execFile)('java', [PLAIN, workload]);
  return Number(stdout.trim());
});
