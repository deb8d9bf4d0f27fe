import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import type { Observable } from 'rxjs';
import { toResult } from '../../../core/apollo-result';
import type { Result } from '../../../core/user-facing-error';
import type { ProviderKey } from '../models/provider-key.models';
import type { Usage } from '../models/usage.models';
import {
  DeleteAccountDocument,
  DeleteProviderKeyDocument,
  ExportMyDataDocument,
  ProviderKeysDocument,
  ResendVerificationEmailDocument,
  SetProviderKeyDocument,
  UsageDocument,
} from '../../../generated/account-settings';

/**
 * The account settings' view of the API: provider keys, usage, data export and account deletion.
 * Every call ends in a `Result`. Answers that hold personal data skip Apollo's cache.
 */
@Injectable({ providedIn: 'root' })
export class AccountSettingsApi {
  private readonly apollo = inject(Apollo);

  providerKeys(): Observable<Result<readonly ProviderKey[]>> {
    return toResult(
      this.apollo.query({ query: ProviderKeysDocument, fetchPolicy: 'no-cache' }),
      (d) => d.providerKeys,
    );
  }

  /** Stores or replaces the key; the answer carries only its hint. */
  setProviderKey(
    provider: string,
    key: string,
    baseUrl: string | null,
  ): Observable<Result<ProviderKey>> {
    return toResult(
      this.apollo.mutate({
        mutation: SetProviderKeyDocument,
        variables: { provider, key, baseUrl },
        fetchPolicy: 'no-cache',
      }),
      (d) => d.setProviderKey,
    );
  }

  deleteProviderKey(provider: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: DeleteProviderKeyDocument, variables: { provider } }),
      (d) => d.deleteProviderKey,
    );
  }

  usage(): Observable<Result<Usage>> {
    return toResult(
      this.apollo.query({ query: UsageDocument, fetchPolicy: 'no-cache' }),
      (d) => d.usage,
    );
  }

  exportMyData(): Observable<Result<unknown>> {
    return toResult(
      this.apollo.query({ query: ExportMyDataDocument, fetchPolicy: 'no-cache' }),
      (d) => d.exportMyData,
    );
  }

  /** UNAUTHENTICATED for a wrong password; BAD_USER_INPUT on `teams` while the viewer owns a team. */
  deleteAccount(password: string): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: DeleteAccountDocument, variables: { password } }),
      (d) => d.deleteAccount,
    );
  }

  /** A new verification link to the viewer's own address; at most one a minute (RATE_LIMIT_EXCEEDED). */
  resendVerificationEmail(): Observable<Result<boolean>> {
    return toResult(
      this.apollo.mutate({ mutation: ResendVerificationEmailDocument }),
      (d) => d.resendVerificationEmail,
    );
  }
}
