import { describe, expect, it } from 'vitest';
import { decideUpdateCheck, NoUpdateReadyError, UpdateController, type UpdateFeed } from '../../../electron/main/updates/update-controller';

/** A release feed that answers from memory and records every call; `latest` null means no newer release. */
class FakeFeed implements UpdateFeed {
  readonly calls: string[] = [];
  constructor(
    readonly latest: string | null,
    readonly failure: { on: 'check' | 'download'; message: string } | null = null,
  ) {}
  async check() {
    this.calls.push('check');
    if (this.failure?.on === 'check') throw new Error(this.failure.message);
    return this.latest === null ? null : { version: this.latest };
  }
  async download() {
    this.calls.push('download');
    if (this.failure?.on === 'download') throw new Error(this.failure.message);
  }
  quitAndInstall() {
    this.calls.push('quitAndInstall');
  }
}

function controllerOn(feed: FakeFeed) {
  const seen = { created: 0, ready: [] as string[], log: [] as string[] };
  const controller = new UpdateController({
    createFeed: () => {
      seen.created += 1;
      return feed;
    },
    onReady: (version) => seen.ready.push(version),
    log: (message) => seen.log.push(message),
  });
  return { controller, seen };
}

describe('decideUpdateCheck', () => {
  it('checks only in the packaged app with checks on', () => {
    expect(decideUpdateCheck({ packaged: true, smokeTest: false, checksEnabled: true })).toEqual({ check: true });
  });

  it.each([
    [{ packaged: false, smokeTest: false, checksEnabled: true }, 'only the packaged app checks for updates'],
    [{ packaged: true, smokeTest: false, checksEnabled: false }, 'update checks are turned off in the settings'],
    [{ packaged: true, smokeTest: true, checksEnabled: true }, 'a smoke test never checks for updates'],
  ])('does not check in %j', (context, reason) => {
    expect(decideUpdateCheck(context)).toEqual({ check: false, reason });
  });
});

describe('UpdateController', () => {
  it.each([
    [{ packaged: true, smokeTest: false, checksEnabled: false }, 'update checks are turned off in the settings'],
    [{ packaged: false, smokeTest: false, checksEnabled: true }, 'only the packaged app checks for updates'],
  ])('in %j never creates the feed: no network call at all', async (context, reason) => {
    const feed = new FakeFeed('2.0.0');
    const { controller, seen } = controllerOn(feed);
    await controller.start(decideUpdateCheck(context));
    expect(seen.created).toBe(0);
    expect(feed.calls).toEqual([]);
    expect(controller.phase).toEqual({ phase: 'off', reason });
  });

  it('downloads a newer release, then reports it ready once, and restarts into it on request', async () => {
    const feed = new FakeFeed('2.0.0');
    const { controller, seen } = controllerOn(feed);
    await controller.start({ check: true });
    expect(feed.calls).toEqual(['check', 'download']);
    expect(seen.ready).toEqual(['2.0.0']);
    expect(controller.readyVersion).toBe('2.0.0');
    controller.restart();
    expect(feed.calls).toEqual(['check', 'download', 'quitAndInstall']);
  });

  it('stays quiet when the app is up to date, and refuses a restart', async () => {
    const feed = new FakeFeed(null);
    const { controller, seen } = controllerOn(feed);
    await controller.start({ check: true });
    expect(feed.calls).toEqual(['check']);
    expect(controller.phase).toEqual({ phase: 'up-to-date' });
    expect(seen.ready).toEqual([]);
    expect(() => controller.restart()).toThrow(NoUpdateReadyError);
    expect(feed.calls).toEqual(['check']);
  });

  it.each(['check', 'download'] as const)('logs a failed %s, offers nothing and never throws', async (on) => {
    const feed = new FakeFeed('2.0.0', { on, message: 'net::ERR_INTERNET_DISCONNECTED' });
    const { controller, seen } = controllerOn(feed);
    await expect(controller.start({ check: true })).resolves.toBeUndefined();
    expect(controller.phase).toEqual({ phase: 'failed', message: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(seen.ready).toEqual([]);
    expect(seen.log.at(-1)).toBe('Update check failed (the app works on as it is): net::ERR_INTERNET_DISCONNECTED');
    expect(controller.readyVersion).toBeNull();
  });

  it('is not ready while the download is still under way', async () => {
    let finishDownload = () => {};
    const feed = new FakeFeed('2.0.0');
    feed.download = () => new Promise<void>((resolve) => (finishDownload = resolve));
    const { controller, seen } = controllerOn(feed);
    const started = controller.start({ check: true });
    await new Promise((resolve) => setImmediate(resolve));
    expect(controller.phase).toEqual({ phase: 'downloading', version: '2.0.0' });
    expect(controller.readyVersion).toBeNull();
    finishDownload();
    await started;
    expect(seen.ready).toEqual(['2.0.0']);
  });
});
