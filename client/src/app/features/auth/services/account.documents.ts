import { gql } from 'apollo-angular';
import type { AccountSession } from '../models/account.models';

export const SESSIONS_QUERY = gql<{ sessions: AccountSession[] }, Record<string, never>>`
  query Sessions {
    sessions {
      id
      createdAt
      lastSeenAt
      expiresAt
      userAgent
      ip
      current
    }
  }
`;

export const REVOKE_SESSION_MUTATION = gql<{ revokeSession: boolean }, { id: string }>`
  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }
`;

export const REQUEST_PASSWORD_RESET_MUTATION = gql<
  { requestPasswordReset: boolean },
  { email: string }
>`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`;

export const RESET_PASSWORD_MUTATION = gql<
  { resetPassword: boolean },
  { token: string; password: string }
>`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`;

export const VERIFY_EMAIL_MUTATION = gql<{ verifyEmail: boolean }, { token: string }>`
  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`;
