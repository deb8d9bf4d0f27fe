import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, type Stack } from '../../../../test/harness';

/** Teams over real HTTP with cookies: invitations, roles, and who sees which project (IDOR included). */
let stack: Stack;
let url: string;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  url = await stack.app.listen(0, '127.0.0.1');
  ({ gql, signUp } = graphqlOver(url));
});
afterAll(() => stack?.dispose());

type Errors = { message: string; extensions: { code: string; field?: string } }[];
const code = (r: { errors?: Errors }) => r.errors?.[0]?.extensions.code;

const CREATE = 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id team { id } } }';
const create = async (cookie: string, input: Record<string, unknown>) =>
  (await gql<{ createProject: { id: string } }>(cookie, CREATE, { i: { framework: 'express', ...input } })).data!.createProject.id;
const readProject = async (cookie: string | undefined, id: string) =>
  (await gql<{ project: { id: string } | null }>(cookie, 'query($id: ID!) { project(id: $id) { id } }', { id })).data?.project ?? null;
const listed = async (cookie: string) =>
  ((await gql<{ projects: { id: string }[] }>(cookie, '{ projects { id } }')).data?.projects ?? []).map((p) => p.id).sort();

it('a team owner invites a user who joins; private projects stay private on both sides; outsiders see nothing', async () => {
  const ada = await signUp('Ada');
  const bob = await signUp('Bob');
  const carol = await signUp('Carol');

  const team = (await gql<{ createTeam: { id: string; viewerRole: string } }>(ada.cookie, 'mutation { createTeam(name: "Makers") { id viewerRole } }')).data!.createTeam;
  expect(team.viewerRole).toBe('owner');
  const bad = await gql(ada.cookie, 'mutation { createTeam(name: "x") { id } }');
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });

  const invite = (await gql<{ inviteToTeam: { link: string; token: string } }>(ada.cookie, 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { link token } }', { t: team.id })).data!.inviteToTeam;
  expect(invite.link).toBe(`${url}/invitations/${invite.token}`);
  const preview = await gql<{ invitation: Record<string, unknown> }>(undefined, 'query($k: String!) { invitation(token: $k) { teamName role invitedByName } }', { k: invite.token });
  expect(preview.data?.invitation).toEqual({ teamName: 'Makers', role: 'member', invitedByName: 'Ada' });
  const accept = 'mutation($k: String!) { acceptInvitation(token: $k) { id viewerRole } }';
  expect((await gql(bob.cookie, accept, { k: invite.token })).data).toEqual({ acceptInvitation: { id: team.id, viewerRole: 'member' } });
  expect(code(await gql(carol.cookie, accept, { k: invite.token }))).toBe('BAD_USER_INPUT'); // single use

  const adaPrivate = await create(ada.cookie, { name: 'Ada Private' });
  const bobPrivate = await create(bob.cookie, { name: 'Bob Private' });
  const teamShared = await create(ada.cookie, { name: 'Team Shared', teamId: team.id, visibility: 'team' });
  const teamSecret = await create(ada.cookie, { name: 'Team Secret', teamId: team.id, visibility: 'private' });
  expect(code(await gql(carol.cookie, CREATE, { i: { name: 'Sneaky', framework: 'express', teamId: team.id } }))).toBe('BAD_USER_INPUT');

  expect(await listed(ada.cookie)).toEqual([adaPrivate, teamShared, teamSecret].sort());
  expect(await listed(bob.cookie)).toEqual([bobPrivate, teamShared].sort());
  expect(await listed(carol.cookie)).toEqual([]);

  const visible: Record<string, string[]> = { ada: [adaPrivate, teamShared, teamSecret], bob: [bobPrivate, teamShared], carol: [] };
  const who = { ada, bob, carol };
  for (const [name, user] of Object.entries(who)) {
    for (const id of [adaPrivate, bobPrivate, teamShared, teamSecret]) {
      expect({ name, id, seen: Boolean(await readProject(user.cookie, id)) }).toEqual({ name, id, seen: visible[name]!.includes(id) });
      const log = await gql(user.cookie, 'query($id: ID!) { projectEventLog(projectId: $id) { id } }', { id });
      expect({ name, id, code: code(log) ?? 'ok' }).toEqual({ name, id, code: visible[name]!.includes(id) ? 'ok' : 'NOT_FOUND' });
    }
  }
  for (const id of [adaPrivate, teamShared]) expect(await readProject(undefined, id)).toBeNull();
});

it('enforces team roles and answers outsiders as if the team did not exist', async () => {
  const owner = await signUp('Olive');
  const member = await signUp('Milo');
  const outsider = await signUp('Otto');
  const team = (await gql<{ createTeam: { id: string } }>(owner.cookie, 'mutation { createTeam(name: "Roles") { id } }')).data!.createTeam;
  const token = (await gql<{ inviteToTeam: { token: string } }>(owner.cookie, 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }', { t: team.id })).data!.inviteToTeam.token;
  await gql(member.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: token });
  const v = { t: team.id, u: owner.id, m: member.id };

  const mutations: [string, string][] = [
    ['invite', 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }'],
    ['remove', 'mutation($t: ID!, $u: ID!) { removeTeamMember(teamId: $t, userId: $u) }'],
    ['role', 'mutation($t: ID!, $m: ID!) { changeTeamRole(teamId: $t, userId: $m, role: "admin") { role } }'],
    ['transfer', 'mutation($t: ID!, $m: ID!) { transferTeamOwnership(teamId: $t, userId: $m) { id } }'],
    ['delete', 'mutation($t: ID!) { deleteTeam(teamId: $t) }'],
  ];
  for (const [name, query] of mutations) {
    expect({ name, outsider: code(await gql(outsider.cookie, query, v)) }).toEqual({ name, outsider: 'NOT_FOUND' });
    expect({ name, member: code(await gql(member.cookie, query, v)) }).toEqual({ name, member: 'FORBIDDEN' });
  }
  expect((await gql(outsider.cookie, 'query($t: ID!) { team(id: $t) { id } }', v)).data).toEqual({ team: null });

  expect(code(await gql(owner.cookie, 'mutation($t: ID!) { leaveTeam(teamId: $t) }', v))).toBe('FORBIDDEN');
  expect((await gql(owner.cookie, 'mutation($t: ID!, $m: ID!) { transferTeamOwnership(teamId: $t, userId: $m) { viewerRole } }', v)).data).toEqual({
    transferTeamOwnership: { viewerRole: 'admin' },
  });
  expect((await gql(owner.cookie, 'mutation($t: ID!) { leaveTeam(teamId: $t) }', v)).data).toEqual({ leaveTeam: true });
  const members = await gql<{ team: { members: { role: string; user: { id: string } }[] } }>(member.cookie, 'query($t: ID!) { team(id: $t) { members { role user { id } } } }', v);
  expect(members.data?.team.members).toEqual([{ role: 'owner', user: { id: member.id } }]);
});
