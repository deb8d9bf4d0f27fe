import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { RoomEventType } from '@contracts/rooms';
import { ApolloTestingController, ApolloTestingModule, type TestOperation } from 'apollo-angular/testing';
import { RealtimeConnection } from '../../../core/realtime-connection';
import { FakeRealtimeConnection } from '../../../../testing/fakes';
import type { RoomResult } from '../models/room-error';
import type { RoomInside } from '../models/room.models';
import { messagePayload, roomError, roomPayload } from '../testing/room-payloads';
import { ROOM_EVENTS_RETRY_DELAY } from './room-event-stream.service';
import { ROOM_REFRESH_AUDIT_MS, RoomSession } from './room-session';
import { ROOM_THEME, type RoomThemeAdapter } from './room-theme';

const wait = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RoomSession', () => {
  let apollo: ApolloTestingController;
  let session: RoomSession;
  let themes: (string | null)[];
  let events: TestOperation;
  let n = 0;

  beforeEach(() => {
    themes = [];
    const theme: RoomThemeAdapter = {
      themes: signal([]),
      followRoomTheme: signal(true),
      setFollowRoomTheme: () => undefined,
      setRoomTheme: (id) => void themes.push(id),
      picker: null,
    };
    TestBed.configureTestingModule({
      imports: [ApolloTestingModule],
      providers: [
        RoomSession,
        { provide: RealtimeConnection, useValue: new FakeRealtimeConnection() },
        { provide: ROOM_EVENTS_RETRY_DELAY, useValue: () => 0 },
        { provide: ROOM_THEME, useValue: theme },
      ],
    });
    apollo = TestBed.inject(ApolloTestingController);
    session = TestBed.inject(RoomSession);
  });

  /** Enters room-1 (its newest chat page holds `history`); returns the room's live events. */
  async function enter(history = [messagePayload('m1')], room = roomPayload({ themeId: 'tokyo-night', eventCursor: '5-0' })) {
    const entered = session.enter('room-1');
    await wait();
    apollo.expectOne('RoomInside').flushData({ room });
    const result: RoomResult<RoomInside> = await entered;
    expect(result.ok).toBe(true);
    await wait();
    apollo.expectOne('RoomMessages').flushData({ roomMessages: { __typename: 'RoomMessagePage', messages: history, before: 'm1' } });
    events = apollo.expectOne('RoomEvents');
    expect(events.operation.variables).toEqual({ roomId: 'room-1', after: '5-0' });
    await wait();
  }

  function emit(type: string, data: unknown): void {
    events.flushData({ roomEvents: { __typename: 'RoomEvent', id: `6-${++n}`, roomId: 'room-1', type, data, at: '2026-12-07T10:10:00.000Z' } });
  }

  const bodies = () => session.chat.messages().map((m) => `${m.id}:${m.status}:${m.body}`);

  it('follows the chat live: new messages, an agent answer streaming in, edits and deletions', async () => {
    await enter();
    expect(bodies()).toEqual(['m1:complete:Hello']);
    expect(session.chat.hasEarlier()).toBe(true);

    emit(RoomEventType.MESSAGE_CREATED, messagePayload('m2', { body: '@reviewer why?', createdAt: '2026-12-07T10:11:00.000Z' }));
    // The stream may overtake the answer's creation: its text waits for the message.
    emit(RoomEventType.MESSAGE_STREAM, { messageId: 'a1', text: 'Because' });
    emit(RoomEventType.MESSAGE_CREATED, messagePayload('a1', { authorKind: 'agent', authorId: null, body: '', status: 'streaming', createdAt: '2026-12-07T10:12:00.000Z' }));
    await wait();
    expect(bodies()).toEqual(['m1:complete:Hello', 'm2:complete:@reviewer why?', 'a1:streaming:Because']);

    emit(RoomEventType.MESSAGE_STREAM, { messageId: 'a1', text: 'Because the token expired' });
    await wait();
    expect(bodies().at(-1)).toBe('a1:streaming:Because the token expired');
    emit(RoomEventType.MESSAGE_UPDATED, messagePayload('a1', { authorKind: 'agent', body: 'Because the token expired.', createdAt: '2026-12-07T10:12:00.000Z' }));
    // A late stream event never reopens a finished answer.
    emit(RoomEventType.MESSAGE_STREAM, { messageId: 'a1', text: 'Because' });
    emit(RoomEventType.MESSAGE_DELETED, { messageId: 'm2' });
    await wait();
    expect(bodies()).toEqual(['m1:complete:Hello', 'm2:complete:', 'a1:complete:Because the token expired.']);
    expect(session.chat.messages()[1]!.deleted).toBe(true);
  });

  it('applies the host theme as it changes, and gives the app its own back on leaving', async () => {
    await enter();
    emit(RoomEventType.THEME_CHANGED, { themeId: 'nordic-minimal' });
    await wait();
    expect(session.room()?.themeId).toBe('nordic-minimal');
    session.stop();
    expect(themes).toEqual(['tokyo-night', 'nordic-minimal', null]);
  });

  it('leaves the room view with a notice when the caller is kicked', async () => {
    await enter();
    emit(RoomEventType.MEMBER_KICKED, { userId: 'u2' });
    await wait(ROOM_REFRESH_AUDIT_MS + 20);
    // Someone else's kick: the room is read again (members changed).
    apollo.expectOne('RoomInside').flushData({ room: roomPayload({ eventCursor: '6-1' }) });
    expect(session.exit()).toBeNull();

    emit(RoomEventType.MEMBER_KICKED, { userId: 'u1' });
    await wait();
    expect(session.exit()?.kind).toBe('kicked');
    expect(session.exit()?.message).toContain('You were removed from this room');
    expect(themes.at(-1)).toBeNull();
  });

  it('reads the room again when the server ends the stream, and learns the caller was removed', async () => {
    await enter();
    events.complete();
    await wait(ROOM_REFRESH_AUDIT_MS + 20);
    apollo.expectOne('RoomInside').graphqlErrors([roomError('ROOM_KICKED')]);
    await wait();
    expect(session.exit()?.kind).toBe('kicked');
  });

  it('re-reads the room on member and room changes, once per burst', async () => {
    await enter();
    emit(RoomEventType.MEMBER_JOINED, { userId: 'u5' });
    emit(RoomEventType.MEMBER_UPDATED, { userId: 'u2', role: 'viewer' });
    emit(RoomEventType.ROOM_UPDATED, { name: 'Renamed' });
    await wait(ROOM_REFRESH_AUDIT_MS + 20);
    apollo.expectOne('RoomInside').flushData({ room: roomPayload({ name: 'Renamed', presentCount: 3 }) });
    await wait();
    expect(session.room()?.name).toBe('Renamed');
    emit(RoomEventType.ROOM_ARCHIVED, {});
    await wait(ROOM_REFRESH_AUDIT_MS + 20);
    apollo.expectOne('RoomInside').flushData({ room: roomPayload({ status: 'archived', me: { ...roomPayload().me, present: false } }) });
    await wait();
    expect(session.archived()).toBe(true);
    expect(session.exit()).toBeNull();
  });

  it('marks the room archived even when only outsiders may read it now', async () => {
    await enter();
    emit(RoomEventType.ROOM_ARCHIVED, { archivedAt: '2026-12-08T10:00:00.000Z' });
    await wait();
    expect(session.archived()).toBe(true);
    await wait(ROOM_REFRESH_AUDIT_MS + 20);
    apollo.expectOne('RoomInside').graphqlErrors([roomError('ROOM_FORBIDDEN')]);
    await wait();
    apollo.expectOne('Room').flushData({ room: roomPayload({ status: 'archived', archivedAt: '2026-12-08T10:00:00.000Z' }) });
    await wait();
    expect(session.room()?.archivedAt).toBe('2026-12-08T10:00:00.000Z');
    expect(session.room()?.members).toHaveLength(2);
    expect(session.exit()).toBeNull();
  });
});
