import type { IncomingMessage, request as httpRequest } from 'node:http';
import type { request as httpsRequest } from 'node:https';
import { targetUrl } from '../target-server/target-query';
import type { KindCall, SpecOf } from './kind-call';

/**
 * node:http and node:https, loaded before the clock by a run with `http` tasks (`loadHttpClients`) and by every
 * worker thread as it warms up: most runs have none, and loading them was several ms of every engine's start.
 */
let clients: { http: typeof httpRequest; https: typeof httpsRequest } | null = null;

export async function loadHttpClients(): Promise<void> {
  if (clients !== null) return;
  const [http, https] = await Promise.all([import('node:http'), import('node:https')]);
  clients = { http: http.request, https: https.request };
}

function requestUrl(spec: SpecOf<'http'>, call: KindCall): URL {
  if (spec.url !== undefined) return new URL(spec.url);
  if (call.env.targetUrl === null) throw new Error('the built-in HTTP target server is not running');
  return new URL(
    targetUrl(call.env.targetUrl, {
      latencyMs: spec.latencyMs,
      jitterMs: spec.jitterMs,
      bytes: spec.bytes,
      failRate: spec.failRate,
      seed: call.draw.seed,
    }),
  );
}

/** Sends the request and reads the whole body; resolves with the response once it has ended. */
function send(url: URL, method: string, headers: Record<string, string> | undefined, signal: AbortSignal): Promise<IncomingMessage> {
  if (clients === null) throw new Error('the HTTP clients were not loaded before the run');
  const { http, https } = clients;
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http)(url, { method, headers, signal }, (response) => {
      response.once('error', reject);
      response.once('end', () => resolve(response));
      response.resume();
    });
    request.once('error', reject);
    request.end();
  });
}

/**
 * One HTTP request (node:http, keep-alive) with the scenario's `headers`, body read to the end. Without `url` it goes to the built-in
 * target server, which also decides the injected failures (a real 500 over the wire).
 */
export async function runHttp(spec: SpecOf<'http'>, call: KindCall): Promise<void> {
  const url = requestUrl(spec, call);
  const response = await send(url, spec.method, spec.headers, call.abort.signal);
  const status = response.statusCode ?? 0;
  if (status >= 400) {
    const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
    throw new Error(`HTTP ${status}${reason} from ${url.origin}`);
  }
}
