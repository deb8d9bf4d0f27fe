/** An http(s) origin pattern with a wildcard first label: `https://*.preview.example.com[:port]`. */
export interface WildcardParts {
  readonly protocol: 'http:' | 'https:';
  /** Host suffix after `<label>.`, lower case, without the port. */
  readonly suffix: string;
  /** Port as it appears in URLs ('' for the scheme's default). */
  readonly port: string;
}

/** The parts of `pattern` (`http(s)://*.<suffix>[:port]`), or null when it is not one. */
export function parseWildcardOrigin(pattern: string): WildcardParts | null {
  const match = /^(https?):\/\/\*\.([a-z0-9.-]+?)(?::(\d{1,5}))?\/?$/i.exec(pattern.trim());
  if (!match || match[2]!.startsWith('.') || match[2]!.endsWith('.')) return null;
  const protocol = `${match[1]!.toLowerCase()}:` as 'http:' | 'https:';
  const port = match[3] && match[3] !== (protocol === 'https:' ? '443' : '80') ? match[3] : '';
  return { protocol, suffix: match[2]!.toLowerCase(), port };
}

/**
 * One host per label (`<label>.<suffix>`) on an origin of its own: sandbox previews (PreviewOrigin) and apps
 * deployed to the local target (AppsOrigin).
 */
export abstract class WildcardOrigin implements WildcardParts {
  protected constructor(
    readonly protocol: 'http:' | 'https:',
    readonly suffix: string,
    readonly port: string,
  ) {}

  /** `http://*.<suffix>:<port>`, as CSP `frame-src` and the launcher's banner show it. */
  get pattern(): string {
    return `${this.protocol}//*.${this.suffix}${this.port ? `:${this.port}` : ''}`;
  }

  /** The origin of one label's host. */
  originOf(label: string): string {
    return this.pattern.replace('*', label.toLowerCase());
  }

  urlFor(label: string): string {
    return `${this.originOf(label)}/`;
  }

  /** The label a `Host` header names (`<label>.<suffix>` on this origin's port), matching `valid`, or null. */
  protected labelOf(host: string | undefined, valid: RegExp): string | null {
    const match = /^([^:]+)(?::(\d{1,5}))?$/.exec(host?.toLowerCase() ?? '');
    if (!match) return null;
    const [, name, port] = match as unknown as [string, string, string | undefined];
    const fallback = this.protocol === 'https:' ? '443' : '80';
    if ((port ?? fallback) !== (this.port || fallback) || !name.endsWith(`.${this.suffix}`)) return null;
    const label = name.slice(0, -this.suffix.length - 1);
    return valid.test(label) ? label : null;
  }
}
