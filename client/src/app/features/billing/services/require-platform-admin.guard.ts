import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import { AuthSession } from '../../../core/auth/auth-session.service';

/**
 * Lets platform admins (`viewer.platformRole === 'admin'`, from `authState`) in; anyone else lands on their own
 * billing. The API refuses them anyway (FORBIDDEN): this only spares them a page of errors.
 */
export const requirePlatformAdmin: CanActivateFn = async () => {
  const session = inject(AuthSession);
  await session.ensureLoaded();
  return session.viewer()?.platformRole === 'admin' ? true : inject(Router).parseUrl('/billing');
};
