import { z } from 'zod';
import type { ApiErrorData, ApiResponse } from './api-error';

/** The path of the browser host's WebSocket; the token goes in the query (`/api?token=...`) or the cookie. */
export const WS_API_PATH = '/api';

/** Browser -> host: one API call; `id` pairs it with its response. */
export const WsCallMessageSchema = z.strictObject({
  type: z.literal('call'),
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  method: z.string().max(200),
  args: z.unknown(),
});

/** One event as it travels inside an `events` message. */
export interface WsEvent {
  event: string;
  payload: unknown;
}

/**
 * Host -> browser: the response to a call; a batch of events (at most one such message per animation
 * frame); or a complaint about a message that could not be read as a call.
 */
export type WsServerMessage =
  | { type: 'response'; id: number; response: ApiResponse }
  | { type: 'events'; events: WsEvent[] }
  | { type: 'protocolError'; error: ApiErrorData };
