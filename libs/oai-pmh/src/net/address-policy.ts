import * as dns from 'node:dns';
import { isIP } from 'node:net';
import type { LookupFunction } from 'node:net';
import { OaiErrorCode, OaiPmhError } from '../errors';

/** Decides whether a resolved IP address may be connected to. */
export type AddressPolicy = (address: string) => boolean;

type Range = readonly [base: number, prefixLength: number];

// Addresses that reach the harvesting host itself, its private network or
// cloud metadata services; a public catalogue source never legitimately uses them.
const BLOCKED_V4: readonly Range[] = [
  [ipv4ToInt('0.0.0.0'), 8], // "this network", includes the unspecified address
  [ipv4ToInt('10.0.0.0'), 8],
  [ipv4ToInt('100.64.0.0'), 10], // carrier-grade NAT
  [ipv4ToInt('127.0.0.0'), 8],
  [ipv4ToInt('169.254.0.0'), 16], // link-local, incl. 169.254.169.254 metadata
  [ipv4ToInt('172.16.0.0'), 12],
  [ipv4ToInt('192.0.0.0'), 24], // IETF protocol assignments
  [ipv4ToInt('192.168.0.0'), 16],
  [ipv4ToInt('198.18.0.0'), 15], // benchmarking
  [ipv4ToInt('224.0.0.0'), 4], // multicast
  [ipv4ToInt('240.0.0.0'), 4], // reserved + broadcast
];

function ipv4ToInt(address: string): number {
  return address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function inRange(value: number, [base, prefix]: Range): boolean {
  const size = 2 ** (32 - prefix);
  return value >= base && value < base + size;
}

function isBlockedV4Value(value: number): boolean {
  return BLOCKED_V4.some((range) => inRange(value, range));
}

function isBlockedV4(address: string): boolean {
  return isBlockedV4Value(ipv4ToInt(address));
}

/** Expands an IPv6 literal into eight 16-bit groups (handles `::` and a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.split('%')[0].toLowerCase();
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = ipv4ToInt(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(rest);
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 0) return undefined;
  return [...left, ...new Array<number>(missing).fill(0), ...right];
}

const v4 = (high: number, low: number) => high * 0x10000 + low;
const zeros = (g: readonly number[], from: number, to: number) =>
  g.slice(from, to).every((x) => x === 0);

/**
 * The IPv4 addresses an IPv6 address carries and can deliver to: a packet sent to one of
 * these forms reaches the IPv4 host through a translator or tunnel, so that host is judged.
 */
function embeddedV4(g: readonly number[]): number[] {
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible, deprecated)
  if (zeros(g, 0, 5) && (g[5] === 0xffff || g[5] === 0)) return [v4(g[6], g[7])];
  // ::ffff:0:a.b.c.d (IPv4-translated, RFC 2765)
  if (zeros(g, 0, 4) && g[4] === 0xffff && g[5] === 0) return [v4(g[6], g[7])];
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix)
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(g, 2, 6)) return [v4(g[6], g[7])];
  // 2002:aabb:ccdd::/48 (6to4): the relay forwards to a.b.c.d
  if (g[0] === 0x2002) return [v4(g[1], g[2])];
  // 2001:0::/32 (Teredo): server in bits 32-63, client in the last 32 bits inverted
  if (g[0] === 0x2001 && g[1] === 0) return [v4(g[2], g[3]), (v4(g[6], g[7]) ^ 0xffffffff) >>> 0];
  return [];
}

function isBlockedV6(address: string): boolean {
  const g = ipv6Groups(address);
  if (!g) return true; // unparseable: refuse rather than guess
  if (zeros(g, 0, 7) && (g[7] === 0 || g[7] === 1)) return true; // :: and ::1
  if (embeddedV4(g).some(isBlockedV4Value)) return true;
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return true; // local-use NAT64 64:ff9b:1::/48
  if ((g[0] & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return true; // site-local fec0::/10 (deprecated, still routed inside sites)
  if ((g[0] & 0xff00) === 0xff00) return true; // multicast ff00::/8
  return false;
}

/**
 * True when the address is loopback, private, link-local, CGNAT, unspecified,
 * multicast or reserved, in IPv4 or IPv6, including IPv6 forms that embed such an IPv4
 * address (mapped, compatible, translated, NAT64, 6to4, Teredo).
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address.split('%')[0]);
  if (family === 4) return isBlockedV4(address);
  if (family === 6) return isBlockedV6(address);
  return true;
}

/** The default policy: public unicast addresses only. */
export const publicAddressesOnly: AddressPolicy = (address) => !isPrivateAddress(address);

export const anyAddress: AddressPolicy = () => true;

export function addressRefused(host: string, address: string): OaiPmhError {
  return new OaiPmhError(
    OaiErrorCode.AddressNotAllowed,
    `Refused to connect to ${host} (${address}): private, loopback, link-local and similar addresses are ` +
      'blocked; use a public source URL, or set allowPrivateAddresses for trusted internal sources.',
  );
}

/**
 * A `lookup` for http.request that checks every resolved address at connection
 * time, so DNS rebinding between a check and the connect cannot slip through.
 */
export function createGuardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as dns.LookupAddress[];
      const refused = list.find((a) => !policy(a.address));
      if (refused) return callback(addressRefused(hostname, refused.address), '', 4);
      if (list.length === 0) return callback(new Error(`No address for ${hostname}`), '', 4);
      if (options.all) return (callback as AllLookupCallback)(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

type AllLookupCallback = (
  err: NodeJS.ErrnoException | null,
  addresses: dns.LookupAddress[],
) => void;
