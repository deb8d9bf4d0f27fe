/** GraphQL payloads of the rooms API as the server sends them (with `__typename`, which Apollo's cache expects). */

export function memberPayload(userId: string, role: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'RoomMember',
    id: `m-${userId}`,
    userId,
    displayName: `Person ${userId}`,
    role,
    present: true,
    joinedAt: '2026-12-07T10:00:00.000Z',
    mutedUntil: null,
    ...overrides,
  };
}

/** A room as `Room`/`RoomInside` return it; `members` and `sandbox` are ignored by the plain `Room` query. */
export function roomPayload(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Room',
    id: 'room-1',
    name: 'Pairing on auth',
    description: 'Fixing the login flow.',
    visibility: 'private',
    status: 'active',
    locked: false,
    hasPassword: false,
    capacity: 10,
    maxCapacity: 25,
    presentCount: 2,
    themeId: null,
    eventCursor: '0-0',
    lastActivityAt: '2026-12-07T10:05:00.000Z',
    archivedAt: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    project: { __typename: 'RoomProject', id: 'p1', name: 'Recipe box', framework: 'nextjs', canEdit: true },
    me: memberPayload('u1', 'host', { displayName: 'Ada Lovelace' }),
    host: memberPayload('u1', 'host', { displayName: 'Ada Lovelace' }),
    members: [memberPayload('u1', 'host', { displayName: 'Ada Lovelace' }), memberPayload('u2', 'participant', { displayName: 'Grace Hopper' })],
    sandbox: null,
    ...overrides,
  };
}

export function messagePayload(id: string, overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'RoomMessage',
    id,
    roomId: 'room-1',
    authorKind: 'user',
    authorId: 'u2',
    authorName: 'Grace Hopper',
    agentRole: null,
    body: 'Hello',
    snippet: null,
    refs: [] as unknown[],
    mentions: [] as string[],
    replyTo: null,
    status: 'complete',
    editedAt: null,
    deleted: false,
    createdAt: `2026-12-07T10:0${id.length % 10}:00.000Z`,
    ...overrides,
  };
}

/** A GraphQL error with a room rule's code, as the server's error formatter writes it. */
export function roomError(code: string, message = 'Refused by the server.') {
  return { message, extensions: { code } };
}
