import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/cli-io';
import { CliError } from '../../../electron/cli/cli-error';
import { confirmExec } from '../../../electron/cli/run/exec-consent';
import { checkScenario } from '../../../shared/scenario';

function terminal(answer: string): { io: CliIo; printed: () => string } {
  let text = '';
  const errStream = new PassThrough() as unknown as NodeJS.WriteStream;
  (errStream as unknown as PassThrough).on('data', (chunk: Buffer) => (text += chunk.toString()));
  const io: CliIo = {
    out: () => {},
    err: (t) => (text += t),
    stdin: Readable.from([`${answer}\n`]),
    errStream,
    stdinIsTTY: true,
    stderrIsTTY: true,
    env: {},
  };
  return { io, printed: () => text };
}

const check = checkScenario({
  version: 1,
  name: 'x',
  strategy: { type: 'all' },
  tasks: [{ kind: 'spawn', count: 1, command: 'sh', args: ['-c', 'echo one'] }, { kind: 'spawn', count: 1, command: '/bin/true' }],
});
const scenario = check.ok ? check.scenario : (() => { throw new Error('bad fixture'); })();

describe('confirmExec on a terminal', () => {
  it('lists every command and goes on after y', async () => {
    const { io, printed } = terminal('y');
    await confirmExec(scenario, 'x.json', false, io);
    expect(printed()).toContain("tasks[0]: sh -c 'echo one'\n  tasks[1]: /bin/true");
    expect(printed()).toContain('Run it? [y/N]');
  });

  it.each(['', 'n', 'no', 'yes please'])('refuses with exit 2 on %j', async (answer) => {
    const { io } = terminal(answer);
    const error = await confirmExec(scenario, 'x.json', false, io).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
  });

  it('asks nothing with --allow-exec', async () => {
    const { io, printed } = terminal('n');
    await confirmExec(scenario, 'x.json', true, io);
    expect(printed()).toBe('');
  });
});

describe('confirmExec for your own code and data', () => {
  const own = checkScenario({
    version: 1,
    name: 'own',
    strategy: { type: 'all' },
    tasks: [{ kind: 'module', count: 1, path: './fetch-user.mjs' }, { kind: 'sqlite', count: 1, database: 'app.db', sql: 'SELECT 1' }],
  });
  const ownScenario = own.ok ? own.scenario : (() => { throw new Error('bad fixture'); })();

  it("lists the module it runs and the database it reads, from the file's folder, and asks", async () => {
    const { io, printed } = terminal('y');
    await confirmExec(ownScenario, '/home/me/own.json', false, io);
    expect(printed()).toContain('tasks[0]: runs the code of /home/me/fetch-user.mjs\n  tasks[1]: reads the database /home/me/app.db');
  });

  it('refuses off a terminal without --allow-exec, saying what it would run and read', async () => {
    const { io } = terminal('y');
    const error = await confirmExec(ownScenario, 'own.json', false, { ...io, stdinIsTTY: false }).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toContain('own.json runs code or reads files on this computer');
  });
});
