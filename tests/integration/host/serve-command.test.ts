import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApiClient } from '../../../shared/api/api-client';
import type { RunEventsPayload } from '../../../shared/api/run-events';
import type { ScenarioInput } from '../../../shared/scenario';
import { WebSocketTransport } from '../../../renderer/api/websocket-transport';
import { CliFixture, STACK_LINE } from '../cli/cli-fixture';
import { startBrowserHostProcess } from '../../e2e/fixtures/browser-host-process';

let cli: CliFixture;

beforeAll(async () => {
  cli = await CliFixture.create();
  // The renderer's transport uses the browser's WebSocket; in Node, ws provides the same interface.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
}, 180_000);
afterAll(() => cli.dispose());

describe('concurrency-explorer serve', () => {
  it('refuses an address other machines can reach unless --allow-remote says so', async () => {
    const result = await cli.run(['serve', '--host', '0.0.0.0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--allow-remote');
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a port that is not a port', async () => {
    const result = await cli.run(['serve', '--port', '70000']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('must be a port number from 0 to 65535');
  });

  it('says clearly when the port is taken', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const result = await cli.run(['serve', '--port', String(port)]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
      expect(result.stderr).not.toMatch(STACK_LINE);
    } finally {
      taken.close();
    }
  });

  it('runs a scenario for a browser client: events arrive batched, and the run is in the history', async () => {
    const host = await startBrowserHostProcess(cli.db);
    try {
      const api = createApiClient(new WebSocketTransport(`ws://127.0.0.1:${host.port}/api?token=${host.token}`));
      const seen: string[] = [];
      const batches: RunEventsPayload[] = [];
      api.onRunStarted(() => seen.push('started'));
      api.onRunEvents((batch) => (seen.push('events'), batches.push(batch)));
      api.onRunProgress(() => seen.push('progress'));
      const finished = new Promise<string>((resolve) => api.onRunFinished((outcome) => (seen.push('finished'), resolve(outcome.status))));

      const scenario: ScenarioInput = {
        version: 1,
        name: 'Served timers',
        strategy: { type: 'pool', concurrency: 4 },
        tasks: [{ kind: 'timer', count: 40, ms: 5 }],
      };
      const { key, runId } = await api.runs.start({ scenario, options: { tags: ['served'] } });
      expect(key).toBe(String(runId));
      expect(await finished).toBe('completed');

      expect(seen[0]).toBe('started');
      expect(seen.at(-1)).toBe('finished');
      expect(batches.flatMap((b) => b.finished)).toHaveLength(40);
      expect(batches.length).toBeLessThan(40);
      const run = await api.history.get({ id: runId! });
      expect(run).toMatchObject({ status: 'completed', name: 'Served timers', tags: ['served'] });
      expect(run.tasks).toHaveLength(40);
      expect(await api.runs.active()).toEqual([]);
    } finally {
      await host.stop();
    }
  });
});
