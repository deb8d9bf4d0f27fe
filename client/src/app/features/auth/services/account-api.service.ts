import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type { AccountSessionFragment as AccountSession } from '../../../generated/account';
import {
  RequestPasswordResetDocument,
  ResetPasswordDocument,
  RevokeSessionDocument,
  SessionsDocument,
  VerifyEmailDocument,
} from '../../../generated/account';

/**
 * Account calls that do not change this browser's session (those live in `AuthSession`). Every call
 * ends in a `Result`.
 */
@Injectable({ providedIn: 'root' })
export class AccountApi {
  private readonly apollo = inject(Apollo);

  sessions(): Observable<Result<readonly AccountSession[]>> {
    return toResult(
      this.apollo.query({ query: SessionsDocument, fetchPolicy: 'network-only' }),
      (d) => d.sessions,
    );
  }

  revokeSession(id: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: RevokeSessionDocument, variables: { id } }),
      (d) => d.revokeSession,
    );
  }

  /** Always succeeds on a reachable server, so it never reveals whether the email has an account. */
  requestPasswordReset(email: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: RequestPasswordResetDocument, variables: { email } }),
      (d) => d.requestPasswordReset,
    );
  }

  resetPassword(token: string, password: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: ResetPasswordDocument, variables: { token, password } }),
      (d) => d.resetPassword,
    );
  }

  verifyEmail(token: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: VerifyEmailDocument, variables: { token } }),
      (d) => d.verifyEmail,
    );
  }
}
