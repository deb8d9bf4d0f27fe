/** Thrown when ATELIER_APPS_ORIGIN is not an http(s) origin whose host starts with `*.`. */
export class AppsOriginError extends Error {
  override readonly name = 'AppsOriginError';
  constructor(readonly value: string) {
    super(`ATELIER_APPS_ORIGIN must look like https://*.apps.example.com (got ${value})`);
  }
}

/** A local app's host name: lower-case letters, digits and inner dashes, at most 40 characters. */
export const APP_SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Where apps deployed to the local target are served: one host per project, `<slug>.<suffix>`, on an origin of
 * their own (never the app's, never a preview's), so a deployed app's scripts share no cookies, storage or
 * service workers with the platform. In development the suffix is `apps.localhost:<port>` (browsers resolve
 * `*.localhost` to loopback); in production it is ATELIER_APPS_ORIGIN's wildcard.
 */
export class AppsOrigin {
  private constructor(
    readonly protocol: 'http:' | 'https:',
    /** Host suffix after `<slug>.`, lower case, without the port. */
    readonly suffix: string,
    /** Port as it appears in URLs ('' for the scheme's default). */
    readonly port: string,
  ) {}

  /** `ATELIER_APPS_ORIGIN` when set, else `http://*.apps.localhost:<port>`. */
  static from(pattern: string | undefined, listenPort: number): AppsOrigin {
    if (!pattern) return new AppsOrigin('http:', 'apps.localhost', String(listenPort));
    const match = /^(https?):\/\/\*\.([a-z0-9.-]+?)(?::(\d{1,5}))?\/?$/i.exec(pattern.trim());
    if (!match || match[2]!.startsWith('.') || match[2]!.endsWith('.') || match[2]!.includes('..')) throw new AppsOriginError(pattern);
    const protocol = `${match[1]!.toLowerCase()}:` as 'http:' | 'https:';
    const port = match[3] && match[3] !== (protocol === 'https:' ? '443' : '80') ? match[3] : '';
    return new AppsOrigin(protocol, match[2]!.toLowerCase(), port);
  }

  /** `http://*.apps.localhost:4002`, as the launcher's banner shows it. */
  get pattern(): string {
    return `${this.protocol}//*.${this.suffix}${this.port ? `:${this.port}` : ''}`;
  }

  originOf(slug: string): string {
    return this.pattern.replace('*', slug.toLowerCase());
  }

  /** The URL a project deployed to the local target answers at. */
  urlFor(slug: string): string {
    return `${this.originOf(slug)}/`;
  }

  /** Whether `host` is any name under the apps suffix (a slug or not), on any port: the main app refuses them all. */
  covers(host: string | undefined): boolean {
    const name = /^([^:]+)(?::\d{1,5})?$/.exec(host?.toLowerCase().trim() ?? '')?.[1];
    return !!name && (name === this.suffix || name.endsWith(`.${this.suffix}`));
  }

  /** The slug a `Host` header names, or null for any other host (only `<slug>.<suffix>[:port]`). */
  slugOf(host: string | undefined): string | null {
    const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(host?.toLowerCase() ?? '');
    if (!match) return null;
    const [, name, port] = match as unknown as [string, string, string | undefined];
    const fallback = this.protocol === 'https:' ? '443' : '80';
    if ((port ?? fallback) !== (this.port || fallback) || !name.endsWith(`.${this.suffix}`)) return null;
    const slug = name.slice(0, -this.suffix.length - 1);
    return APP_SLUG.test(slug) ? slug : null;
  }
}

/** The app URL of `slug` under ATELIER_APPS_ORIGIN (or `http://*.apps.localhost:<port>`). */
export function appsOrigin(slug: string, pattern: string | undefined, port: number): string {
  return AppsOrigin.from(pattern, port).urlFor(slug);
}
