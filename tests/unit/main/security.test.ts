import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appLocation, isAppUrl, isTrustedSender, startUrl } from '../../../electron/main/security/app-location';
import { contentSecurityPolicy, withContentSecurityPolicy } from '../../../electron/main/security/content-security-policy';
import { isPermissionGranted } from '../../../electron/main/security/permissions';

const indexHtml = path.resolve('/opt/app/out/renderer/index.html');
const built = appLocation(indexHtml);
const dev = appLocation(indexHtml, 'http://localhost:5173/');
const indexUrl = built.indexFileUrl;

describe('isAppUrl', () => {
  it('accepts the index file, with any query or fragment', () => {
    expect(indexUrl).toMatch(/^file:\/\/\/.*\/out\/renderer\/index\.html$/);
    expect(isAppUrl(indexUrl, built)).toBe(true);
    expect(isAppUrl(`${indexUrl}?view=history#run-4`, built)).toBe(true);
  });

  it('refuses other files, other schemes, look-alikes and garbage', () => {
    for (const url of [
      indexUrl.replace('index.html', 'other.html'),
      'file:///etc/passwd',
      indexUrl.replace('file:///', 'file://evil.example/'),
      'https://example.com/out/renderer/index.html',
      'http://localhost:5173/',
      'about:blank',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, built), url).toBe(false);
    }
  });

  it('accepts the dev server origin in development, and only that origin', () => {
    expect(startUrl(dev)).toBe('http://localhost:5173/');
    expect(startUrl(built)).toBe(indexUrl);
    expect(isAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAppUrl(indexUrl, dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost.evil.example:5173/', dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top-level frame showing the app', () => {
    expect(isTrustedSender({ url: indexUrl, parent: null }, built)).toBe(true);
    expect(isTrustedSender({ url: indexUrl, parent: { url: indexUrl } }, built)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, built)).toBe(false);
    expect(isTrustedSender(null, built)).toBe(false);
    expect(isTrustedSender(undefined, built)).toBe(false);
  });
});

describe('Content-Security-Policy header', () => {
  it('is strict in a build: own scripts only, no eval, no inline, no framing', () => {
    const policy = contentSecurityPolicy(built);
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toMatch(/unsafe-(eval|inline)/);
    expect(policy).not.toContain('ws:');
  });

  it('lets the dev server hot-reload: its WebSocket and injected styles, still no eval', () => {
    const policy = contentSecurityPolicy(dev);
    expect(policy).toContain("connect-src 'self' ws://localhost:5173");
    expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    expect(policy).not.toContain('unsafe-eval');
  });

  it('is added to the app page, keeping a policy already there, and to nothing else', () => {
    const headers = withContentSecurityPolicy(indexUrl, { 'content-security-policy': ["default-src 'none'"], 'X-Other': ['1'] }, built);
    expect(headers).toEqual({
      'X-Other': ['1'],
      'Content-Security-Policy': ["default-src 'none'", contentSecurityPolicy(built)],
    });
    expect(withContentSecurityPolicy(indexUrl, undefined, built)).toEqual({ 'Content-Security-Policy': [contentSecurityPolicy(built)] });
    const foreign = { 'X-Other': ['1'] };
    expect(withContentSecurityPolicy('https://example.com/', foreign, built)).toBe(foreign);
  });
});

describe('permissions', () => {
  it('grants clipboard writes to the app page only, and nothing else to anyone', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', indexUrl, built)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/', built)).toBe(false);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem']) {
      expect(isPermissionGranted(permission, indexUrl, built), permission).toBe(false);
    }
  });
});
