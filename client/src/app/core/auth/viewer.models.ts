import type { AuthStateQuery } from '../../generated/auth';

/** The signed-in user, and what signing up or in takes: the API's shapes, generated. */
export type { ViewerFragment as Viewer } from '../../generated/auth';
export type { LogInInput, SignUpInput } from '../../generated/schema';

/**
 * What decides between the sign-in screens and the app (`authState`): the viewer (the local user in
 * single-user mode, null when signed out) and whether accounts exist. A session change the client
 * makes itself (sign-up, log-in) knows no `oauthProviders`.
 */
export type AuthSnapshot = Omit<AuthStateQuery['authState'], 'oauthProviders'> &
  Partial<Pick<AuthStateQuery['authState'], 'oauthProviders'>>;
