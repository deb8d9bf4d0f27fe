import { NotFoundError } from './domain.errors';

/**
 * For reads that answer null (or nothing) when the thing is not there: `.catch(nullIfNotFound)`. Only a
 * NotFoundError means "not there"; anything else, a database outage included, propagates and is reported as
 * an internal error, never as "not found".
 */
export function nullIfNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}
