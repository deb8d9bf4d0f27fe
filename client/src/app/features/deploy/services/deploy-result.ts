import { type Observable, catchError, firstValueFrom, map, of } from 'rxjs';
import type { ApolloOutcome } from '../../../core/apollo-result';
import { type DeployResult, toDeployError } from '../models/deploy-error';

const MISSING = { code: 'NOT_FOUND', message: 'This deployment does not exist, or you cannot see it.', fieldErrors: {} } as const;

/**
 * Ends an Apollo call in a `DeployResult`, keeping the DEPLOY_* codes that the app-wide mapping would fold
 * into INTERNAL. A missing value is NOT_FOUND. Nothing is thrown.
 */
export function deployResult<D, T>(
  source: Observable<ApolloOutcome<D>>,
  pick: (data: D) => T | null | undefined,
): Promise<DeployResult<T>> {
  return firstValueFrom(
    source.pipe(
      map((outcome): DeployResult<T> => {
        if (outcome.error) return { ok: false, error: toDeployError(outcome.error) };
        const value = outcome.data ? pick(outcome.data) : undefined;
        return value == null ? { ok: false, error: MISSING } : { ok: true, value };
      }),
      catchError((error: unknown) => of<DeployResult<T>>({ ok: false, error: toDeployError(error) })),
    ),
  );
}
