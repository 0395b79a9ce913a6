/**
 * The one SSRF rule of outbound requests: a host is reached only at public unicast addresses,
 * checked after DNS resolution (so a public name pointing at 127.0.0.1 or 169.254.169.254 is
 * refused), unless the operator named the host in OUTBOUND_PRIVATE_HOSTS.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Public unicast only: not loopback, private, link-local, unique-local, CGNAT, multicast… */
export function isPublicAddress(ip: string): boolean {
  if (!ipaddr.isValid(ip)) return false;
  let address = ipaddr.parse(ip);
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
    address = (address as ipaddr.IPv6).toIPv4Address();
  }
  return address.range() === 'unicast';
}

export class PrivateAddressError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to a private, loopback or link-local address`);
    this.name = 'PrivateAddressError';
  }
}

export const isPrivateHostAllowed = (allowed: readonly string[], hostname: string): boolean =>
  allowed.includes(hostname.toLowerCase().replace(/^\[|\]$/g, ''));

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that resolves every address of the host and refuses the
 * connection when any is not public: the socket connects to what was checked, so a second,
 * different DNS answer (rebinding) cannot slip in between check and connect.
 */
export function guardedLookup(allowed: readonly string[]) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: LookupCallback,
  ) => {
    dnsLookup(hostname, { all: true, family: options.family ?? 0 }, (error, addresses) => {
      if (error) return callback(error, []);
      if (!isPrivateHostAllowed(allowed, hostname)) {
        if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) {
          return callback(new PrivateAddressError(hostname), []);
        }
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new PrivateAddressError(hostname), []);
      return callback(null, first.address, first.family);
    });
  };
}

/** IP literals never go through `lookup`: they are checked here before connecting. */
export function checkLiteralHost(allowed: readonly string[], hostname: string): void {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (isIP(bare) && !isPrivateHostAllowed(allowed, hostname) && !isPublicAddress(bare)) {
    throw new PrivateAddressError(hostname);
  }
}

const SAVE_LOOKUP_TIMEOUT_MS = 3000;

/**
 * The check made when a URL is saved (a webhook's): `private` when the host is a private IP
 * literal, `localhost`, or a name that resolves to any address that is not public;
 * `unresolved` when the name does not resolve now (it is checked again at every request).
 */
export async function hostReachability(
  allowed: readonly string[],
  hostname: string,
): Promise<'public' | 'private' | 'unresolved' | 'allowed'> {
  const bare = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (isPrivateHostAllowed(allowed, bare)) return 'allowed';
  if (isIP(bare)) return isPublicAddress(bare) ? 'public' : 'private';
  if (bare === 'localhost' || bare.endsWith('.localhost')) return 'private';
  // A resolver that does not answer must not hold the request: unresolved after a bound.
  const addresses = await new Promise<LookupAddress[] | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), SAVE_LOOKUP_TIMEOUT_MS);
    dnsLookup(bare, { all: true }, (error, found) => {
      clearTimeout(timer);
      resolve(error ? null : found);
    });
  });
  if (!addresses || addresses.length === 0) return 'unresolved';
  return addresses.every((a) => isPublicAddress(a.address)) ? 'public' : 'private';
}
