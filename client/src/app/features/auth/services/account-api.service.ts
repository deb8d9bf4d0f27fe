import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type { AccountSession } from '../models/account.models';
import {
  REQUEST_PASSWORD_RESET_MUTATION,
  RESET_PASSWORD_MUTATION,
  REVOKE_SESSION_MUTATION,
  SESSIONS_QUERY,
  VERIFY_EMAIL_MUTATION,
} from './account.documents';

/**
 * Account calls that do not change this browser's session (those live in `AuthSession`). Every call
 * ends in a `Result`.
 */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly apollo = inject(Apollo);

  sessions(): Observable<Result<AccountSession[]>> {
    return toResult(
      this.apollo.query({ query: SESSIONS_QUERY, fetchPolicy: 'network-only' }),
      (d) => d.sessions,
    );
  }

  revokeSession(id: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: REVOKE_SESSION_MUTATION, variables: { id } }),
      (d) => d.revokeSession,
    );
  }

  /** Always succeeds on a reachable server, so it never reveals whether the email has an account. */
  requestPasswordReset(email: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: REQUEST_PASSWORD_RESET_MUTATION, variables: { email } }),
      (d) => d.requestPasswordReset,
    );
  }

  resetPassword(token: string, password: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: RESET_PASSWORD_MUTATION, variables: { token, password } }),
      (d) => d.resetPassword,
    );
  }

  verifyEmail(token: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: VERIFY_EMAIL_MUTATION, variables: { token } }),
      (d) => d.verifyEmail,
    );
  }
}
