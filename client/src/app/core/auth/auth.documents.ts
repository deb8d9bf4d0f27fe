import { gql } from 'apollo-angular';
import type { AuthSnapshot, LogInInput, SignUpInput, Viewer } from './viewer.models';

const VIEWER_FIELDS = `id email displayName platformRole tier emailVerified`;

export const AUTH_STATE_QUERY = gql<{ authState: AuthSnapshot }, Record<string, never>>`
  query AuthState {
    authState {
      accountsExist
      oauthProviders
      viewer { ${VIEWER_FIELDS} }
    }
  }
`;

export const SIGN_UP_MUTATION = gql<{ signUp: Viewer }, { input: SignUpInput }>`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) { ${VIEWER_FIELDS} }
  }
`;

export const LOG_IN_MUTATION = gql<{ logIn: Viewer }, { input: LogInInput }>`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) { ${VIEWER_FIELDS} }
  }
`;

export const LOG_OUT_MUTATION = gql<{ logOut: boolean }, Record<string, never>>`
  mutation LogOut {
    logOut
  }
`;

export const LOG_OUT_EVERYWHERE_MUTATION = gql<{ logOutEverywhere: boolean }, Record<string, never>>`
  mutation LogOutEverywhere {
    logOutEverywhere
  }
`;

/**
 * Operations whose UNAUTHENTICATED answer is their own outcome, not a lapsed session to redirect on
 * (`DeleteAccount` answers a wrong password with it).
 */
export const OWN_AUTH_ERRORS: ReadonlySet<string> = new Set([
  'AuthState',
  'LogIn',
  'LogOut',
  'DeleteAccount',
]);
