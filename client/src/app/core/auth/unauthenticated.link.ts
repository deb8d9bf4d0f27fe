import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorLink } from '@apollo/client/link/error';

/**
 * Operations whose UNAUTHENTICATED answer is their own outcome, not a lapsed session to redirect on
 * (`DeleteAccount` answers a wrong password with it).
 */
const OWN_AUTH_ERRORS: ReadonlySet<string> = new Set([
  'AuthState',
  'LogIn',
  'LogOut',
  'DeleteAccount',
]);

/**
 * The one place that notices a lapsed session: any operation (query, mutation or subscription)
 * answered with UNAUTHENTICATED calls `onUnauthenticated`, except the auth operations for which that
 * answer is their normal outcome (a wrong password on logIn). The result still reaches the caller.
 */
export function unauthenticatedLink(onUnauthenticated: () => void): ErrorLink {
  return new ErrorLink(({ error, operation }) => {
    if (OWN_AUTH_ERRORS.has(operation.operationName ?? '')) return;
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')
    )
      onUnauthenticated();
  });
}
