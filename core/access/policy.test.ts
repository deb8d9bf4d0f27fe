import type { RoomRole, RoomVisibility } from '../../contracts/rooms';
import { actorOf, can, canAssist, canEditFiles, type Action, type Actor, type Resource, type RoomAction } from './policy';

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
  // Deployments (issue 15): collaborators only, never a public project's readers; settings need the owner or a team admin.
  ['alice public', project('alice', null, 'public'), 'deploy:read', 'alice'],
  ['alice public', project('alice', null, 'public'), 'deploy:create', 'alice'],
  ['alice private', project('alice', null, 'private'), 'deploy:configure', 'alice'],
  ['A private', project('ownerA', 'A', 'private'), 'deploy:read', 'ownerA adminA'],
  ['A private', project('ownerA', 'A', 'private'), 'deploy:create', 'ownerA adminA'],
  ['A private by memberA', project('memberA', 'A', 'private'), 'deploy:create', 'ownerA adminA memberA'],
  ['A private by memberA', project('memberA', 'A', 'private'), 'deploy:configure', 'ownerA adminA'],
  ['A team', project('memberA', 'A', 'team'), 'deploy:read', 'ownerA adminA memberA'],
  ['A team', project('memberA', 'A', 'team'), 'deploy:create', 'ownerA adminA memberA'],
  ['A team', project('memberA', 'A', 'team'), 'deploy:configure', 'ownerA adminA'],
  ['A public', project('memberA', 'A', 'public'), 'deploy:read', 'ownerA adminA memberA'],
  ['A public', project('memberA', 'A', 'public'), 'deploy:create', 'ownerA adminA memberA'],
  ['A public', project('memberA', 'A', 'public'), 'deploy:configure', 'ownerA adminA'],
  ['A team by memberB (left A)', project('memberB', 'A', 'team'), 'deploy:create', 'ownerA adminA memberA'],
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
  // Billing (issue 16): one's own; a team's owners only (admins and members refused); platform admins read all.
  ['alice billing', { kind: 'billing', subscriberKind: 'user', subscriberId: 'alice' }, 'billing:read', 'alice platformAdmin'],
  ['alice billing', { kind: 'billing', subscriberKind: 'user', subscriberId: 'alice' }, 'billing:manage', 'alice'],
  ['alice billing', { kind: 'billing', subscriberKind: 'user', subscriberId: 'alice' }, 'billing:admin', 'platformAdmin'],
  ['memberA billing', { kind: 'billing', subscriberKind: 'user', subscriberId: 'memberA' }, 'billing:manage', 'memberA'],
  ['team A billing', { kind: 'billing', subscriberKind: 'team', subscriberId: 'A' }, 'billing:read', 'ownerA platformAdmin'],
  ['team A billing', { kind: 'billing', subscriberKind: 'team', subscriberId: 'A' }, 'billing:manage', 'ownerA'],
  ['team A billing', { kind: 'billing', subscriberKind: 'team', subscriberId: 'A' }, 'billing:admin', 'platformAdmin'],
  // A team id that is also a user id (or the reverse) never crosses over.
  ['user "A" billing', { kind: 'billing', subscriberKind: 'user', subscriberId: 'A' }, 'billing:read', 'platformAdmin'],
  ['team "alice" billing', { kind: 'billing', subscriberKind: 'team', subscriberId: 'alice' }, 'billing:manage', ''],
  ['platform', { kind: 'platform' }, 'billing:admin', 'platformAdmin'],
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
  expect(can(actors.alice!, 'user:update', { kind: 'billing', subscriberKind: 'user', subscriberId: 'alice' })).toBe(false);
  expect(can(actors.alice!, 'billing:manage', { kind: 'user', userId: 'alice' })).toBe(false);
  expect(can(actors.platformAdmin!, 'billing:manage', { kind: 'platform' })).toBe(false);
});

it('covers every actor in the table at least once as allowed and once as refused', () => {
  for (const name of Object.keys(actors)) {
    const answers = cases.map(([, resource, action]) => can(actors[name]!, action, resource));
    expect({ name, someAllowed: answers.some(Boolean), someRefused: answers.some((a) => !a) }).toEqual({ name, someAllowed: true, someRefused: true });
  }
});

/**
 * Rooms: the room resource is the actor's own standing in the room (their role, inside or not, kicked or not), so
 * each column is a person with their standing. `leftParticipant` and `leftHost` left the room (an emptied or
 * archived room keeps its host's role); `kicked` is also a member of the project's team A, so the kick must win
 * over team visibility; `teamMember` belongs to team A and never joined.
 */
interface RoomStandingCase {
  actor: Actor;
  role: RoomRole | null;
  present: boolean;
  kicked: boolean;
}
const standing = (actor: Actor, role: RoomRole | null, present: boolean, kicked = false): RoomStandingCase => ({ actor, role, present, kicked });
const roomPeople: Record<string, RoomStandingCase> = {
  host: standing(actorOf('host'), 'host', true),
  moderator: standing(actorOf('moderator'), 'moderator', true),
  participant: standing(actorOf('participant'), 'participant', true),
  viewer: standing(actorOf('viewer'), 'viewer', true),
  leftParticipant: standing(actorOf('leftParticipant'), 'participant', false),
  leftHost: standing(actorOf('leftHost'), 'host', false),
  kicked: standing(actorOf('kicked', { A: 'member' }), 'participant', false, true),
  teamMember: standing(actorOf('teamMember', { A: 'member' }), null, false),
  stranger: standing(actorOf('stranger'), null, false),
  anonymous: standing(actorOf(null), null, false),
};

/** A room of team A's project (teamId null: a personal project's room); `target` is the member acted on. */
interface RoomCaseRoom {
  visibility: RoomVisibility;
  teamId?: string | null;
  target?: { role: RoomRole; userId: string };
}
type RoomCase = [label: string, room: RoomCaseRoom, action: RoomAction, allowed: string];

const members = 'host moderator participant viewer leftParticipant leftHost';
const roomCases: RoomCase[] = [
  // Seeing and entering: members (left ones too, never kicked ones), then by visibility.
  ['private', { visibility: 'private' }, 'room:view', members],
  ['private', { visibility: 'private' }, 'room:join', members],
  ['team', { visibility: 'team' }, 'room:view', `${members} teamMember`],
  ['team', { visibility: 'team' }, 'room:join', `${members} teamMember`],
  ['team (personal project)', { visibility: 'team', teamId: null }, 'room:view', members],
  ['team (personal project)', { visibility: 'team', teamId: null }, 'room:join', members],
  ['public', { visibility: 'public' }, 'room:view', `${members} teamMember stranger`],
  ['public', { visibility: 'public' }, 'room:join', `${members} teamMember stranger`],
  // Inside: the same for every visibility.
  ...(['private', 'team', 'public'] as const).flatMap((visibility): RoomCase[] => [
    [visibility, { visibility }, 'room:read', 'host moderator participant viewer'],
    [visibility, { visibility }, 'room:chat', 'host moderator participant'],
    [visibility, { visibility }, 'room:edit', 'host moderator participant'],
    [visibility, { visibility }, 'room:terminal', 'host moderator participant'],
    [visibility, { visibility }, 'room:run', 'host moderator participant'],
    [visibility, { visibility }, 'room:lock', 'host moderator'],
    [visibility, { visibility }, 'room:invite', 'host moderator'],
    [visibility, { visibility }, 'room:end', 'host moderator'],
    [visibility, { visibility }, 'room:update', 'host'],
    [visibility, { visibility }, 'room:delete', 'host leftHost'],
    [visibility, { visibility }, 'room:reopen', 'host moderator leftHost'],
    // Moderation and roles: only on a lower role, never on oneself.
    [`${visibility}, on a viewer`, { visibility, target: { role: 'viewer', userId: 'otherViewer' } }, 'room:moderate', 'host moderator'],
    [`${visibility}, on a viewer`, { visibility, target: { role: 'viewer', userId: 'otherViewer' } }, 'room:change-role', 'host moderator'],
    [`${visibility}, on a participant`, { visibility, target: { role: 'participant', userId: 'otherParticipant' } }, 'room:moderate', 'host moderator'],
    [`${visibility}, on a participant`, { visibility, target: { role: 'participant', userId: 'otherParticipant' } }, 'room:change-role', 'host moderator'],
    [`${visibility}, on a moderator`, { visibility, target: { role: 'moderator', userId: 'otherModerator' } }, 'room:moderate', 'host'],
    [`${visibility}, on a moderator`, { visibility, target: { role: 'moderator', userId: 'otherModerator' } }, 'room:change-role', 'host'],
    [`${visibility}, on the host`, { visibility, target: { role: 'host', userId: 'otherHost' } }, 'room:moderate', ''],
    [`${visibility}, on the host`, { visibility, target: { role: 'host', userId: 'otherHost' } }, 'room:change-role', ''],
  ]),
  // Aimed at oneself: the moderator "moderator" and the participant "participant" as targets.
  ['public, on the moderator themself', { visibility: 'public', target: { role: 'moderator', userId: 'moderator' } }, 'room:moderate', 'host'],
  ['public, on the moderator themself', { visibility: 'public', target: { role: 'moderator', userId: 'moderator' } }, 'room:change-role', 'host'],
  ['public, on the participant themself', { visibility: 'public', target: { role: 'participant', userId: 'participant' } }, 'room:moderate', 'host moderator'],
  ['public, on the host themself', { visibility: 'public', target: { role: 'host', userId: 'host' } }, 'room:change-role', ''],
  // Without a target, moderation is refused to everyone.
  ['public, no target', { visibility: 'public' }, 'room:moderate', ''],
];

/** `person`'s view of the room: the resource the API builds for them (core/rooms/room-standing.ts). */
function roomAs(person: RoomStandingCase, room: RoomCaseRoom): Resource {
  const { role, present, kicked } = person;
  const target = room.target ? { targetRole: room.target.role, targetUserId: room.target.userId } : {};
  return { kind: 'room', visibility: room.visibility, teamId: room.teamId === undefined ? 'A' : room.teamId, role, present, kicked, ...target };
}

describe.each(roomCases)('room %s: %s', (_label, room, action, allowed) => {
  const expected = new Set(allowed.split(' ').filter(Boolean));
  it.each(Object.keys(roomPeople))(`${action} by %s`, (name) => {
    const person = roomPeople[name]!;
    expect(can(person.actor, action, roomAs(person, room))).toBe(expected.has(name));
  });
});

it('covers every room action, and every person as refused and, but the anonymous visitor and the kicked member, as allowed', () => {
  const actions: RoomAction[] = ['room:view', 'room:join', 'room:read', 'room:chat', 'room:edit', 'room:terminal', 'room:run', 'room:moderate', 'room:change-role', 'room:lock', 'room:invite', 'room:end', 'room:update', 'room:delete', 'room:reopen'];
  expect(new Set(roomCases.map(([, , action]) => action))).toEqual(new Set(actions));
  for (const [name, person] of Object.entries(roomPeople)) {
    const answers = roomCases.map(([, room, action]) => can(person.actor, action, roomAs(person, room)));
    const expected = { name, someAllowed: name !== 'anonymous' && name !== 'kicked', someRefused: true };
    expect({ name, someAllowed: answers.some(Boolean), someRefused: answers.some((a) => !a) }).toEqual(expected);
  }
});

it('refuses room actions on other resources and other actions on rooms', () => {
  const host = roomPeople.host!;
  expect(can(host.actor, 'project:read', roomAs(host, { visibility: 'public' }))).toBe(false);
  expect(can(actors.ownerA!, 'room:view', project('ownerA', 'A', 'public'))).toBe(false);
});

describe('inside a coding room, its project', () => {
  const P = (id: string, visibility: 'private' | 'team' | 'public' = 'private'): Extract<Resource, { kind: 'project' }> => ({
    kind: 'project',
    ownerUserId: 'ownerA',
    ownerTeamId: 'A',
    visibility,
    id,
  });
  const viewer = actorOf('roomViewer', {}, false, { P1: 'read' });
  const participant = actorOf('roomParticipant', {}, false, { P1: 'edit' });
  const outsider = actorOf('stranger');

  it.each([
    ['viewer', viewer, 'project:read', true],
    ['viewer', viewer, 'project:update', false],
    ['participant', participant, 'project:read', true],
    ['participant', participant, 'project:update', false],
    ['participant', participant, 'project:run', false],
    ['participant', participant, 'project:delete', false],
    ['outsider', outsider, 'project:read', false],
  ] as const)('%s: %s is %s', (_name, actor, action, allowed) => {
    expect(can(actor, action, P('P1'))).toBe(allowed);
  });

  it('is read by the room only, never another project, nor one whose resource carries no id', () => {
    expect(can(participant, 'project:read', P('P2'))).toBe(false);
    const { id: _id, ...withoutId } = P('P1');
    expect(can(participant, 'project:read', withoutId)).toBe(false);
  });

  it("has its files edited by participants and above, the project's editors, and nobody else", () => {
    expect(canEditFiles(participant, P('P1'))).toBe(true);
    expect(canEditFiles(viewer, P('P1'))).toBe(false);
    expect(canEditFiles(participant, P('P2'))).toBe(false);
    expect(canEditFiles(actors.memberA!, P('P2', 'team'))).toBe(true);
    expect(canEditFiles(outsider, P('P1', 'public'))).toBe(false);
  });
});

it('never lets a coding room reach a project’s deployments', () => {
  const guest: Actor = { ...actorOf('guest'), roomProjects: new Map([['p1', 'edit']]) };
  const roomProject: Resource = { kind: 'project', ownerUserId: 'alice', ownerTeamId: null, visibility: 'public', id: 'p1' };
  expect(can(guest, 'project:read', roomProject)).toBe(true);
  for (const action of ['deploy:read', 'deploy:create', 'deploy:configure'] as const) expect(can(guest, action, roomProject)).toBe(false);
});

/**
 * Assist (issue 17): who may explain and chat (read) and who may ask for changes and completions (change), per
 * actor kind. Anonymous visitors read public projects but never use assist: every call is metered as someone's.
 */
describe('assist', () => {
  const roomGuest = actorOf('guest', {}, false, { P1: 'edit' });
  const roomViewer = actorOf('viewer', {}, false, { P1: 'read' });
  const assistActors: Record<string, Actor> = { ...actors, roomGuest, roomViewer };
  const P = (ownerUserId: string, ownerTeamId: string | null, visibility: 'private' | 'team' | 'public', id = 'P1'): Extract<Resource, { kind: 'project' }> => ({
    kind: 'project',
    ownerUserId,
    ownerTeamId,
    visibility,
    id,
  });
  const rows: [label: string, project: Extract<Resource, { kind: 'project' }>, use: 'read' | 'change', allowed: string][] = [
    ['alice private', P('alice', null, 'private', 'X'), 'read', 'alice'],
    ['alice private', P('alice', null, 'private', 'X'), 'change', 'alice'],
    ['alice public', P('alice', null, 'public', 'X'), 'read', 'stranger alice ownerA adminA memberA ownerB memberB platformAdmin roomGuest roomViewer'],
    ['alice public', P('alice', null, 'public', 'X'), 'change', 'alice'],
    ['A private', P('ownerA', 'A', 'private', 'X'), 'read', 'ownerA adminA'],
    ['A team', P('memberA', 'A', 'team', 'X'), 'change', 'ownerA adminA memberA'],
    ['A public', P('memberA', 'A', 'public', 'X'), 'change', 'ownerA adminA memberA'],
    // Inside a live coding room over P1: participants may ask for changes, viewers may only explain and chat.
    ['alice private, room P1', P('alice', null, 'private'), 'read', 'alice roomGuest roomViewer'],
    ['alice private, room P1', P('alice', null, 'private'), 'change', 'alice roomGuest'],
  ];
  for (const [label, project, use, allowed] of rows) {
    it(`${label}: ${use}`, () => {
      const expected = new Set(allowed.split(' ').filter(Boolean));
      for (const [name, actor] of Object.entries(assistActors)) {
        expect({ actor: name, allowed: canAssist(actor, use, project) }).toEqual({ actor: name, allowed: expected.has(name) });
      }
    });
  }
});
