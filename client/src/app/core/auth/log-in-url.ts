import type { Router, UrlTree } from '@angular/router';

/** `/log-in?returnUrl=…`, the page a visitor without a session is sent to. */
export function logInUrl(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/log-in'], { queryParams: { returnUrl } });
}

/**
 * Where to go after logging in: `returnUrl` when it is a path inside the app (never another origin,
 * never back to the auth pages), else the project list.
 */
export function safeReturnUrl(returnUrl: string | null | undefined): string {
  if (!returnUrl || !returnUrl.startsWith('/') || returnUrl.startsWith('//')) return '/projects';
  if (/^\/(log-in|sign-up)(?:[/?#]|$)/.test(returnUrl)) return '/projects';
  return returnUrl;
}
