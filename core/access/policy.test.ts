import { actorOf, can, type Action, type Actor, type Resource } from './policy';

/**
 * The authorization matrix: every action on every resource for every kind of actor, including members of
 * another team aiming at this team's ids (IDOR). Expected answers are written out by hand as the set of
 * actors allowed; anything not listed must be refused.
 */
const actors: Record<string, Actor> = {
  anonymous: actorOf(null),
  stranger: actorOf('stranger'),
  alice: actorOf('alice'), // owns personal projects
  ownerA: actorOf('ownerA', { A: 'owner' }),
  adminA: actorOf('adminA', { A: 'admin' }),
  memberA: actorOf('memberA', { A: 'member' }),
  ownerB: actorOf('ownerB', { B: 'owner' }), // another team: IDOR attempts
  memberB: actorOf('memberB', { B: 'member' }),
  platformAdmin: actorOf('root', {}, true),
};

const project = (ownerUserId: string | null, ownerTeamId: string | null, visibility: 'private' | 'team' | 'public'): Resource => ({
  kind: 'project',
  ownerUserId,
  ownerTeamId,
  visibility,
});

type Case = [label: string, resource: Resource, action: Action, allowed: string];
const ALL = Object.keys(actors).join(' ');

const cases: Case[] = [
  // Personal projects: only their owner, except public reads.
  ['alice private', project('alice', null, 'private'), 'project:read', 'alice'],
  ['alice team-visible (no team: private)', project('alice', null, 'team'), 'project:read', 'alice'],
  ['alice public', project('alice', null, 'public'), 'project:read', ALL],
  ['alice public', project('alice', null, 'public'), 'project:update', 'alice'],
  ['alice public', project('alice', null, 'public'), 'project:run', 'alice'],
  ['alice private', project('alice', null, 'private'), 'project:delete', 'alice'],
  // Team A projects.
  ['A private', project('ownerA', 'A', 'private'), 'project:read', 'ownerA adminA'],
  ['A private', project('ownerA', 'A', 'private'), 'project:update', 'ownerA adminA'],
  ['A private', project('ownerA', 'A', 'private'), 'project:run', 'ownerA adminA'],
  ['A private', project('ownerA', 'A', 'private'), 'project:delete', 'ownerA adminA'],
  ['A private by memberA', project('memberA', 'A', 'private'), 'project:read', 'ownerA adminA memberA'],
  ['A private by memberA', project('memberA', 'A', 'private'), 'project:delete', 'ownerA adminA'],
  ['A private by memberB (left A)', project('memberB', 'A', 'private'), 'project:read', 'ownerA adminA'],
  ['A team', project('memberA', 'A', 'team'), 'project:read', 'ownerA adminA memberA'],
  ['A team', project('memberA', 'A', 'team'), 'project:update', 'ownerA adminA memberA'],
  ['A team', project('memberA', 'A', 'team'), 'project:run', 'ownerA adminA memberA'],
  ['A team', project('memberA', 'A', 'team'), 'project:delete', 'ownerA adminA'],
  ['A public', project('memberA', 'A', 'public'), 'project:read', ALL],
  ['A public', project('memberA', 'A', 'public'), 'project:update', 'ownerA adminA memberA'],
  // A creator removed from the team controls none of its runs (issue 11: team runs are the team's).
  ['A team by memberB (left A)', project('memberB', 'A', 'team'), 'project:run', 'ownerA adminA memberA'],
  ['A public by memberB (left A)', project('memberB', 'A', 'public'), 'project:run', 'ownerA adminA memberA'],
  // Team A administration.
  ['team A', { kind: 'team', teamId: 'A' }, 'team:read', 'ownerA adminA memberA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:create-project', 'ownerA adminA memberA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:invite', 'ownerA adminA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:manage-settings', 'ownerA adminA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:manage-keys', 'ownerA adminA'],
  ['team A member', { kind: 'team', teamId: 'A', targetUserId: 'memberA', targetRole: 'member' }, 'team:remove-member', 'ownerA adminA'],
  ['team A admin', { kind: 'team', teamId: 'A', targetUserId: 'adminA', targetRole: 'admin' }, 'team:remove-member', 'ownerA'],
  ['team A owner', { kind: 'team', teamId: 'A', targetUserId: 'ownerA', targetRole: 'owner' }, 'team:remove-member', ''],
  ['team A member', { kind: 'team', teamId: 'A', targetUserId: 'memberA', targetRole: 'member' }, 'team:change-role', 'ownerA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:transfer', 'ownerA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:delete', 'ownerA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:leave', 'adminA memberA'],
  ['team A', { kind: 'team', teamId: 'A' }, 'team:read-members', 'ownerA adminA memberA platformAdmin'],
  // Accounts: only oneself.
  ['alice', { kind: 'user', userId: 'alice' }, 'user:read-private', 'alice'],
  ['alice', { kind: 'user', userId: 'alice' }, 'user:update', 'alice'],
  ['alice', { kind: 'user', userId: 'alice' }, 'user:export', 'alice'],
  ['alice', { kind: 'user', userId: 'alice' }, 'user:delete', 'alice'],
  ['alice', { kind: 'user', userId: 'alice' }, 'user:create-project', 'alice'],
  // Contact details: oneself, teammates, platform admins; never a reader of a public project.
  ['alice (no team)', { kind: 'user', userId: 'alice' }, 'user:read-contact', 'alice platformAdmin'],
  ['memberA', { kind: 'user', userId: 'memberA', teamIds: ['A'] }, 'user:read-contact', 'ownerA adminA memberA platformAdmin'],
  [
    'memberA (in A and B)',
    { kind: 'user', userId: 'memberA', teamIds: ['A', 'B'] },
    'user:read-contact',
    'ownerA adminA memberA ownerB memberB platformAdmin',
  ],
  ['memberA', { kind: 'user', userId: 'memberA', teamIds: ['A'] }, 'user:read-private', 'memberA'],
  ['memberA', { kind: 'user', userId: 'memberA', teamIds: ['A'] }, 'user:update', 'memberA'],
  // The platform.
  ['platform', { kind: 'platform' }, 'platform:read-audit', 'platformAdmin'],
  ['platform', { kind: 'platform' }, 'platform:override-limits', 'platformAdmin'],
  ['platform', { kind: 'platform' }, 'platform:rotate-keys', 'platformAdmin'],
];

describe.each(cases)('%s: %s', (_label, resource, action, allowed) => {
  const expected = new Set(allowed.split(' ').filter(Boolean));
  it.each(Object.keys(actors))(`${action} by %s`, (name) => {
    expect(can(actors[name]!, action, resource)).toBe(expected.has(name));
  });
});

it('refuses actions that do not belong to the resource kind', () => {
  expect(can(actors.ownerA!, 'team:delete', project('ownerA', 'A', 'public'))).toBe(false);
  expect(can(actors.platformAdmin!, 'project:read', { kind: 'platform' })).toBe(false);
  expect(can(actors.alice!, 'platform:read-audit', { kind: 'user', userId: 'alice' })).toBe(false);
});

it('covers every actor in the table at least once as allowed and once as refused', () => {
  for (const name of Object.keys(actors)) {
    const answers = cases.map(([, resource, action]) => can(actors[name]!, action, resource));
    expect({ name, someAllowed: answers.some(Boolean), someRefused: answers.some((a) => !a) }).toEqual({ name, someAllowed: true, someRefused: true });
  }
});
