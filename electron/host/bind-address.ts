import { isIPv6 } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Where the browser host listens unless told otherwise. */
export const DEFAULT_BIND_ADDRESS = '127.0.0.1';

const WILDCARD_ADDRESSES = new Set(['0.0.0.0', '::']);

/** True for addresses only this machine can reach: other addresses need `--allow-remote`. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase();
  return a === 'localhost' || a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

/** `host:port` as it appears in a URL and in a `Host` header (IPv6 in brackets). */
export function urlHost(address: string, port: number): string {
  if (WILDCARD_ADDRESSES.has(address)) return `${DEFAULT_BIND_ADDRESS}:${port}`;
  return isIPv6(address) ? `[${address.toLowerCase()}]:${port}` : `${address.toLowerCase()}:${port}`;
}

/**
 * The `Host` values a server bound to `address` answers to. A wildcard address is reachable through every
 * address of this machine; a name is kept as given (plus its loopback addresses for `localhost`).
 */
export function allowedHostsFor(address: string, port: number): string[] {
  if (WILDCARD_ADDRESSES.has(address)) {
    const local = Object.values(networkInterfaces()).flatMap((list) => list ?? []);
    return [...new Set(local.map((info) => urlHost(info.address, port)))];
  }
  if (address.toLowerCase() === 'localhost') {
    return [urlHost('localhost', port), urlHost('127.0.0.1', port), urlHost('::1', port)];
  }
  return [urlHost(address, port)];
}
