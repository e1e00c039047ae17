import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/api-error';
import type { UpdateReadyPayload, UpdateStatus } from '../../../shared/api/desktop-methods';
import { UpdateNotice, type UpdateApi } from '../../../renderer/state/updates/update-notice.svelte';

/** The desktop's update methods from memory: `status` answers `waiting` (or throws it), `restart` records or throws. */
class FakeUpdateApi implements UpdateApi {
  readonly restarts: number[] = [];
  listener: ((payload: UpdateReadyPayload) => void) | null = null;
  constructor(
    private readonly waiting: UpdateStatus | ApiError,
    private readonly restartError: ApiError | null = null,
  ) {}
  updates = {
    status: async () => {
      if (this.waiting instanceof ApiError) throw this.waiting;
      return this.waiting;
    },
    restart: async () => {
      this.restarts.push(1);
      if (this.restartError !== null) throw this.restartError;
      return null;
    },
  };
  onUpdateReady(listener: (payload: UpdateReadyPayload) => void) {
    this.listener = listener;
    return () => (this.listener = null);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('UpdateNotice', () => {
  it('shows nothing until the app says an update is downloaded, then offers its version', async () => {
    const api = new FakeUpdateApi({ readyVersion: null });
    const notice = new UpdateNotice(api);
    notice.start();
    await settle();
    expect(notice.version).toBeNull();
    api.listener!({ version: '2.0.0' });
    expect(notice.version).toBe('2.0.0');
  });

  it('offers an update that was already waiting when the page loaded', async () => {
    const notice = new UpdateNotice(new FakeUpdateApi({ readyVersion: '2.1.0' }));
    notice.start();
    await settle();
    expect(notice.version).toBe('2.1.0');
  });

  it('shows nothing and no error in the browser host, which has no updates', async () => {
    const notice = new UpdateNotice(new FakeUpdateApi(new ApiError('unavailable', 'updates.status is not available in this app')));
    notice.start();
    await settle();
    expect(notice.version).toBeNull();
    expect(notice.error).toBeNull();
  });

  it('restarts through the API, and says why when the restart is refused', async () => {
    const api = new FakeUpdateApi({ readyVersion: '2.0.0' }, new ApiError('unavailable', 'No update has been downloaded: there is nothing to restart into.'));
    const notice = new UpdateNotice(api);
    notice.start();
    await settle();
    await notice.restart();
    expect(api.restarts).toHaveLength(1);
    expect(notice.error).toBe('No update has been downloaded: there is nothing to restart into.');
    expect(notice.restarting).toBe(false);
  });

  it('goes away when dismissed, comes back for the next update, and stops listening when stopped', async () => {
    const api = new FakeUpdateApi({ readyVersion: '2.0.0' });
    const notice = new UpdateNotice(api);
    const stop = notice.start();
    await settle();
    notice.dismiss();
    expect(notice.version).toBeNull();
    api.listener!({ version: '2.0.1' });
    expect(notice.version).toBe('2.0.1');
    stop();
    expect(api.listener).toBeNull();
  });
});
