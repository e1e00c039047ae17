import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { goRunner } from '../../../electron/backend/runtimes/go-runner';
import { describeRunner } from './runner-suite';

const PLAIN = join(import.meta.dirname, 'plain', 'plain_timers.go');

describeRunner(goRunner, async (workload) => {
  const { stdout } = await promisify(execFile)('go', ['run', PLAIN, workload], { env: { ...process.env, GO111MODULE: 'off' } });
  return Number(stdout.trim());
});
