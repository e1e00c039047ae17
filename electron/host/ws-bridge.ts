import type { RawData, WebSocket } from 'ws';
import { API_EVENT_NAMES } from '../../shared/api/api-contract';
import { ApiError } from '../../shared/api/api-error';
import type { ApiTransport } from '../../shared/api/api-transport';
import { binaryMessageParts, splitTypedArrays } from '../../shared/api/ws-binary';
import { WsCallMessageSchema, type WsServerMessage } from '../../shared/api/ws-protocol';
import { problemsToText, toProblems } from '../../shared/validation/format-issues';
import { EventBatcher } from './event-batcher';
import { errorMessage } from '../../shared/errors/error-message';

/**
 * Serves the API over one browser's WebSocket: each `call` message is answered with a `response` (JSON text, or
 * one binary message when the answer holds typed arrays, `shared/api/ws-binary.ts`), and every backend event
 * reaches the browser in batched `events` messages until the socket closes.
 */
export function bridgeWebSocket(socket: WebSocket, backend: ApiTransport, flushIntervalMs?: number): void {
  const send = (message: WsServerMessage) => {
    if (socket.readyState !== socket.OPEN) return;
    const split = splitTypedArrays(message);
    if (split === null) return socket.send(JSON.stringify(message));
    // One message in fragments, sent in one go (nothing else can be sent between them): the arrays' own bytes, never copied.
    const parts = binaryMessageParts(Buffer.from(split.header), split.arrays);
    parts.forEach((part, i) => socket.send(part, { binary: true, fin: i === parts.length - 1 }));
  };
  const batcher = new EventBatcher((events) => send({ type: 'events', events }), flushIntervalMs);
  const unsubscribers = API_EVENT_NAMES.map((event) =>
    backend.subscribe(event, (payload) => batcher.push({ event, payload })),
  );

  socket.on('message', (data, isBinary) => {
    const message = readCall(data, isBinary);
    if (message instanceof ApiError) {
      send({ type: 'protocolError', error: message.toData() });
      return;
    }
    void backend
      .call(message.method, message.args)
      .then((response) => send({ type: 'response', id: message.id, response }))
      .catch((error: unknown) => {
        const failure = new ApiError('internal', `The answer to ${message.method} could not be sent: ${errorMessage(error)}`);
        send({ type: 'response', id: message.id, response: { ok: false, error: failure.toData() } });
      });
  });
  // A broken frame or an oversized message ends this socket ('close' follows); it must not end the host.
  socket.on('error', (error) => console.error(`A browser connection failed: ${error.message}`));
  socket.on('close', () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    batcher.dispose();
  });
}

function readCall(data: RawData, isBinary: boolean) {
  if (isBinary) return new ApiError('bad_request', 'Messages must be JSON text, not binary');
  let value: unknown;
  try {
    value = JSON.parse(data.toString());
  } catch (error) {
    return new ApiError('bad_request', `A message is not valid JSON: ${errorMessage(error)}`);
  }
  const parsed = WsCallMessageSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = toProblems(parsed.error.issues, value);
  return new ApiError('bad_request', `A message is not an API call:\n${problemsToText(problems)}`, problems);
}
