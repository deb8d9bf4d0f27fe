import { AuditEvent } from '../../../../core/audit/audit.entity';
import { Project } from '../../../../core/project/project.entity';
import { User } from '../../../../core/user/user.entity';
import { graphqlOver, type Gql } from '../../../../test/graphql-http';
import { createStack, waitFor, type Stack } from '../../../../test/harness';

/** GDPR: export everything, delete the account, keep what belongs to teams. */
let stack: Stack;
let gql: Gql;
let signUp: ReturnType<typeof graphqlOver>['signUp'];

beforeAll(async () => {
  stack = await createStack();
  await stack.startWorker();
  ({ gql, signUp } = graphqlOver(await stack.app.listen(0, '127.0.0.1')));
});
afterAll(() => stack?.dispose());

const password = 'a long enough passphrase';
const createProject = async (cookie: string, input: Record<string, unknown>) =>
  (await gql<{ createProject: { id: string } }>(cookie, 'mutation($i: CreateProjectInput!) { createProject(input: $i) { id } }', { i: { framework: 'express', ...input } })).data!
    .createProject.id;

it('exports a user’s data, then deletes the account while team work stays with the team', async () => {
  const ada = await signUp('Ada');
  const bob = await signUp('Bob');
  const team = (await gql<{ createTeam: { id: string } }>(ada.cookie, 'mutation { createTeam(name: "Studio") { id } }')).data!.createTeam.id;
  const token = (await gql<{ inviteToTeam: { token: string } }>(ada.cookie, 'mutation($t: ID!) { inviteToTeam(teamId: $t, role: "member") { token } }', { t: team })).data!
    .inviteToTeam.token;
  await gql(bob.cookie, 'mutation($k: String!) { acceptInvitation(token: $k) { id } }', { k: token });
  const bobPersonal = await createProject(bob.cookie, { name: 'Bob Notes' });
  const bobTeamWork = await createProject(bob.cookie, { name: 'Shared Site', teamId: team, visibility: 'team' });
  await waitFor('Bob’s build', async () => (await stack.db.orm.em.fork().findOne(Project, { id: bobPersonal }))?.status === 'READY');

  const exported = (await gql<{ exportMyData: Record<string, unknown> }>(bob.cookie, '{ exportMyData }')).data!.exportMyData as {
    user: { email: string };
    projects: { name: string; files: { path: string; content: string }[] }[];
    teams: { name: string; role: string }[];
    sessions: unknown[];
    auditEvents: { action: string }[];
  };
  expect(exported.user.email).toBe('bob@example.com');
  expect(exported.projects.map((p) => p.name).sort()).toEqual(['Bob Notes', 'Shared Site']);
  expect(exported.projects.find((p) => p.name === 'Bob Notes')!.files.find((f) => f.path === 'src/app.js')!.content).toContain('createApp');
  expect(exported.teams).toEqual([expect.objectContaining({ name: 'Studio', role: 'member' })]);
  expect(exported.sessions).toHaveLength(1);
  expect(exported.auditEvents.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.signup', 'auth.login', 'team.joined']));
  expect(JSON.stringify(exported)).not.toMatch(/argon2|passwordHash/);

  // The owner of a team with other members must hand it over first.
  const blocked = await gql(ada.cookie, 'mutation($p: String!) { deleteAccount(password: $p) }', { p: password });
  expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'teams' });
  expect((await gql(bob.cookie, 'mutation { deleteAccount(password: "not it at all") }')).errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');

  const deleted = await gql(bob.cookie, 'mutation($p: String!) { deleteAccount(password: $p) }', { p: password });
  expect(deleted.data).toEqual({ deleteAccount: true });
  expect(deleted.cookie).toBe('atelier_session=');

  const em = stack.db.orm.em.fork();
  expect(await em.findOne(User, { id: bob.id })).toBeNull();
  expect(await em.findOne(Project, { id: bobPersonal })).toBeNull();
  expect((await em.findOneOrFail(Project, { id: bobTeamWork })).owner.id).toBe(ada.id);
  expect(await em.count(AuditEvent, { actorId: bob.id })).toBe(0);
  expect(await em.count(AuditEvent, { action: 'account.deleted' })).toBe(1);
  expect((await gql(bob.cookie, '{ authState { viewer { id } } }')).data).toEqual({ authState: { viewer: null } });
  const login = await gql(undefined, 'mutation { logIn(input: { email: "bob@example.com", password: "a long enough passphrase" }) { id } }');
  expect(login.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  const team2 = await gql<{ team: { members: unknown[]; projects: { name: string }[] } }>(ada.cookie, 'query($t: ID!) { team(id: $t) { members { role } projects { name } } }', { t: team });
  expect(team2.data?.team).toEqual({ members: [{ role: 'owner' }], projects: [{ name: 'Shared Site' }] });
});
