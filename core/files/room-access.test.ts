import { actorOf, type Actor, type Resource } from '../access/policy';
import { READ_ONLY_REASONS, roomAccess } from './room-access';

/**
 * The room access matrix behind `/liveblocks-auth` and `openFile`: for every kind of actor and project, who
 * writes, who reads (with the reason) and who gets nothing. Written out by hand, like the policy's matrix.
 */
const actors: Record<string, Actor> = {
  anonymous: actorOf(null),
  stranger: actorOf('stranger'),
  alice: actorOf('alice'),
  ownerA: actorOf('ownerA', { A: 'owner' }),
  adminA: actorOf('adminA', { A: 'admin' }),
  memberA: actorOf('memberA', { A: 'member' }),
  memberB: actorOf('memberB', { B: 'member' }),
  platformAdmin: actorOf('root', {}, true),
};

const project = (ownerUserId: string, ownerTeamId: string | null, visibility: 'private' | 'team' | 'public'): Extract<Resource, { kind: 'project' }> => ({
  kind: 'project',
  ownerUserId,
  ownerTeamId,
  visibility,
});

type Case = [label: string, resource: Extract<Resource, { kind: 'project' }>, archived: boolean, write: string, read: string];
const NOBODY = '';
const EVERYONE_ELSE = (write: string) => Object.keys(actors).filter((name) => !write.split(' ').includes(name)).join(' ');

const cases: Case[] = [
  ['alice private', project('alice', null, 'private'), false, 'alice', NOBODY],
  ['alice public', project('alice', null, 'public'), false, 'alice', EVERYONE_ELSE('alice')],
  ['A private', project('ownerA', 'A', 'private'), false, 'ownerA adminA', NOBODY],
  ['A private by memberA', project('memberA', 'A', 'private'), false, 'ownerA adminA memberA', NOBODY],
  ['A team', project('memberA', 'A', 'team'), false, 'ownerA adminA memberA', NOBODY],
  ['A public', project('memberA', 'A', 'public'), false, 'ownerA adminA memberA', EVERYONE_ELSE('ownerA adminA memberA')],
  // Archived: editors keep reading (with the reason), nobody writes.
  ['alice private, archived', project('alice', null, 'private'), true, NOBODY, 'alice'],
  ['A team, archived', project('memberA', 'A', 'team'), true, NOBODY, 'ownerA adminA memberA'],
  ['A public, archived', project('memberA', 'A', 'public'), true, NOBODY, Object.keys(actors).join(' ')],
];

describe.each(cases)('%s (archived: %s)', (_label, resource, archived, write, read) => {
  const writers = new Set(write.split(' ').filter(Boolean));
  const readers = new Set(read.split(' ').filter(Boolean));
  it.each(Object.keys(actors))('%s', (name) => {
    const expected = writers.has(name) ? 'write' : readers.has(name) ? 'read' : null;
    expect(roomAccess(actors[name]!, resource, archived)?.access ?? null).toBe(expected);
  });
});

it('says why a room is read-only: archived for its editors, view-only for everyone else', () => {
  expect(roomAccess(actors.alice!, project('alice', null, 'public'), true)).toEqual({ access: 'read', reason: READ_ONLY_REASONS.archived });
  expect(roomAccess(actors.stranger!, project('alice', null, 'public'), true)).toEqual({ access: 'read', reason: READ_ONLY_REASONS.viewer });
  expect(roomAccess(actors.anonymous!, project('alice', null, 'public'), false)).toEqual({ access: 'read', reason: READ_ONLY_REASONS.viewer });
  expect(roomAccess(actors.alice!, project('alice', null, 'private'), false)).toEqual({ access: 'write', reason: null });
});
