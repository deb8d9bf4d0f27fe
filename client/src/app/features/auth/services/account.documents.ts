/**
 * Sessions, password reset and email verification. Read by `npm run codegen` only: it writes each
 * operation as a typed document (`SessionsDocument`, …) into `../../../generated/account.ts`.
 */
import { gql } from 'apollo-angular';

gql`
  fragment AccountSession on Session {
    id
    createdAt
    lastSeenAt
    expiresAt
    userAgent
    ip
    current
  }

  query Sessions {
    sessions {
      ...AccountSession
    }
  }

  mutation RevokeSession($id: ID!) {
    revokeSession(id: $id)
  }

  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }

  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }

  mutation VerifyEmail($token: String!) {
    verifyEmail(token: $token)
  }
`;
