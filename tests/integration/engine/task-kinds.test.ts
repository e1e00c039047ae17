import { readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finishedOf, runEngine, scenario } from './run-engine';

describe('task kinds through a real engine process', () => {
  let server: Server;
  let baseUrl = '';
  const requests: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(`${request.method} ${request.url}`);
      if (request.url === '/unavailable') response.writeHead(503).end();
      else response.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('http: calls the given URL, and an error status fails the task', async () => {
    const run = await runEngine(
      scenario({
        strategy: { type: 'all' },
        tasks: [
          { kind: 'http', count: 5, url: `${baseUrl}/hello`, method: 'POST' },
          { kind: 'http', count: 1, url: `${baseUrl}/unavailable` },
        ],
      }),
    );
    expect(requests.filter((r) => r === 'POST /hello')).toHaveLength(5);
    expect(requests).toContain('GET /unavailable');
    expect(run.records.find((r) => r.index === 5)).toMatchObject({ status: 'error', error: `HTTP 503 Service Unavailable from ${baseUrl}` });
  });

  it('http: the built-in target server answers with the latency and failure rate the task asks for', async () => {
    const run = await runEngine(
      scenario({ strategy: { type: 'allSettled' }, tasks: [{ kind: 'http', count: 30, latencyMs: 40, jitterMs: 20, bytes: 50_000, failRate: 0.3 }] }),
    );
    const metrics = finishedOf(run).metrics;
    expect(metrics.failed).toBeGreaterThan(2);
    expect(metrics.ok).toBeGreaterThan(10);
    expect(run.records.filter((r) => r.status === 'error').every((r) => r.error?.startsWith('HTTP 500'))).toBe(true);
    // The server waits at least latencyMs before it answers.
    expect(metrics.latencyMs.p50).toBeGreaterThanOrEqual(40);
  });

  it('file-write and file-read: real files in the scratch folder, async and sync', async () => {
    let written: [string, number][] = [];
    const run = await runEngine(
      scenario({
        strategy: { type: 'pool', concurrency: 3 },
        tasks: [
          { kind: 'file-write', count: 4, bytes: 10_000 },
          { kind: 'file-write', count: 2, bytes: 5_000, sync: true },
          { kind: 'file-read', count: 3, bytes: 20_000 },
          { kind: 'file-read', count: 3, bytes: 1_000, sync: true },
        ],
      }),
      {
        inspectScratch: (dir) => {
          written = readdirSync(dir)
            .filter((name) => name.startsWith('write-'))
            .map((name) => [name, statSync(join(dir, name)).size]);
        },
      },
    );
    expect(finishedOf(run).metrics.ok).toBe(12);
    expect(new Map(written)).toEqual(
      new Map([['write-0.bin', 10_000], ['write-1.bin', 10_000], ['write-2.bin', 10_000], ['write-3.bin', 10_000], ['write-4.bin', 5_000], ['write-5.bin', 5_000]]),
    );
  });

  it('sqlite: the default report, a custom query and a write, on the loop and on worker threads', async () => {
    const tasks = [
      { kind: 'sqlite' as const, count: 3, rows: 5_000 },
      { kind: 'sqlite' as const, count: 2, rows: 100, sql: 'SELECT COUNT(*) FROM orders WHERE category = \'books\'' },
      { kind: 'sqlite' as const, count: 2, rows: 100, sql: 'UPDATE orders SET amount = amount + 1 WHERE id = 1' },
    ];
    const onLoop = await runEngine(scenario({ strategy: { type: 'all' }, tasks }));
    const onWorkers = await runEngine(scenario({ strategy: { type: 'workers', threads: 2 }, tasks }));
    expect(finishedOf(onLoop).metrics.ok).toBe(7);
    expect(finishedOf(onWorkers).metrics.ok).toBe(7);
  });

  it('spawn: runs a child process; a non-zero exit or a missing command fails the task, with the reason', async () => {
    const run = await runEngine(
      scenario({
        strategy: { type: 'allSettled' },
        tasks: [
          { kind: 'spawn', count: 2, command: 'node', args: ['-e', 'process.exit(0)'] },
          { kind: 'spawn', count: 1, command: 'node', args: ['-e', 'console.error("disk full"); process.exit(3)'] },
          { kind: 'spawn', count: 1, command: 'no-such-command-here' },
        ],
      }),
    );
    expect(run.records.map((r) => r.status)).toEqual(['ok', 'ok', 'error', 'error']);
    expect(run.records[2]?.error).toBe('node exited with code 3: disk full');
    expect(run.records[3]?.error).toMatch(/ENOENT/);
  });
});
