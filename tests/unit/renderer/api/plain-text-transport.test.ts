import { describe, expect, it } from 'vitest';
import { withoutControlCharacters } from '../../../../renderer/api/plain-text-transport';
import type { ApiTransport } from '../../../../shared/api/api-transport';

describe('the page transport keeps control characters out of the UI', () => {
  it('strips them from every string of answers and events, and leaves other values alone', async () => {
    let emit: (payload: unknown) => void = () => {};
    const columns = new Float64Array([1, 2]);
    const inner: ApiTransport = {
      call: async () => ({ ok: true, result: { runs: [{ name: 'a\u001b]0;t\u0007b', tags: ['x\u202ey', 'plain'], wallMs: 3, columns }], note: 'line\nnext\ttab' } }),
      subscribe: (_event, listener) => ((emit = listener), () => {}),
    };
    const transport = withoutControlCharacters(inner);
    expect(await transport.call('history.list', {})).toEqual({
      ok: true,
      result: { runs: [{ name: 'a]0;tb', tags: ['xy', 'plain'], wallMs: 3, columns }], note: 'line\nnext\ttab' },
    });
    const seen: unknown[] = [];
    transport.subscribe('runEvents', (payload) => seen.push(payload));
    emit({ error: 'boom\u009b2J' });
    expect(seen).toEqual([{ error: 'boom2J' }]);
  });
});
