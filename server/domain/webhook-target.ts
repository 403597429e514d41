import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

// Where an alert may be sent (no SSRF): https to a public address, or, when the operator
// allows private targets (WEBHOOK_ALLOW_PRIVATE=on), also http to loopback and https to
// private addresses. Checked when a rule is saved and again at every delivery, against the
// addresses the name resolves to then; the connection goes to the address that was checked,
// so a name that re-resolves elsewhere in between (DNS rebinding) gains nothing.

export type Address = { address: string; family: 4 | 6 };
/** Resolves a host name to every address it has (injectable for tests). */
export type Resolve = (host: string) => Promise<Address[]>;

export const resolveWithDns: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

const v4 = (ip: string) => ip.split('.').map(Number) as [number, number, number, number];

function privateV4(ip: string): boolean {
  const [a, b] = v4(ip);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && v4(ip)[2] === 0) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

/** Whether an IP address is private, loopback, link-local or otherwise not the internet's. */
export function isPrivateAddress(ip: string): boolean {
  const family = isIP(ip);
  if (family === 4) return privateV4(ip);
  if (family !== 6) return true;
  const lower = ip.toLowerCase();
  const mapped = /^(?:0*:)*:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return privateV4(mapped[1]!);
  if (lower === '::' || lower === '::1') return true;
  const first = parseInt(lower.split(':')[0] || '0', 16);
  return (
    (first & 0xfe00) === 0xfc00 || // unique local
    (first & 0xffc0) === 0xfe80 || // link-local
    (first & 0xff00) === 0xff00 || // multicast
    lower.startsWith('64:ff9b:') // NAT64 can reach private v4
  );
}

const isLoopbackHost = (host: string) =>
  host === 'localhost' ||
  host.endsWith('.localhost') ||
  (isIP(host) === 4 && host.startsWith('127.')) ||
  host === '::1';

/** The URL's host without IPv6 brackets. */
const hostname = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** What is wrong with the URL itself, before any lookup, or null. */
export function urlProblem(raw: string, allowPrivate: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Must be a URL';
  }
  if (url.username || url.password) return 'Must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    if (allowPrivate && isLoopbackHost(hostname(url))) return null;
    return allowPrivate ? 'http is allowed to loopback only; use https' : 'Must be an https URL';
  }
  return 'Must be an https URL';
}

export type Target = { ok: true; url: URL; address: Address } | { ok: false; problem: string };

/** Checks a URL and the addresses its host has now; the address to connect to, or why not. */
export async function checkTarget(
  raw: string,
  allowPrivate: boolean,
  resolve: Resolve,
): Promise<Target> {
  const problem = urlProblem(raw, allowPrivate);
  if (problem) return { ok: false, problem };
  const url = new URL(raw);
  const host = hostname(url);
  let addresses: Address[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, problem: `${host} does not resolve` };
    }
    if (addresses.length === 0) return { ok: false, problem: `${host} does not resolve` };
  }
  // Every address must pass: a client may pick any of them.
  if (!allowPrivate && addresses.some((a) => isPrivateAddress(a.address)))
    return {
      ok: false,
      problem: 'Refused: the address is private, loopback or link-local',
    };
  return { ok: true, url, address: addresses[0]! };
}
