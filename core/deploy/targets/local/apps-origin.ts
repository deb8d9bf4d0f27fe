import { parseWildcardOrigin, WildcardOrigin } from '../../../sandbox/wildcard-origin';

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
export class AppsOrigin extends WildcardOrigin {
  /** `ATELIER_APPS_ORIGIN` when set, else `http://*.apps.localhost:<port>`. */
  static from(pattern: string | undefined, listenPort: number): AppsOrigin {
    if (!pattern) return new AppsOrigin('http:', 'apps.localhost', String(listenPort));
    const parts = parseWildcardOrigin(pattern);
    if (!parts || parts.suffix.includes('..')) throw new AppsOriginError(pattern);
    return new AppsOrigin(parts.protocol, parts.suffix, parts.port);
  }

  /** Whether `host` is any name under the apps suffix (a slug or not), on any port: the main app refuses them all. */
  covers(host: string | undefined): boolean {
    const name = /^([^:]+)(?::\d{1,5})?$/.exec(host?.toLowerCase().trim() ?? '')?.[1];
    return !!name && (name === this.suffix || name.endsWith(`.${this.suffix}`));
  }

  /** The slug a `Host` header names, or null for any other host (only `<slug>.<suffix>[:port]`). */
  slugOf(host: string | undefined): string | null {
    return this.labelOf(host, APP_SLUG);
  }
}

/** The app URL of `slug` under ATELIER_APPS_ORIGIN (or `http://*.apps.localhost:<port>`). */
export function appsOrigin(slug: string, pattern: string | undefined, port: number): string {
  return AppsOrigin.from(pattern, port).urlFor(slug);
}
