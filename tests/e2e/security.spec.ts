import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { expect, test } from './fixtures/app-test';
import type { BrowserHostProcess } from './fixtures/browser-host-process';
import { HomePage } from './pages/home-page';

function httpStatus(host: BrowserHostProcess, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** The HTTP status a WebSocket upgrade is refused with, or 101 when it is accepted. */
function upgradeStatus(host: BrowserHostProcess, query: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api${query}`, { headers });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

test.describe('every host', () => {
  test('the page declares a strict Content-Security-Policy, and it is enforced', async ({ page }) => {
    const policy = await new HomePage(page).contentSecurityPolicy();
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:*");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toContain('unsafe-inline');
    // Page code tries what injected markup would: an inline script, an inline event handler, code in a string.
    const outcome = await page.evaluate(async () => {
      const ran = window as unknown as Record<string, boolean | undefined>;
      let violations = 0;
      document.addEventListener('securitypolicyviolation', () => (violations += 1));
      const script = document.createElement('script');
      script.textContent = 'window.inlineScript = true;';
      document.body.append(script);
      const button = document.createElement('button');
      button.setAttribute('onclick', 'window.inlineHandler = true;');
      document.body.append(button);
      button.click();
      (setTimeout as unknown as (code: string, ms: number) => void)('window.codeString = true;', 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { ran: [ran.inlineScript, ran.inlineHandler, ran.codeString].some(Boolean), violations };
    });
    expect(outcome.ran).toBe(false);
    expect(outcome.violations).toBeGreaterThanOrEqual(3);
  });
});

test.describe('the browser host', () => {
  test.beforeEach(({ appKind }) => {
    test.skip(appKind !== 'browser', 'tokens, Host and Origin checks belong to the browser host');
  });

  test('refuses HTTP requests without the token, with a wrong one, or from a foreign Host or Origin', async ({ host }) => {
    const served = host!;
    expect(await httpStatus(served, `/?token=${served.token}`)).toBe(200);
    expect(await httpStatus(served, '/')).toBe(401);
    expect(await httpStatus(served, '/?token=wrong')).toBe(403);
    expect(await httpStatus(served, `/?token=${served.token}`, { host: `rebound.example:${served.port}` })).toBe(403);
    expect(await httpStatus(served, `/?token=${served.token}`, { origin: 'http://evil.example' })).toBe(403);
  });

  test('refuses WebSocket upgrades without the token, with a wrong one, or from a foreign Host or Origin', async ({ host }) => {
    const served = host!;
    const origin = { origin: served.origin };
    expect(await upgradeStatus(served, `?token=${served.token}`, origin)).toBe(101);
    expect(await upgradeStatus(served, '', origin)).toBe(401);
    expect(await upgradeStatus(served, '?token=wrong', origin)).toBe(403);
    expect(await upgradeStatus(served, `?token=${served.token}`, { ...origin, host: `rebound.example:${served.port}` })).toBe(403);
    expect(await upgradeStatus(served, `?token=${served.token}`, { origin: 'http://evil.example' })).toBe(403);
  });

  test('a page of another origin cannot open the API, even knowing the token', async ({ host, page }) => {
    const served = host!;
    const other: Server = createServer((_req, res) => res.end('<!doctype html><title>Other site</title>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
      const outcome = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(url);
            socket.onopen = () => resolve('opened');
            socket.onclose = () => resolve('refused');
          }),
        `ws://127.0.0.1:${served.port}/api?token=${served.token}`,
      );
      expect(outcome).toBe('refused');
    } finally {
      other.close();
    }
  });
});

test.describe('the desktop app', () => {
  test.beforeEach(({ appKind }) => {
    test.skip(appKind !== 'electron', 'new windows and navigation are the desktop shell’s to refuse');
  });

  test('denies window.open and navigation away from the app', async ({ page, electronApp }) => {
    const appUrl = page.url();
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    expect(opened).toBe(true);
    expect(electronApp!.windows()).toHaveLength(1);
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect(new HomePage(page).heading).toBeVisible();
    expect(page.url()).toBe(appUrl);
  });
});
