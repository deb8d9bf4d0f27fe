import { type Observable, catchError, map, of } from 'rxjs';
import { type Result, toUserFacingError } from './user-facing-error';

/** What `Apollo.query` and `Apollo.mutate` emit. */
export interface ApolloOutcome<T> {
  readonly data?: T | null | undefined;
  readonly error?: unknown;
}

const NOT_FOUND: Result<never> = {
  ok: false,
  error: { code: 'NOT_FOUND', message: 'Not found.', fieldErrors: {} },
};

/**
 * Ends an Apollo call in a `Result`: GraphQL and transport errors become user-facing errors, and a
 * missing value (`pick` gives null) becomes NOT_FOUND. Nothing is thrown to the page.
 */
export function toResult<D, T>(
  source: Observable<ApolloOutcome<D>>,
  pick: (data: D) => T | null | undefined,
): Observable<Result<T>> {
  return source.pipe(
    map((outcome): Result<T> => {
      if (outcome.error) return { ok: false, error: toUserFacingError(outcome.error) };
      const value = outcome.data ? pick(outcome.data) : undefined;
      return value == null ? NOT_FOUND : { ok: true, value };
    }),
    catchError((error: unknown) => of<Result<T>>({ ok: false, error: toUserFacingError(error) })),
  );
}
