/** How the built-in target server should answer one request; travels in the query string. */
export interface TargetQuery {
  latencyMs: number;
  jitterMs: number;
  /** Size of the response body. */
  bytes: number;
  /** Probability (0..1) of answering 500 instead of 200. */
  failRate: number;
  /** Makes this request's jitter and failure reproducible. */
  seed: number;
}

/** The URL that asks the target server at `baseUrl` for `query`. */
export function targetUrl(baseUrl: string, query: TargetQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) params.set(key, String(value));
  return `${baseUrl}/?${params.toString()}`;
}

function numberParam(params: URLSearchParams, key: keyof TargetQuery, min: number, max: number): number {
  const raw = params.get(key);
  if (raw === null) return min;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new Error(`query parameter ${key} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Reads a request's query; throws an Error naming the bad parameter. Missing parameters take their minimum. */
export function parseTargetQuery(search: string, limits: { maxMs: number; maxBytes: number }): TargetQuery {
  const params = new URLSearchParams(search);
  return {
    latencyMs: numberParam(params, 'latencyMs', 0, limits.maxMs),
    jitterMs: numberParam(params, 'jitterMs', 0, limits.maxMs),
    bytes: Math.floor(numberParam(params, 'bytes', 0, limits.maxBytes)),
    failRate: numberParam(params, 'failRate', 0, 1),
    seed: numberParam(params, 'seed', 0, 2 ** 32),
  };
}
