import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_HTTP_BODY_BYTES, MAX_TIMER_MS } from '../../../shared/scenario';
import { mulberry32 } from '../../../shared/random/seeded-random';
import { parseTargetQuery } from './target-query';
import { errorMessage } from '../../../shared/errors/error-message';

/** A running built-in target server. */
export interface TargetServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

let body = Buffer.alloc(0);

function bodyOf(bytes: number): Buffer {
  if (body.length < bytes) body = Buffer.alloc(bytes, 'target ');
  return body.subarray(0, bytes);
}

/** `served`: how many requests this server has been asked, this one included. */
function answer(request: IncomingMessage, response: ServerResponse, served: number): void {
  let query;
  try {
    query = parseTargetQuery(new URL(request.url ?? '/', 'http://target').search, { maxMs: MAX_TIMER_MS, maxBytes: MAX_HTTP_BODY_BYTES });
  } catch (error) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end(errorMessage(error));
    return;
  }
  const random = mulberry32(query.seed);
  const fails = random() < query.failRate;
  const delayMs = query.latencyMs + random() * query.jitterMs;
  // Which process served it: the target's own, or the engine's under `options.target: "in-engine"`.
  response.setHeader('x-target-pid', String(process.pid));
  // How many requests reached it: what a runtime's run sent to this server can be counted from outside.
  response.setHeader('x-target-requests', String(served));
  const timer = setTimeout(() => {
    if (fails) response.writeHead(500, { 'content-type': 'text/plain' }).end('injected failure');
    else response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(bodyOf(query.bytes));
  }, delayMs);
  // The client gave up (timeout or cancel): nobody is waiting for the answer any more.
  response.once('close', () => clearTimeout(timer));
  request.resume();
}

/**
 * Starts the loopback server that `http` tasks without a `url` call: it waits the requested latency
 * (plus seeded jitter), then answers a body of the requested size, or 500 at the requested rate.
 */
export async function startTargetServer(): Promise<TargetServer> {
  let served = 0;
  const server = createServer((request, response) => answer(request, response, ++served));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
