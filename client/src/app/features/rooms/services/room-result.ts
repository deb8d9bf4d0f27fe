import { type Observable, catchError, firstValueFrom, map, of } from 'rxjs';
import type { ApolloOutcome } from '../../../core/apollo-result';
import { type RoomProblem, type RoomResult, toRoomError } from '../models/room-error';

const MISSING: RoomProblem = {
  code: 'ROOM_NOT_FOUND',
  message: 'This room does not exist, or you cannot see it.',
  fieldErrors: {},
};

/**
 * Ends an Apollo call in a `RoomResult`, keeping the room rules' codes (ROOM_FULL, ROOM_LOCKED …) that the
 * app-wide mapping would fold into INTERNAL. A missing value is ROOM_NOT_FOUND. Nothing is thrown.
 */
export function roomResult<D, T>(
  source: Observable<ApolloOutcome<D>>,
  pick: (data: D) => T | null | undefined,
): Promise<RoomResult<T>> {
  return firstValueFrom(
    source.pipe(
      map((outcome): RoomResult<T> => {
        if (outcome.error) return { ok: false, error: toRoomError(outcome.error) };
        const value = outcome.data ? pick(outcome.data) : undefined;
        return value == null ? { ok: false, error: MISSING } : { ok: true, value };
      }),
      catchError((error: unknown) => of<RoomResult<T>>({ ok: false, error: toRoomError(error) })),
    ),
  );
}
