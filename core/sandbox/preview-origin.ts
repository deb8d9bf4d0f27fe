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
export class PreviewOrigin {
  private constructor(
    readonly protocol: 'http:' | 'https:',
    /** Host suffix after `<sandboxId>.`, lower case, without the port. */
    readonly suffix: string,
    /** Port as it appears in URLs ('' for the scheme's default). */
    readonly port: string,
  ) {}

  /** `ATELIER_PREVIEW_ORIGIN` when set, else `http://*.preview.localhost:<port>`. */
  static from(pattern: string | undefined, listenPort: number): PreviewOrigin {
    if (!pattern) return new PreviewOrigin('http:', 'preview.localhost', String(listenPort));
    const match = /^(https?):\/\/\*\.([a-z0-9.-]+?)(?::(\d{1,5}))?\/?$/i.exec(pattern.trim());
    if (!match || match[2]!.startsWith('.') || match[2]!.endsWith('.')) throw new PreviewOriginError(pattern);
    const protocol = `${match[1]!.toLowerCase()}:` as 'http:' | 'https:';
    const port = match[3] && match[3] !== (protocol === 'https:' ? '443' : '80') ? match[3] : '';
    return new PreviewOrigin(protocol, match[2]!.toLowerCase(), port);
  }

  /** `http://*.preview.localhost:4001`, as CSP `frame-src` and the launcher's banner show it. */
  get pattern(): string {
    return `${this.protocol}//*.${this.suffix}${this.port ? `:${this.port}` : ''}`;
  }

  /** The origin of one sandbox's preview. */
  originOf(sandboxId: string): string {
    return this.pattern.replace('*', sandboxId.toLowerCase());
  }

  urlFor(sandboxId: string): string {
    return `${this.originOf(sandboxId)}/`;
  }

  /** The sandbox a `Host` header names, or null for any other host (only `<uuid>.<suffix>[:port]`). */
  sandboxIdOf(host: string | undefined): string | null {
    const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(host?.toLowerCase() ?? '');
    if (!match) return null;
    const [, name, port] = match as unknown as [string, string, string | undefined];
    const fallback = this.protocol === 'https:' ? '443' : '80';
    if ((port ?? fallback) !== (this.port || fallback) || !name.endsWith(`.${this.suffix}`)) return null;
    const id = name.slice(0, -this.suffix.length - 1);
    return SANDBOX_ID.test(id) ? id : null;
  }

  /**
   * `__Host-` cookies (Secure, no Domain, so a sibling preview cannot toss one in) need a secure context:
   * https, or `*.localhost`, which browsers treat as secure. Elsewhere plain http gets a weaker cookie.
   */
  get secureCookies(): boolean {
    return this.protocol === 'https:' || this.suffix === 'localhost' || this.suffix.endsWith('.localhost');
  }
}
