import { describe, expect, it, vi } from 'vitest';
import { createEventRelay } from '../../../electron/preload/event-relay';

describe('the preload event relay', () => {
  it('delivers each event to the listeners of its name until they unsubscribe', () => {
    const relay = createEventRelay();
    const progress: unknown[] = [];
    const finished: unknown[] = [];
    const stop = relay.subscribe('runProgress', (payload) => progress.push(payload));
    relay.subscribe('runFinished', (payload) => finished.push(payload));
    relay.dispatch('runProgress', 1);
    relay.dispatch('runFinished', 2);
    stop();
    relay.dispatch('runProgress', 3);
    expect(progress).toEqual([1]);
    expect(finished).toEqual([2]);
  });

  it('keeps delivering to the others when one listener throws', () => {
    const relay = createEventRelay();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: unknown[] = [];
    relay.subscribe('runEvents', () => {
      throw new Error('broken view');
    });
    relay.subscribe('runEvents', (payload) => heard.push(payload));
    relay.dispatch('runEvents', 'batch');
    expect(heard).toEqual(['batch']);
    expect(error).toHaveBeenCalledWith('A listener of "runEvents" failed: broken view');
    error.mockRestore();
  });

  it('ignores events without a name and refuses a subscription without a function', () => {
    const relay = createEventRelay();
    expect(() => relay.dispatch(42, 'x')).not.toThrow();
    expect(() => relay.subscribe('runEvents', 'not a function' as unknown as () => void)).toThrow(TypeError);
  });
});
