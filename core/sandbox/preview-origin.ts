import { parseWildcardOrigin, WildcardOrigin } from './wildcard-origin';

/** Thrown when ATELIER_PREVIEW_ORIGIN is not an http(s) origin whose host starts with `*.`. */
export class PreviewOriginError extends Error {
  override readonly name = 'PreviewOriginError';
  constructor(readonly value: string) {
    super(`ATELIER_PREVIEW_ORIGIN must look like https://*.preview.example.com (got ${value})`);
  }
}

const SANDBOX_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where previews live: one host per sandbox, `<sandboxId>.<suffix>`, on an origin of their own so a
 * preview's scripts never share the app's origin, cookies or service workers. In development the
 * suffix is `preview.localhost:<port>` (browsers resolve `*.localhost` to loopback); in production it is
 * ATELIER_PREVIEW_ORIGIN's wildcard, ideally on a registrable domain other than the app's.
 */
export class PreviewOrigin extends WildcardOrigin {
  /** `ATELIER_PREVIEW_ORIGIN` when set, else `http://*.preview.localhost:<port>`. */
  static from(pattern: string | undefined, listenPort: number): PreviewOrigin {
    if (!pattern) return new PreviewOrigin('http:', 'preview.localhost', String(listenPort));
    const parts = parseWildcardOrigin(pattern);
    if (!parts) throw new PreviewOriginError(pattern);
    return new PreviewOrigin(parts.protocol, parts.suffix, parts.port);
  }

  /** The sandbox a `Host` header names, or null for any other host (only `<uuid>.<suffix>[:port]`). */
  sandboxIdOf(host: string | undefined): string | null {
    return this.labelOf(host, SANDBOX_ID);
  }

  /**
   * `__Host-` cookies (Secure, no Domain, so a sibling preview cannot toss one in) need a secure context:
   * https, or `*.localhost`, which browsers treat as secure. Elsewhere plain http gets a weaker cookie.
   */
  get secureCookies(): boolean {
    return this.protocol === 'https:' || this.suffix === 'localhost' || this.suffix.endsWith('.localhost');
  }
}
