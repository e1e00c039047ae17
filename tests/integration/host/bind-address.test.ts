import { describe, expect, it } from 'vitest';
import { allowedHostsFor, isLoopbackAddress, urlHost } from '../../../electron/host/bind-address';

describe('bind addresses', () => {
  it('knows which addresses only this machine can reach', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', 'localhost', 'LOCALHOST']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['0.0.0.0', '::', '192.168.1.4', '10.0.0.1', 'example.com', '127.0.0.1.example.com']) {
      expect(isLoopbackAddress(address)).toBe(false);
    }
  });

  it('writes IPv6 hosts in brackets, as browsers send them', () => {
    expect(urlHost('127.0.0.1', 80)).toBe('127.0.0.1:80');
    expect(urlHost('::1', 8080)).toBe('[::1]:8080');
    expect(allowedHostsFor('::1', 9)).toEqual(['[::1]:9']);
  });

  it('answers a wildcard bind through every local address, loopback included', () => {
    const hosts = allowedHostsFor('0.0.0.0', 4000);
    expect(hosts).toContain('127.0.0.1:4000');
    expect(hosts.every((h) => h.endsWith(':4000'))).toBe(true);
    expect(urlHost('0.0.0.0', 4000)).toBe('127.0.0.1:4000');
  });
});
