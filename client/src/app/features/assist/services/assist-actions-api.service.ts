import { Injectable, inject } from '@angular/core';
import { Apollo } from 'apollo-angular';
import { type Observable, catchError, firstValueFrom, map, of, takeWhile } from 'rxjs';
import type { ApolloOutcome } from '../../../core/apollo-result';
import {
  type AssistActionCapabilitiesQuery,
  AssistActionCapabilitiesDocument,
  AssistActionDocument,
  AssistActionStreamDocument,
  type AssistActionStreamSubscription,
  type AssistActionViewFragment,
  CancelAssistActionDocument,
  DecideAssistActionDocument,
  StartAssistActionDocument,
} from '../../../generated/assist-actions';
import type { StartAssistInput } from '../../../generated/schema';
import { type AssistProblem, type AssistResult, toAssistProblem } from './assist-errors';

export type AssistRequestView = AssistActionViewFragment;
export type AssistStreamEvent = AssistActionStreamSubscription['assistStream'];
export type AssistCapabilities = AssistActionCapabilitiesQuery['assistCapabilities'];
export type AssistAvailability = AssistCapabilities['actions'];
export type { StartAssistInput };

const MISSING: AssistProblem = {
  code: 'NOT_FOUND',
  message: 'This action no longer exists.',
  extensions: {},
};

/** Editor actions over GraphQL; every call ends in an `AssistResult`, never an exception. */
@Injectable({ providedIn: 'root' })
export class AssistActionsApi {
  private readonly apollo = inject(Apollo);

  capabilities(projectId: string): Promise<AssistResult<AssistCapabilities>> {
    return settle(
      this.apollo.query({
        query: AssistActionCapabilitiesDocument,
        variables: { projectId },
        fetchPolicy: 'network-only',
      }),
      (d) => d.assistCapabilities,
    );
  }

  start(input: StartAssistInput): Promise<AssistResult<AssistRequestView>> {
    return settle(
      this.apollo.mutate({ mutation: StartAssistActionDocument, variables: { input } }),
      (d) => d.startAssist,
    );
  }

  get(id: string): Promise<AssistResult<AssistRequestView>> {
    return settle(
      this.apollo.query({
        query: AssistActionDocument,
        variables: { id },
        fetchPolicy: 'network-only',
      }),
      (d) => d.assistRequest,
    );
  }

  decide(id: string, accept: boolean): Promise<AssistResult<AssistRequestView>> {
    return settle(
      this.apollo.mutate({ mutation: DecideAssistActionDocument, variables: { id, accept } }),
      (d) => d.decideAssist,
    );
  }

  cancel(id: string): Promise<AssistResult<AssistRequestView>> {
    return settle(
      this.apollo.mutate({ mutation: CancelAssistActionDocument, variables: { id } }),
      (d) => d.cancelAssist,
    );
  }

  /** The request's events from the start, live, through ready or failed; an error ends it (thrown). */
  stream(id: string): Observable<AssistStreamEvent> {
    return this.apollo
      .subscribe({
        query: AssistActionStreamDocument,
        variables: { id, after: null },
        fetchPolicy: 'no-cache',
      })
      .pipe(
        map((result) => {
          if (result.error) throw result.error;
          const event = result.data?.assistStream;
          if (!event) throw new Error('Subscription result without an event');
          return event;
        }),
        takeWhile((event) => event.type !== 'assist.ready' && event.type !== 'assist.failed', true),
      );
  }
}

function settle<D, T>(
  source: Observable<ApolloOutcome<D>>,
  pick: (data: D) => T | null | undefined,
): Promise<AssistResult<T>> {
  return firstValueFrom(
    source.pipe(
      map((outcome): AssistResult<T> => {
        if (outcome.error) return { ok: false, error: toAssistProblem(outcome.error) };
        const value = outcome.data ? pick(outcome.data) : undefined;
        return value == null ? { ok: false, error: MISSING } : { ok: true, value };
      }),
      catchError((error: unknown) =>
        of<AssistResult<T>>({ ok: false, error: toAssistProblem(error) }),
      ),
    ),
  );
}
