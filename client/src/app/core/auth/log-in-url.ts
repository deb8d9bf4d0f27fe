import type { Router, UrlTree } from '@angular/router';

/** `/log-in?returnUrl=…`, the page a visitor without a session is sent to. */
export function logInUrl(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/log-in'], { queryParams: { returnUrl } });
}

/**
 * Where to go after logging in: `returnUrl` when it is a path inside the app (never another origin,
 * never a backslash or control character, never back to the auth pages or to a server route such as
 * `/preview/…`), else the project list. The server's OAuth `safeReturnUrl` applies the same rule.
 */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  if (!returnUrl || !returnUrl.startsWith('/') || returnUrl.startsWith('//')) return '/projects';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(returnUrl)) return '/projects';
  if (/^\/(log-in|sign-up|preview|terminal|graphql|auth|healthz|readyz)(?:[/?#]|$)/i.test(returnUrl)) return '/projects';
  return returnUrl;
}
