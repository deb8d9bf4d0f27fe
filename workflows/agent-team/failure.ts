/** Reading a failure that came up through activities and child workflows. Deterministic: workflows use it. */
import { ActivityFailure, ApplicationFailure, ChildWorkflowFailure } from '@temporalio/workflow';

/** The innermost cause's business type (our ErrorCode) and message. */
export function failureOf(error: unknown): { type: string | undefined; message: string } {
  let cause: unknown = error;
  while (cause instanceof ActivityFailure || cause instanceof ChildWorkflowFailure) cause = cause.cause;
  return {
    type: cause instanceof ApplicationFailure ? (cause.type ?? undefined) : undefined,
    message: cause instanceof Error ? cause.message : String(cause),
  };
}
