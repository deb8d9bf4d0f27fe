import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthSession } from './auth-session.service';
import { logInUrl } from './log-in-url';

/**
 * Lets a visitor in unless accounts exist and nobody is signed in; then sends them to log in and back.
 * Single-user mode passes, and so does an unreachable API (the page shows that error itself).
 */
export const requireViewer: CanActivateFn = async (_route, state) => {
  const session = inject(AuthSession);
  const router = inject(Router);
  await session.ensureLoaded();
  return session.mustLogIn() ? logInUrl(router, state.url) : true;
};
