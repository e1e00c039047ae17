import { statusCode, type TimelineStatus } from '../data/task-codes';
import type { TimelineData } from '../data/timeline-data';

const NOT_OK: readonly TimelineStatus[] = ['error', 'timeout', 'cancelled', 'skipped'];
const NOT_OK_CODES = new Set(NOT_OK.map(statusCode));

/** Which tasks a table lists. */
export type RowFilter = 'all' | 'not-ok';

/**
 * The slots a table shows, in order: every slot (null, meaning "row = slot", with no list built) or only
 * the finished tasks that did not end ok (error, timeout, cancelled, skipped), in one pass over the statuses.
 */
export function rowSlots(data: TimelineData, filter: RowFilter): Uint32Array | null {
  if (filter === 'all') return null;
  const status = data.status;
  let count = 0;
  for (let slot = 0; slot < data.count; slot++) if (NOT_OK_CODES.has(status[slot]!)) count++;
  const slots = new Uint32Array(count);
  let next = 0;
  for (let slot = 0; slot < data.count; slot++) if (NOT_OK_CODES.has(status[slot]!)) slots[next++] = slot;
  return slots;
}
