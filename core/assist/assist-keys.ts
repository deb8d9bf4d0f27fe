/**
 * The dedupe key of a request's one terminal event (assist.ready or assist.failed): finishing, failing and
 * cancelling all publish under it, so a stream ends exactly once whoever gets there first (and a retry adds none).
 */
export const assistEndKey = (requestId: string): string => `assist:${requestId}:end`;
