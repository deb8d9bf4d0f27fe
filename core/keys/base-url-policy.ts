import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { ValidationError } from '../shared/domain.errors';

/** One address a host name resolved to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (the system resolver by default; tests inject their own). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Thrown when a user-supplied base URL names or resolves to an address the platform never calls for users. */
export class BaseUrlRefusedError extends Error {
  override readonly name = 'BaseUrlRefusedError';
  constructor(
    readonly hostname: string,
    readonly reason: string,
  ) {
    super(`Base URL host ${hostname} refused: ${reason}`);
  }
}

// Everything that is not the public internet: loopback, private, CGNAT, link-local (cloud metadata at
// 169.254.169.254), ULA, multicast, documentation and reserved ranges. IPv4-mapped and NAT64 IPv6
// addresses are unwrapped and judged as the IPv4 address they carry.
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible or NAT64 (64:ff9b::/96) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!match) return null;
  if (match[1]) return match[1];
  const hi = parseInt(match[2]!, 16);
  const lo = parseInt(match[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Whether an IP literal is a public internet address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  if (family === 6) {
    const v4 = embeddedIpv4(address.toLowerCase());
    if (v4) return isPublicAddress(v4);
    return !PRIVATE.check(address, 'ipv6');
  }
  return !PRIVATE.check(address, 'ipv4');
}

/** `[::1]` → `::1`: URL keeps the brackets of an IPv6 host. */
const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/**
 * Where users' own base URLs may point. A user-supplied URL must be https with no credentials, query or
 * fragment, and its host must resolve only to public addresses, checked when the key is stored and again
 * on every connection (`connectAddress`), whose answer is the one address the socket then connects to, so
 * a DNS answer that changes in between (rebinding) cannot reach an internal host. Hosts on the admin
 * allow-list (ATELIER_PROVIDER_HOST_ALLOWLIST) skip the address and https rules: a local Ollama, say.
 * Platform-configured base URLs (OPENAI_COMPATIBLE_BASE_URL …) never pass through here.
 */
export class BaseUrlPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(options: { allowHosts?: Iterable<string>; resolve?: Resolver } = {}) {
    this.allowed = new Set([...(options.allowHosts ?? [])].map((h) => bare(h.trim())).filter(Boolean));
    this.resolve = options.resolve ?? systemResolver;
  }

  private readonly resolve: Resolver;

  /** Whether the admin allow-list names this host. */
  allows(hostname: string): boolean {
    return this.allowed.has(bare(hostname));
  }

  /** Validates a base URL a user wants to store; ValidationError on `baseUrl` (BAD_USER_INPUT) when refused. */
  async checkStored(raw: string): Promise<string> {
    const refuse = (message: string): never => {
      throw new ValidationError([{ field: 'baseUrl', message }]);
    };
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return refuse('Base URL must be an https URL such as https://llm.example.com/v1');
    }
    if (url.search || url.hash || raw.includes('?') || raw.includes('#')) refuse('Base URL must not have a query string or fragment');
    if (url.username || url.password) refuse('Base URL must not carry credentials');
    const allowed = this.allows(url.hostname);
    if (url.protocol !== 'https:' && !(allowed && url.protocol === 'http:')) refuse('Base URL must use https');
    if (!allowed) {
      try {
        await this.connectAddress(url.hostname);
      } catch (error) {
        if (error instanceof BaseUrlRefusedError) refuse(`Base URL must point at a public host (${error.reason})`);
        throw error;
      }
    }
    return url.toString().replace(/\/$/, '');
  }

  /**
   * The one address to connect to for a user-supplied base URL's host: resolved once, every answer public
   * (BaseUrlRefusedError otherwise). An allow-listed host is resolved without the address rule.
   */
  async connectAddress(hostname: string): Promise<ResolvedAddress> {
    const host = bare(hostname);
    const literal = isIP(host);
    let answers: ResolvedAddress[];
    try {
      answers = literal ? [{ address: host, family: literal === 6 ? 6 : 4 }] : await this.resolve(host);
    } catch {
      throw new BaseUrlRefusedError(host, 'the name does not resolve');
    }
    if (!answers.length) throw new BaseUrlRefusedError(host, 'the name does not resolve');
    if (!this.allows(host)) {
      const inside = answers.find((a) => !isPublicAddress(a.address));
      if (inside) throw new BaseUrlRefusedError(host, `it resolves to a private, loopback or link-local address (${inside.address})`);
    }
    return answers[0]!;
  }
}

/** Splits ATELIER_PROVIDER_HOST_ALLOWLIST (`127.0.0.1,localhost,ollama.internal`). */
export function parseHostAllowlist(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
}
